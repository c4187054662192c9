"""Trainings for tests: the catalogue page and a factory for a training with sessions."""

from datetime import timedelta

import pytest
from django.utils import timezone

from home.site_setup import ensure_training_pages
from opleidingen.models import OpleidingPage, Sessie
from taxonomie.models import Thema


def training_factory():
    index = ensure_training_pages()

    def make(title, sessions=({},), thema=None, vorm="klassikaal", live=True, **fields):
        """sessions: dicts with days (from now), capaciteit, plaats, online, deadline_days (before the start)."""
        page = OpleidingPage(
            title=title, omschrijving=f"<p>Over {title}.</p>", aanbieder="Leerhuis Oost", vorm=vorm,
            thema=Thema.objects.get_or_create(naam=thema)[0] if thema else None, **fields,
        )
        now = timezone.now().replace(microsecond=0)
        for spec in sessions:
            start = now + timedelta(days=spec.get("days", 14))
            page.sessies.add(Sessie(
                start=start, einde=start + timedelta(hours=3), capaciteit=spec.get("capaciteit", 10),
                online=spec.get("online", False), plaats="" if spec.get("online") else spec.get("plaats", "Enschede"),
                inschrijven_tot=start - timedelta(days=spec.get("deadline_days", 1)),
            ))
        index.add_child(instance=page)
        if live:
            page.save_revision().publish()
        else:
            page.unpublish()
        return page

    return make


@pytest.fixture
def make_training(network):
    return training_factory()
