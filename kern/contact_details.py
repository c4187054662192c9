"""Contact details in free text: one rule for every text that must stay anonymous (a mobility profile's card,
an answer published in the FAQ). Pure functions, no Django."""

import re

# An address, also written to dodge a filter: naam@gemeente.nl, naam (at) gemeente.nl, naam[at]gemeente.nl
EMAIL = re.compile(r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# +, 00 or 0 and digits, grouped or not: 06-12345678, 0031 6 1234 5678, +31 (0)6 12 34 56 78
PHONE = re.compile(r"(?:\+|\b00|\b0)\d(?:[\s\-./()]*\d){7,}")
PHONE_DIGITS = 9  # the fewest digits of a Dutch number without its 0 (a 06 number has 10)
NAME_PARTICLES = {"van", "der", "den", "het", "ter", "ten"}  # the ones of 3 letters or more


def find_email(text: str | None) -> str | None:
    """The first e-mail address in `text`, as written there, or None."""
    match = EMAIL.search(text or "")
    return match.group() if match else None


def find_phone(text: str | None) -> str | None:
    """The first phone number in `text` (at least nine digits), as written there, or None."""
    for match in PHONE.finditer(text or ""):
        if sum(ch.isdigit() for ch in match.group()) >= PHONE_DIGITS:
            return match.group()
    return None


def name_parts(naam: str | None) -> list[str]:
    """The parts of a person's name that identify them on their own: words of 3 or more letters that are
    no particle (‘Sanne’ and ‘Boer’ of ‘Sanne de Boer’)."""
    return [w for w in re.findall(r"\w+", naam or "") if len(w) >= 3 and w.lower() not in NAME_PARTICLES]


def whole_words(phrase: str) -> re.Pattern:
    """A case-insensitive pattern for `phrase` as whole words, with any white space between them."""
    return re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, phrase.split())) + r"(?!\w)", re.IGNORECASE)


def find_name(text: str | None, naam: str | None) -> str | None:
    """The person's name in `text`, whole or a part that identifies them (name_parts), as written there, or None."""
    naam = (naam or "").strip()
    for name in ([naam] if len(naam) >= 2 else []) + name_parts(naam):
        if match := whole_words(name).search(text or ""):
            return match.group()
    return None
