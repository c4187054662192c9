"""Parse the plain-text export of the "Inspiratie" page into project entries.

The file is a page intro, then one block per project, then page chrome. A project block::

    **Org: Title                      heading; * = 2021 period 1, ** = period 2
                                      (blank)
    Gemeente Org                      organisation line ("Gemeenten A, B en C", "GGD X", ...)
                                      (blank)
    [Een samenwerking tussen ...]     optional description of a collaboration
    Project: Title                    field block: "Label: value" lines, no blank lines;
    Contactpersoon gemeente: ...      a value may sit on the next line, the space after
    Thema: ...                        the colon may be missing
    Looptijd: ...
                                      (blank)
    Het project in het kort           summary paragraphs, then sections, lists and
    ...                               references to lost links ("Lees hier ...")

Entries are keyed on the ``Project:`` lines. The field block is the run of ``Label: value``
lines around it, up to a blank line; known fields may come before the ``Project:`` line.
Inside the block an unknown label (``Budget: € 45.000``) is kept as an extra field, with a
warning, and the known fields after it are read as usual. The header of an entry is found
by walking back from the start of its field block over the blank-separated groups of lines
(never past the previous entry's field block):

1. the group right before ``Project:`` is the organisation line, unless it looks like a
   heading itself ("Org: Title" and not a "Gemeente ..." line): then it is the heading
   and there is no organisation line;
2. otherwise the group before that is the heading when it is one line of the form
   "[*]Org: Title";
3. otherwise, when the line right before ``Project:`` describes a collaboration
   ("Een samenwerking ...", or a list of three or more names) and the group two further
   back is such a heading, the groups are heading, organisation line, description;
4. otherwise the group before the organisation line is the heading as it is (the source
   has a heading without a colon: "Org Title").

An entry runs from its heading to the heading of the next entry, or to the page footer
after the last one (from a line starting with "Podcast-serie", "Nieuwsbrief" or
"Interesse Subsidie"). The export always ends with that footer: a file without it stops in
the middle of its last entry and is refused.

After the fields, "Het project in het kort" starts the summary: the paragraphs up to the
first list or section heading. Every non-empty source line is a paragraph of its own,
except hard-wrapped lines (the next line starts in lower case), which are joined again.
A section heading is a known title ("Eindevaluatie", "Tussenrapportage", "Resultaten",
...) or a short line without end punctuation that is followed by text. An evaluation
heading ("Eindevaluatie", "Tussentijdse evaluatie", "Korte evaluatie", "Evaluatie",
"Resultaten project", ...) becomes an ("evaluatie", heading) block: everything after it, up
to the next evaluation heading, belongs to that evaluation (sub-headings included). Runs of
bulleted or numbered lines are lists.

Lost links become ``Material`` with a kind guessed from their words, one item per document:

* sentences that refer to a link ("Lees hier ...", "Bekijk hier de video ...", "Beluister
  hier de podcast ...", "... vind je hier", "Download ...", "klik hier", "Zie hieronder."),
  in paragraphs and inside list items; they leave the summary and the body;
* a lead-in such as "Hier vind je de materialen:" or "... de tools van X:" followed by a
  list (or a line "A, B en C") of short titles: one item per title, the list leaves the body;
* short title lines at the very end of an entry (the link texts of a list of documents);
* sentences that point at a film, video or infographic ("In dit filmpje ...", "... in deze
  infographic"): an item, and the sentence stays in the text, as it describes the content;
* a URL that survived (``https://...``) goes into the item's ``url``.

An evaluation section that holds nothing but a reference keeps that sentence as its text.

Errors (``ImportFormatError``, with a 1-based line number):

* an empty file (line 1);
* a control character such as NUL (its line): a damaged file;
* no ``Project:`` line at all (line 1): not the inspiration file;
* a ``Project:`` line without a title (that line);
* a ``Project:`` line for which no organisation can be found: no organisation line, no
  heading and no ``Gemeente:`` field (that line);
* a heading followed by a "Gemeente ..." line that never gets its ``Project:`` line, at
  the end of an entry or of the file (the line of that heading): a truncated entry;
* no page footer after the last entry (the last line of the file): a truncated file.

A byte order mark (U+FEFF) anywhere is dropped first, so "\ufeff**Org: Title" keeps its round.

Problems that do not stop the import become warnings on the entry: a missing, unclear,
impossible or reversed duration (or one whose end was moved by a later date), a missing
theme, a missing contact person or details, an unknown field, and a heading whose title
shares no word with the ``Project:`` title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .duration import Duration, parse_duration, parse_durations
from .normalise import NAMEN_MET_EN, SAMENWERKINGEN, clean_text, normalise_organisation, normalise_thema

SUBSIDIERONDEN = {"": "", "*": "2021-1", "**": "2021-2"}

MATERIAL_KINDS = (
    "projectplan", "tussenrapportage", "eindevaluatie", "ervaringsverhaal", "podcast", "video", "infographic",
    "overig",
)

# Field label as written (lower case) -> the entry attribute it fills.
FIELD_LABELS = {
    "project": "project",
    "gemeente": "gemeente",
    "gemeenten": "gemeente",
    "contactpersoon gemeente": "contactpersoon",
    "contactpersoon": "contactpersoon",
    "projectleider gemeente": "contactpersoon",
    "projectleider": "contactpersoon",
    "contactgegevens projectleider": "contactgegevens",
    "contactgegevens": "contactgegevens",
    "thema": "thema",
    "domein": "thema",
    "beleidsthema": "thema",
    "looptijd": "looptijd",
    "doorlooptijd": "looptijd",
    "afgerond": "afgerond",
    "projectnummer": "projectnummer",
}
_LABEL_RE = re.compile(
    r"^\s*(?P<label>" + "|".join(sorted(FIELD_LABELS, key=len, reverse=True)) + r")\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
# Any "Label: value" line inside a field block: a short label of at most four words.
_ANY_LABEL_RE = re.compile(r"^\s*(?P<label>[^\W\d_][^:]{0,40}?)\s*:\s*(?P<value>.*)$")
_PROJECT_RE = re.compile(r"^Project\s*:", re.IGNORECASE)
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEADING_RE = re.compile(r"^(?P<stars>\*{0,2})\s*(?P<org>[^:]+?)\s*:\s*(?P<title>\S.*)$")
_ORG_LINE_RE = re.compile(r"^(?:de\s+)?gemeenten?\b", re.IGNORECASE)
_LISTING_PREFIX_RE = re.compile(r"^(?:(?:de\s+)?gemeenten?|regionale samenwerking)\b\s*:?\s*", re.IGNORECASE)
_DESCRIPTION_RE = re.compile(r"^(?:een\s+samenwerking|in\s+samenwerking)", re.IGNORECASE)
_FUSED_ORG_RE = re.compile(r"(?<=[a-z])(?=Gemeenten?\b)")
_SUMMARY_RE = re.compile(r"^(?:het\s+)?project\s+in\s+het\s+kort\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_LIST_ITEM_RE = re.compile(r"^\s*(?:[•●▪·*–-]|o(?=\s)|\d{1,2}[.)]|[A-Z]\.(?=\s+[a-z]))\s+(?P<text>\S.*)$")
_SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'(])")
_EVALUATION_RE = re.compile(
    r"^(?:eindevaluatie|eindrapportage|tussenrapportage|tussentijdse evaluatie|tussentijds resultaat"
    r"|(?:korte |tussentijdse |eerste |laatste )?evaluatie|resultaten?)(?: (?:van het |van )?project)?\s*:?$",
    re.IGNORECASE,
)
_SECTION_RE = re.compile(
    r"^(?:samenvatting|geleerde lessen|eindconclusie|conclusie|verloop|doelen)$", re.IGNORECASE,
)
_URL_RE = re.compile(r"https?://[^\s<>\"]+[^\s<>\".,;:!?)]")
# A sentence that points at a film, video or infographic: it names the material and describes it.
_MEDIA_RE = re.compile(
    r"\b(?:dit|deze|onderstaande?|bijgaande)\s+(?:filmpje|video|infographic|animatie|vlog|visual)s?\b"
    r"|\bdoor\s+(?:een\s+)?filmpje\s*[.!]?$"
)
_LISTED_RE = re.compile(r"^(?:en\s+)?(?:download|lees|bekijk)\s+hier\s*:\s*(?P<titles>.+)$", re.IGNORECASE)
_SEE_BELOW_RE = re.compile(r"^zie\s+(?:hieronder|onderstaande)\b", re.IGNORECASE)
# A lead-in ending in ':' that announces a list of documents.
_MATERIAL_LEAD_RE = re.compile(
    r"\b(?:materia(?:al|len)|tools|documenten|producten|downloads|handouts|gesprekskaarten|instrumenten"
    r"|factsheets|brochures|flyers|infographics)\b",
    re.IGNORECASE,
)
_FOOTER_RE = re.compile(r"^(?:Podcast-serie\b|Nieuwsbrief\s*$|Interesse Subsidie)")

# Sentences that point at a link the export lost.
_REFERENCE_RES = [
    re.compile(pattern)
    for pattern in (
        r"^(?:en\s+)?(?:lees|bekijk|beluister|luister|download)\b(?!,)",
        r"^(?:en\s+)?hier\s+(?:vind|lees|kun|kan|bekijk|download|zie)\b",
        r"\b(?:vind|lees|zie)\s+je\s+hier\b",
        r"\bk[ua]n\s+je\s+hier\b",
        r"\blees\s+je\s+in\s+de\b",
        r"\b(?:lees|bekijk|kijk|luister)\b[^.]*\bhier\b",
        r"\bklik\s+hier\b",
        r"^naar\s+de\s+(?:podcast|video|film)",
        r"https?://",
    )
]
_KIND_RES = [
    ("podcast", re.compile(r"podcast")),
    ("video", re.compile(r"video|film|vodcast|youtube|webinar")),
    ("infographic", re.compile(r"infographic|visual")),
    ("tussenrapportage", re.compile(r"tussen(?:rapportage|tijdse|evaluatie)|\b(?:2e|tweede) rapportage")),
    ("eindevaluatie", re.compile(r"eind(?:evaluatie|rapportage|verslag)|\bevaluatie")),
    ("projectplan", re.compile(r"projectplan|plan van aanpak|conceptplan|stageplan|\bplan\b")),
    ("ervaringsverhaal", re.compile(r"ervaring|verhaal|praktijk")),
]


class ImportFormatError(Exception):
    """The file cannot be imported; ``str()`` gives "regel N: message"."""

    def __init__(self, message: str, line: int | None):
        self.message = message
        self.line = line
        super().__init__(f"regel {line}: {message}" if line is not None else message)


@dataclass
class Material:
    """A report, podcast or video the page linked to; ``url`` only when the export kept it."""

    kind: str
    title: str
    line: int
    url: str = ""


@dataclass
class Entry:
    """One project as found in the file.

    ``duration`` comes from the Looptijd/Doorlooptijd values (the start of the first, the
    latest end of all; its ``raw`` keeps all of them, one per line) or else from Afgerond (as
    an end date). ``body`` holds ("heading", str), ("evaluatie", heading), ("paragraph", str)
    and ("list", list[str]) blocks; the blocks after an ("evaluatie", ...) block up to the
    next one belong to that evaluation. ``extra_fields`` are (label, value) pairs of unknown
    labels in the field block.
    """

    line: int
    heading: str
    subsidieronde: str
    title: str
    organisations: list[str]
    contactpersoon: str
    contactgegevens: str
    thema: str
    thema_raw: str
    duration: Duration
    projectnummer: str
    samenvatting: str
    body: list[tuple[str, object]] = field(default_factory=list)
    materiaal: list[Material] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    extra_fields: list[tuple[str, str]] = field(default_factory=list)


# --------------------------------------------------------------------------- small helpers


def is_reference(sentence: str) -> bool:
    """True for a sentence that refers to lost material ("Lees hier het projectplan.")."""
    text = clean_text(sentence).lower()
    if len(text.split()) < 3:
        return False
    return any(pattern.search(text) for pattern in _REFERENCE_RES)


def is_media_mention(sentence: str) -> bool:
    """True for a sentence that points at a film, video or infographic ("In dit filmpje zie je ...")."""
    return bool(_MEDIA_RE.search(clean_text(sentence).lower()))


def make_material(kind: str, text: str, line: int) -> Material:
    """A Material from a reference; a URL in it goes into ``url`` and out of the title."""
    url_match = _URL_RE.search(text)
    url = url_match.group() if url_match else ""
    title = text
    if url:
        title = re.sub(r"\s*(?:via|op|:)?\s*:?\s*$", "", text.replace(url, "").strip()).strip() or url
    return Material(kind, title, line, url)


def is_title_line(text: str) -> bool:
    """A short line without end punctuation that reads like the name of a document."""
    text = text.strip()
    if not text or len(text.split()) > 10 or text[-1] in ".!?:;," or ": " in text:
        return False
    if not (text[0].isupper() or text[0].isdigit()):
        return False
    return not (_EVALUATION_RE.match(text) or _SECTION_RE.match(text) or _SUMMARY_RE.match(text))


def guess_kind(text: str) -> str:
    """The material kind suggested by the words of a reference."""
    lowered = text.lower()
    for kind, pattern in _KIND_RES:
        if pattern.search(lowered):
            return kind
    return "overig"


def _is_heading_line(line: str) -> bool:
    """'[*]Org: Title' that is not an organisation line or a reference."""
    text = line.strip()
    return bool(_HEADING_RE.match(text)) and not _ORG_LINE_RE.match(text) and not is_reference(text)


def _is_description(line: str) -> bool:
    text = line.strip()
    return bool(_DESCRIPTION_RE.match(text)) or (text.count(",") >= 2 and ":" not in text)


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", clean_text(text).casefold()) if len(w) > 2}


def _split_names(text: str) -> list[str]:
    """'A, B en C' -> ['A', 'B', 'C']; keeps names like 'Peel en Maas' whole."""
    protected: dict[str, str] = {}
    for index, name in enumerate(sorted(NAMEN_MET_EN, key=len, reverse=True)):
        token = f"\x00{index}\x00"
        pattern = re.compile(re.escape(name), re.IGNORECASE)
        if pattern.search(text):
            text = pattern.sub(token, text)
            protected[token] = name
    parts = re.split(r"\s*,\s*|\s+en\s+|\s+i\.?s\.?m\.?\s+|\s+ism\s+", text)
    names = []
    for part in parts:
        for token, name in protected.items():
            part = part.replace(token, name)
        part = part.strip(" .;:")
        if part:
            names.append(part)
    return names


def _add_unique(target: list[str], names: list[str]) -> None:
    for name in names:
        canonical = normalise_organisation(name)
        if canonical and canonical not in target:
            target.append(canonical)


# --------------------------------------------------------------------------- organisations


def organisations_from_line(line: str, title: str = "", description: str = "") -> list[str]:
    """Canonical organisation names from an organisation line such as "Gemeenten A, B en C".

    A known collaboration stands for itself ("Gemeente 1Stroom (Duiven en Westervoort)" ->
    ["1Stroom"]); "X i.s.m. meerdere organisaties" takes the partners from the description.
    """
    text = clean_text(line)
    title = clean_text(title)
    if title and text.casefold().endswith(title.casefold()) and len(text) > len(title):
        text = text[: len(text) - len(title)].rstrip(" :")  # "Gemeente X: Title", "Org Title"
    listing = bool(_LISTING_PREFIX_RE.match(text))
    text = _LISTING_PREFIX_RE.sub("", text) if listing else text
    inner = ""
    paren = re.search(r"\(([^()]*)\)\s*$", text)
    if paren:
        inner = paren.group(1)
        text = text[: paren.start()].strip()
    for candidate in (text, inner):
        for name in (candidate, re.sub(r"^(?:werkorganisatie|samenwerking)\s+", "", candidate, flags=re.I)):
            if name and normalise_organisation(name) in SAMENWERKINGEN:
                return [normalise_organisation(name)]

    organisations: list[str] = []
    several = re.match(r"^(?P<main>.*?)\s+i\.?s\.?m\.?\s+meerdere\s+organisaties$", text, re.IGNORECASE)
    if several:
        _add_unique(organisations, [several.group("main")])
        if description:
            partners = re.sub(
                r"^een\s+samenwerking(?:sverband)?\s+(?:tussen|van)\s+(?:de\s+)?(?:gemeenten\s+)?",
                "", clean_text(description), flags=re.IGNORECASE,
            )
            _add_unique(organisations, _split_names(partners))
        return organisations
    _add_unique(organisations, _split_names(text) if listing else [text])
    return organisations


# --------------------------------------------------------------------------- file structure


@dataclass
class _Header:
    start: int  # index of the first header line (heading, or organisation line)
    heading: str | None
    heading_index: int | None
    org_line: str | None
    org_index: int | None
    description: str


def _groups_before(lines: list[str], index: int, lower: int, limit: int = 3) -> list[list[int]]:
    """Blank-separated groups of line indexes before ``index`` (nearest first), not before ``lower``."""
    groups: list[list[int]] = []
    current: list[int] = []
    i = index - 1
    while i >= lower and len(groups) < limit:
        if lines[i].strip():
            current.insert(0, i)
        elif current:
            groups.append(current)
            current = []
        i -= 1
    if current and len(groups) < limit:
        groups.append(current)
    return groups


def _find_header(lines: list[str], project_index: int, lower: int) -> _Header:
    groups = _groups_before(lines, project_index, lower)

    def single(group_no: int) -> str | None:
        if len(groups) > group_no and len(groups[group_no]) == 1:
            return lines[groups[group_no][0]].strip()
        return None

    g1, g2, g3 = single(0), single(1), single(2)
    if g1 is not None and _is_heading_line(g1):
        return _Header(groups[0][0], g1, groups[0][0], None, None, "")
    if g1 is None:
        return _Header(project_index, None, None, None, None, "")
    if g2 is not None and _is_heading_line(g2):
        return _Header(groups[1][0], g2, groups[1][0], g1, groups[0][0], "")
    if g3 is not None and _is_heading_line(g3) and g2 is not None and _is_description(g1):
        return _Header(groups[2][0], g3, groups[2][0], g2, groups[1][0], g1)
    if g2 is not None and not is_reference(g2) and not _PROJECT_RE.match(g2):
        return _Header(groups[1][0], g2, groups[1][0], g1, groups[0][0], "")
    return _Header(groups[0][0], None, None, g1, groups[0][0], "")


def _empty_label(line: str) -> bool:
    match = _LABEL_RE.match(line)
    return bool(match) and not match.group("value").strip()


def _block_start(lines: list[str], project_index: int, lower: int) -> int:
    """The first line of the field block around a Project: line: known fields may come before it."""
    i = project_index
    while i - 1 >= lower and lines[i - 1].strip():
        if _LABEL_RE.match(lines[i - 1]) and not _PROJECT_RE.match(lines[i - 1]):
            i -= 1
        elif i - 2 >= lower and _empty_label(lines[i - 2]) and not _PROJECT_RE.match(lines[i - 2]):
            i -= 2  # a value on the line after its label
        else:
            break
    return i


def _extra_label(line: str) -> tuple[str, str] | None:
    """(label, value) of an unknown 'Label: value' line, or None when the line is no field at all."""
    match = _ANY_LABEL_RE.match(line)
    if not match or _SUMMARY_RE.match(line.strip()):
        return None
    label, value = clean_text(match.group("label")), match.group("value").strip()
    if len(label.split()) > 4 or value.startswith("//"):
        return None
    return label, value


def _read_fields(lines: list[str], start: int, project_index: int):
    """The field block from ``start`` up to a blank line: (known fields, extra fields, index after it).

    Known fields: attribute -> [(value, line index)]. Extra fields: [[label, value, line index]].
    A value may sit on the line after its label.
    """
    fields: dict[str, list[tuple[str, int]]] = {}
    extras: list[list] = []
    last: tuple[str, object] | None = None  # ("field", attribute) or ("extra", index in extras)
    i = start
    while i < len(lines) and lines[i].strip():
        if i > project_index and _PROJECT_RE.match(lines[i]):
            break
        match = _LABEL_RE.match(lines[i])
        extra = None if match or i < project_index else _extra_label(lines[i])
        if match:
            key = FIELD_LABELS[match.group("label").lower()]
            fields.setdefault(key, []).append((match.group("value").strip(), i))
            last = ("field", key)
        elif last is not None and last[0] == "field" and not fields[last[1]][-1][0]:
            fields[last[1]][-1] = (lines[i].strip(), i)  # the value on the next line
        elif last is not None and last[0] == "extra" and not extras[last[1]][1]:
            extras[last[1]][1:] = [lines[i].strip(), i]
        elif extra is not None:
            extras.append([extra[0], extra[1], i])
            last = ("extra", len(extras) - 1)
        else:
            break
        i += 1
    return fields, extras, i


# --------------------------------------------------------------------------- body


@dataclass
class _Unit:
    kind: str  # "para" or "item"
    text: str
    line: int  # 1-based


def _units(lines: list[str], start: int, end: int) -> list[_Unit]:
    """Paragraph and list-item units; hard-wrapped lines are joined again."""
    units: list[_Unit] = []
    previous_blank = True
    for i in range(start, end):
        raw = lines[i]
        text = raw.strip()
        if not text:
            previous_blank = True
            continue
        item = _LIST_ITEM_RE.match(raw)
        last = units[-1] if units and not previous_blank else None
        if item and not (text.startswith("o ") and len(text) > 100):
            units.append(_Unit("item", item.group("text").strip(), i + 1))
        elif last is not None and last.kind == "item" and len(raw) - len(raw.lstrip()) >= 4:
            joiner = " " if last.text.endswith((".", ":", ";", "!", "?")) else ": "
            last.text = f"{last.text}{joiner}{text}"
        elif last is not None and last.kind == "para" and _continues(last.text, text):
            last.text = f"{last.text}{'' if text[0] in ':,;' else ' '}{text}"
        else:
            units.append(_Unit("para", text, i + 1))
        previous_blank = False
    return units


def _continues(current: str, following: str) -> bool:
    """Whether ``following`` is the rest of a hard-wrapped line ``current``."""
    if _LIST_ITEM_RE.match(following) or _SUMMARY_RE.match(current):
        return False
    if following[0] in ":,;" or following[0].islower():
        return True
    return len(current) >= 60 and current[-1].isalpha() and len(following) <= 40 and following[-1] in ".!?"


def _split_references(text: str) -> tuple[list[tuple[str, str]], list[str]]:
    """A paragraph as ("para", text) and ("material", sentence) pieces, in order, and the media
    mentions in it (sentences that stay in the text and also name a film or infographic)."""
    sentences = _SENTENCE_SPLIT_RE.split(text)
    media = [sentence for sentence in sentences if is_media_mention(sentence)]
    if not any(is_reference(s) or _SEE_BELOW_RE.match(s) for s in sentences):
        return [("para", text)], media
    pieces: list[tuple[str, str]] = []
    for sentence in sentences:
        if _SEE_BELOW_RE.match(sentence):
            # "Zie hieronder.": the material is what the sentence before it describes
            previous = pieces[-1][1] if pieces and pieces[-1][0] == "para" else sentence
            pieces.append(("material", _SENTENCE_SPLIT_RE.split(previous)[-1]))
        elif is_reference(sentence):
            pieces.append(("material", sentence))
        elif pieces and pieces[-1][0] == "material" and re.match(r"^en\s+hier\b", sentence, re.IGNORECASE):
            pieces.append(("material", sentence))  # "En hier ook.": one more document
        elif pieces and pieces[-1][0] == "material" and sentence[-1] not in ".!?":
            pieces[-1] = ("material", f"{pieces[-1][1]} {sentence}")  # the title of the link
        elif pieces and pieces[-1][0] == "para":
            pieces[-1] = ("para", f"{pieces[-1][1]} {sentence}")
        else:
            pieces.append(("para", sentence))
    return pieces, media


def _looks_like_heading(text: str, following: tuple[str, str] | None) -> bool:
    """A known section title, or a short title line followed by text, a list or a reference."""
    if following is not None and (_SECTION_RE.match(text) or _EVALUATION_RE.match(text)):
        return True
    if following is None or len(text) > 70 or len(text.split()) > 8:
        return False
    if text[-1] in ".,;:?" or ": " in text or not (text[0].isupper() or text[0].isdigit()):
        return False
    kind, next_text = following
    return kind in ("item", "material") or len(next_text) >= 60 or next_text[-1] in ".!?:"


# A piece of an entry's text: (kind, text, line, whole paragraph); kind: para, item, material or summary.
_Piece = tuple[str, str, int, str]


def _title_parts(text: str) -> list[str]:
    """'Kaart 1, kaart 2 en kaart 3' -> ['Kaart 1', 'Kaart 2', 'Kaart 3']; a title without a comma
    ('Borging en beheer') stays one."""
    if "," not in text:
        return [text]
    parts = [part.strip(" .") for part in re.split(r"\s*,\s*|\s+en\s+", text) if part.strip(" .")]
    if len(parts) < 2 or any(len(part.split()) > 6 for part in parts):
        return [text]
    return [part[0].upper() + part[1:] for part in parts]


def _documents_from_lists(pieces: list[_Piece]) -> list[_Piece]:
    """A lead-in ending in ':' that refers to documents, followed by short titles: one item per title.

    The titles leave the body; a lead-in that is itself a reference ("Hier vind je de materialen:")
    is replaced by them, another lead-in ("De tools van X:") stays as text.
    """
    result: list[_Piece] = []
    index = 0
    while index < len(pieces):
        kind, text, line, paragraph = pieces[index]
        lead = text.rstrip().endswith(":") and (kind == "material" or (
            kind == "para" and _MATERIAL_LEAD_RE.search(text)))
        following = index + 1
        titles: list[_Piece] = []
        if lead:
            while following < len(pieces) and pieces[following][0] == "item" and is_title_line(pieces[following][1]):
                titles.append(pieces[following])
                following += 1
            if not titles and following < len(pieces) and pieces[following][0] == "para" \
                    and is_title_line(pieces[following][1]):
                titles = [pieces[following]]
                following += 1
        if not titles:
            result.append(pieces[index])
            index += 1
            continue
        if kind == "para":
            result.append(pieces[index])
        for _, title, title_line, _ in titles:
            for part in _title_parts(title):
                result.append(("material", part, title_line, text))
        index = following
    return result


def _trailing_titles(pieces: list[_Piece]) -> list[_Piece]:
    """Short title lines at the very end of an entry are the texts of lost links: material."""
    end = len(pieces)
    while end > 0 and pieces[end - 1][0] == "para" and is_title_line(pieces[end - 1][1]):
        end -= 1
    if end == len(pieces) or not any(p[0] in ("para", "item") for p in pieces[:end]):
        return pieces
    return pieces[:end] + [("material", text, line, paragraph) for _, text, line, paragraph in pieces[end:]]


def _pieces(lines: list[str], start: int, end: int) -> list[_Piece]:
    pieces: list[_Piece] = []
    previous_material = False
    for unit in _units(lines, start, end):
        if unit.kind == "item":
            split, media = _split_references(unit.text)
            kept = " ".join(text for kind, text in split if kind == "para")
            if kept:
                pieces.append(("item", kept, unit.line, unit.text))
            pieces.extend(("material", text, unit.line, unit.text) for kind, text in split if kind == "material")
            pieces.extend(("material", sentence, unit.line, unit.text) for sentence in media)
            previous_material = False
            continue
        summary = _SUMMARY_RE.match(unit.text)
        if summary:
            pieces.append(("summary", "", unit.line, ""))
            if not summary.group("rest"):
                previous_material = False
                continue
            unit = _Unit("para", summary.group("rest"), unit.line)
        if previous_material and unit.text.startswith("En ") and len(unit.text) <= 100:
            pieces.append(("material", unit.text, unit.line, unit.text))
            continue
        split, media = _split_references(unit.text)
        pieces.extend((kind, text, unit.line, unit.text) for kind, text in split)
        previous_material = pieces[-1][0] == "material"
        pieces.extend(("material", sentence, unit.line, unit.text) for sentence in media)
    return _trailing_titles(_documents_from_lists(pieces))


def _parse_body(lines: list[str], start: int, end: int, entry: Entry) -> None:
    """Fill samenvatting, body and materiaal from lines[start:end]."""
    pieces = _pieces(lines, start, end)

    # Before "Het project in het kort" ("pre"), in the summary, or in the body after it.
    state = "pre" if any(piece[0] == "summary" for piece in pieces) else "summary"
    before_summary: list[str] = []
    summary: list[str] = []
    body: list[tuple[str, object]] = []
    references: dict[int, list[str]] = {}  # evaluation block index -> references in its section
    evaluation: int | None = None
    for index, (kind, text, line, paragraph) in enumerate(pieces):
        if kind == "material":
            material_kind = guess_kind(text)
            if material_kind == "overig" and len(text.split()) <= 4:
                material_kind = guess_kind(paragraph)  # "... in een video. Bekijk dit hier:"
            listed = _LISTED_RE.match(text)  # "Download hier: A, B en C": three documents
            titles = _title_parts(listed.group("titles")) if listed else [text]
            titles = titles if len(titles) > 1 else [text]
            entry.materiaal.extend(make_material(guess_kind(t) if len(titles) > 1 else material_kind, t, line)
                                   for t in titles)
            if evaluation is not None:
                references.setdefault(evaluation, []).append(text)
        elif kind == "summary":
            if not summary:
                state = "summary"
        elif kind == "item":
            state = "body"
            if body and body[-1][0] == "list":
                body[-1][1].append(text)
            else:
                body.append(("list", [text]))
        else:
            following = next(((p[0], p[1]) for p in pieces[index + 1 :] if p[0] != "summary"), None)
            heading = _looks_like_heading(text, following)
            if state == "pre":
                before_summary.append(text)
            elif state == "summary" and not (heading and summary):
                summary.append(text)
            elif heading and _EVALUATION_RE.match(text):
                state = "body"
                evaluation = len(body)
                body.append(("evaluatie", text.rstrip(" :")))
            else:
                state = "body"
                body.append(("heading", text) if heading else ("paragraph", text))
    while body and body[-1][0] == "heading":  # a title with only references under it
        body.pop()
    entry.samenvatting = "\n\n".join(before_summary + summary)
    entry.body = _fill_empty_evaluations(body, references)


def _fill_empty_evaluations(body, references):
    """An evaluation section with nothing but references keeps them as its text; one with nothing
    at all is dropped."""
    result = []
    for index, block in enumerate(body):
        result.append(block)
        if block[0] != "evaluatie":
            continue
        empty = index + 1 == len(body) or body[index + 1][0] == "evaluatie"
        if empty:
            if references.get(index):
                result.extend(("paragraph", reference) for reference in references[index])
            else:
                result.pop()
    return result


# --------------------------------------------------------------------------- entries


def _truncated_tail(lines: list[str], start: int, end: int) -> int | None:
    """Line index of a heading + "Gemeente ..." pair at the end of a range without its Project: line."""
    groups = _groups_before(lines, end, start, limit=2)
    if len(groups) == 2 and len(groups[0]) == 1 and len(groups[1]) == 1:
        org, heading = lines[groups[0][0]].strip(), lines[groups[1][0]].strip()
        if _ORG_LINE_RE.match(org) and _is_heading_line(heading):
            return groups[1][0]
    return None


def _joined(fields: dict[str, list[tuple[str, int]]], key: str) -> str:
    """The non-empty values of a field, distinct, joined with '; ' (usually just one)."""
    values = [value for value, _ in fields.get(key, []) if value]
    return "; ".join(dict.fromkeys(values))


def _build_entry(lines: list[str], header: _Header, fields, extras, project_index: int) -> Entry:
    title_value, title_index = fields["project"][0]
    title = re.sub(r"\s+", " ", title_value).strip()
    if not title:
        raise ImportFormatError("Project zonder titel: afgebroken of onvolledig project", title_index + 1)

    stars, heading_text, heading_org = "", "", ""
    if header.heading is not None:
        match = re.match(r"^(?P<stars>\*{0,2})\s*(?P<text>.*)$", header.heading)
        stars, heading_text = match.group("stars"), match.group("text").strip()
        heading_match = _HEADING_RE.match(heading_text)
        heading_org = heading_match.group("org") if heading_match else ""

    materiaal: list[Material] = []
    org_line = header.org_line or ""
    fused = _FUSED_ORG_RE.split(org_line, maxsplit=1) if org_line else []
    if len(fused) == 2:  # "Tussenrapportage ... werkenGemeente X": a lost link glued to the line
        materiaal.append(Material(guess_kind(fused[0]), fused[0].strip(), header.org_index + 1))
        org_line = fused[1]

    organisations: list[str] = []
    if org_line:
        organisations = organisations_from_line(org_line, title, header.description)
    elif heading_org:
        _add_unique(organisations, _split_names(heading_org))
    _add_unique(organisations, [value for value, _ in fields.get("gemeente", []) if value])
    if not organisations:
        raise ImportFormatError(
            "Project zonder organisatie: geen kop, geen 'Gemeente'-regel en geen veld 'Gemeente:'",
            project_index + 1,
        )

    thema_raw = next((clean_text(value) for value, _ in fields.get("thema", []) if value), "")
    looptijden = [value for value, _ in fields.get("looptijd", []) if value]
    afgerond = _joined(fields, "afgerond")
    warnings: list[str] = []
    if looptijden:
        duration = parse_durations(looptijden)
    elif afgerond:
        duration = parse_duration(afgerond, afgerond=True)
    else:
        duration = parse_duration("")
        warnings.append("Geen looptijd opgegeven")
    warnings.extend(f"Looptijd: {warning}" for warning in duration.warnings)
    if not thema_raw:
        warnings.append("Geen thema opgegeven")
    contactpersoon = _joined(fields, "contactpersoon")
    contactgegevens = _joined(fields, "contactgegevens")
    if not contactpersoon:
        warnings.append("Geen contactpersoon opgegeven")
    if not contactgegevens:
        warnings.append("Geen contactgegevens opgegeven")
    if heading_text and ":" in heading_text:
        heading_title = heading_text.split(":", 1)[1]
        if not _words(heading_title) & _words(title):
            warnings.append(f"Kop en projecttitel verschillen: '{heading_text}' tegenover '{title}'")
    extra_fields = [(label, clean_text(value)) for label, value, _ in extras]
    warnings.extend(
        f"Onbekend veld: '{label}' (regel {index + 1}) bewaard als extra gegeven" for label, _, index in extras
    )

    first_line = header.heading_index if header.heading_index is not None else header.start
    return Entry(
        line=first_line + 1,
        heading=heading_text,
        subsidieronde=SUBSIDIERONDEN[stars],
        title=title,
        organisations=organisations,
        contactpersoon=contactpersoon,
        contactgegevens=contactgegevens,
        thema=normalise_thema(thema_raw) if thema_raw else "",
        thema_raw=thema_raw,
        duration=duration,
        projectnummer=_joined(fields, "projectnummer"),
        samenvatting="",
        materiaal=materiaal,
        warnings=warnings,
        extra_fields=extra_fields,
    )


def _check_characters(text: str) -> None:
    """Refuse control characters (NUL and the like): they mean a damaged file, not text."""
    bad = _CONTROL_RE.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        raise ImportFormatError(
            f"Ongeldig teken U+{ord(bad.group()):04X} in kolom {column}: het bestand is beschadigd "
            "of geen tekstexport",
            line,
        )


def parse(text: str) -> list[Entry]:
    """All entries of the inspiration file, in file order."""
    if not text or not text.strip():
        raise ImportFormatError("Het bestand is leeg", 1)
    _check_characters(text)
    lines = text.replace("\ufeff", "").splitlines()
    project_indexes = [i for i, line in enumerate(lines) if _PROJECT_RE.match(line)]
    if not project_indexes:
        raise ImportFormatError("Geen projecten gevonden: is dit het inspiratiebestand?", 1)

    blocks = []
    lower = 0
    for index in project_indexes:
        start = _block_start(lines, index, lower)
        header = _find_header(lines, start, lower)
        fields, extras, after = _read_fields(lines, start, index)
        blocks.append((header, fields, extras, index, after))
        lower = after

    last_after = blocks[-1][4]
    footer = next((i for i in range(last_after, len(lines)) if _FOOTER_RE.match(lines[i])), None)
    end_of_entries = len(lines) if footer is None else footer

    entries = []
    for number, (header, fields, extras, index, after) in enumerate(blocks):
        body_end = blocks[number + 1][0].start if number + 1 < len(blocks) else end_of_entries
        dangling = _truncated_tail(lines, after, body_end)
        if dangling is not None:
            raise ImportFormatError(
                "Onvolledig project: kop en organisatie zonder regel 'Project:'", dangling + 1,
            )
        entry = _build_entry(lines, header, fields, extras, index)
        _parse_body(lines, after, body_end, entry)
        entries.append(entry)
    if footer is None:
        last_line = max(i for i, line in enumerate(lines) if line.strip()) + 1
        raise ImportFormatError(
            f"Het bestand stopt midden in het project '{entries[-1].title}' (vanaf regel {entries[-1].line}): "
            "het slot van de pagina ('Podcast-serie', 'Nieuwsbrief' of 'Interesse Subsidie') ontbreekt. "
            "Is het bestand afgebroken?",
            last_line,
        )
    return entries
