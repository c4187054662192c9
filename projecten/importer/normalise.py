"""Canonical names for organisations and themes, so that one body is one record.

The tables below are the editorial decisions for the inspiration file; they name the
spelling variants found there (typos, curly quotes, short and long forms) and the
members of collaborations as far as the source names them.
"""

from __future__ import annotations

import re
import unicodedata

# --------------------------------------------------------------------------- organisations

GEMEENTE = "gemeente"
SAMENWERKINGSVERBAND = "samenwerkingsverband"
GGD = "ggd"
VEILIGHEIDSREGIO = "veiligheidsregio"
WATERSCHAP = "waterschap"
PROVINCIE = "provincie"
GEMEENSCHAPPELIJKE_REGELING = "gemeenschappelijke_regeling"
OVERIG = "overig"

ORGANISATIE_SOORTEN = (
    GEMEENTE, SAMENWERKINGSVERBAND, GGD, VEILIGHEIDSREGIO, WATERSCHAP, PROVINCIE,
    GEMEENSCHAPPELIJKE_REGELING, OVERIG,
)

# Canonical name -> other spellings (compared case-insensitively, quotes made straight).
ORGANISATIE_ALIASSEN: dict[str, tuple[str, ...]] = {
    "'s-Hertogenbosch": ("s-Hertogenbosch", "Den Bosch"),
    "Bernheze": ("Bernheeze",),
    "Borger-Odoorn": ("Borger-Odoon",),
    "Midden-Delfland": ("Midden Delfland",),
    "Eemsdelta": ("Eemsdelta i.o.",),
    "Holland Rijnland": ("Holland-Rijnland",),
    "1Stroom": ("1 Stroom",),
    "HLTsamen": ("HLT Samen", "Werkorganisatie HLTsamen", "Werkorganisatie HLT Samen"),
    "Noaberkracht": ("Noaberkracht Dinkelland-Tubbergen", "Noaberkracht Dinkelland Tubbergen"),
    "De Wolden-Hoogeveen": ("De Wolden Hoogeveen", "Samenwerkingsorganisatie De Wolden Hoogeveen"),
    "Werkorganisatie Druten Wijchen": ("Druten Wijchen", "Werkorganisatie Druten-Wijchen"),
    "Dienst Dommelvallei": ("Dommelvallei",),
    "Dienst SZW Noardwest Fryslân": ("De Dienst SZW Noardwest Fryslân",),
    "Regio Gooi en Vechtstreek": ("Gooi en Vechtstreek",),
    "GR IJsselgemeenten": ("Gemeenschappelijke Regeling IJsselgemeenten", "IJsselgemeenten"),
    "GR Peelgemeenten": ("Gemeenschappelijke Regeling Peelgemeenten", "Peelgemeenten"),
    "MGR Sociaal Domein Centraal Gelderland": (
        "Modulair Gemeenschappelijke Regeling (MGR) Sociaal Domein Centraal Gelderland",
        "MGR Centraal Gelderland",
    ),
    "Werken in Haaglanden": ("Haaglanden",),
    "SED Organisatie": ("SED", "SED-organisatie"),
    "Stroomopwaarts": ("Stroomopwaarts MVS",),
    "Domesta": ("Woningbouwcorporatie Domesta",),
}

# Collaboration -> member organisations (canonical names), as far as the source names them.
SAMENWERKINGEN: dict[str, tuple[str, ...]] = {
    "1Stroom": ("Duiven", "Westervoort"),
    "Noaberkracht": ("Dinkelland", "Tubbergen"),
    "HLTsamen": ("Hillegom", "Lisse", "Teylingen"),
    "SED Organisatie": ("Stede Broec", "Enkhuizen", "Drechterland"),
    "De Wolden-Hoogeveen": ("De Wolden", "Hoogeveen"),
    "Werkorganisatie Druten Wijchen": ("Druten", "Wijchen"),
    "Werkorganisatie Langedijk en Heerhugowaard": ("Langedijk", "Heerhugowaard"),
    "Dienst Dommelvallei": ("Son en Breugel", "Nuenen", "Geldrop-Mierlo"),
    "Servicepunt71": ("Leiden", "Leiderdorp", "Zoeterwoude", "Oegstgeest", "Holland Rijnland"),
    "Werken in Haaglanden": (
        "Delft", "Leidschendam-Voorburg", "Midden-Delfland", "Pijnacker-Nootdorp", "Rijswijk",
        "Wassenaar", "Westland", "Zoetermeer", "Hoogheemraadschap van Delfland",
    ),
    "MGR Sociaal Domein Centraal Gelderland": (
        "Arnhem", "Doesburg", "Duiven", "Lingewaard", "Overbetuwe", "Renkum", "Rheden",
        "Rozendaal", "Wageningen", "Westervoort", "Zevenaar",
    ),
}

# Names that contain " en " but are one body: never split a list on them.
NAMEN_MET_EN: tuple[str, ...] = (
    "Peel en Maas", "Son en Breugel", "Mook en Middelaar", "Gooi en Vechtstreek",
    "Regio Gooi en Vechtstreek", "Waterschap Aa en Maas", "Veiligheidsregio Noord en Oost Gelderland",
    "Werkorganisatie Langedijk en Heerhugowaard",
)

# Kinds that the name alone does not tell.
_SOORT_PER_NAAM: dict[str, str] = {
    "Dienst Dommelvallei": GEMEENSCHAPPELIJKE_REGELING,
    "Dienst SZW Noardwest Fryslân": GEMEENSCHAPPELIJKE_REGELING,
    "Servicepunt71": GEMEENSCHAPPELIJKE_REGELING,
    "Stroomopwaarts": GEMEENSCHAPPELIJKE_REGELING,
    "Holland Rijnland": GEMEENSCHAPPELIJKE_REGELING,
    "Mobiliteitscentrum West-Brabant": SAMENWERKINGSVERBAND,
    "Domesta": OVERIG,
    "De Connectie": OVERIG,
}
_SOORT_PER_VOORVOEGSEL: tuple[tuple[str, str], ...] = (
    (r"ggd\b", GGD),
    (r"veiligheidsregio\b", VEILIGHEIDSREGIO),
    (r"(waterschap|hoogheemraadschap)\b", WATERSCHAP),
    (r"provincie\b", PROVINCIE),
    (r"(gr|mgr|gemeenschappelijke regeling|omgevingsdienst|regio)\b", GEMEENSCHAPPELIJKE_REGELING),
    (r"(werkorganisatie|samenwerking|samenwerkingsorganisatie)\b", SAMENWERKINGSVERBAND),
    (r"(hogeschool|universiteit|woningbouwcorporatie|woningcorporatie|stichting)\b", OVERIG),
)

_QUOTES = str.maketrans({"‘": "'", "’": "'", "`": "'", "´": "'", "“": '"', "”": '"'})


def clean_text(value: str) -> str:
    """Straight quotes and single spaces."""
    return re.sub(r"\s+", " ", (value or "").translate(_QUOTES)).strip()


def _key(value: str) -> str:
    return clean_text(value).casefold()


_ORGANISATIE_INDEX: dict[str, str] = {}
for _canonical, _aliases in ORGANISATIE_ALIASSEN.items():
    for _name in (_canonical, *_aliases):
        _ORGANISATIE_INDEX[_key(_name)] = _canonical


def normalise_organisation(name: str) -> str:
    """The canonical display name of an organisation ("Gemeente ‘s-Hertogenbosch" -> "'s-Hertogenbosch")."""
    value = clean_text(name).strip(" .,;:")
    value = re.sub(r"^(?:de\s+)?gemeenten?\s*:?\s+", "", value, flags=re.IGNORECASE)
    value = re.sub(r"\s+i\.?\s?o\.?$", "", value)  # "in oprichting"
    return _ORGANISATIE_INDEX.get(value.casefold(), value)


def organisation_slug(name: str) -> str:
    """An ASCII slug of the canonical name ("Noardeast-Fryslân" -> "noardeast-fryslan")."""
    decomposed = unicodedata.normalize("NFKD", normalise_organisation(name))
    ascii_name = decomposed.encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def organisation_kind(name: str) -> str:
    """One of ORGANISATIE_SOORTEN; a name without a telling word is a municipality."""
    canonical = normalise_organisation(name)
    if canonical in _SOORT_PER_NAAM:
        return _SOORT_PER_NAAM[canonical]
    for pattern, kind in _SOORT_PER_VOORVOEGSEL:
        if re.match(pattern, canonical, flags=re.IGNORECASE):
            return kind
    if canonical in SAMENWERKINGEN:
        return SAMENWERKINGSVERBAND
    return GEMEENTE


# --------------------------------------------------------------------------- themes

# Canonical theme -> the names under which it occurs in the source (Thema, Domein, Beleidsthema).
THEMA_ALIASSEN: dict[str, tuple[str, ...]] = {
    "Arbeidsmarkt": ("Arbeidsmarkt", "Arbeidsmarktvraagstukken"),
    "Bedoeling-gerichte aanbesteding": ("Bedoeling-gerichte aanbesteding",),
    "Burgerzaken": ("Burgerzaken",),
    "Coaching": ("Coaching",),
    "Digivaardig": ("Digivaardig",),
    "Gemeentebreed": ("Gemeentebreed",),
    "Jongeren": ("Jongeren", "Boeien en behouden van jongeren"),
    "Leiderschap en cultuur": ("Leiderschap en cultuur",),
    "Leren en ontwikkelen": ("Leren en ontwikkelen", "Leren & Ontwikkelen"),
    "Leren en veranderen": ("Leren en veranderen",),
    "Loopbaanontwikkeling": ("Loopbaanontwikkeling",),
    "Overig": ("Overig",),
    "Samenwerken": ("Samenwerken", "Samenwerking", "Samnwerking intern"),
    "Sociaal domein": ("Sociaal domein",),
    "Vitaliteit": ("Vitaliteit",),
    "Werving en selectie": ("Werving en selectie",),
}


# Compound theme names and the words people search for them with (search does not split compounds).
THEMA_ZOEKWOORDEN: dict[str, tuple[str, ...]] = {
    "Loopbaanontwikkeling": ("loopbaan", "ontwikkeling"),
    "Digivaardig": ("digitaal", "vaardig"),
    "Gemeentebreed": ("gemeente",),
    "Arbeidsmarkt": ("arbeid",),
}


def _thema_key(value: str) -> str:
    return re.sub(r"\s*&\s*", " en ", clean_text(value)).casefold()


_THEMA_INDEX: dict[str, str] = {}
for _canonical, _aliases in THEMA_ALIASSEN.items():
    for _name in (_canonical, *_aliases):
        _THEMA_INDEX[_thema_key(_name)] = _canonical


def normalise_thema(name: str) -> str:
    """The canonical theme name; an unknown name comes back stripped."""
    return _THEMA_INDEX.get(_thema_key(name), (name or "").strip())
