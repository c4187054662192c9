"""The parser on small invented texts that imitate the shapes of the inspiration file."""

from datetime import date

import pytest

from projecten.importer import normalise, parser
from projecten.importer.normalise import (
    ORGANISATIE_SOORTEN,
    SAMENWERKINGEN,
    THEMA_ALIASSEN,
    normalise_organisation,
    normalise_thema,
    organisation_kind,
    organisation_slug,
)
from projecten.importer.parser import Entry, ImportFormatError, Material, guess_kind, is_reference, parse

FIXTURE = """\
Menu

Inspiratie

Hieronder staan de projecten: klik op een gemeente.

Zandvoorde: Leerlab

Gemeente Zandvoorde

Project: Leerlab
Contactpersoon gemeente: Jöran de Vries
Contactgegevens: jöran.devries@zandvoorde.nl | 06 11 22 33 44
Thema: Leren & Ontwikkelen
Looptijd: 1 maart 2021 t/m 31 december 2021

Het project in het kort
Het Leerlab brengt collega's samen rond echte vragen uit de wijk.

Elke maand kiest een team een vraag en werkt die in vier weken uit.
Thema: dit is een zin in de tekst en geen veld.

Lees hier het hele verhaal: Leerlab in Zandvoorde groeit

*Heuvelrade: Vitale teams

Gemeente Heuvelrade

Project: Vitale teams
Projectleider gemeente:
Sanne Bakker
Contactgegevens:
s.bakker@heuvelrade.nl | 0123 45 67 89
Thema:
Samenwerking
Looptijd:
januari – juni 2022

Beluister hier de podcast over de vitale teams.

Het project in het kort
Teams maken samen een plan voor gezond werken.

De aanpak bestaat uit drie stappen:
  1. Een nulmeting per team
  2. Een gesprek over de uitkomsten
  3. Afspraken voor het komende jaar

Tussenrapportage
De eerste tien teams hebben hun nulmeting gedaan en zijn enthousiast over de gesprekken.
Download de tussenrapportage van de vitale teams.

Eindevaluatie
Alle teams hebben afspraken gemaakt. De aanpak blijft bestaan na het project.

  • Meer teams doen mee dan verwacht
  • De gesprekken kosten minder tijd dan gedacht

Bekijk hier de video over de teamgesprekken. Het verslag vind je hier.

**Rivierstroom: Datateam

Gemeenten Oeverdam en Kribbeland (werkorganisatie Rivierstroom)

Project: Datateam
Projectleider:Anna Smit en Bram Visser
Contactgegevens projectleider: a.smit@rivierstroom.nl | 06 12 34 56 78 - b.visser@rivierstroom.nl
Domein: Sociaal domein
Doorlooptijd: 2022
Projectnummer: 2020-00123

Het project in het kortHet datateam helpt afdelingen hun cijfers te gebruiken.

Oeverdam, Kribbeland en Laag Zand: Gezamenlijke academie

Gemeenten: Oeverdam, Kribbeland en Laag Zand

Project: Gezamenlijke academie
Contactpersoon gemeente: Ilse Mulder
Contactgegevens: i.mulder@oeverdam.nl
Beleidsthema: Arbeidsmarktvraagstukken
Looptijd: 1 maart 2021 - 1 januari 2021

Het project in het kort
Drie gemeenten delen hun opleidingsaanbod.

Lees hier het hele verhaal: Drie gemeenten, een academie

Stichtse Waard Flexpool

Stichtse Waard Flexpool

Project: Flexpool
Contactpersoon gemeente: Tom Jansen
Contactgegevens: t.jansen@stichtsewaard.nl
Thema: Arbeidsmarkt
Looptijd: vanaf 2019

Het project in het kort
Een pool van medewerkers die tijdelijk klussen doen in andere teams.

Kustregio i.s.m. meerdere organisaties: Talentenpool

Kustregio i.s.m. meerdere organisaties

Een samenwerking tussen Oeverdam, Provincie Zeeweide en Waterschap Hoge Duinen.

Project: Talentenpool
Contactpersoon gemeente: Eva Kok
Contactgegevens: e.kok@kustregio.nl
Thema: Arbeidsmarkt
Looptijd: september 2021 - september 2023

Het project in het kort
Samen jong talent werven voor de hele regio.

Duinwijk: Fietsplan

Gemeente Duinwijk: Fietsplan

Project: Fietsplan
Contactpersoon gemeente: Piet de Boer
Afgerond: 1 november 2019
Projectnummer: 2017-00999

Het project in het kort
Medewerkers fietsen vaker naar het werk.

Meerhoven: Ronde tafels

Verslag ronde tafels gemeente MeerhovenGemeente Meerhoven

Project: Ronde tafels
Contactpersoon gemeente: Kees Smit
Contactgegevens: k.smit@meerhoven.nl
Thema: Samenwerken
Looptijd: 2020

Project in het kort
Collega's uit verschillende teams praten maandelijks over een lastige casus.

Nieuwsbrief

Meld je aan voor de nieuwsbrief: je krijgt elke maand het laatste nieuws.
"""


@pytest.fixture(autouse=True)
def invented_collaboration(monkeypatch):
    """An invented collaboration, so that the fixture needs no real names."""
    monkeypatch.setitem(SAMENWERKINGEN, "Rivierstroom", ("Oeverdam", "Kribbeland"))


@pytest.fixture
def entries(invented_collaboration) -> list[Entry]:
    return parse(FIXTURE)


def line_of(needle: str, occurrence: int = 1) -> int:
    """The 1-based line number of the n-th line of FIXTURE that equals ``needle``."""
    numbers = [n for n, line in enumerate(FIXTURE.splitlines(), start=1) if line == needle]
    return numbers[occurrence - 1]


def by_title(entries, title) -> Entry:
    return next(entry for entry in entries if entry.title == title)


# --------------------------------------------------------------------------- entries and headings


def test_every_project_line_is_an_entry(entries):
    assert [entry.title for entry in entries] == [
        "Leerlab", "Vitale teams", "Datateam", "Gezamenlijke academie", "Flexpool", "Talentenpool",
        "Fietsplan", "Ronde tafels",
    ]


@pytest.mark.parametrize(
    ("title", "heading", "heading_line", "subsidieronde"),
    [
        ("Leerlab", "Zandvoorde: Leerlab", "Zandvoorde: Leerlab", ""),
        ("Vitale teams", "Heuvelrade: Vitale teams", "*Heuvelrade: Vitale teams", "2021-1"),
        ("Datateam", "Rivierstroom: Datateam", "**Rivierstroom: Datateam", "2021-2"),
        ("Flexpool", "Stichtse Waard Flexpool", "Stichtse Waard Flexpool", ""),
        ("Talentenpool", "Kustregio i.s.m. meerdere organisaties: Talentenpool",
         "Kustregio i.s.m. meerdere organisaties: Talentenpool", ""),
        ("Ronde tafels", "Meerhoven: Ronde tafels", "Meerhoven: Ronde tafels", ""),
    ],
)
def test_heading_line_and_round(entries, title, heading, heading_line, subsidieronde):
    entry = by_title(entries, title)
    assert entry.heading == heading
    assert entry.line == line_of(heading_line)
    assert entry.subsidieronde == subsidieronde


def test_intro_is_not_part_of_any_entry(entries):
    everything = " ".join(entry.samenvatting for entry in entries)
    assert "klik op een gemeente" not in everything
    assert entries[0].line == line_of("Zandvoorde: Leerlab")


def test_page_footer_after_the_last_entry_is_ignored(entries):
    last = entries[-1]
    assert last.samenvatting == "Collega's uit verschillende teams praten maandelijks over een lastige casus."
    assert last.body == []


# --------------------------------------------------------------------------- fields


@pytest.mark.parametrize(
    ("title", "contactpersoon", "contactgegevens"),
    [
        ("Leerlab", "Jöran de Vries", "jöran.devries@zandvoorde.nl | 06 11 22 33 44"),
        ("Vitale teams", "Sanne Bakker", "s.bakker@heuvelrade.nl | 0123 45 67 89"),
        ("Datateam", "Anna Smit en Bram Visser",
         "a.smit@rivierstroom.nl | 06 12 34 56 78 - b.visser@rivierstroom.nl"),
        ("Fietsplan", "Piet de Boer", ""),
    ],
)
def test_contact_fields_are_kept_as_given(entries, title, contactpersoon, contactgegevens):
    entry = by_title(entries, title)
    assert entry.contactpersoon == contactpersoon
    assert entry.contactgegevens == contactgegevens


@pytest.mark.parametrize(
    ("title", "thema_raw", "thema"),
    [
        ("Leerlab", "Leren & Ontwikkelen", "Leren en ontwikkelen"),
        ("Vitale teams", "Samenwerking", "Samenwerken"),  # value on the next line
        ("Datateam", "Sociaal domein", "Sociaal domein"),  # Domein:
        ("Gezamenlijke academie", "Arbeidsmarktvraagstukken", "Arbeidsmarkt"),  # Beleidsthema:
        ("Fietsplan", "", ""),
    ],
)
def test_theme_labels(entries, title, thema_raw, thema):
    entry = by_title(entries, title)
    assert (entry.thema_raw, entry.thema) == (thema_raw, thema)


@pytest.mark.parametrize(
    ("title", "raw", "start", "end"),
    [
        ("Leerlab", "1 maart 2021 t/m 31 december 2021", date(2021, 3, 1), date(2021, 12, 31)),
        ("Vitale teams", "januari – juni 2022", date(2022, 1, 1), date(2022, 6, 1)),  # next line
        ("Datateam", "2022", date(2022, 1, 1), date(2022, 1, 1)),  # Doorlooptijd:
        ("Flexpool", "vanaf 2019", date(2019, 1, 1), None),
        ("Fietsplan", "1 november 2019", None, date(2019, 11, 1)),  # Afgerond: is the end date
    ],
)
def test_duration_labels(entries, title, raw, start, end):
    entry = by_title(entries, title)
    assert entry.duration.raw == raw
    assert (entry.duration.start, entry.duration.end) == (start, end)


@pytest.mark.parametrize(("title", "projectnummer"), [("Datateam", "2020-00123"), ("Leerlab", "")])
def test_projectnummer(entries, title, projectnummer):
    assert by_title(entries, title).projectnummer == projectnummer


def test_missing_space_after_colon(entries):
    assert by_title(entries, "Datateam").contactpersoon == "Anna Smit en Bram Visser"


def test_body_line_with_a_label_is_not_a_field(entries):
    entry = by_title(entries, "Leerlab")
    assert entry.thema_raw == "Leren & Ontwikkelen"
    assert "Thema: dit is een zin in de tekst en geen veld." in entry.samenvatting


def test_several_looptijd_lines_are_kept_and_the_first_is_parsed():
    text = FIXTURE.replace(
        "Looptijd: vanaf 2019",
        "Looptijd:\nopbouw (mei – juli 2019)\nLooptijd: gebruik daarna minimaal 2 jaar",
    )
    entry = by_title(parse(text), "Flexpool")
    assert entry.duration.raw == "opbouw (mei – juli 2019)\ngebruik daarna minimaal 2 jaar"
    assert (entry.duration.start, entry.duration.end) == (date(2019, 5, 1), date(2019, 7, 1))


# --------------------------------------------------------------------------- organisations


@pytest.mark.parametrize(
    ("title", "organisations"),
    [
        ("Leerlab", ["Zandvoorde"]),
        ("Datateam", ["Rivierstroom"]),  # a collaboration stands for itself
        ("Gezamenlijke academie", ["Oeverdam", "Kribbeland", "Laag Zand"]),
        ("Flexpool", ["Stichtse Waard"]),  # organisation line that repeats the title
        ("Talentenpool", ["Kustregio", "Oeverdam", "Provincie Zeeweide", "Waterschap Hoge Duinen"]),
        ("Fietsplan", ["Duinwijk"]),  # "Gemeente Duinwijk: Fietsplan"
        ("Ronde tafels", ["Meerhoven"]),  # a lost link glued to the organisation line
    ],
)
def test_organisations(entries, title, organisations):
    assert by_title(entries, title).organisations == organisations


def test_gemeente_field_adds_an_organisation_once():
    text = FIXTURE.replace("Project: Leerlab\n", "Project: Leerlab\nGemeente: Zandvoorde\n").replace(
        "Project: Flexpool\n", "Project: Flexpool\nGemeente:\nStichtse Waard\n"
    )
    entries = parse(text)
    assert by_title(entries, "Leerlab").organisations == ["Zandvoorde"]
    assert by_title(entries, "Flexpool").organisations == ["Stichtse Waard"]


def test_names_with_en_are_not_split(monkeypatch):
    monkeypatch.setattr(parser, "NAMEN_MET_EN", ("Hoog en Laag",))
    assert parser.organisations_from_line("Gemeenten Oeverdam, Hoog en Laag en Kribbeland") == [
        "Oeverdam", "Hoog en Laag", "Kribbeland",
    ]


@pytest.mark.parametrize(
    ("line", "organisations"),
    [
        ("Gemeente Oeverdam", ["Oeverdam"]),
        ("Gemeente: Oeverdam", ["Oeverdam"]),
        ("Gemeente Oeverdam en gemeente Kribbeland", ["Oeverdam", "Kribbeland"]),
        ("Gemeente Oeverdam i.s.m. Kribbeland en Laag Zand", ["Oeverdam", "Kribbeland", "Laag Zand"]),
        ("Gemeente Oeverdam, Kribbeland ism Hogeschool Kust", ["Oeverdam", "Kribbeland", "Hogeschool Kust"]),
        ("Gemeenten Oeverdam, Kribbeland (werkorganisatie Rivierstroom)", ["Rivierstroom"]),
        ("Gemeente Rivierstroom (Oeverdam en Kribbeland)", ["Rivierstroom"]),
        ("Werkorganisatie Rivierstroom", ["Rivierstroom"]),
        ("Regionale Samenwerking Oeverdam, Kribbeland en Laag Zand", ["Oeverdam", "Kribbeland", "Laag Zand"]),
        ("Gemeente Oeverdam i.o.", ["Oeverdam"]),
        ("GGD Kustland", ["GGD Kustland"]),
    ],
)
def test_organisations_from_line(line, organisations):
    assert parser.organisations_from_line(line) == organisations


# --------------------------------------------------------------------------- summary, body, material


def test_summary_paragraphs(entries):
    assert by_title(entries, "Leerlab").samenvatting == (
        "Het Leerlab brengt collega's samen rond echte vragen uit de wijk.\n\n"
        "Elke maand kiest een team een vraag en werkt die in vier weken uit.\n\n"
        "Thema: dit is een zin in de tekst en geen veld."
    )


def test_hard_wrapped_lines_are_joined():
    text = FIXTURE.replace(
        "Het Leerlab brengt collega's samen rond echte vragen uit de wijk.",
        "Het Leerlab brengt collega's samen rond echte vragen uit de wijk, met aandacht voor\n"
        "wat elke collega zelf wil leren en met een ‘Leer\nLab’.",
    )
    first = by_title(parse(text), "Leerlab").samenvatting.split("\n\n")[0]
    assert first == (
        "Het Leerlab brengt collega's samen rond echte vragen uit de wijk, met aandacht voor "
        "wat elke collega zelf wil leren en met een ‘Leer Lab’."
    )


def test_summary_glued_to_its_title(entries):
    summary = by_title(entries, "Datateam").samenvatting
    assert summary == "Het datateam helpt afdelingen hun cijfers te gebruiken."


def test_body_sections_and_lists(entries):
    entry = by_title(entries, "Vitale teams")
    assert entry.samenvatting == (
        "Teams maken samen een plan voor gezond werken.\n\nDe aanpak bestaat uit drie stappen:"
    )
    assert entry.body == [
        ("list", [
            "Een nulmeting per team", "Een gesprek over de uitkomsten", "Afspraken voor het komende jaar",
        ]),
        ("evaluatie", "Tussenrapportage"),
        ("paragraph",
         "De eerste tien teams hebben hun nulmeting gedaan en zijn enthousiast over de gesprekken."),
        ("evaluatie", "Eindevaluatie"),
        ("paragraph", "Alle teams hebben afspraken gemaakt. De aanpak blijft bestaan na het project."),
        ("list", ["Meer teams doen mee dan verwacht", "De gesprekken kosten minder tijd dan gedacht"]),
    ]


def test_material_lines_become_material_and_leave_the_body(entries):
    entry = by_title(entries, "Vitale teams")
    assert entry.materiaal == [
        Material("podcast", "Beluister hier de podcast over de vitale teams.",
                 line_of("Beluister hier de podcast over de vitale teams.")),
        Material("tussenrapportage", "Download de tussenrapportage van de vitale teams.",
                 line_of("Download de tussenrapportage van de vitale teams.")),
        Material("video", "Bekijk hier de video over de teamgesprekken.",
                 line_of("Bekijk hier de video over de teamgesprekken. Het verslag vind je hier.")),
        Material("overig", "Het verslag vind je hier.",
                 line_of("Bekijk hier de video over de teamgesprekken. Het verslag vind je hier.")),
    ]
    text = entry.samenvatting + " ".join(str(value) for _, value in entry.body)
    assert "Beluister" not in text and "Download" not in text and "vind je hier" not in text


def test_lees_hier_het_hele_verhaal_is_material_not_a_field_or_heading(entries):
    leerlab = by_title(entries, "Leerlab")
    assert leerlab.materiaal == [
        Material("ervaringsverhaal", "Lees hier het hele verhaal: Leerlab in Zandvoorde groeit",
                 line_of("Lees hier het hele verhaal: Leerlab in Zandvoorde groeit")),
    ]
    # Right before a heading without a colon it does not become that heading either.
    flexpool = by_title(entries, "Flexpool")
    assert flexpool.heading == "Stichtse Waard Flexpool"
    academie = by_title(entries, "Gezamenlijke academie")
    assert [m.title for m in academie.materiaal] == [
        "Lees hier het hele verhaal: Drie gemeenten, een academie",
    ]


def test_material_glued_to_the_organisation_line(entries):
    entry = by_title(entries, "Ronde tafels")
    assert entry.materiaal == [
        Material("overig", "Verslag ronde tafels gemeente Meerhoven",
                 line_of("Verslag ronde tafels gemeente MeerhovenGemeente Meerhoven")),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lees hier het conceptplan voor de week van de strategie.", True),
        ("Bekijk hier de video die de gemeente heeft gemaakt.", True),
        ("Beluister hier de podcast over de ervaringen van het team.", True),
        ("Inhoudelijk verslag vind je hier.", True),
        ("Download hier het projectverhaal.", True),
        ("Hier lees je de eerste tussenrapportage.", True),
        ("Klik hier voor de samenvatting van het project.", True),
        ("Naar de podcasts", True),
        ("Lees meer", False),
        ("Het team leest veel over dit onderwerp.", False),
        ("Lees hier het hele verhaal: Een titel | Een website", True),
    ],
)
def test_is_reference(sentence, expected):
    assert is_reference(sentence) is expected


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Beluister hier de podcast over de ervaringen.", "podcast"),
        ("Bekijk hier de video van de lancering.", "video"),
        ("Bekijk het filmpje over het project.", "video"),
        ("Lees hier de tussenrapportage van maart.", "tussenrapportage"),
        ("Lees hier de uitgebreide eindrapportage.", "eindevaluatie"),
        ("Hier lees je de volledige eindevaluatie.", "eindevaluatie"),
        ("Lees hier het volledige Projectplan.", "projectplan"),
        ("Hier vind je het volledige Plan van Aanpak.", "projectplan"),
        ("Lees hier het hele ervaringsverhaal: Een titel.", "ervaringsverhaal"),
        ("Lees hier het rapport over het onderzoek.", "overig"),
    ],
)
def test_guess_kind(text, kind):
    assert guess_kind(text) == kind


# --------------------------------------------------------------------------- warnings


@pytest.mark.parametrize(
    ("title", "warning"),
    [
        ("Fietsplan", "Geen thema opgegeven"),
        ("Fietsplan", "Geen contactgegevens opgegeven"),
        ("Gezamenlijke academie",
         "Looptijd: Einddatum 1 januari 2021 ligt vóór begindatum 1 maart 2021: einddatum weggelaten"),
    ],
)
def test_warnings(entries, title, warning):
    assert warning in by_title(entries, title).warnings


def test_no_warnings_for_a_complete_entry(entries):
    assert by_title(entries, "Leerlab").warnings == []


def test_missing_duration_and_contact_person_are_warnings():
    text = FIXTURE.replace("Contactpersoon gemeente: Tom Jansen\n", "").replace("Looptijd: vanaf 2019\n", "")
    warnings = by_title(parse(text), "Flexpool").warnings
    assert "Geen contactpersoon opgegeven" in warnings
    assert "Geen looptijd opgegeven" in warnings


def test_heading_that_does_not_match_the_title_is_a_warning():
    text = FIXTURE.replace("Zandvoorde: Leerlab\n", "Zandvoorde: Fietsroute\n", 1)
    warnings = by_title(parse(text), "Leerlab").warnings
    assert warnings == ["Kop en projecttitel verschillen: 'Zandvoorde: Fietsroute' tegenover 'Leerlab'"]


# --------------------------------------------------------------------------- errors

ENTRY = "Zandvoorde: Leerlab\n\nGemeente Zandvoorde\n\nProject: Leerlab\nThema: Vitaliteit\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("", 1, "Het bestand is leeg"),
        ("  \n\n \n", 1, "Het bestand is leeg"),
        ("naam;gemeente;thema\nLeerlab;Zandvoorde;Vitaliteit\n", 1,
         "Geen projecten gevonden: is dit het inspiratiebestand?"),
        ("Dit is een gewone tekst.\n\nOver een project: maar zonder velden.\n", 1,
         "Geen projecten gevonden: is dit het inspiratiebestand?"),
        # Project: without a title, at the end of the file and before the next field
        ("Zandvoorde: Leerlab\n\nGemeente Zandvoorde\n\nProject:", 5,
         "Project zonder titel: afgebroken of onvolledig project"),
        ("Zandvoorde: Leerlab\n\nGemeente Zandvoorde\n\nProject:\nThema: Vitaliteit\n", 5,
         "Project zonder titel: afgebroken of onvolledig project"),
        # a heading and organisation line whose Project: line never comes
        (ENTRY + "\nHeuvelrade: Vitale teams\n\nGemeente Heuvelrade\n", 8,
         "Onvolledig project: kop en organisatie zonder regel 'Project:'"),
        (ENTRY + "\nHeuvelrade: Vitale teams\n\nGemeente Heuvelrade\n\n" + ENTRY.replace("Leerlab", "Tuin"),
         8, "Onvolledig project: kop en organisatie zonder regel 'Project:'"),
        # a Project: line without any organisation (no heading, no Gemeente line or field)
        ("Project: Leerlab\nThema: Vitaliteit\n", 1,
         "Project zonder organisatie: geen kop, geen 'Gemeente'-regel en geen veld 'Gemeente:'"),
        (ENTRY + "Project: Tuin\n", 7,
         "Project zonder organisatie: geen kop, geen 'Gemeente'-regel en geen veld 'Gemeente:'"),
    ],
)
def test_format_errors(text, line, message):
    with pytest.raises(ImportFormatError) as raised:
        parse(text)
    assert raised.value.line == line
    assert raised.value.message == message
    assert str(raised.value) == f"regel {line}: {message}"


def test_error_without_line_number():
    assert str(ImportFormatError("Kapot", None)) == "Kapot"


def test_minimal_entry_is_enough():
    entry = parse("Project: Leerlab\nGemeente: Zandvoorde\n\nNieuwsbrief\n")[0]
    assert (entry.title, entry.organisations, entry.heading, entry.line) == ("Leerlab", ["Zandvoorde"], "", 1)


# --------------------------------------------------------------------------- normalisation


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("‘s-Hertogenbosch", "'s-Hertogenbosch"),
        ("’s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Gemeente ‘s-Hertogenbosch", "'s-Hertogenbosch"),
        ("Bernheeze", "Bernheze"),
        ("Borger-Odoon", "Borger-Odoorn"),
        ("HLT Samen", "HLTsamen"),
        ("Noaberkracht Dinkelland-Tubbergen", "Noaberkracht"),
        ("Gemeenschappelijke Regeling IJsselgemeenten", "GR IJsselgemeenten"),
        ("Eemsdelta i.o.", "Eemsdelta"),
        ("gemeente  Oeverdam ", "Oeverdam"),
        ("Oeverdam", "Oeverdam"),
    ],
)
def test_normalise_organisation(name, canonical):
    assert normalise_organisation(name) == canonical


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("'s-Hertogenbosch", "s-hertogenbosch"),
        ("Noardeast-Fryslân", "noardeast-fryslan"),
        ("1Stroom", "1stroom"),
    ],
)
def test_organisation_slug(name, slug):
    assert organisation_slug(name) == slug


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Oeverdam", "gemeente"),
        ("1Stroom", "samenwerkingsverband"),
        ("HLTsamen", "samenwerkingsverband"),
        ("GGD Kustland", "ggd"),
        ("Veiligheidsregio Kustland", "veiligheidsregio"),
        ("Waterschap Hoge Duinen", "waterschap"),
        ("Hoogheemraadschap van de Kust", "waterschap"),
        ("Provincie Zeeweide", "provincie"),
        ("GR Kustgemeenten", "gemeenschappelijke_regeling"),
        ("Omgevingsdienst Kustland", "gemeenschappelijke_regeling"),
        ("Hogeschool Kust", "overig"),
    ],
)
def test_organisation_kind(name, kind):
    assert organisation_kind(name) == kind
    assert kind in ORGANISATIE_SOORTEN


@pytest.mark.parametrize(
    ("collaboration", "members"),
    [
        ("1Stroom", ("Duiven", "Westervoort")),
        ("Noaberkracht", ("Dinkelland", "Tubbergen")),
        ("HLTsamen", ("Hillegom", "Lisse", "Teylingen")),
    ],
)
def test_collaboration_members(collaboration, members):
    assert normalise.SAMENWERKINGEN[collaboration] == members


def test_collaboration_members_are_canonical_names():
    for members in SAMENWERKINGEN.values():
        assert all(normalise_organisation(member) == member for member in members)


@pytest.mark.parametrize(
    ("name", "canonical"),
    [
        ("Leren & Ontwikkelen", "Leren en ontwikkelen"),
        ("Leren en ontwikkelen", "Leren en ontwikkelen"),
        ("Samenwerking", "Samenwerken"),
        ("Samnwerking intern", "Samenwerken"),
        ("Samenwerken", "Samenwerken"),
        ("Arbeidsmarktvraagstukken", "Arbeidsmarkt"),
        ("Arbeidsmarkt", "Arbeidsmarkt"),
        ("  vitaliteit ", "Vitaliteit"),
        ("Leiderschap & cultuur", "Leiderschap en cultuur"),
        ("Een onbekend thema ", "Een onbekend thema"),
    ],
)
def test_normalise_thema(name, canonical):
    assert normalise_thema(name) == canonical


def test_theme_aliases_map_to_their_canonical_name():
    for canonical, aliases in THEMA_ALIASSEN.items():
        assert all(normalise_thema(alias) == canonical for alias in aliases)
