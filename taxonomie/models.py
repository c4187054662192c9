"""Organisations and themes: shared by the inspiration library and the vacancy exchange."""

from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class NaamMetSlug(models.Model):
    """A record known by its name, with a URL slug made from that name when none is given."""

    class Meta:
        abstract = True

    def __str__(self):
        return self.naam

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = slugify(self.naam)
        super().save(*args, **kwargs)


class Organisatie(index.Indexed, NaamMetSlug):
    """A public body: a municipality, a collaboration of municipalities, a GGD, ..."""

    class Soort(models.TextChoices):
        GEMEENTE = "gemeente", "Gemeente"
        SAMENWERKINGSVERBAND = "samenwerkingsverband", "Samenwerkingsverband van gemeenten"
        GGD = "ggd", "GGD"
        VEILIGHEIDSREGIO = "veiligheidsregio", "Veiligheidsregio"
        WATERSCHAP = "waterschap", "Waterschap"
        PROVINCIE = "provincie", "Provincie"
        GEMEENSCHAPPELIJKE_REGELING = "gemeenschappelijke_regeling", "Gemeenschappelijke regeling"
        OVERIG = "overig", "Overige organisatie"

    class Provincie(models.TextChoices):
        GRONINGEN = "groningen", "Groningen"
        FRIESLAND = "friesland", "Fryslân"
        DRENTHE = "drenthe", "Drenthe"
        OVERIJSSEL = "overijssel", "Overijssel"
        FLEVOLAND = "flevoland", "Flevoland"
        GELDERLAND = "gelderland", "Gelderland"
        UTRECHT = "utrecht", "Utrecht"
        NOORD_HOLLAND = "noord-holland", "Noord-Holland"
        ZUID_HOLLAND = "zuid-holland", "Zuid-Holland"
        ZEELAND = "zeeland", "Zeeland"
        NOORD_BRABANT = "noord-brabant", "Noord-Brabant"
        LIMBURG = "limburg", "Limburg"

    naam = models.CharField("naam", max_length=200, unique=True)
    slug = models.SlugField("slug", max_length=200, unique=True, allow_unicode=False)
    soort = models.CharField("soort", max_length=40, choices=Soort.choices, default=Soort.GEMEENTE)
    provincie = models.CharField("provincie", max_length=20, choices=Provincie.choices, blank=True)
    leden = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="samenwerkingsverbanden",
        verbose_name="deelnemende gemeenten",
        help_text="Alleen voor samenwerkingsverbanden, zoals 1Stroom of HLTsamen.",
    )

    panels = [FieldPanel("naam"), FieldPanel("slug"), FieldPanel("soort"), FieldPanel("provincie"), FieldPanel("leden")]
    search_fields = [index.SearchField("naam"), index.AutocompleteField("naam")]

    class Meta:
        ordering = ["naam"]
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"


class Regio(NaamMetSlug):
    """A labour-market region of a network of employers, such as Twente."""

    naam = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True)

    panels = [FieldPanel("naam"), FieldPanel("slug")]

    class Meta:
        ordering = ["naam"]
        verbose_name = "regio"
        verbose_name_plural = "regio's"


class Thema(NaamMetSlug):
    """A theme of the library. Aliases catch the spelling variants found in source material."""

    naam = models.CharField("naam", max_length=100, unique=True)
    slug = models.SlugField("slug", max_length=100, unique=True)
    aliassen = models.TextField(
        "andere schrijfwijzen",
        blank=True,
        help_text="Eén per regel. Bij het importeren worden deze namen aan dit thema gekoppeld.",
    )

    zoekwoorden = models.TextField(
        "zoekwoorden",
        blank=True,
        help_text="Eén per regel: woorden waarop de projecten van dit thema ook gevonden worden, "
        "bijvoorbeeld de delen van een samengesteld woord (‘loopbaan’ bij Loopbaanontwikkeling).",
    )

    panels = [FieldPanel("naam"), FieldPanel("slug"), FieldPanel("aliassen"), FieldPanel("zoekwoorden")]

    class Meta:
        ordering = ["naam"]
        verbose_name = "thema"
        verbose_name_plural = "thema's"

    @property
    def alias_list(self):
        return [a.strip() for a in self.aliassen.splitlines() if a.strip()]

    @property
    def zoekwoord_list(self):
        return [w.strip() for w in self.zoekwoorden.splitlines() if w.strip()]
