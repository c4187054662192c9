"""The Twentse School: a regional training catalogue, registrations, and each employer's target.

Tree: HomePage > OpleidingenIndexPage (/opleidingen/) > OpleidingPage, with its sessions (`Sessie`) as
an inline. Employees of participating employers register for one session (`Inschrijving`); the rules
for places and the waiting list are in `registration.py`, who sees which registrations in `access.py`.
"""

import math
from decimal import Decimal

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils import formats, timezone
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from vacatures.models import OrganisatiePage, euro

from .choices import Status, Vorm
from .listing import training_listing_context

CONTACT_GROUP = "Contactpersonen Twentse School"


class OpleidingenIndexPage(RoutablePageMixin, Page):
    """/opleidingen/: the catalogue, searchable by theme, format, month, place and free places."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["opleidingen.OpleidingPage"]
    max_count = 1

    class Meta:
        verbose_name = "opleidingenoverzicht"

    @path("")
    def listing(self, request):
        context = self.get_context(request)
        trainings = OpleidingPage.objects.live().public().descendant_of(self)
        context.update(training_listing_context(request, trainings, Sessie.objects.all()))
        return TemplateResponse(request, self.get_template(request), context)


class OpleidingPage(Page):
    omschrijving = RichTextField("omschrijving", features=["h2", "h3", "bold", "italic", "ol", "ul", "link"])
    thema = models.ForeignKey(
        "taxonomie.Thema", null=True, blank=True, on_delete=models.SET_NULL, related_name="opleidingen",
        verbose_name="thema",
    )
    aanbieder = models.CharField("aanbieder", max_length=200)
    vorm = models.CharField("vorm", max_length=20, choices=Vorm.choices)
    kosten = models.DecimalField(
        "kosten per deelnemer (€)", max_digits=8, decimal_places=2, null=True, blank=True,
        help_text="Leeg of 0: gratis voor medewerkers van deelnemende werkgevers.",
    )

    content_panels = Page.content_panels + [
        FieldPanel("omschrijving"),
        FieldRowPanel([FieldPanel("thema"), FieldPanel("vorm")]),
        FieldRowPanel([FieldPanel("aanbieder"), FieldPanel("kosten")]),
        InlinePanel("sessies", heading="Sessies", label="sessie", min_num=1),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("omschrijving"),
        index.SearchField("aanbieder"),
        index.AutocompleteField("title"),
        index.FilterField("vorm"),
    ]
    parent_page_types = ["opleidingen.OpleidingenIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = "opleiding"
        verbose_name_plural = "opleidingen"

    @property
    def kosten_tekst(self):
        return euro(self.kosten) if self.kosten else "Gratis"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        sessies = list(Sessie.objects.filter(opleiding=self).with_places().order_by("start"))
        medewerker = getattr(request, "medewerker", None)
        mine = {}
        if medewerker is not None:
            mine = dict(
                Inschrijving.objects.filter(medewerker=medewerker, sessie__opleiding=self)
                .exclude(status=Status.GEANNULEERD).values_list("sessie_id", "status")
            )
        for sessie in sessies:
            sessie.mijn_status = mine.get(sessie.pk, "")
        context["komende_sessies"] = [s for s in sessies if s.start > now]
        context["eerdere_sessies"] = [s for s in sessies if s.start <= now]
        return context


class SessieQuerySet(models.QuerySet):
    def with_places(self):
        """Each session with `bezet`: its registrations with a place (not the waiting list)."""
        return self.annotate(
            bezet=models.Count("inschrijvingen", filter=models.Q(inschrijvingen__status=Status.INGESCHREVEN)),
            wachtend=models.Count("inschrijvingen", filter=models.Q(inschrijvingen__status=Status.WACHTLIJST)),
        )


class Sessie(Orderable):
    opleiding = ParentalKey(OpleidingPage, on_delete=models.CASCADE, related_name="sessies")
    start = models.DateTimeField("begint")
    einde = models.DateTimeField("eindigt")
    online = models.BooleanField("online", default=False)
    plaats = models.CharField("plaats", max_length=100, blank=True, help_text="Leeg bij een online sessie.")
    adres = models.CharField("adres", max_length=200, blank=True)
    capaciteit = models.PositiveSmallIntegerField("aantal plaatsen")
    inschrijven_tot = models.DateTimeField("inschrijven kan tot")

    objects = SessieQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("start"), FieldPanel("einde")]),
        FieldRowPanel([FieldPanel("online"), FieldPanel("plaats"), FieldPanel("adres")]),
        FieldRowPanel([FieldPanel("capaciteit"), FieldPanel("inschrijven_tot")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "sessie"
        verbose_name_plural = "sessies"

    def __str__(self):
        return f"{self.opleiding.title}, {self.wanneer}"

    def clean(self):
        errors = {}
        if self.start and self.einde and self.einde <= self.start:
            errors["einde"] = "Het einde ligt vóór het begin."
        if self.start and self.inschrijven_tot and self.inschrijven_tot > self.start:
            errors["inschrijven_tot"] = "Inschrijven kan niet langer dan tot het begin van de sessie."
        if not self.online and not self.plaats:
            errors["plaats"] = "Vul de plaats in, of kies ‘online’."
        if errors:
            raise ValidationError(errors)

    @property
    def waar(self):
        return "Online" if self.online else self.plaats

    @property
    def adres_tekst(self):
        return ", ".join(part for part in (self.adres, self.plaats) if part)

    @property
    def wanneer(self):
        start, einde = timezone.localtime(self.start), timezone.localtime(self.einde)
        day = formats.date_format(start, "l j F Y")
        if start.date() == einde.date():
            return f"{day}, {start:%H:%M}–{einde:%H:%M}"
        return f"{day} {start:%H:%M} tot {formats.date_format(einde, 'l j F Y')} {einde:%H:%M}"

    def open_voor_inschrijving(self, now=None):
        now = now or timezone.now()
        return now <= self.inschrijven_tot and now < self.start

    @property
    def plaatsen_over(self):
        """Needs `with_places()` (the listing and the page use it)."""
        return max(self.capaciteit - self.bezet, 0)

    @property
    def plaatsen_tekst(self):
        left = self.plaatsen_over
        if left == 0:
            return "vol, inschrijven op de wachtlijst"
        return "nog 1 plaats" if left == 1 else f"nog {left} plaatsen"


class Inschrijving(models.Model):
    """One employee on one session: with a place, on the waiting list, or cancelled.

    The employer is the one the employee signed in with, kept on the registration itself so that the
    contact person and the report see it even when the employee later changes employer."""

    medewerker = models.ForeignKey(
        "medewerkers.Medewerker", null=True, on_delete=models.SET_NULL, related_name="inschrijvingen",
        verbose_name="medewerker",
    )
    werkgever = models.ForeignKey(
        OrganisatiePage, on_delete=models.CASCADE, related_name="inschrijvingen", verbose_name="werkgever",
    )
    sessie = models.ForeignKey(Sessie, on_delete=models.CASCADE, related_name="inschrijvingen", verbose_name="sessie")
    naam = models.CharField("naam", max_length=200)
    status = models.CharField("status", max_length=20, choices=Status.choices)
    aangemaakt = models.DateTimeField("ingeschreven op", default=timezone.now)
    gewijzigd = models.DateTimeField("status gewijzigd op", default=timezone.now)
    # Hash of the cancel link in the latest mail; the link itself is never stored.
    annuleer_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    class Meta:
        verbose_name = "inschrijving"
        verbose_name_plural = "inschrijvingen"
        ordering = ["aangemaakt", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["medewerker", "sessie"], condition=~models.Q(status="geannuleerd"),
                name="een_inschrijving_per_medewerker_per_sessie",
            ),
        ]

    def __str__(self):
        return f"{self.naam} voor {self.sessie}"

    @property
    def opleiding(self):
        return self.sessie.opleiding

    @property
    def opleiding_titel(self):
        return self.sessie.opleiding.title

    @property
    def sessie_tekst(self):
        return f"{self.sessie.wanneer}, {self.sessie.waar}"

    @property
    def status_tekst(self):
        return self.get_status_display()


class SchoolContactpersoon(models.Model):
    """The School's contact person of one employer: sees that employer's registrations in the admin."""

    werkgever = models.ForeignKey(
        OrganisatiePage, on_delete=models.CASCADE, related_name="school_contactpersonen", verbose_name="werkgever",
    )
    gebruiker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_contactpersoon",
        verbose_name="gebruiker",
    )

    panels = [FieldPanel("werkgever"), FieldPanel("gebruiker")]

    class Meta:
        verbose_name = "contactpersoon Twentse School"
        verbose_name_plural = "contactpersonen Twentse School"
        constraints = [models.UniqueConstraint(fields=["werkgever", "gebruiker"], name="contactpersoon_eenmaal")]

    def __str__(self):
        return f"{self.gebruiker} voor {self.werkgever}"

    def save(self, *args, **kwargs):
        """Contact persons need the admin itself: one group with only `access_admin` (what they see there
        is decided by `access.py`, not by group permissions)."""
        super().save(*args, **kwargs)
        group, _ = Group.objects.get_or_create(name=CONTACT_GROUP)
        group.permissions.add(Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"))
        self.gebruiker.groups.add(group)


class Jaarpercentage(models.Model):
    """The share of its fte an employer is expected to send to the School in a year."""

    jaar = models.PositiveSmallIntegerField("jaar", unique=True)
    percentage = models.DecimalField("percentage van de fte", max_digits=5, decimal_places=2)

    panels = [FieldRowPanel([FieldPanel("jaar"), FieldPanel("percentage")])]

    class Meta:
        verbose_name = "percentage per jaar"
        verbose_name_plural = "percentages per jaar"
        ordering = ["-jaar"]

    def __str__(self):
        return f"{self.jaar}: {self.percentage}%"


class Doelstelling(models.Model):
    """The agreed number of participants of one employer in one year: entered by the coordinator, or
    computed from the employer's fte and that year's percentage (rounded up)."""

    jaar = models.PositiveSmallIntegerField("jaar")
    werkgever = models.ForeignKey(
        OrganisatiePage, on_delete=models.CASCADE, related_name="school_doelstellingen", verbose_name="werkgever",
    )
    fte = models.DecimalField("fte", max_digits=8, decimal_places=1, null=True, blank=True)
    aantal = models.PositiveIntegerField(
        "afgesproken aantal deelnemers", null=True, blank=True,
        help_text="Leeg: berekend uit de fte en het percentage van het jaar.",
    )

    panels = [
        FieldRowPanel([FieldPanel("jaar"), FieldPanel("werkgever")]),
        MultiFieldPanel([FieldRowPanel([FieldPanel("aantal"), FieldPanel("fte")])], heading="Doel"),
    ]

    class Meta:
        verbose_name = "doelstelling Twentse School"
        verbose_name_plural = "doelstellingen Twentse School"
        ordering = ["-jaar", "werkgever__title"]
        constraints = [models.UniqueConstraint(fields=["jaar", "werkgever"], name="een_doel_per_werkgever_per_jaar")]

    def __str__(self):
        return f"{self.werkgever} {self.jaar}"

    def clean(self):
        if self.aantal is None and self.fte is None:
            raise ValidationError("Vul het aantal deelnemers in, of de fte om het te berekenen.")

    def streefaantal(self, percentage=None):
        """The target: `aantal`, or ceil(fte × percentage / 100); None when neither can be known."""
        if self.aantal is not None:
            return self.aantal
        if self.fte is None or percentage is None:
            return None
        return math.ceil(Decimal(self.fte) * Decimal(percentage) / 100)
