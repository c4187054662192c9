"""Stories for tests: /verhalen/ under the site, and a factory for a story with its links and employers."""

from datetime import date, timedelta

from home.site_setup import ensure_story_index
from ruilen.models import Ruil
from verhalen.models import VerhaalKoppeling, VerhaalPage

WORD = "Zwaluwstaart"  # in every story's text, in nothing else: a site search for it finds stories only


def story_factory():
    index = ensure_story_index()

    def make(title, links=(), werkgevers=(), soort="persoon", datum=None, live=True, **fields):
        values = dict(
            intro=f"Een verhaal over {title}.", body=f"<p>Wat er gebeurde, met een {WORD}.</p>",
            citaat="Ik zou het zo weer doen.", citaat_van="Iemand",
        )
        values.update(fields)
        story = VerhaalPage(title=title, soort=soort, datum=datum or date(2026, 6, 1), **values)
        for order, target in enumerate(links):
            key = "ruil" if isinstance(target, Ruil) else "pagina"
            story.koppelingen.add(VerhaalKoppeling(sort_order=order, **{key: target}))
        story.werkgevers = list(werkgevers)
        index.add_child(instance=story)
        if live:
            story.save_revision().publish()
        else:
            story.save_revision()
            story.unpublish()
        return story

    return make


def days_ago(n):
    return date(2026, 6, 30) - timedelta(days=n)
