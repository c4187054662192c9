"""The vacancy exchange: employer pages with their vacancies, and the public listing.

Tree: HomePage > WerkgeversIndexPage (/werkgevers/) > OrganisatiePage > VacaturePage,
so that Wagtail's page permissions on an OrganisatiePage scope that employer's editors.
VacatureIndexPage (/vacatures/) lists and searches the vacancies of every employer.
Which vacancies anyone may see is decided in one place: `vacatures.phases.visible_q`.
"""

import re
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import formats
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.pages import CopyForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import find_available_slug
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kern.audience import PUBLIC, audience_for
from search.engine_facets import FacetField

from . import email_domains, phases
from .choices import Dienstverband, Herkomst, Opleidingsniveau, Publicatieroute, Vakgebied
from .feeds import VacatureFeed
from .forms import WerkgeverForm
from .jsonld import job_posting
from .listing import employer_library_link, employers_by_region, vacancy_listing_context
from .signals import vacancy_viewed

NIEUW_DAGEN = 7  # a vacancy is marked "Nieuw" during its first week in the phase the visitor sees


def euro(amount) -> str:
    """An amount in whole euros, Dutch style: '€ 3.900' (a non-breaking space after the sign)."""
    return f"€\u00a0{formats.number_format(amount, decimal_pos=0, force_grouping=True)}"


def day_text(day, today=None) -> str:
    """'12 januari', with the year only when it is not this year ('3 februari 2027')."""
    today = today or phases.local_date()
    return formats.date_format(day, "j F" if day.year == today.year else "j F Y")

# --------------------------------------------------------------------------- employers


class WerkgeversIndexPage(Page):
    """/werkgevers/: the participating employers, by region."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["vacatures.OrganisatiePage"]
    max_count = 1

    class Meta:
        verbose_name = "werkgeversoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        visible = VacaturePage.objects.visible_to(audience_for(request))
        context["regio_werkgevers"] = employers_by_region(OrganisatiePage.objects.all(), visible)
        return context


class OrganisatiePage(Page):
    """A participating employer: its profile, its defaults for new vacancies and its open vacancies."""

    organisatie = models.OneToOneField(
        "taxonomie.Organisatie", on_delete=models.PROTECT, related_name="werkgeverspagina",
        verbose_name="organisatie", help_text="De organisatie zoals in de inspiratiebibliotheek.",
    )
    regio = models.ForeignKey(
        "taxonomie.Regio", on_delete=models.PROTECT, related_name="werkgevers", verbose_name="regio",
    )
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="logo",
    )
    intro = RichTextField("korte tekst", blank=True, features=["bold", "italic", "link"])
    vacaturesite = models.URLField(
        "eigen vacaturesite", blank=True, help_text="De netwerken raden aan naar de eigen vacaturesite te verwijzen.",
    )
    email_domeinen = models.TextField(
        "e-maildomeinen van medewerkers", blank=True,
        help_text="Eén per regel, bijvoorbeeld ‘enschede.nl’. Medewerkers met zo’n adres kunnen inloggen.",
    )
    dagen_intern = models.PositiveSmallIntegerField(
        "dagen intern", default=7, help_text="Standaard aantal dagen dat een vacature alleen intern zichtbaar is.",
    )
    dagen_netwerk = models.PositiveSmallIntegerField(
        "dagen onder water", default=14,
        help_text="Standaard aantal dagen dat een vacature daarna alleen voor deelnemende organisaties zichtbaar is.",
    )
    standaard_plaats = models.CharField("standaard standplaats", max_length=100, blank=True)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("organisatie"), FieldPanel("regio")]),
        FieldPanel("logo"),
        FieldPanel("intro"),
        FieldPanel("vacaturesite"),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("dagen_intern"), FieldPanel("dagen_netwerk")]), FieldPanel("standaard_plaats")],
            heading="Standaarden voor nieuwe vacatures",
        ),
        FieldPanel("email_domeinen"),
    ]
    base_form_class = WerkgeverForm
    parent_page_types = ["vacatures.WerkgeversIndexPage"]
    subpage_types = ["vacatures.VacaturePage", "klussen.KlusPage"]  # klussen sits above vacatures
    exclude_fields_in_copy = ["email_domeinen"]  # a domain belongs to one employer

    class Meta:
        verbose_name = "werkgever"
        verbose_name_plural = "werkgevers"

    @property
    def share_image(self):
        """The logo, for link previews (Open Graph)."""
        return self.logo

    @property
    def domain_list(self):
        return email_domains.parse(self.email_domeinen)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["vacatures"] = (
            VacaturePage.objects.visible_to(audience_for(request))
            .filter(werkgever=self).order_by("sluitingsdatum", "title")
        )
        context["bibliotheek"] = employer_library_link(self)
        return context


class WerkgeverRedactie(models.Model):
    """The editors' group of one employer (created with the employer; see permissions.py)."""

    werkgever = models.OneToOneField(OrganisatiePage, on_delete=models.CASCADE, related_name="redactie")
    group = models.OneToOneField("auth.Group", on_delete=models.CASCADE, related_name="werkgever_redactie")

    class Meta:
        verbose_name = "redactiegroep van werkgever"

    def __str__(self):
        return self.group.name


# --------------------------------------------------------------------------- vacancies


class VacatureForm(WagtailAdminPageForm):
    """Pre-fills a new vacancy from its employer: phase lengths, place, closing date four weeks out.

    A new vacancy never fails on its web address: the slug follows the title (TitleFieldPanel in the
    browser; here as well, for a form sent without JavaScript) and gets a number when an earlier
    vacancy of the same employer already has it, as happens with a job that is advertised again.
    """

    def __init__(self, *args, parent_page=None, **kwargs):
        super().__init__(*args, parent_page=parent_page, **kwargs)
        if self.instance._state.adding and "slug" in self.fields:
            self.fields["slug"].required = False
        if self.instance._state.adding and isinstance(parent_page, OrganisatiePage):
            today = phases.local_date()
            defaults = {
                "publicatiedatum": today,
                "sluitingsdatum": four_weeks_from(today),
                "werkplaats": parent_page.standaard_plaats,
            }
            for name, value in defaults.items():
                if not self.initial.get(name):
                    self.initial[name] = value

    def clean(self):
        if self.instance._state.adding and self.parent_page is not None:
            wanted = self.cleaned_data.get("slug") or slugify(
                self.cleaned_data.get("title", ""), allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True),
            )
            if wanted:
                self.cleaned_data["slug"] = find_available_slug(self.parent_page, wanted)
        return super().clean()


class VacatureCopyForm(CopyForm):
    """'Kopiëren' proposes a web address no other vacancy of the employer uses (the original's plus a number).

    A slug of that shape (the original's, or it with a number) that is taken by the time the form is
    sent, or under another chosen parent, gets the next free number instead of an error; any other
    slug typed by hand gets Wagtail's message as before.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_slug"].initial = find_available_slug(self.page.get_parent(), self.page.slug)

    def clean(self):
        parent = self.cleaned_data.get("new_parent_page") or self.page.get_parent()
        slug = self.cleaned_data.get("new_slug")
        if slug and re.fullmatch(rf"{re.escape(self.page.slug)}(-\d+)?", slug) and not Page._slug_is_available(
            slug, parent,
        ):
            self.cleaned_data["new_slug"] = find_available_slug(parent, self.page.slug)
        return super().clean()


class VacatureQuerySet(PageQuerySet):
    def visible_to(self, audience=PUBLIC, today=None):
        """Live, public-in-Wagtail vacancies that `audience` may see on `today` (default: today in
        Amsterdam). Every channel starts here; the rule itself is `phases.visible_q`."""
        return self.live().public().filter(phases.visible_q(audience, today or phases.local_date()))

    def hidden_from(self, audience=PUBLIC, today=None):
        """A subquery of the vacancies `audience` may not see: for channels that list every page type."""
        return self.exclude(phases.visible_q(audience, today or phases.local_date())).values("pk")


class VacaturePage(Page):
    objects = PageManager.from_queryset(VacatureQuerySet)()

    werkgever = models.ForeignKey(
        OrganisatiePage, on_delete=models.SET_NULL, related_name="vacatures", editable=False, null=True,
        help_text="De bovenliggende werkgeverspagina; bijgehouden bij opslaan.",
    )
    dienstverband = models.CharField("soort dienstverband", max_length=30, choices=Dienstverband.choices)
    uren_min = models.PositiveSmallIntegerField("uren per week, minimaal")
    uren_max = models.PositiveSmallIntegerField("uren per week, maximaal")
    salarisschaal = models.PositiveSmallIntegerField(
        "salarisschaal", null=True, blank=True, help_text="Schaal volgens de cao Gemeenten (1–18).",
    )
    salaris_min = models.PositiveIntegerField("bruto maandsalaris vanaf (€)", null=True, blank=True)
    salaris_max = models.PositiveIntegerField("bruto maandsalaris tot en met (€)", null=True, blank=True)
    opleidingsniveau = models.CharField("opleidingsniveau", max_length=10, choices=Opleidingsniveau.choices)
    vakgebied = models.CharField("vakgebied", max_length=20, choices=Vakgebied.choices)
    werkplaats = models.CharField("standplaats", max_length=100)
    vacaturenummer = models.CharField("vacaturenummer", max_length=50, blank=True)
    publicatieroute = models.CharField(
        "publicatie", max_length=20, choices=Publicatieroute.choices, default=Publicatieroute.STANDAARD,
    )
    publicatiedatum = models.DateField(
        "publicatiedatum", help_text="Vanaf deze dag zien medewerkers van de eigen organisatie de vacature.",
    )
    start_netwerk = models.DateField(
        "onder water vanaf", null=True, blank=True,
        help_text="Alleen bij ‘eigen data’; anders berekend uit de standaard van de werkgever.",
    )
    start_openbaar = models.DateField(
        "openbaar vanaf", null=True, blank=True,
        help_text="Alleen bij ‘eigen data’; leeg bij ‘nooit openbaar’.",
    )
    sluitingsdatum = models.DateField(
        "sluitingsdatum", help_text="Tot en met deze dag kan iemand reageren. Daarna verdwijnt de vacature.",
    )
    contactpersoon = models.CharField("contactpersoon", max_length=200)
    contact_telefoon = models.CharField("telefoon contactpersoon", max_length=50, blank=True)
    contact_email = models.EmailField("e-mail contactpersoon", blank=True)
    reageer_url = models.URLField("reageren via webadres", blank=True)
    reageer_email = models.EmailField("reageren via e-mail", blank=True)
    omschrijving = RichTextField("omschrijving", features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    vervuld_op = models.DateField(
        "vervuld op", null=True, blank=True, help_text="Een vervulde vacature verdwijnt uit alle lijsten.",
    )
    vervuld_door = models.CharField(
        "vervuld door", max_length=10, blank=True, choices=Herkomst.choices,
        help_text="Wie de vacature vervulde: iemand van de eigen organisatie, van een andere deelnemer of van buiten.",
    )

    base_form_class = VacatureForm
    copy_form_class = VacatureCopyForm
    content_panels = [
        TitleFieldPanel("title", heading="Functietitel", placeholder="Functietitel*"),
        FieldRowPanel([FieldPanel("dienstverband"), FieldPanel("vakgebied"), FieldPanel("opleidingsniveau")]),
        FieldRowPanel([FieldPanel("uren_min"), FieldPanel("uren_max")], heading="Uren per week"),
        FieldRowPanel(
            [FieldPanel("salarisschaal"), FieldPanel("salaris_min"), FieldPanel("salaris_max")], heading="Salaris",
        ),
        FieldRowPanel([FieldPanel("werkplaats"), FieldPanel("vacaturenummer")]),
        MultiFieldPanel(
            [
                HelpPanel(
                    content="Een vacature is eerst intern zichtbaar, dan ‘onder water’ voor medewerkers van alle "
                    "deelnemende organisaties en daarna openbaar. Na de sluitingsdatum verdwijnt hij overal."
                ),
                FieldPanel("publicatieroute"),
                FieldRowPanel([FieldPanel("publicatiedatum"), FieldPanel("sluitingsdatum")]),
                FieldRowPanel([FieldPanel("start_netwerk"), FieldPanel("start_openbaar")]),
            ],
            heading="Publicatie",
        ),
        FieldPanel("omschrijving"),
        MultiFieldPanel(
            [
                FieldPanel("contactpersoon"),
                FieldRowPanel([FieldPanel("contact_telefoon"), FieldPanel("contact_email")]),
                FieldRowPanel([FieldPanel("reageer_url"), FieldPanel("reageer_email")]),
            ],
            heading="Contact en reageren",
        ),
        FieldRowPanel([FieldPanel("vervuld_op"), FieldPanel("vervuld_door")], heading="Vervuld"),
    ]
    promote_panels = [FieldPanel("slug")]

    search_fields = Page.search_fields + [
        index.SearchField("omschrijving"),
        index.SearchField("werkplaats"),
        index.AutocompleteField("title"),
        index.FilterField("werkgever"),
        index.FilterField("dienstverband"),
        index.FilterField("sluitingsdatum"),
        index.FilterField("publicatiedatum"),
        index.FilterField("start_netwerk"),
        index.FilterField("start_openbaar"),
        index.FilterField("vervuld_op"),
        # The listing's facets, for faceting in Elasticsearch/OpenSearch (search.engine_facets).
        index.FilterField("uren_min"),
        index.FilterField("uren_max"),
        index.FilterField("salarisschaal"),
        index.FilterField("facet_organisatie"),
        index.FilterField("facet_regio"),
        index.FilterField("facet_dienstverband"),
        index.FilterField("facet_vakgebied"),
    ]
    # The values of the listing's facets (vacatures.listing.vacancy_facets), indexed above.
    facet_organisatie = FacetField(("werkgever__slug", "werkgever__title"))
    facet_regio = FacetField(("werkgever__regio__slug", "werkgever__regio__naam"))
    facet_dienstverband = FacetField("dienstverband")
    facet_vakgebied = FacetField("vakgebied")
    parent_page_types = ["vacatures.OrganisatiePage"]
    subpage_types = []
    exclude_fields_in_copy = ["vacaturenummer"]

    class Meta:
        verbose_name = "vacature"
        verbose_name_plural = "vacatures"
        indexes = [models.Index(fields=["sluitingsdatum", "start_openbaar"])]

    # -- editing ------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.uren_min is not None and self.uren_max is not None and self.uren_min > self.uren_max:
            errors["uren_max"] = "Het maximum aantal uren is lager dan het minimum."
        if self.salaris_min and self.salaris_max and self.salaris_min > self.salaris_max:
            errors["salaris_max"] = "Het maximumsalaris is lager dan het minimum."
        if self.salarisschaal is not None and not 1 <= self.salarisschaal <= 18:
            errors["salarisschaal"] = "Kies een schaal van 1 tot en met 18."
        if self.publicatiedatum and self.sluitingsdatum and self.sluitingsdatum < self.publicatiedatum:
            errors["sluitingsdatum"] = "De sluitingsdatum ligt vóór de publicatiedatum."
        if self.publicatieroute == Publicatieroute.EIGEN_DATA:
            if not self.start_netwerk:
                errors["start_netwerk"] = "Vul de datum in waarop de vacature onder water gaat."
            elif self.publicatiedatum and self.start_netwerk < self.publicatiedatum:
                errors["start_netwerk"] = "Onder water kan niet vóór de publicatiedatum beginnen."
            if self.start_openbaar and self.start_netwerk and self.start_openbaar < self.start_netwerk:
                errors["start_openbaar"] = "Openbaar kan niet vóór ‘onder water’ beginnen."
        if bool(self.vervuld_op) != bool(self.vervuld_door):
            errors["vervuld_door"] = "Vul bij een vervulde vacature zowel de datum als ‘vervuld door’ in."
        if errors:
            raise ValidationError(errors)
        self.fill_phase_dates()

    def fill_phase_dates(self):
        self.fill_phase_dates_for(self.employer_page())

    def fill_phase_dates_for(self, parent):
        """Derive the phase start dates from the route and the employer's defaults."""
        if self.publicatiedatum is None or self.publicatieroute == Publicatieroute.EIGEN_DATA:
            return
        intern = timedelta(days=parent.dagen_intern if parent else 7)
        netwerk = timedelta(days=parent.dagen_netwerk if parent else 14)
        if self.publicatieroute == Publicatieroute.DIRECT_OPENBAAR:
            self.start_netwerk = self.start_openbaar = self.publicatiedatum
        else:
            self.start_netwerk = self.publicatiedatum + intern
            self.start_openbaar = (
                None if self.publicatieroute == Publicatieroute.NIET_OPENBAAR else self.start_netwerk + netwerk
            )

    def employer_page(self):
        if self.werkgever_id:
            return self.werkgever
        parent = self.get_parent() if self.pk or self.path else None
        return parent.specific if parent else None

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None:
            self.werkgever_id = parent.pk
        super().save(*args, **kwargs)

    # -- visibility ---------------------------------------------------------------

    @property
    def fase(self):
        return phases.phase_at(self)

    @property
    def fase_label(self):
        return phases.Fase(self.fase).label

    def is_visible_to(self, request):
        return self.fase == phases.OPENBAAR or (
            self.fase != phases.GESLOTEN
            and VacaturePage.objects.filter(pk=self.pk)
            .filter(phases.visible_q(audience_for(request), phases.local_date()))
            .exists()
        )

    def serve(self, request, *args, **kwargs):
        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        if self.fase == phases.GESLOTEN and self.start_openbaar and self.start_openbaar <= self.einddatum:
            # Was public once: say it is closed, without any way to react.
            response = TemplateResponse(request, "vacatures/vacature_gesloten.html", {"page": self}, status=410)
            response["X-Robots-Tag"] = "noindex"
            return response
        if not self.is_visible_to(request):
            raise Http404("Pagina niet gevonden")
        # reacties counts it (a number per day: no cookie, no IP address); reacties depends on vacatures.
        vacancy_viewed.send(sender=VacaturePage, vacancy_id=self.pk, day=phases.local_date())
        response = super().serve(request, *args, **kwargs)
        if self.fase != phases.OPENBAAR:
            response["X-Robots-Tag"] = "noindex, nofollow"  # employees only: never in a search engine
        return response

    def get_sitemap_urls(self, request=None):
        if self.fase != phases.OPENBAAR:
            return []
        return super().get_sitemap_urls(request)

    # -- display ------------------------------------------------------------------

    @property
    def einddatum(self):
        """The last day the vacancy was open: its closing date, or the day before it was filled."""
        return phases.last_open_day(self)

    @property
    def dagen_te_gaan(self):
        return (self.sluitingsdatum - phases.local_date()).days

    @property
    def salaris_tekst(self):
        """'€ 3.400 – € 4.900', 'vanaf € 3.400', 'tot en met € 4.900' or '' (no amounts)."""
        low, high = self.salaris_min, self.salaris_max
        if low and high:
            return euro(low) if low == high else f"{euro(low)} – {euro(high)}"
        if low:
            return f"vanaf {euro(low)}"
        if high:
            return f"tot en met {euro(high)}"
        return ""

    @property
    def geplaatst_op(self):
        """The day the vacancy reached the audience it has now: the start of its current phase."""
        return phases.phase_start(self, self.fase)

    @property
    def is_nieuw(self):
        placed = self.geplaatst_op
        return placed is not None and 0 <= (phases.local_date() - placed).days < NIEUW_DAGEN

    @property
    def alleen_voor(self):
        """Who may see a vacancy that is not public yet (for cards and pages); '' once it is public.

        Only employees are ever shown such a vacancy (`phases.visible_q`), so this is their reminder
        that what they see is theirs alone.
        """
        fase = self.fase
        if fase == phases.INTERN:
            return f"Alleen voor medewerkers van {self.werkgever.title}"
        if fase == phases.NETWERK:
            if self.start_openbaar:
                return f"Alleen voor medewerkers van deelnemende werkgevers, openbaar vanaf {day_text(self.start_openbaar)}"
            return "Alleen voor medewerkers van deelnemende werkgevers; deze vacature wordt niet openbaar"
        return ""

    @property
    def volgende_fasen(self):
        """For an internal vacancy: when the other participants see it, and when everyone does."""
        if self.fase != phases.INTERN:
            return ""
        steps = []
        if self.start_netwerk:
            steps.append(f"Vanaf {day_text(self.start_netwerk)} zien medewerkers van alle deelnemende werkgevers hem")
        if self.start_openbaar:
            steps.append(f"openbaar vanaf {day_text(self.start_openbaar)}")
        else:
            steps.append("hij wordt niet openbaar")
        return "; ".join(steps) + "."

    @property
    def deel_waarschuwing(self):
        """Shown next to the link of a vacancy that is not public yet: who can open it."""
        fase = self.fase
        if fase == phases.INTERN:
            who, until = f"medewerkers van {self.werkgever.title}", ""
        elif fase == phases.NETWERK:
            who = "medewerkers van deelnemende werkgevers"
            until = f", tot de vacature op {day_text(self.start_openbaar)} openbaar wordt" if self.start_openbaar else ""
        else:
            return ""
        return (
            f"Let op: alleen ingelogde {who} kunnen deze link openen{until}. "
            "Anderen krijgen ‘Pagina niet gevonden’."
        )

    @property
    def share_image(self):
        """The employer's logo, for link previews (Open Graph)."""
        return self.werkgever.logo if self.werkgever_id else None

    @property
    def uren_tekst(self):
        if self.uren_min == self.uren_max:
            return f"{self.uren_min} uur per week"
        return f"{self.uren_min}–{self.uren_max} uur per week"

    def json_ld(self):
        return job_posting(self)


# --------------------------------------------------------------------------- listing


class VacatureIndexPage(RoutablePageMixin, Page):
    """/vacatures/: search and filter the vacancies; /vacatures/feed/ as RSS."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "vacatureoverzicht"

    @path("")
    def listing(self, request):
        context = self.get_context(request)
        visible = VacaturePage.objects.visible_to(audience_for(request))
        context.update(vacancy_listing_context(request, visible))
        return TemplateResponse(request, self.get_template(request), context)

    @path("feed/")
    def feed(self, request):
        return VacatureFeed(self, VacaturePage.objects.visible_to(PUBLIC))(request)


def four_weeks_from(day):
    """The default closing date of a new vacancy."""
    return day + timedelta(weeks=4)
