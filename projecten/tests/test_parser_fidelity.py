"""The parser reads the source as a careful editor would (issue 18, items 12-18).

Each fixture is a short invented entry with the shape of a place in the real file (the line
numbers in the comments are those of ../shared/seeds/aeno-inspiratie-subsidieprojecten.txt);
no text of the source is copied.
"""

from datetime import date

import pytest

from projecten.importer.parser import Material, parse

FOOTER = "\nNieuwsbrief\n\nMeld je aan voor de nieuwsbrief.\n"
FIELDS = """Contactpersoon gemeente: Kim Pieters
Contactgegevens: k.pieters@zandvoorde.example
Thema: Vitaliteit
Looptijd: 1 maart 2021 t/m 31 december 2021"""


def one(body: str, fields: str = FIELDS, heading: str = "Zandvoorde: Leerlab", title: str = "Leerlab",
        org: str = "Gemeente Zandvoorde") -> str:
    return f"Inspiratie\n\n{heading}\n\n{org}\n\nProject: {title}\n{fields}\n\n{body}\n{FOOTER}"


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), start=1) if line.startswith(needle))


# --------------------------------------------------------------------------- 12: the field block


def test_an_unknown_label_is_kept_and_the_fields_after_it_are_read():
    text = one("Het project in het kort\nEen korte tekst.", fields="""Contactpersoon gemeente: Kim Pieters
Budget: € 45.000
Contactgegevens: k.pieters@zandvoorde.example
Thema: Vitaliteit
Looptijd: 2021""")
    entry = parse(text)[0]
    assert entry.extra_fields == [("Budget", "€ 45.000")]
    assert (entry.contactgegevens, entry.thema, entry.duration.raw) == (
        "k.pieters@zandvoorde.example", "Vitaliteit", "2021",
    )
    assert entry.samenvatting == "Een korte tekst."
    assert entry.warnings == [f"Onbekend veld: 'Budget' (regel {line_of(text, 'Budget:')}) bewaard als extra gegeven"]


def test_an_unknown_label_with_its_value_on_the_next_line():
    text = one("Het project in het kort\nTekst.", fields=FIELDS + "\nPartners:\nBibliotheek Zandvoorde")
    entry = parse(text)[0]
    assert entry.extra_fields == [("Partners", "Bibliotheek Zandvoorde")]
    assert entry.duration.end == date(2021, 12, 31)


def test_a_project_line_that_is_not_first_in_the_field_block():
    text = one("Het project in het kort\nTekst.", fields="Thema: Vitaliteit").replace(
        "Project: Leerlab\nThema: Vitaliteit",
        "Contactpersoon gemeente: Kim Pieters\nThema:\nVitaliteit\nProject: Leerlab\nLooptijd: 2022",
    )
    entry = parse(text)[0]
    assert (entry.title, entry.organisations, entry.heading) == ("Leerlab", ["Zandvoorde"], "Zandvoorde: Leerlab")
    assert (entry.contactpersoon, entry.thema, entry.duration.raw) == ("Kim Pieters", "Vitaliteit", "2022")


def test_the_summary_heading_right_after_the_fields_is_no_extra_field():
    text = one("Tekst.", fields=FIELDS + "\nHet project in het kort: Een kort project.")
    entry = parse(text)[0]
    assert entry.extra_fields == []
    assert entry.samenvatting.startswith("Een kort project.")


# --------------------------------------------------------------------------- 13: evaluation sections

EVALUATIONS = """Het project in het kort
Teams leren van fouten.

Tussentijdse evaluatie

Halverwege is de helft van de teams gestart.

Eindevaluatie

Het doel
We wilden dat teams fouten durven te melden.

Onderweg
Door de lockdown ging alles online.

  • Online werkt beter dan gedacht
  • Niet iedereen doet mee

Korte evaluatie
Tevreden deelnemers.

Evaluatie
Lees hier het evaluatierapport van Zandvoorde."""


def test_evaluation_headings_and_their_text_stay_together():
    entry = parse(one(EVALUATIONS))[0]
    assert entry.body == [
        ("evaluatie", "Tussentijdse evaluatie"),
        ("paragraph", "Halverwege is de helft van de teams gestart."),
        # shape of line 1443: sub-headings inside the evaluation belong to it
        ("evaluatie", "Eindevaluatie"),
        ("heading", "Het doel"),
        ("paragraph", "We wilden dat teams fouten durven te melden."),
        ("heading", "Onderweg"),
        ("paragraph", "Door de lockdown ging alles online."),
        ("list", ["Online werkt beter dan gedacht", "Niet iedereen doet mee"]),
        ("evaluatie", "Korte evaluatie"),
        ("paragraph", "Tevreden deelnemers."),
        # shape of line 2411: a section with only a reference keeps it as its text
        ("evaluatie", "Evaluatie"),
        ("paragraph", "Lees hier het evaluatierapport van Zandvoorde."),
    ]
    assert [m.kind for m in entry.materiaal] == ["eindevaluatie"]


def test_resultaten_project_with_a_list():
    entry = parse(one("Het project in het kort\nTekst.\n\nResultaten project\n\n  • Een scan\n  • Een leergang"))[0]
    assert entry.body == [("evaluatie", "Resultaten project"), ("list", ["Een scan", "Een leergang"])]


def test_an_evaluation_heading_with_nothing_under_it_is_dropped():
    entry = parse(one("Het project in het kort\nTekst.\n\nEindevaluatie"))[0]
    assert entry.body == []


# --------------------------------------------------------------------------- 14: durations in entries


@pytest.mark.parametrize(
    ("looptijd", "start", "end", "end_precision", "warning"),
    [
        # shape of line 662: an extension in parentheses
        ("Looptijd:\nmei 2020 – feb 2021 (loopt uit tot eind mei 2021)", date(2020, 5, 1), date(2021, 5, 1),
         "maand", "Looptijd: Laatst genoemde einddatum gebruikt: eind mei 2021 (eerder genoemd: februari 2021)"),
        # shape of line 2225: a later date further on in the same value
        ("Looptijd: 1 september 2020 tot 1 april 2020, nazorg tot juni 2022", date(2020, 9, 1), date(2022, 6, 1),
         "maand", "Looptijd: Laatst genoemde einddatum gebruikt: juni 2022 (eerder genoemd: 1 april 2020)"),
        # shape of line 1349: a second Looptijd line
        ("Looptijd:\nbouw van de app 3 maanden (april – juni 2021)\n"
         "Looptijd: gebruik daarna, minstens 2 jaar (tot aan 2023)", date(2021, 4, 1), date(2023, 1, 1), "jaar",
         "Looptijd: Einddatum 2023 uit een volgende looptijdregel: gebruik daarna, minstens 2 jaar (tot aan 2023)"),
        # issue 18 item 6: an impossible day keeps the month
        ("Looptijd: 1 maart 2020 tot 31 september 2021", date(2020, 3, 1), date(2021, 9, 1), "maand",
         "Looptijd: Ongeldige datum: 31 september 2021; alleen de maand is gebruikt (september 2021)"),
        ("Looptijd: Q3 2021 t/m Q2 2022", date(2021, 7, 1), date(2022, 6, 1), "maand", None),
        ("Looptijd: medio 2022 – eind 2023", date(2022, 7, 1), date(2023, 12, 1), "maand", None),
    ],
)
def test_durations_in_an_entry(looptijd, start, end, end_precision, warning):
    fields = FIELDS.replace("Looptijd: 1 maart 2021 t/m 31 december 2021", looptijd)
    entry = parse(one("Het project in het kort\nTekst.", fields=fields))[0]
    assert (entry.duration.start, entry.duration.end, entry.duration.end_precision) == (start, end, end_precision)
    assert entry.warnings == ([warning] if warning else [])


# --------------------------------------------------------------------------- 15: lost links


def test_link_titles_at_the_end_of_an_entry_are_material():
    # shape of lines 208-209 and 1320: the link texts stayed behind as lines of their own
    text = one("Het project in het kort\nWe praatten met de stad.\n\nVerslag stadsgesprekken\nDe Vijf Lessen")
    entry = parse(text)[0]
    assert entry.samenvatting == "We praatten met de stad."
    assert entry.materiaal == [
        Material("overig", "Verslag stadsgesprekken", line_of(text, "Verslag stadsgesprekken")),
        Material("overig", "De Vijf Lessen", line_of(text, "De Vijf Lessen")),
    ]


def test_a_lead_in_and_a_list_of_documents_are_one_item_each():
    # shape of lines 183-189: "Hier vind je ...:" and a numbered list of titles
    text = one("Het project in het kort\nEen platform.\n\nHier vind je de gemaakte materialen:\n\n"
               "  1. Handleiding platform\n  2. Infographic platform\n  3. Borging en beheer")
    entry = parse(text)[0]
    assert [(m.kind, m.title) for m in entry.materiaal] == [
        ("overig", "Handleiding platform"), ("infographic", "Infographic platform"), ("overig", "Borging en beheer"),
    ]
    assert entry.body == []


def test_a_list_of_tools_after_a_lead_in_is_material_and_the_lead_in_stays():
    # shape of lines 2575-2586
    items = [f"Werkblad {n}" for n in range(1, 12)]
    text = one("Het project in het kort\nMinder stress.\n\nProbeer de tools van Zandvoorde:\n"
               + "\n".join(f"{n}. {item}" for n, item in enumerate(items, start=1)))
    entry = parse(text)[0]
    assert [m.title for m in entry.materiaal] == items
    assert entry.samenvatting == "Minder stress.\n\nProbeer de tools van Zandvoorde:"
    assert entry.body == []


def test_documents_named_in_one_line_after_a_reference():
    # shape of lines 613-615 and 2342: one line naming three documents
    text = one("Het project in het kort\nGesprekken.\n\nHier vind je de kaarten terug:\n\nKaart 1, kaart 2 en kaart 3"
               "\n\nDownload hier: Aanpak escalatie, Handboek gesprek en Werkboek data")
    titles = [m.title for m in parse(text)[0].materiaal]
    assert titles == ["Kaart 1", "Kaart 2", "Kaart 3", "Aanpak escalatie", "Handboek gesprek", "Werkboek data"]


def test_references_inside_list_items():
    # shape of line 993: "Hier zie je ... En hier ook." inside a numbered item
    text = one("Het project in het kort\nEen academie.\n\n  1. Leidinggevenden\n"
               "    Zij geven het voorbeeld. Hier zie je hoe dat werkt. En hier ook.\n  2. Aanbod\n    Alles op één plek.")
    entry = parse(text)[0]
    assert entry.body == [("list", ["Leidinggevenden: Zij geven het voorbeeld.", "Aanbod: Alles op één plek."])]
    assert [m.title for m in entry.materiaal] == ["Hier zie je hoe dat werkt.", "En hier ook."]


def test_videos_and_an_infographic_are_found():
    # shape of lines 2545-2551: two bullets each pointing at a film, an infographic in a sentence
    text = one("Het project in het kort\nSamen leren.\n\nDe start is te zien in twee filmpjes.\n\n"
               "  • Bij de start kozen de deelnemers een foto. In dit filmpje zie je hun keuzes.\n\n"
               "  • De deelnemers kregen geen uitnodiging per mail, maar door filmpje\n\n"
               "Hier lees je de eindevaluatie van Zandvoorde. De lessen staan overzichtelijk in deze infographic.")
    entry = parse(text)[0]
    assert [(m.kind, m.title) for m in entry.materiaal] == [
        ("video", "In dit filmpje zie je hun keuzes."),
        ("video", "De deelnemers kregen geen uitnodiging per mail, maar door filmpje"),
        ("eindevaluatie", "Hier lees je de eindevaluatie van Zandvoorde."),
        ("infographic", "De lessen staan overzichtelijk in deze infographic."),
    ]
    # the film descriptions stay in the text; the reference leaves it
    assert ("paragraph", "De lessen staan overzichtelijk in deze infographic.") in entry.body
    assert "Hier lees je" not in str(entry.body)


def test_see_below_after_a_webinar_is_a_video():
    # shape of line 757
    text = one("Het project in het kort\nTeams.\n\nDit komt aan bod in een webinar op 3 maart 2021. Zie hieronder. "
               "En bekijk hier de presentatie Teams aan zet (pdf).")
    entry = parse(text)[0]
    assert [(m.kind, m.title) for m in entry.materiaal] == [
        ("video", "Dit komt aan bod in een webinar op 3 maart 2021."),
        ("overig", "En bekijk hier de presentatie Teams aan zet (pdf)."),
    ]
    assert "Zie hieronder" not in entry.samenvatting


def test_a_surviving_url_is_extracted():
    # shape of line 860
    text = one("Het project in het kort\nJong talent.\n\nBekijk de uitleg in onze infographic via: "
               "https://infographic.example/zandvoorde-42")
    entry = parse(text)[0]
    assert entry.materiaal == [
        Material("infographic", "Bekijk de uitleg in onze infographic", line_of(text, "Bekijk de uitleg"),
                 "https://infographic.example/zandvoorde-42"),
    ]


# --------------------------------------------------------------------------- 18: the byte order mark


def test_a_byte_order_mark_before_a_starred_heading_keeps_the_round():
    text = one("Het project in het kort\nTekst.", heading="\ufeff**Zandvoorde: Leerlab")
    entry = parse(text)[0]
    assert (entry.subsidieronde, entry.heading) == ("2021-2", "Zandvoorde: Leerlab")
    text = "\ufeff" + one("Het project in het kort\nTekst.", heading="*Zandvoorde: Leerlab").removeprefix("Inspiratie\n\n")
    assert parse(text)[0].subsidieronde == "2021-1"
