"""A second, independent reading of the inspiration file, compared field by field with the database.

This module does not use the parser: it reads the source by simple means (a ``Project:`` line, the
``Label: value`` lines under it, the heading a few lines above it, the text up to the next entry) and
says for each field how many projects agree. Where the simple reading cannot tell (a looptijd in
prose), the project is left out of that field's count and the count says so.

Used by ``manage.py vergelijk_import`` (part of ``make import-check``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12,
}
LABELS = {
    "contactpersoon": ("contactpersoon gemeente", "contactpersoon", "projectleider gemeente", "projectleider"),
    "contactgegevens": ("contactgegevens projectleider", "contactgegevens"),
    "thema": ("thema", "domein", "beleidsthema"),
    "looptijd": ("looptijd", "doorlooptijd"),
    "projectnummer": ("projectnummer",),
    "project": ("project",),
    "gemeente": ("gemeente", "gemeenten"),
    "afgerond": ("afgerond",),
}
EVALUATION_HEADINGS = {
    "eindevaluatie", "tussenrapportage", "tussentijdse evaluatie", "tussentijds resultaat", "korte evaluatie",
    "evaluatie", "resultaten", "resultaten project",
}
FOOTER_STARTS = ("Podcast-serie", "Nieuwsbrief", "Interesse Subsidie")
_SIMPLE_DATE = r"(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})"
_SIMPLE_RANGE = re.compile(rf"^{_SIMPLE_DATE}\s*(?:t/m|tot en met|tot|-|–)\s*{_SIMPLE_DATE}$", re.IGNORECASE)
_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})


def plain(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").translate(_QUOTES)).strip()


@dataclass
class SourceEntry:
    title: str
    line: int  # the Project: line
    stars: str = ""
    heading: str = ""
    fields: dict = field(default_factory=dict)
    extra: list = field(default_factory=list)
    header: list[str] = field(default_factory=list)  # the lines above the Project: line
    text: list[str] = field(default_factory=list)  # the lines after the field block

    def value(self, key):
        return "; ".join(dict.fromkeys(v for v in self.fields.get(key, []) if v))


def read_source(text: str) -> list[SourceEntry]:
    lines = text.replace("\ufeff", "").splitlines()
    known = {label: key for key, labels in LABELS.items() for label in labels}
    starts = [i for i, line in enumerate(lines) if re.match(r"^Project\s*:", line)]
    entries = []
    for number, start in enumerate(starts):
        entry = SourceEntry(plain(lines[start].split(":", 1)[1]), start + 1)
        # the heading: "[*]Org: Title" as one of the first three blank-separated groups above, alone on its line
        groups, current, i = [], [], start - 1
        while i >= 0 and len(groups) < 3:
            if lines[i].strip():
                current.insert(0, lines[i])
            elif current:
                groups.append(current)
                current = []
            i -= 1
        if current and len(groups) < 3:
            groups.append(current)
        entry.header = [line for group in groups for line in group]
        for group in groups:
            match = re.match(r"^(\**)\s*([^:]+):\s*\S", group[0]) if len(group) == 1 else None
            if match and not group[0].lower().startswith(("gemeente", "project", "lees", "hier")):
                entry.stars, entry.heading = match.group(1), plain(group[0].lstrip("*"))
                break
        i = start
        last = None
        while i < len(lines) and lines[i].strip():
            label, _, value = lines[i].partition(":")
            key = known.get(label.strip().lower()) if _ else None
            if key:
                entry.fields.setdefault(key, []).append(value.strip())
                last = (key, len(entry.fields[key]) - 1)
            elif last and not entry.fields[last[0]][last[1]]:
                entry.fields[last[0]][last[1]] = lines[i].strip()
            elif _ and len(label.split()) <= 4:
                entry.extra.append((plain(label), value.strip()))
            i += 1
        end = starts[number + 1] - 1 if number + 1 < len(starts) else len(lines)
        for j in range(i, end):
            if lines[j].startswith(FOOTER_STARTS):
                end = j
                break
        entry.text = lines[i:end]
        entries.append(entry)
    return entries


def simple_dates(value: str):
    """(start, end) of "1 maart 2021 t/m 31 december 2021"; None for any other shape."""
    match = _SIMPLE_RANGE.match(plain(value).lower())
    if not match:
        return None
    d1, m1, y1, d2, m2, y2 = match.groups()
    try:
        return date(int(y1), MONTHS[m1], int(d1)), date(int(y2), MONTHS[m2], int(d2))
    except ValueError:
        return None


@dataclass
class FieldResult:
    name: str
    agree: int = 0
    compared: int = 0
    differences: list[str] = field(default_factory=list)

    def add(self, ok: bool, where: str):
        self.compared += 1
        if ok:
            self.agree += 1
        else:
            self.differences.append(where)


def compare(entries: list[SourceEntry], pages) -> list[FieldResult]:
    """Compare each source entry with its page (the n-th page of a title with the n-th entry of it)."""
    by_title: dict[str, list] = {}
    for page in pages:
        by_title.setdefault(plain(page.title), []).append(page)
    results = {name: FieldResult(name) for name in (
        "titel", "subsidieronde", "organisatie uit de kop", "contactpersoon", "contactgegevens", "thema",
        "looptijd (tekst)", "looptijd (eenvoudige datums)", "projectnummer", "samenvatting (eerste zin)",
        "evaluatieblokken", "materiaal (titels in de bron)", "extra velden",
    )}
    for entry in entries:
        candidates = by_title.get(entry.title, [])
        page = candidates.pop(0) if candidates else None
        where = f"regel {entry.line} ({entry.title})"
        results["titel"].add(page is not None, where)
        if page is None:
            continue
        results["subsidieronde"].add(page.subsidieronde == {"": "", "*": "2021-1", "**": "2021-2"}[entry.stars], where)
        if entry.heading and ":" in entry.heading:
            heading_org = plain(entry.heading.split(":", 1)[0]).lower()
            names = [o.naam.lower() for o in page.organisatie_list()]
            names += [m.naam.lower() for o in page.organisatie_list() for m in o.leden.all()]
            results["organisatie uit de kop"].add(any(n in heading_org or heading_org in n for n in names), where)
        results["contactpersoon"].add(page.contactpersoon == entry.value("contactpersoon"), where)
        results["contactgegevens"].add(page.contactgegevens == entry.value("contactgegevens"), where)
        raw_theme = plain(entry.value("thema").split("; ")[0]) if entry.value("thema") else ""
        theme_names = [page.thema.naam.lower(), *(a.lower() for a in page.thema.alias_list)] if page.thema else []
        results["thema"].add(raw_theme.lower() in theme_names if raw_theme else page.thema is None, where)
        looptijden = [v for v in entry.fields.get("looptijd", []) if v]
        stated = "\n".join(looptijden) or entry.value("afgerond")
        results["looptijd (tekst)"].add(page.looptijd_tekst == stated, where)
        if len(looptijden) == 1 and simple_dates(looptijden[0]):
            start, end = simple_dates(looptijden[0])
            same = (page.looptijd_start, page.looptijd_eind) == (start, end) if end >= start else True
            results["looptijd (eenvoudige datums)"].add(same, where)
        results["projectnummer"].add(page.projectnummer == entry.value("projectnummer"), where)
        summary = _first_summary_sentence(entry.text)
        if summary:
            results["samenvatting (eerste zin)"].add(summary in plain(page.samenvatting), where)
        evaluations = sum(1 for line in entry.text if plain(line).lower().rstrip(":") in EVALUATION_HEADINGS)
        blocks = sum(1 for block in page.body if block.block_type == "evaluatie")
        results["evaluatieblokken"].add(evaluations == blocks, where)
        source_text = plain(" ".join(entry.text)).lower()
        header_text = plain(" ".join(entry.header)).lower()
        materials = list(page.materiaal.all())
        if materials:
            found = all(
                plain(m.titel).lower()[:40] in source_text or plain(m.titel).lower()[:40] in header_text
                or (m.url and m.url in source_text) for m in materials
            )
            results["materiaal (titels in de bron)"].add(found, where)
        results["extra velden"].add(
            [(v.label, v.waarde) for v in page.extra_velden.all()] == [(k, plain(v)) for k, v in entry.extra], where
        )
    return list(results.values())


def _first_summary_sentence(text_lines: list[str]) -> str:
    """The first sentence after "Het project in het kort" (on its line or the next)."""
    for index, line in enumerate(text_lines):
        match = re.match(r"^(?:het\s+)?project\s+in\s+het\s+kort\s*:?\s*(.*)$", line.strip(), re.IGNORECASE)
        if match:
            rest = match.group(1) or next((t.strip() for t in text_lines[index + 1:] if t.strip()), "")
            sentence = re.split(r"(?<=[.!?])\s", plain(rest), maxsplit=1)[0]
            return sentence if len(sentence) > 20 and not sentence.lower().startswith(("lees", "bekijk")) else ""
    return ""
