"""Reactions to vacancies, and the daily figures that outlive them.

A `Reactie` holds personal data and is deleted on schedule (`bewaartermijnen`). `Dagcijfers`
counts page views and reactions per vacancy per day, without any personal data, so the
management report still adds up after the reactions themselves are gone.
"""

from datetime import timedelta

from django.core.files.storage import storages
from django.db import IntegrityError, models, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q

from klussen.models import KlusPage
from vacatures.models import Herkomst, VacaturePage
from vacatures.permissions import employer_ids_edited_by
from vacatures.roles import is_coordinator


def private_storage():
    """CVs never live under MEDIA_ROOT or in a public bucket: STORAGES["private"], only handed out by a
    permission-checked admin view (a callable, so the migration names no machine's path)."""
    return storages["private"]


BEWAARTERMIJN_NA_SLUITING = timedelta(weeks=4)

# A reaction that started as an invitation (profielen), accepted by the employee. Not an origin of the day
# figures (those count eigen/netwerk/extern, which such a reaction also has): only of the reaction itself.
UITNODIGING = "uitnodiging"
HERKOMST_CHOICES = [*Herkomst.choices, (UITNODIGING, "Uitnodiging")]
# A reaction to a klus in one click from the employee's profile (profielen): name, e-mail and CV shared.
PROFIEL = "profiel"
KLUS_HERKOMST_CHOICES = [*HERKOMST_CHOICES, (PROFIEL, "Profiel (één klik)")]
BEWAARTERMIJN_MET_TOESTEMMING = timedelta(days=365)


class ReactieQuerySet(models.QuerySet):
    """The one rule for who sees which reactions, used by every admin view of them.

    - An employer's editors (its `WerkgeverRedactie` group) see that employer's reactions in full:
      name, e-mail address, telephone and the CV.
    - Coordinators (and superusers) see every reaction's metadata (vacancy, employer, origin, date),
      as the management report needs, but no personal data and no CV of an employer they don't edit.
    - Anyone else (Wagtail's Editors and Moderators included) sees none.
    Each reaction carries `persoonlijk`: may this user read its personal data and CV.
    """

    def visible_to(self, user):
        if not (user.is_authenticated and user.is_active):
            return self.none()
        readable = Q(vacature__werkgever_id__in=employer_ids_edited_by(user))
        reactions = self.annotate(persoonlijk=ExpressionWrapper(readable, output_field=BooleanField()))
        return reactions if is_coordinator(user) else reactions.filter(readable)

    def with_cv_for(self, user):
        """The reactions whose CV this user may download."""
        return self.visible_to(user).filter(persoonlijk=True)


class Reactie(models.Model):
    vacature = models.ForeignKey(VacaturePage, on_delete=models.CASCADE, related_name="reacties")
    naam = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    telefoon = models.CharField("telefoon", max_length=50, blank=True)
    motivatie = models.TextField("motivatie")
    cv = models.FileField("cv (pdf)", storage=private_storage, upload_to="cv/%Y/%m/")
    toestemming_bewaren = models.BooleanField("mag een jaar bewaard worden", default=False)
    herkomst = models.CharField("herkomst", max_length=12, choices=HERKOMST_CHOICES)
    aangemaakt = models.DateTimeField("ontvangen", auto_now_add=True)
    # The form's one-time token: a second submit of the same form finds its reaction and stores nothing.
    formulier_token = models.UUIDField(null=True, unique=True, editable=False)
    # Hash of the candidate's deletion link (sent in the confirmation mail); the link itself is not kept.
    verwijder_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    objects = ReactieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt"]
        verbose_name = "reactie"
        verbose_name_plural = "reacties"

    def __str__(self):
        return f"{self.naam} op {self.vacature.title}"

    def delete(self, *args, **kwargs):
        self.cv.delete(save=False)
        return super().delete(*args, **kwargs)


class KlusReactieQuerySet(models.QuerySet):
    """Who sees which reactions to klussen: the same rule as for vacancies (ReactieQuerySet.visible_to)."""

    def visible_to(self, user):
        if not (user.is_authenticated and user.is_active):
            return self.none()
        readable = Q(klus__werkgever_id__in=employer_ids_edited_by(user))
        reactions = self.annotate(persoonlijk=ExpressionWrapper(readable, output_field=BooleanField()))
        return reactions if is_coordinator(user) else reactions.filter(readable)

    def with_cv_for(self, user):
        """The reactions whose CV this user may download: the klus's own employer's editors only."""
        return self.visible_to(user).filter(persoonlijk=True)


class Besproken(models.TextChoices):
    JA = "ja", "Ja"
    NEE = "nee", "Nee, nog niet"


class KlusReactie(models.Model):
    """A signed-in employee's reaction to a klus: the short form (no CV), one click from the profile (herkomst
    "profiel", the profile's CV copied) or an accepted invitation (herkomst "uitnodiging", CV copied). The last
    two name the employee (`medewerker`), at most once per klus: a second click finds the first reaction."""

    klus = models.ForeignKey(KlusPage, on_delete=models.CASCADE, related_name="reacties")
    naam = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    telefoon = models.CharField("telefoon", max_length=50, blank=True)
    motivatie = models.TextField("motivatie")
    besproken = models.CharField(
        "besproken met leidinggevende", max_length=3, choices=Besproken.choices, blank=True,
        help_text="Alleen gevraagd als de klus het akkoord van de leidinggevende vraagt.",
    )
    cv = models.FileField("cv (pdf)", storage=private_storage, upload_to="cv/klus/%Y/%m/", blank=True)
    herkomst = models.CharField("herkomst", max_length=12, choices=KLUS_HERKOMST_CHOICES)
    medewerker = models.ForeignKey(
        "medewerkers.Medewerker", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False,
    )
    aangemaakt = models.DateTimeField("ontvangen", auto_now_add=True)
    formulier_token = models.UUIDField(null=True, unique=True, editable=False)
    verwijder_hash = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    objects = KlusReactieQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt"]
        verbose_name = "reactie op een klus"
        verbose_name_plural = "reacties op klussen"
        constraints = [
            models.UniqueConstraint(
                fields=["klus", "medewerker"], condition=Q(medewerker__isnull=False),
                name="een_profielreactie_per_klus",
            ),
        ]

    def __str__(self):
        return f"{self.naam} op {self.klus.title}"

    def delete(self, *args, **kwargs):
        self.cv.delete(save=False)
        return super().delete(*args, **kwargs)


class Dagcijfers(models.Model):
    """Views and reactions of one vacancy on one day: counts only, nothing about people."""

    vacature = models.ForeignKey(VacaturePage, on_delete=models.CASCADE, related_name="dagcijfers")
    datum = models.DateField()
    weergaven = models.PositiveIntegerField(default=0)
    reacties_eigen = models.PositiveIntegerField(default=0)
    reacties_netwerk = models.PositiveIntegerField(default=0)
    reacties_extern = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "dagcijfers"
        verbose_name_plural = "dagcijfers"
        constraints = [models.UniqueConstraint(fields=["vacature", "datum"], name="een_rij_per_vacature_per_dag")]

    def __str__(self):
        return f"{self.vacature_id} op {self.datum}"

    @classmethod
    def add(cls, vacature_id, datum, **increments):
        """Add to today's counters atomically (F() expressions; a concurrent first insert retries)."""
        updates = {name: F(name) + amount for name, amount in increments.items()}
        if cls.objects.filter(vacature_id=vacature_id, datum=datum).update(**updates):
            return
        try:
            with transaction.atomic():
                cls.objects.create(vacature_id=vacature_id, datum=datum, **increments)
        except IntegrityError:
            cls.objects.filter(vacature_id=vacature_id, datum=datum).update(**updates)


def count_reaction(vacature_id, datum, herkomst):
    Dagcijfers.add(vacature_id, datum, **{f"reacties_{herkomst}": 1})


def count_view(vacature_id, datum):
    Dagcijfers.add(vacature_id, datum, weergaven=1)


def count_vacancy_view(sender, vacancy_id, day, **kwargs):
    """Receives `vacatures.signals.vacancy_viewed` (connected in apps.py): a view in the day figures."""
    count_view(vacancy_id, day)
