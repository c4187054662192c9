"""Temporary assignments ("klussen") that participating employers offer to each other's employees.

Tree: OrganisatiePage (the employer, in vacatures) > KlusPage, so the employer's editors' group
(vacatures/permissions.py: page permissions on the employer page) edits its klussen as it edits its
vacancies. KlusIndexPage (/klussen/) lists them.

A klus is never public. Who may see which klussen is decided in one place,
`KlusPage.objects.visible_to(audience, today)`: signed-in employees of a participating employer see
every open klus; anyone else sees none. Channels that list every page type exclude
`KlusPage.objects.hidden_from(audience)`.
"""

import math

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import formats
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kern.audience import PUBLIC, audience_for
from search.engine_facets import FacetField
from vacatures import phases
from vacatures.choices import Vakgebied
from vacatures.models import OrganisatiePage, VacatureForm

from .choices import Uitkomst
from .listing import klus_listing_context


def open_q(today):
    """Klussen still open on `today`: not past their closing date, not closed with an outcome."""
    return Q(sluitingsdatum__gte=today, afgesloten_op__isnull=True, uitkomst="")


class KlusQuerySet(PageQuerySet):
    def visible_to(self, audience=PUBLIC, today=None):
        """The klussen `audience` may see on `today` (default: today in Amsterdam): for a signed-in employee
        of a participating employer (the sign-in checks the participation) every live, open klus; for
        anyone else none. Every channel starts here."""
        if audience.werkgever_id is None:
            return self.none()
        return self.live().public().filter(open_q(today or phases.local_date()))

    def hidden_from(self, audience=PUBLIC, today=None):
        """A subquery of the klussen `audience` may not see: for channels that list every page type."""
        if audience.werkgever_id is None:
            return self.values("pk")
        return self.exclude(open_q(today or phases.local_date())).values("pk")


class KlusForm(VacatureForm):
    """The vacancy's form: the web address follows the title (numbered when taken) and a new klus closes four
    weeks out; the place comes from the employer. Closing needs an outcome (also in KlusPage.clean)."""

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance._state.adding and isinstance(parent_page, OrganisatiePage):
            if not self.initial.get("plaats"):
                self.initial["plaats"] = parent_page.standaard_plaats

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("afgesloten_op") and not cleaned.get("uitkomst"):
            self.add_error("uitkomst", CLOSE_WITHOUT_OUTCOME)
        return cleaned


CLOSE_WITHOUT_OUTCOME = "Een klus afsluiten kan alleen met een uitkomst: ingevuld, niet ingevuld of ingetrokken."


class KlusPage(Page):
    objects = PageManager.from_queryset(KlusQuerySet)()

    werkgever = models.ForeignKey(
        OrganisatiePage, on_delete=models.SET_NULL, related_name="klussen", editable=False, null=True,
        help_text="De bovenliggende werkgeverspagina; bijgehouden bij opslaan.",
    )
    omschrijving = RichTextField("omschrijving", features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    vaardigheden = models.TextField(
        "wat we vragen", blank=True, help_text="Kennis en vaardigheden, bijvoorbeeld één per regel.",
    )
    vakgebied = models.CharField("vakgebied", max_length=20, choices=Vakgebied.choices)
    uren_per_week = models.PositiveSmallIntegerField("uren per week")
    duur_weken = models.PositiveSmallIntegerField(
        "duur in weken", null=True, blank=True, help_text="Vul de duur in weken in, of een einddatum.",
    )
    einddatum = models.DateField("tot en met", null=True, blank=True)
    looptijd_weken = models.PositiveSmallIntegerField(
        "looptijd in weken", null=True, editable=False, help_text="Uit de duur of de einddatum, voor het filter.",
    )
    startdatum = models.DateField("startdatum")
    plaats = models.CharField("plaats", max_length=100)
    op_afstand = models.BooleanField("op afstand mogelijk", default=False)
    akkoord_leidinggevende = models.BooleanField(
        "leidinggevende moet akkoord geven", default=True,
        help_text="Dan vraagt het reactieformulier of de medewerker de klus met de eigen leidinggevende besprak.",
    )
    sluitingsdatum = models.DateField(
        "sluitingsdatum", help_text="Tot en met deze dag kunnen medewerkers reageren. Daarna verdwijnt de klus.",
    )
    contactpersoon = models.CharField("contactpersoon", max_length=200)
    contact_email = models.EmailField(
        "e-mail contactpersoon", help_text="Hier komt het bericht over een nieuwe reactie binnen.",
    )
    afgesloten_op = models.DateField(
        "afgesloten op", null=True, blank=True, help_text="Een afgesloten klus verdwijnt uit alle lijsten.",
    )
    uitkomst = models.CharField("uitkomst", max_length=20, choices=Uitkomst.choices, blank=True)
    ingevuld_door = models.ForeignKey(
        OrganisatiePage, on_delete=models.SET_NULL, null=True, blank=True, related_name="ingevulde_klussen",
        verbose_name="ingevuld door een medewerker van",
    )

    base_form_class = KlusForm
    content_panels = [
        TitleFieldPanel("title", heading="Titel van de klus", placeholder="Titel*"),
        FieldPanel("omschrijving"),
        FieldPanel("vaardigheden"),
        FieldRowPanel([FieldPanel("vakgebied"), FieldPanel("uren_per_week")]),
        FieldRowPanel([FieldPanel("startdatum"), FieldPanel("duur_weken"), FieldPanel("einddatum")], heading="Wanneer"),
        FieldRowPanel([FieldPanel("plaats"), FieldPanel("op_afstand")]),
        FieldPanel("akkoord_leidinggevende"),
        FieldRowPanel([FieldPanel("contactpersoon"), FieldPanel("contact_email")], heading="Contact"),
        FieldPanel("sluitingsdatum"),
        MultiFieldPanel(
            [
                HelpPanel(content="Sluit een klus af met een uitkomst. Zonder uitkomst kan een klus niet dicht."),
                FieldRowPanel([FieldPanel("afgesloten_op"), FieldPanel("uitkomst"), FieldPanel("ingevuld_door")]),
            ],
            heading="Afsluiten",
        ),
    ]
    promote_panels = [FieldPanel("slug")]

    search_fields = Page.search_fields + [
        index.SearchField("omschrijving"),
        index.SearchField("vaardigheden"),
        index.SearchField("plaats"),
        index.AutocompleteField("title"),
        index.FilterField("werkgever"),
        index.FilterField("sluitingsdatum"),
        index.FilterField("afgesloten_op"),
        index.FilterField("uitkomst"),
        # The listing's facets, for faceting in Elasticsearch/OpenSearch (search.engine_facets).
        index.FilterField("uren_per_week"),
        index.FilterField("looptijd_weken"),
        index.FilterField("op_afstand"),
        index.FilterField("facet_organisatie"),
        index.FilterField("facet_vakgebied"),
    ]
    # The values of the listing's facets (klussen.listing.klus_facets), indexed above.
    facet_organisatie = FacetField(("werkgever__slug", "werkgever__title"))
    facet_vakgebied = FacetField("vakgebied")
    parent_page_types = ["vacatures.OrganisatiePage"]
    subpage_types = []

    class Meta:
        verbose_name = "klus"
        verbose_name_plural = "klussen"

    # -- editing ------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.afgesloten_op and not self.uitkomst:
            errors["uitkomst"] = CLOSE_WITHOUT_OUTCOME
        if self.uitkomst and not self.afgesloten_op:
            errors["afgesloten_op"] = "Vul de datum in waarop de klus is afgesloten."
        if self.uitkomst == Uitkomst.INGEVULD and not self.ingevuld_door_id:
            errors["ingevuld_door"] = "Kies de werkgever van de medewerker die de klus doet."
        if self.ingevuld_door_id and self.uitkomst != Uitkomst.INGEVULD:
            errors["ingevuld_door"] = "Alleen een ingevulde klus is door iemand ingevuld."
        if not self.duur_weken and not self.einddatum:
            errors["duur_weken"] = "Vul de duur in weken in, of een einddatum."
        if self.einddatum and self.startdatum and self.einddatum < self.startdatum:
            errors["einddatum"] = "De einddatum ligt vóór de startdatum."
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.werkgever_id = parent.pk
        self.looptijd_weken = self.weeks()
        super().save(*args, **kwargs)

    def weeks(self):
        if self.duur_weken:
            return self.duur_weken
        if self.einddatum and self.startdatum:
            return max(1, math.ceil(((self.einddatum - self.startdatum).days + 1) / 7))
        return None

    # -- visibility ---------------------------------------------------------------

    @property
    def is_open(self):
        return KlusPage.objects.filter(pk=self.pk).filter(open_q(phases.local_date())).exists()

    def is_visible_to(self, request):
        return KlusPage.objects.visible_to(audience_for(request)).filter(pk=self.pk).exists()

    def serve(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        if not self.is_visible_to(request):
            raise Http404("Pagina niet gevonden")
        response = super().serve(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def get_sitemap_urls(self, request=None):
        return []  # never public

    def get_context(self, request, *args, **kwargs):
        """For the reaction block: the employee's profile (one click) and their earlier reaction from it."""
        context = super().get_context(request, *args, **kwargs)
        medewerker = getattr(request, "medewerker", None)
        context["profiel"] = context["al_gereageerd"] = None
        if medewerker is not None:
            try:
                context["profiel"] = medewerker.profiel
            except ObjectDoesNotExist:
                pass
            context["al_gereageerd"] = self.reacties.filter(medewerker=medewerker).first()
        return context

    # -- display ------------------------------------------------------------------

    @property
    def duur_tekst(self):
        if self.duur_weken:
            return "1 week" if self.duur_weken == 1 else f"{self.duur_weken} weken"
        if self.einddatum:
            return f"tot en met {formats.date_format(self.einddatum, 'j F Y')}"
        return ""

    @property
    def dagen_te_gaan(self):
        return (self.sluitingsdatum - phases.local_date()).days


class KlusIndexPage(Page):
    """/klussen/: the open klussen, for signed-in employees of participating employers only. Anyone else
    gets a sign-in prompt: no klussen, no counts."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "klussenoverzicht"

    def serve(self, request, *args, **kwargs):
        context = self.get_context(request, *args, **kwargs)
        audience = audience_for(request)
        if audience.werkgever_id is not None:
            context.update(klus_listing_context(request, KlusPage.objects.visible_to(audience)))
        response = TemplateResponse(request, self.get_template(request), context)
        response["X-Robots-Tag"] = "noindex"
        return response

    def get_sitemap_urls(self, request=None):
        return []
