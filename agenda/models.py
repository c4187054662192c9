"""The agenda: /agenda/ lists events; an event is one page, a week of several activities is one event with
its activities inline (each with its own registration). Who may see an event is decided in one place:
`agenda.visibility.visible_q`, reached through `EvenementPage.objects.visible_to(audience)`.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kern.audience import PUBLIC, audience_for
from medewerkers.models import Medewerker

from .choices import Doelgroep
from .jsonld import event_json_ld
from .listing import agenda_context
from .visibility import visible_q

RESERVED_SLUGS = {"feed", "aanmelden", "annuleren"}  # agenda/urls.py uses these under /agenda/


def when_text(start, end):
    """'12 mei 2027, 10.00–12.00 uur' or '11 mei 2027, 9.00 uur – 15 mei 2027, 17.00 uur', in Amsterdam."""
    start, end = timezone.localtime(start), timezone.localtime(end)
    day = formats.date_format(start, "j F Y")
    if start.date() == end.date():
        return f"{day}, {start:%H.%M}–{end:%H.%M} uur"
    return f"{day}, {start:%H.%M} uur – {formats.date_format(end, 'j F Y')}, {end:%H.%M} uur"


class Aanmeldbaar(models.Model):
    """Registration for an event or one of its activities: none, or with a maximum number of places."""

    aanmelden = models.BooleanField("aanmelden nodig", default=False)
    capaciteit = models.PositiveIntegerField(
        "aantal plaatsen", null=True, blank=True, help_text="Leeg: geen maximum.",
    )
    plaats = models.CharField("plaats of adres", max_length=200, blank=True)
    online = models.BooleanField("online", default=False)

    class Meta:
        abstract = True

    def registrations(self):
        raise NotImplementedError

    @property
    def aantal_aanmeldingen(self):
        """Places taken: registrations on the waiting list take none."""
        return self.registrations().filter(wachtlijst=False).count()

    @property
    def plaatsen_over(self):
        """Places left (None: no maximum)."""
        if self.capaciteit is None:
            return None
        return max(self.capaciteit - self.aantal_aanmeldingen, 0)

    @property
    def is_vol(self):
        return self.plaatsen_over == 0

    @property
    def is_voorbij(self):
        return self.eind <= timezone.now()

    @property
    def kan_aanmelden(self):
        """Until it is over; when it is full, for the waiting list."""
        return self.aanmelden and not self.is_voorbij

    @property
    def waar(self):
        if self.online and self.plaats:
            return f"{self.plaats} en online"
        return "Online" if self.online else self.plaats

    @property
    def wanneer(self):
        return when_text(self.start, self.eind)

    def clean_dates(self, errors):
        if self.start and self.eind and self.eind <= self.start:
            errors["eind"] = "Het einde ligt niet na het begin."
        if not self.online and not self.plaats:
            errors["plaats"] = "Vul een plaats in, of kies ‘online’."
        if self.capaciteit is not None and not self.aanmelden:
            errors["capaciteit"] = "Een aantal plaatsen geldt alleen als aanmelden nodig is."


class EvenementQuerySet(PageQuerySet):
    def visible_to(self, audience=PUBLIC):
        """Live, public-in-Wagtail events that `audience` may see. Every channel starts here."""
        return self.live().public().filter(visible_q(audience))

    def hidden_from(self, audience=PUBLIC):
        """A subquery of the events `audience` may not see: for channels that list every page type."""
        return self.exclude(visible_q(audience)).values("pk")

    def upcoming(self, now=None):
        return self.filter(eind__gt=now or timezone.now()).order_by("start", "pk")

    def past(self, now=None):
        return self.filter(eind__lte=now or timezone.now()).order_by("-start", "-pk")


class AgendaIndexPage(RoutablePageMixin, Page):
    """/agenda/: upcoming events, /agenda/afgelopen/: past events with their follow-up text."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["agenda.EvenementPage"]
    max_count = 1

    class Meta:
        verbose_name = "agenda"

    def listing(self, request, past):
        context = self.get_context(request)
        visible = EvenementPage.objects.child_of(self).visible_to(audience_for(request))
        context.update(agenda_context(request, visible, past))
        return TemplateResponse(request, "agenda/agenda_index_page.html", context)

    @path("")
    def upcoming(self, request):
        return self.listing(request, past=False)

    @path("afgelopen/")
    def past(self, request):
        return self.listing(request, past=True)


class EvenementPage(Aanmeldbaar, Page):
    objects = PageManager.from_queryset(EvenementQuerySet)()

    start = models.DateTimeField("begin")
    eind = models.DateTimeField("einde")
    organisator = models.CharField("organisator", max_length=200)
    doelgroep = models.CharField("voor wie", max_length=20, choices=Doelgroep.choices, default=Doelgroep.IEDEREEN)
    samenvatting = models.TextField("samenvatting", max_length=400, help_text="Eén of twee zinnen voor het overzicht.")
    omschrijving = RichTextField("omschrijving", blank=True, features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    nabericht = RichTextField(
        "na afloop", blank=True, features=["bold", "italic", "ul", "link"],
        help_text="Verschijnt zodra het evenement voorbij is, bijvoorbeeld ‘271 deelnemers uit 14 gemeenten’.",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("start"), FieldPanel("eind")], heading="Wanneer"),
        FieldRowPanel([FieldPanel("plaats"), FieldPanel("online")], heading="Waar"),
        FieldRowPanel([FieldPanel("organisator"), FieldPanel("doelgroep")]),
        FieldPanel("samenvatting"),
        FieldPanel("omschrijving"),
        MultiFieldPanel(
            [
                HelpPanel(content="Bij een evenement met activiteiten meldt iemand zich per activiteit aan."),
                FieldRowPanel([FieldPanel("aanmelden"), FieldPanel("capaciteit")]),
            ],
            heading="Aanmelden",
        ),
        InlinePanel("activiteiten", label="Activiteit", heading="Activiteiten (bij een week of meerdaags evenement)"),
        FieldPanel("nabericht"),
    ]
    promote_panels = [FieldPanel("slug")]
    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("omschrijving"),
        index.SearchField("plaats"),
        index.SearchField("organisator"),
        index.AutocompleteField("title"),
        index.FilterField("doelgroep"),
        index.FilterField("start"),
        index.FilterField("eind"),
    ]
    parent_page_types = ["agenda.AgendaIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "evenement"
        verbose_name_plural = "evenementen"

    def clean(self):
        super().clean()
        errors = {}
        self.clean_dates(errors)
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = f"‘{self.slug}’ is gereserveerd voor de agenda; kies een ander adres."
        if errors:
            raise ValidationError(errors)

    def __str__(self):
        return self.title

    def registrations(self):
        return self.aanmeldingen.filter(activiteit__isnull=True)

    # -- visibility ---------------------------------------------------------------

    @property
    def is_openbaar(self):
        return self.doelgroep == Doelgroep.IEDEREEN

    def is_visible_to(self, request):
        return EvenementPage.objects.visible_to(audience_for(request)).filter(pk=self.pk).exists()

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and not self.is_visible_to(request):
            raise Http404("Pagina niet gevonden")
        response = super().serve(request, *args, **kwargs)
        if not self.is_openbaar:
            response["X-Robots-Tag"] = "noindex, nofollow"  # employees only: never in a search engine
        return response

    def get_sitemap_urls(self, request=None):
        if not self.is_openbaar:
            return []
        return super().get_sitemap_urls(request)

    # -- display ------------------------------------------------------------------

    def activities(self):
        return list(self.activiteiten.all())

    def json_ld(self):
        return event_json_ld(self)


class Activiteit(Aanmeldbaar, Orderable):
    """One activity of an event (a workshop of a week), with its own time, place and registration."""

    evenement = ParentalKey(EvenementPage, on_delete=models.CASCADE, related_name="activiteiten")
    titel = models.CharField("titel", max_length=200)
    start = models.DateTimeField("begin")
    eind = models.DateTimeField("einde")
    omschrijving = models.TextField("omschrijving", blank=True)

    panels = [
        FieldPanel("titel"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("eind")]),
        FieldRowPanel([FieldPanel("plaats"), FieldPanel("online")]),
        FieldPanel("omschrijving"),
        FieldRowPanel([FieldPanel("aanmelden"), FieldPanel("capaciteit")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "activiteit"
        verbose_name_plural = "activiteiten"

    def __str__(self):
        return self.titel

    def clean(self):
        super().clean()
        errors = {}
        self.clean_dates(errors)
        if errors:
            raise ValidationError(errors)

    def registrations(self):
        return self.aanmeldingen.all()


class Aanmelding(models.Model):
    """A registration for an event (activiteit empty) or for one of its activities: a place, or the waiting
    list when every place was taken (`agenda.registration`).

    Kept until 30 days after the event or activity ended (`manage.py bewaartermijnen`). Only the hash of
    the cancel link is stored."""

    evenement = models.ForeignKey(EvenementPage, on_delete=models.CASCADE, related_name="aanmeldingen")
    activiteit = models.ForeignKey(
        Activiteit, on_delete=models.CASCADE, related_name="aanmeldingen", null=True, blank=True,
    )
    naam = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    medewerker = models.ForeignKey(
        Medewerker, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        help_text="Wie ingelogd als medewerker aanmeldde.",
    )
    aangemaakt = models.DateTimeField("aangemeld op", default=timezone.now)
    wachtlijst = models.BooleanField(
        "op de wachtlijst", default=False,
        help_text="Aangemeld toen alles vol was; krijgt in volgorde van aanmelding een plaats die vrijkomt.",
    )
    annuleer_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = "aanmelding"
        verbose_name_plural = "aanmeldingen"
        constraints = [
            models.UniqueConstraint(
                fields=["evenement", "email"], condition=Q(activiteit__isnull=True), name="een_aanmelding_per_evenement",
            ),
            models.UniqueConstraint(
                fields=["activiteit", "email"], condition=Q(activiteit__isnull=False),
                name="een_aanmelding_per_activiteit",
            ),
        ]

    def __str__(self):
        return f"aanmelding {self.pk} voor {self.onderdeel}"

    @property
    def onderdeel(self):
        """What this registration is for: the activity, or the event itself."""
        return self.activiteit if self.activiteit_id else self.evenement

    @property
    def status(self):
        return "wachtlijst" if self.wachtlijst else "plaats"

    @property
    def titel(self):
        if self.activiteit_id:
            return f"{self.activiteit.titel} ({self.evenement.title})"
        return self.evenement.title
