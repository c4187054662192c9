"""Jouw Baan Mijn Baan: employees offer their own job to swap for a while with someone elsewhere.

- `Ruilaanbod`: one offer per signed-in employee (their employer comes from the sign-in). Shown only to
  signed-in employees of *other* participating employers, as an anonymous card: `visible_to` is the one
  rule for that.
- `Ruil`: a match that `matching.find_matches` found (a pair or a ring of three), stored once under its
  canonical key, with a `Deelname` per participant (their interest, their employer's agreement).
- `Aanbodtelling`: an offer counted for the report, without personal data (outlives the offer).
"""

from datetime import timedelta

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q

from medewerkers.models import Medewerker
from vacatures.choices import Vakgebied
from vacatures.models import OrganisatiePage
from vacatures.permissions import employer_ids_edited_by
from vacatures.roles import is_coordinator

from . import matching

# An offer nobody changed for a year is deleted (`manage.py ruil_matches` does it every night).
BEWAARTERMIJN_AANBOD = timedelta(days=365)


class RuilaanbodQuerySet(models.QuerySet):
    def visible_to(self, audience):
        """The one rule: offers are seen only by signed-in employees (`audience.werkgever_id`), and only
        those of other employers that still participate (live employer page). Nobody else sees any."""
        if audience is None or audience.werkgever_id is None:
            return self.none()
        return self.filter(werkgever__live=True).exclude(werkgever_id=audience.werkgever_id)


class Ruilaanbod(models.Model):
    medewerker = models.OneToOneField(Medewerker, on_delete=models.CASCADE, related_name="ruilaanbod")
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="+")
    naam = models.CharField(
        "je naam", max_length=200,
        help_text="Pas zichtbaar voor de anderen in een ruil als iedereen ‘Interesse’ heeft gezegd.",
    )
    functie = models.CharField("functie", max_length=200)
    vakgebied = models.CharField("vakgebied", max_length=20, choices=Vakgebied.choices)
    schaal = models.PositiveSmallIntegerField(
        "salarisschaal", validators=[MinValueValidator(1), MaxValueValidator(18)],
    )
    uren = models.PositiveSmallIntegerField(
        "uren per week", validators=[MinValueValidator(1), MaxValueValidator(40)],
    )
    plaats = models.CharField("standplaats", max_length=100)
    vroegste_start = models.DateField("vroegste startdatum")
    maanden = models.PositiveSmallIntegerField(
        "duur van de ruil (maanden)", choices=[(n, f"{n} maand{'en' if n > 1 else ''}") for n in range(1, 7)],
    )
    wens_vakgebieden = models.JSONField("gewenste vakgebieden", default=list, blank=True)
    wens_plaatsen = models.CharField(
        "gewenste plaatsen of regio's", max_length=300, blank=True,
        help_text="Gescheiden door komma's, bijvoorbeeld ‘Enschede, Hengelo’ of ‘Twente’. Leeg: overal.",
    )
    toelichting = models.TextField("korte toelichting", max_length=1000, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    objects = RuilaanbodQuerySet.as_manager()

    class Meta:
        ordering = ["-gewijzigd", "pk"]
        verbose_name = "ruilaanbod"
        verbose_name_plural = "ruilaanbiedingen"

    def __str__(self):
        return f"{self.functie} ({self.get_vakgebied_display()})"

    @property
    def plaatsen(self):
        return [p.strip() for p in self.wens_plaatsen.split(",") if p.strip()]

    @property
    def wens_vakgebieden_labels(self):
        labels = dict(Vakgebied.choices)
        return [labels.get(v, v) for v in self.wens_vakgebieden]

    @property
    def einde(self):
        return matching.add_months(self.vroegste_start, self.maanden)

    def as_offer(self):
        return matching.Offer(
            id=self.pk, werkgever=self.werkgever_id, vakgebied=self.vakgebied, schaal=self.schaal, uren=self.uren,
            plaats=self.plaats, regio=self.werkgever.regio.naam if self.werkgever.regio_id else "",
            start=self.vroegste_start, maanden=self.maanden,
            wens_vakgebieden=frozenset(self.wens_vakgebieden), wens_plaatsen=frozenset(self.plaatsen),
        )


class Aanbodtelling(models.Model):
    """One row per offer made, for the report: employer and date only."""

    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="+")
    aangeboden_op = models.DateField()

    class Meta:
        verbose_name = "aanbodtelling"
        verbose_name_plural = "aanbodtellingen"

    def __str__(self):
        return f"aanbod op {self.aangeboden_op}"


class Status(models.TextChoices):
    VOORGESTELD = "voorgesteld", "Voorgesteld"
    AKKOORD = "akkoord", "Akkoord"
    LOPEND = "lopend", "Lopend"
    AFGEROND = "afgerond", "Afgerond"
    AFGEBLAZEN = "afgeblazen", "Afgeblazen"


class RuilQuerySet(models.QuerySet):
    def for_offer(self, aanbod):
        """The swaps this offer is in that its employee may see: still matching, or everybody said yes."""
        return (
            self.filter(deelnames__aanbod=aanbod)
            .filter(Q(actueel=True) | Q(voorgesteld_op__isnull=False))
            .exclude(status=Status.AFGEBLAZEN)
            .distinct()
        )

    def visible_in_admin(self, user):
        """The admin's rule: only swaps everybody said yes to; coordinators see them all, an employer's
        editors those with one of their employees; anyone else (Wagtail's Editors, Moderators) none."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        proposed = self.filter(voorgesteld_op__isnull=False)
        if is_coordinator(user):
            return proposed
        edited = employer_ids_edited_by(user)
        return proposed.filter(pk__in=Deelname.objects.filter(werkgever_id__in=edited).values("ruil_id"))


class Ruil(models.Model):
    sleutel = models.CharField("sleutel", max_length=100, unique=True, editable=False)
    soort = models.CharField("soort", max_length=4, choices=[(matching.PAIR, "Paar"), (matching.RING, "Ring van drie")])
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.VOORGESTELD)
    actueel = models.BooleanField("past nog", default=True)
    aangemaakt = models.DateTimeField("gevonden", auto_now_add=True)
    gemeld = models.DateTimeField("gemeld aan de deelnemers", null=True, blank=True)
    voorgesteld_op = models.DateTimeField("iedereen interesse op", null=True, blank=True)
    akkoord_op = models.DateTimeField("alle werkgevers akkoord op", null=True, blank=True)
    afgerond_op = models.DateTimeField("afgerond op", null=True, blank=True)

    objects = RuilQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "pk"]
        verbose_name = "ruil"
        verbose_name_plural = "ruilen"

    def __str__(self):
        return f"Ruil {self.pk} ({self.get_soort_display().lower()})"

    def ordered_deelnames(self):
        return self.deelnames.select_related("aanbod", "aanbod__medewerker", "werkgever").order_by("positie")


class Deelname(models.Model):
    """One participant of a swap, in ring order (the one at `positie` takes the job of the one before)."""

    ruil = models.ForeignKey(Ruil, on_delete=models.CASCADE, related_name="deelnames")
    positie = models.PositiveSmallIntegerField()
    aanbod = models.ForeignKey(Ruilaanbod, null=True, on_delete=models.SET_NULL, related_name="deelnames")
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="+")
    interesse_op = models.DateTimeField(null=True, blank=True)
    werkgever_akkoord_op = models.DateTimeField(null=True, blank=True)
    akkoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
    )

    class Meta:
        ordering = ["ruil", "positie"]
        constraints = [models.UniqueConstraint(fields=["ruil", "positie"], name="ruil_deelname_positie")]
        verbose_name = "deelname"
        verbose_name_plural = "deelnames"

    def __str__(self):
        return f"deelnemer {self.positie + 1} van ruil {self.ruil_id}"
