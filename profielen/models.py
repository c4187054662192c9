"""The mobility profile of an employee, the invitations HR sends to it, and what HR did with it.

- `Profiel`: one per `Medewerker`. Off by default. When on, HR editors of *other* participating employers
  see it as an anonymous card (never name, e-mail, employer or CV); the own employer only after a separate
  opt-in; employers in `verborgen_voor` never (not even in a count). The rule is `Profiel.objects.for_employer`.
- `Uitnodiging`: an employer invites a card to one of its open vacancies or klussen. Only when the employee
  accepts does the employer see name, e-mail and CV: the invitation then becomes a `reacties.Reactie` or a
  `reacties.KlusReactie` (herkomst "uitnodiging").
- `Weergave`: per profile, employer and day, how often the card was shown in a search and opened: what the
  employee sees (per employer, never per HR user). Deleted with the profile.
- `Logregel`: the audit log for coordinators: every search, card view and invitation with HR user and employer.
  It names a profile only by its card number, and keeps no personal data of the employee.
"""

import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.text import slugify
from modelsearch import index

from klussen.models import KlusPage
from reacties.models import private_storage
from vacatures.choices import Vakgebied
from vacatures.models import OrganisatiePage, VacaturePage

# Inactivity (no sign-in): switched off after 6 months, warnings 4 weeks and 1 week before; deleted after 12.
UITZETTEN_NA = timedelta(days=183)
WAARSCHUWINGEN = (timedelta(weeks=4), timedelta(weeks=1))
VERWIJDEREN_NA = timedelta(days=365)
STATISTIEK_DAGEN = 90

SCHALEN = [(n, f"Schaal {n}") for n in range(1, 19)]


class Vaardigheid(models.Model):
    """A free tag on profiles; the names already used are offered as suggestions."""

    naam = models.CharField("naam", max_length=60, unique=True)
    slug = models.SlugField("slug", max_length=80, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = "vaardigheid"
        verbose_name_plural = "vaardigheden"

    def __str__(self):
        return self.naam

    @classmethod
    def from_names(cls, names):
        found = []
        for name in names:
            slug = slugify(name)[:80]
            if not slug:
                continue
            tag = cls.objects.filter(slug=slug).first() or cls.objects.create(naam=name[:60], slug=slug)
            found.append(tag)
        return found


class ProfielQuerySet(models.QuerySet):
    def for_employer(self, werkgever_id):
        """The cards HR of employer `werkgever_id` may see (list, counts, card, invitation form alike):
        switched on, of an employee of a live employer, not hidden from this employer, and of another
        employer unless the employee opted in for their own."""
        if not werkgever_id:
            return self.none()
        return (
            self.filter(zichtbaar=True, medewerker__werkgever__live=True)
            .exclude(verborgen_voor__pk=werkgever_id)
            .filter(~Q(medewerker__werkgever_id=werkgever_id) | Q(zichtbaar_eigen_werkgever=True))
        )


class Profiel(index.Indexed, models.Model):
    medewerker = models.OneToOneField("medewerkers.Medewerker", on_delete=models.CASCADE, related_name="profiel")
    # The card's public number: card URLs and the audit log use it, never the employee's id.
    kenmerk = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    naam = models.CharField(
        "je naam", max_length=200,
        help_text="Alleen voor een werkgever van wie je een uitnodiging accepteert; nooit op je kaart.",
    )
    functie = models.CharField("huidige functie", max_length=120)
    vakgebied = models.CharField("vakgebied", max_length=20, choices=Vakgebied.choices)
    salarisschaal = models.PositiveSmallIntegerField("salarisschaal", choices=SCHALEN)
    uren = models.PositiveSmallIntegerField("uren per week")
    regios = models.ManyToManyField("taxonomie.Regio", blank=True, verbose_name="regio's", related_name="+")
    plaatsen = models.CharField("plaatsen", max_length=200, blank=True)
    open_vacature = models.BooleanField("een vacature", default=True)
    open_klus = models.BooleanField("een klus", default=False)
    open_detachering = models.BooleanField("een detachering", default=False)
    open_ruil = models.BooleanField("een ruil van baan", default=False)
    beschikbaar_vanaf = models.DateField("beschikbaar vanaf", null=True, blank=True)
    vaardigheden = models.ManyToManyField(Vaardigheid, blank=True, related_name="profielen")
    tekst = models.TextField("korte tekst", max_length=1000, blank=True)
    cv = models.FileField("cv (pdf)", storage=private_storage, upload_to="profielcv/%Y/%m/", blank=True)
    zichtbaar = models.BooleanField("zichtbaar voor andere werkgevers", default=False)
    zichtbaar_eigen_werkgever = models.BooleanField("ook zichtbaar voor mijn eigen werkgever", default=False)
    verborgen_voor = models.ManyToManyField(
        OrganisatiePage, blank=True, related_name="+", verbose_name="verbergen voor deze werkgevers",
    )
    aangemaakt = models.DateTimeField(default=timezone.now)
    bijgewerkt = models.DateTimeField(default=timezone.now)
    uitgezet_wegens_inactiviteit = models.DateTimeField(null=True, blank=True)
    gewaarschuwd = models.JSONField(default=dict, blank=True)  # {"28": iso moment, "7": iso moment}

    objects = ProfielQuerySet.as_manager()

    search_fields = [
        index.SearchField("functie", boost=2),
        index.SearchField("tekst"),
        index.SearchField("vaardigheden_tekst"),
        index.SearchField("plaatsen"),
    ]

    class Meta:
        verbose_name = "profiel"
        verbose_name_plural = "profielen"

    def __str__(self):
        return f"profiel {self.kenmerk}"

    @property
    def vaardigheden_tekst(self):
        if not self.pk:
            return ""
        return " ".join(self.vaardigheden.values_list("naam", flat=True))

    @property
    def open_voor(self):
        return [label for flag, label in (
            (self.open_vacature, "vacature"), (self.open_klus, "klus"),
            (self.open_detachering, "detachering"), (self.open_ruil, "ruil"),
        ) if flag]

    def last_active(self):
        return self.medewerker.laatst_ingelogd or self.aangemaakt

    def delete(self, *args, **kwargs):
        self.cv.delete(save=False)
        return super().delete(*args, **kwargs)


class Uitnodiging(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Nog niet beantwoord"
        GEACCEPTEERD = "geaccepteerd", "Geaccepteerd"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    # A deleted profile leaves its invitations without a profile (for the report's counts); nothing in them
    # names the employee: HR never knew who it was, unless it became a reaction.
    profiel = models.ForeignKey(Profiel, null=True, on_delete=models.SET_NULL, related_name="uitnodigingen")
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="+")
    # One of the two: the invitation is to a vacancy or to a klus of `werkgever`.
    vacature = models.ForeignKey(VacaturePage, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    klus = models.ForeignKey(KlusPage, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    door = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    bericht = models.TextField("bericht", max_length=1000)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    aangemaakt = models.DateTimeField(default=timezone.now)
    beantwoord = models.DateTimeField(null=True, blank=True)
    reactie = models.OneToOneField(
        "reacties.Reactie", null=True, blank=True, on_delete=models.SET_NULL, related_name="uitnodiging",
    )
    # An accepted invitation to a klus: the reaction (possibly the one-click reaction the employee sent before).
    klus_reactie = models.ForeignKey(
        "reacties.KlusReactie", null=True, blank=True, on_delete=models.SET_NULL, related_name="uitnodigingen",
    )

    class Meta:
        ordering = ["-aangemaakt"]
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        constraints = [
            models.CheckConstraint(
                condition=Q(vacature__isnull=False, klus__isnull=True) | Q(vacature__isnull=True, klus__isnull=False),
                name="uitnodiging_voor_vacature_of_klus",
            ),
        ]

    def __str__(self):
        return f"uitnodiging voor {self.doel.title}"

    @property
    def doel(self):
        """What the employee is invited to: the vacancy or the klus."""
        return self.vacature or self.klus

    @property
    def soort(self):
        return "vacature" if self.vacature_id else "klus"

    @property
    def geaccepteerde_reactie(self):
        """The reaction this invitation became (vacancy or klus), if accepted and still kept."""
        return self.reactie if self.vacature_id else self.klus_reactie


class Weergave(models.Model):
    """Per profile, employer and day: shown in a search result, opened as a card. Counts only."""

    profiel = models.ForeignKey(Profiel, on_delete=models.CASCADE, related_name="weergaven")
    werkgever = models.ForeignKey(OrganisatiePage, on_delete=models.CASCADE, related_name="+")
    datum = models.DateField()
    in_zoekresultaat = models.PositiveIntegerField(default=0)
    geopend = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profiel", "werkgever", "datum"], name="een_weergave_per_dag")]

    def __str__(self):
        return f"weergaven op {self.datum}"

    @classmethod
    def add(cls, profiel_ids, werkgever_id, field):
        today = timezone.localdate()
        for profiel_id in profiel_ids:
            row, _ = cls.objects.get_or_create(profiel_id=profiel_id, werkgever_id=werkgever_id, datum=today)
            cls.objects.filter(pk=row.pk).update(**{field: F(field) + 1})


class Logregel(models.Model):
    class Actie(models.TextChoices):
        ZOEKEN = "zoeken", "Zoekopdracht"
        KAART = "kaart", "Kaart bekeken"
        UITNODIGING = "uitnodiging", "Uitnodiging verstuurd"

    moment = models.DateTimeField(default=timezone.now)
    gebruiker = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    werkgever = models.ForeignKey(OrganisatiePage, null=True, on_delete=models.SET_NULL, related_name="+")
    actie = models.CharField(max_length=12, choices=Actie.choices)
    kaart = models.UUIDField(null=True, blank=True)  # the card's number; no link to the employee
    details = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["-moment"]
        verbose_name = "logregel"
        verbose_name_plural = "logregels"

    def __str__(self):
        return f"{self.get_actie_display()} op {self.moment:%d-%m-%Y %H:%M}"
