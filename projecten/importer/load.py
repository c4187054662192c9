"""Turn parsed entries into project pages: all or nothing, idempotent.

The parser (parser.py) knows the text format; this module knows the models. A second run
over the same file finds every project by its import key and changes nothing.

Refused, with nothing changed (``ImportRefused``, all or nothing):

* two entries with the same import key (organisation + title) in one file: a repeated block;
* an update that would shorten a project's text (summary and body) by more than half, unless
  ``force``: a cut-off or damaged source.

A run that is not a dry run is kept as an ``ImportRun`` with its warnings (``ImportWarning``),
per project, for editors to work through; a warning handled before stays handled when the same
warning comes back.
"""

from __future__ import annotations

import difflib
import hashlib
import html
import json
from collections import Counter
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.text import slugify

from projecten.models import (
    ImportRun,
    ImportWarning,
    ProjectMateriaal,
    ProjectOrganisatie,
    ProjectPage,
    ProjectVeld,
)
from taxonomie.models import Organisatie, Thema

from .normalise import (
    SAMENWERKINGEN,
    THEMA_ALIASSEN,
    THEMA_ZOEKWOORDEN,
    organisation_kind,
    organisation_slug,
)
from .parser import Entry

# Evaluation heading as written (lower case, without a trailing colon) -> the evaluatie block's kind.
EVALUATIE_KOPPEN = {
    "eindevaluatie": "eindevaluatie",
    "eindrapportage": "eindevaluatie",
    "tussenrapportage": "tussenrapportage",
    "tussentijdse evaluatie": "tussenrapportage",
    "tussentijds resultaat": "tussenrapportage",
    "resultaten": "resultaten",
    "resultaat": "resultaten",
}
SHRINK_LIMIT = 0.5  # an update may not leave less than half of a project's text, unless forced
THEME_SIMILARITY = 0.8  # difflib ratio from which a new theme name is close to an existing one
KEPT_RUNS = 10  # import runs (and their warnings) kept for the admin

# Warning text (as the parser and this module write it) -> ImportWarning.Soort.
WARNING_KINDS = (
    ("Geen looptijd", ImportWarning.Soort.LOOPTIJD),
    ("Looptijd:", ImportWarning.Soort.LOOPTIJD),
    ("Geen thema", ImportWarning.Soort.THEMA),
    ("Nieuw thema", ImportWarning.Soort.THEMA),
    ("Geen contact", ImportWarning.Soort.CONTACT),
    ("Kop en projecttitel", ImportWarning.Soort.KOP),
    ("Onbekend veld", ImportWarning.Soort.VELD),
)


class DryRunRollback(Exception):
    """Raised inside the transaction to undo a dry run."""


class ImportRefused(Exception):
    """The file would damage the library; nothing was saved. ``str()`` says why, with line numbers."""


@dataclass
class Summary:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    warnings: list[tuple[int, str, str]] = field(default_factory=list)  # (line, project, warning)
    run: ImportRun | None = None

    def warnings_by_kind(self):
        return Counter(w.split(":")[0].strip() for _, _, w in self.warnings)


def warning_kind(message: str) -> str:
    return next((kind for prefix, kind in WARNING_KINDS if message.startswith(prefix)), ImportWarning.Soort.OVERIG)


def import_key(entry: Entry) -> str:
    first = entry.organisations[0] if entry.organisations else ""
    return f"{organisation_slug(first)}/{slugify(entry.title)}"[:255]


def check_unique_keys(entries: list[Entry]) -> list[str]:
    """The import key of each entry; two entries with one key (a repeated block) are refused."""
    first_line: dict[str, int] = {}
    repeated = []
    for entry in entries:
        key = import_key(entry)
        if key in first_line:
            repeated.append(
                f"regel {entry.line}: project '{entry.title}' staat al in het bestand (regel {first_line[key]})"
            )
        else:
            first_line[key] = entry.line
    if repeated:
        raise ImportRefused(
            "Dubbele projecten in één bestand (zelfde organisatie en titel); is een stuk herhaald?\n  "
            + "\n  ".join(repeated)
        )
    return list(first_line)


def page_slug(key: str) -> str:
    org, _, title = key.partition("/")
    return slugify(f"{title}-{org}")[:255] or "project"


EVALUATIE_LABELS = (  # the kinds of EvaluatieBlock, with their labels
    ("tussenrapportage", "Tussenrapportage"), ("eindevaluatie", "Eindevaluatie"),
    ("evaluatie", "Evaluatie"), ("resultaten", "Resultaten"),
)


def evaluation_value(heading: str) -> dict:
    soort = EVALUATIE_KOPPEN.get(heading.strip().lower().rstrip(":").strip(), "evaluatie")
    label = dict(EVALUATIE_LABELS).get(soort, "")
    return {"soort": soort, "kop": "" if heading.strip() == label else heading.strip(), "tekst": ""}


def body_stream(blocks) -> list[tuple[str, object]]:
    """Parser blocks -> StreamField data. An evaluation section becomes one evaluatie block holding
    everything up to the next evaluation (sub-headings as h3)."""
    stream = []
    evaluatie = None
    for kind, value in blocks:
        if kind == "evaluatie":
            evaluatie = evaluation_value(value)
            stream.append(("evaluatie", evaluatie))
        elif evaluatie is not None:
            if kind == "heading":
                evaluatie["tekst"] += f"<h3>{html.escape(value)}</h3>"
            elif kind == "paragraph":
                evaluatie["tekst"] += f"<p>{html.escape(value)}</p>"
            elif kind == "list":
                items = "".join(f"<li>{html.escape(item)}</li>" for item in value)
                evaluatie["tekst"] += f"<ul>{items}</ul>"
        elif kind == "heading":
            stream.append(("kop", value))
        elif kind == "paragraph":
            stream.append(("alinea", f"<p>{html.escape(value)}</p>"))
        elif kind == "list":
            stream.append(("lijst", list(value)))
    return stream


def text_size(page: ProjectPage) -> int:
    """The length of a page's text: summary and body, as search sees it."""
    body = ProjectPage._meta.get_field("body").stream_block.get_searchable_content(page.body)
    return len(page.samenvatting) + sum(len(part) for part in body)


class Loader:
    def __init__(self):
        self.organisations: dict[str, Organisatie] = {}
        self.themes: dict[str, Thema] = {}
        self.theme_warnings: dict[str, str] = {}

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
                thema = Thema.objects.create(
                    naam=name, aliassen="\n".join(THEMA_ALIASSEN.get(name, ())),
                    zoekwoorden="\n".join(THEMA_ZOEKWOORDEN.get(name, ())),
                )
            near = self.near_theme(name, thema)
            if near:
                # On every run, until an editor merges the two (or tells them apart by renaming one).
                self.theme_warnings[name] = (
                    f"Nieuw thema '{name}' lijkt op het bestaande thema '{near}': is het hetzelfde? Zet de "
                    f"schrijfwijze dan bij de andere schrijfwijzen van '{near}' en verwijder thema '{thema.naam}'."
                )
            self.themes[name] = thema
        return self.themes[name]

    @staticmethod
    def near_theme(name: str, own: Thema) -> str | None:
        """Another theme (or another spelling of one) whose name is close to ``name``."""
        names = {}
        for thema in Thema.objects.exclude(pk=own.pk):
            for spelling in (thema.naam, *thema.alias_list):
                names[spelling.lower()] = thema.naam
        close = difflib.get_close_matches(name.lower(), list(names), n=1, cutoff=THEME_SIMILARITY)
        return names[close[0]] if close else None

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
        [(m.kind, m.title, m.url) for m in entry.materiaal], entry.extra_fields,
    ]
    return hashlib.sha256(json.dumps(data, ensure_ascii=False).encode()).hexdigest()


def load(entries: list[Entry], ensure_library, dry_run: bool = False, progress=None, force: bool = False,
         source: str = "") -> Summary:
    """Create or update one page per entry inside one transaction, under the library page that
    `ensure_library()` returns (called inside the transaction: a refused import leaves no new page)."""
    keys = check_unique_keys(entries)
    summary = Summary()
    try:
        with transaction.atomic():
            library = ensure_library()
            loader = Loader()
            existing = {p.importsleutel: p for p in ProjectPage.objects.filter(importsleutel__in=keys)}
            shrunk = []
            pages = []
            for entry, key in zip(entries, keys, strict=True):
                values = loader.values(entry)
                organisations = [loader.organisation(name) for name in entry.organisations]
                body = body_stream(entry.body)
                digest = fingerprint(entry)
                page = existing.get(key)
                if page is None:
                    page = ProjectPage(slug=page_slug(key), importsleutel=key, importhash=digest, **values)
                    _fill(page, body, organisations, entry)
                    library.add_child(instance=page)
                    page.save_revision().publish()
                    summary.created.append(entry.title)
                elif page.importhash == digest:
                    summary.unchanged += 1
                else:
                    before = text_size(page)
                    for name, value in values.items():
                        setattr(page, name, value)
                    page.importhash = digest
                    _fill(page, body, organisations, entry)
                    after = text_size(page)
                    if after < before * SHRINK_LIMIT and not force:
                        shrunk.append(
                            f"regel {entry.line}: '{entry.title}' zou van {before} naar {after} tekens gaan"
                        )
                        continue
                    page.save_revision().publish()
                    summary.updated.append(entry.title)
                warnings = list(entry.warnings)
                if entry.thema in loader.theme_warnings:
                    warnings.append(loader.theme_warnings[entry.thema])
                summary.warnings.extend((entry.line, entry.title, warning) for warning in warnings)
                pages.append((entry, page, warnings))
                if progress:
                    progress()
            if shrunk:
                raise ImportRefused(
                    "Deze projecten zouden meer dan de helft van hun tekst verliezen; is het bestand "
                    "afgebroken of beschadigd? Weet je het zeker, importeer dan met --force.\n  "
                    + "\n  ".join(shrunk)
                )
            if dry_run:
                raise DryRunRollback
            summary.run = _record_run(summary, pages, source, force)
    except DryRunRollback:
        pass
    return summary


def _record_run(summary: Summary, pages, source: str, force: bool) -> ImportRun:
    """Keep the run and its warnings per project; a warning handled before stays handled."""
    run = ImportRun.objects.create(
        bestand=source[:500], aangemaakt=len(summary.created), bijgewerkt=len(summary.updated),
        ongewijzigd=summary.unchanged, geforceerd=force,
    )
    handled = {
        (w.project_id, w.soort, w.melding): w
        for w in ImportWarning.objects.filter(afgehandeld=True, project__isnull=False).order_by("afgehandeld_op")
    }
    new = []
    for entry, page, warnings in pages:
        for message in warnings:
            warning = ImportWarning(
                run=run, project=page, projecttitel=entry.title[:255], regel=entry.line,
                soort=warning_kind(message), melding=message,
            )
            earlier = handled.get((page.pk, warning.soort, message))
            if earlier is not None:
                warning.afgehandeld = True
                warning.afgehandeld_door_id = earlier.afgehandeld_door_id
                warning.afgehandeld_op = earlier.afgehandeld_op
            new.append(warning)
    ImportWarning.objects.bulk_create(new)
    ImportRun.objects.filter(pk__in=ImportRun.objects.values("pk")[KEPT_RUNS:]).delete()
    return run


def _fill(page, body, organisations, entry: Entry):
    page.body = body
    page.organisaties = [ProjectOrganisatie(organisatie=o) for o in organisations]
    page.materiaal = [
        ProjectMateriaal(soort=m.kind, titel=m.title[:500], url=m.url[:1000]) for m in entry.materiaal
    ]
    page.extra_velden = [ProjectVeld(label=label[:100], waarde=value[:1000]) for label, value in entry.extra_fields]
