"""Turn parsed entries into project pages: all or nothing, idempotent.

The parser (parser.py) knows the text format; this module knows the models. A second run
over the same file finds every project by its import key and changes nothing.
"""

from __future__ import annotations

import hashlib
import html
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from home.site_setup import ensure_library
from projecten.models import ProjectMateriaal, ProjectOrganisatie, ProjectPage
from taxonomie.models import Organisatie, Thema

from .normalise import SAMENWERKINGEN, THEMA_ALIASSEN, organisation_kind, organisation_slug
from .parser import Entry

EVALUATIE_KOPPEN = {"eindevaluatie": "eindevaluatie", "tussenrapportage": "tussenrapportage", "resultaten": "resultaten"}


class DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run."""


@dataclass
class Summary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[tuple[int, str, str]] = field(default_factory=list)  # (line, project, warning)

    def warnings_by_kind(self):
        return Counter(w.split(":")[0].strip() for _, _, w in self.warnings)


def import_key(entry: Entry) -> str:
    first = entry.organisations[0] if entry.organisations else ""
    return f"{organisation_slug(first)}/{slugify(entry.title)}"[:255]


def unique_keys(entries: list[Entry]) -> list[str]:
    """Import keys per entry; a title repeated within one organisation gets -2, -3, ..."""
    seen = Counter()
    keys = []
    for entry in entries:
        key = import_key(entry)
        seen[key] += 1
        keys.append(key if seen[key] == 1 else f"{key}-{seen[key]}")
    return keys


def page_slug(key: str) -> str:
    org, _, title = key.partition("/")
    return slugify(f"{title}-{org}")[:255] or "project"


def body_stream(blocks) -> list[tuple[str, object]]:
    """Parser blocks -> StreamField data. Evaluation sections become evaluatie blocks."""
    stream = []
    evaluatie = None
    for kind, value in blocks:
        if kind == "heading":
            soort = EVALUATIE_KOPPEN.get(value.strip().lower().rstrip(":"))
            if soort:
                evaluatie = {"soort": soort, "tekst": ""}
                stream.append(("evaluatie", evaluatie))
                continue
            evaluatie = None
            stream.append(("kop", value))
        elif kind == "paragraph":
            paragraph = f"<p>{html.escape(value)}</p>"
            if evaluatie is not None:
                evaluatie["tekst"] += paragraph
            else:
                stream.append(("alinea", paragraph))
        elif kind == "list":
            if evaluatie is not None:
                items = "".join(f"<li>{html.escape(item)}</li>" for item in value)
                evaluatie["tekst"] += f"<ul>{items}</ul>"
            else:
                stream.append(("lijst", list(value)))
    return stream


class Loader:
    def __init__(self):
        self.organisations: dict[str, Organisatie] = {}
        self.themes: dict[str, Thema] = {}

    def organisation(self, name: str) -> Organisatie:
        if name not in self.organisations:
            org, _ = Organisatie.objects.get_or_create(
                slug=organisation_slug(name), defaults={"naam": name, "soort": organisation_kind(name)}
            )
            for member in SAMENWERKINGEN.get(name, ()):
                org.leden.add(self.organisation(member))
            self.organisations[name] = org
        return self.organisations[name]

    def theme(self, name: str) -> Thema | None:
        if not name:
            return None
        if name not in self.themes:
            thema = Thema.objects.filter(naam__iexact=name).first()
            if thema is None:
                for candidate in Thema.objects.exclude(aliassen=""):
                    if name.lower() in (a.lower() for a in candidate.alias_list):
                        thema = candidate
                        break
            if thema is None:
                thema = Thema.objects.create(naam=name, aliassen="\n".join(THEMA_ALIASSEN.get(name, ())))
            self.themes[name] = thema
        return self.themes[name]

    def values(self, entry: Entry) -> dict:
        d = entry.duration
        return {
            "title": entry.title[:255],
            "thema": self.theme(entry.thema),
            "subsidieronde": entry.subsidieronde,
            "projectnummer": entry.projectnummer[:50],
            "contactpersoon": entry.contactpersoon[:255],
            "contactgegevens": entry.contactgegevens[:500],
            "looptijd_tekst": d.raw[:1000],
            "looptijd_start": d.start,
            "looptijd_start_precisie": d.start_precision if d.start else "",
            "looptijd_eind": d.end,
            "looptijd_eind_precisie": d.end_precision if d.end else "",
            "samenvatting": entry.samenvatting,
        }


def fingerprint(entry: Entry) -> str:
    """A hash of everything the importer takes from one entry: unchanged source, unchanged page."""
    d = entry.duration
    data = [
        entry.title, entry.organisations, entry.thema, entry.subsidieronde, entry.projectnummer,
        entry.contactpersoon, entry.contactgegevens, d.raw, str(d.start), d.start_precision,
        str(d.end), d.end_precision, entry.samenvatting, entry.body,
        [(m.kind, m.title) for m in entry.materiaal],
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def load(entries: list[Entry], dry_run: bool = False, progress=None) -> Summary:
    """Create or update one page per entry inside one transaction."""
    summary = Summary()
    try:
        with transaction.atomic():
            library = ensure_library()
            loader = Loader()
            keys = unique_keys(entries)
            existing = {p.importsleutel: p for p in ProjectPage.objects.filter(importsleutel__in=keys)}
            for entry, key in zip(entries, keys, strict=True):
                for warning in entry.warnings:
                    summary.warnings.append((entry.line, entry.title, warning))
                values = loader.values(entry)
                organisations = [loader.organisation(name) for name in entry.organisations]
                body = body_stream(entry.body)
                digest = fingerprint(entry)
                page = existing.get(key)
                if page is None:
                    page = ProjectPage(slug=page_slug(key), importsleutel=key, importhash=digest, **values)
                    _fill(page, body, organisations, entry.materiaal)
                    library.add_child(instance=page)
                    page.save_revision().publish()
                    summary.created.append(entry.title)
                elif page.importhash == digest:
                    summary.unchanged += 1
                else:
                    for name, value in values.items():
                        setattr(page, name, value)
                    page.importhash = digest
                    _fill(page, body, organisations, entry.materiaal)
                    page.save_revision().publish()
                    summary.updated.append(entry.title)
                if progress:
                    progress()
            if dry_run:
                raise DryRunRollback
    except DryRunRollback:
        pass
    return summary


def _fill(page, body, organisations, materiaal):
    page.body = body
    page.organisaties = [ProjectOrganisatie(organisatie=o) for o in organisations]
    page.materiaal = [ProjectMateriaal(soort=m.kind, titel=m.title[:500]) for m in materiaal]
