"""Geometry of the horizontal bar charts, drawn as inline SVG by templates/rapportage/staafdiagram.html.

Whole pixels only (the template must not localise '12,5' into an SVG attribute). The chart is
decoration for sighted readers: the same numbers are in the table next to it.
"""

from dataclasses import dataclass, field

LABEL_BREEDTE = 200  # organisation names, right-aligned before the bars
BALK_RUIMTE = 400  # the longest bar
WAARDE_RUIMTE = 70  # the number after each bar
BALK_HOOGTE = 16
BALK_AFSTAND = 4
GROEP_AFSTAND = 16
MAX_LABEL = 28

# Okabe–Ito colours: distinguishable with the common kinds of colour blindness.
KLEUREN = {
    "gepubliceerd": "#6b7280",
    "eigen": "#0072b2",
    "netwerk": "#d55e00",
    "extern": "#009e73",
    "onbekend": "#b0b4bb",
}


@dataclass
class Segment:
    x: int
    breedte: int
    kleur: str


@dataclass
class Balk:
    y: int
    totaal: int
    waarde_x: int
    tekst_y: int
    segmenten: list = field(default_factory=list)


@dataclass
class Groep:
    label: str
    volledig: str
    tekst_y: int
    beschrijving: str
    balken: list = field(default_factory=list)


@dataclass
class Diagram:
    breedte: int
    hoogte: int
    label_x: int
    groepen: list
    legenda: list  # [(label, kleur)]
    balk_hoogte: int = BALK_HOOGTE


def afgekort(text, length=MAX_LABEL):
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@dataclass(frozen=True)
class Reeks:
    key: str
    kleur: str
    label: str
    optioneel: bool = False  # left out of the legend when it is zero everywhere


def staafdiagram(rows, balken, label_key="organisatie"):
    """rows: dicts; balken: [(naam, [Reeks, ...]), ...]: per row one bar per entry, stacked from its series."""
    totals = [sum(row[r.key] for r in series) for row in rows for _, series in balken]
    schaal = BALK_RUIMTE / max([*totals, 1])
    x0 = LABEL_BREEDTE + 8
    groepen = []
    y = GROEP_AFSTAND // 2
    for row in rows:
        groep_hoogte = len(balken) * BALK_HOOGTE + (len(balken) - 1) * BALK_AFSTAND
        beschrijving = []
        groep = Groep(
            label=afgekort(str(row[label_key])), volledig=str(row[label_key]),
            tekst_y=y + groep_hoogte // 2 + 5, beschrijving="",
        )
        for naam, series in balken:
            totaal = sum(row[r.key] for r in series)
            balk = Balk(y=y, totaal=totaal, waarde_x=0, tekst_y=y + BALK_HOOGTE - 3)
            x, cumulative = x0, 0
            for reeks in series:  # rounded cumulatively, so a stacked bar is exactly as long as its total
                cumulative += row[reeks.key]
                end = x0 + round(cumulative * schaal)
                if end > x:
                    balk.segmenten.append(Segment(x=x, breedte=end - x, kleur=reeks.kleur))
                x = end
            balk.waarde_x = x + 6
            beschrijving.append(f"{naam}: {totaal}")
            groep.balken.append(balk)
            y += BALK_HOOGTE + BALK_AFSTAND
        groep.beschrijving = f"{row[label_key]} — " + ", ".join(beschrijving)
        groepen.append(groep)
        y += GROEP_AFSTAND - BALK_AFSTAND
    legenda = []
    for _, series in balken:
        for reeks in series:
            if reeks.optioneel and not any(row[reeks.key] for row in rows):
                continue
            item = (reeks.label, reeks.kleur)
            if item not in legenda:
                legenda.append(item)
    return Diagram(
        breedte=x0 + BALK_RUIMTE + WAARDE_RUIMTE, hoogte=max(y, 1) + GROEP_AFSTAND // 2,
        label_x=LABEL_BREEDTE, groepen=groepen, legenda=legenda,
    )


def vacature_diagram(rows):
    return staafdiagram(rows, [
        ("Gepubliceerd", [Reeks("gepubliceerd", KLEUREN["gepubliceerd"], "Gepubliceerd")]),
        ("Vervuld", [
            Reeks("vervuld_eigen", KLEUREN["eigen"], "Vervuld door eigen organisatie"),
            Reeks("vervuld_netwerk", KLEUREN["netwerk"], "Vervuld door andere deelnemer"),
            Reeks("vervuld_extern", KLEUREN["extern"], "Vervuld extern"),
            Reeks("vervuld_onbekend", KLEUREN["onbekend"], "Vervuld, herkomst onbekend", optioneel=True),
        ]),
    ])


def reactie_diagram(rows):
    return staafdiagram(rows, [
        ("Reacties", [
            Reeks("reacties_eigen", KLEUREN["eigen"], "Reacties eigen organisatie"),
            Reeks("reacties_netwerk", KLEUREN["netwerk"], "Reacties andere deelnemers"),
            Reeks("reacties_extern", KLEUREN["extern"], "Reacties extern"),
        ]),
    ])
