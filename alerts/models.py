"""Vacancy alerts: a saved search that mails new vacancies as they become visible to the address.

An alert holds the address, the normalised criteria (`alerts.criteria`: facet keys of the vacancy search,
employers and regions by id), the frequency and its dates. Every mail to an alert is an `AlertVerzending`
with its own one-time token (only the hash is stored; `kern.one_time_link`): the links in that mail
(confirm, change, stop) carry it. `VerzondenVacature` is the sent-log: one row per alert and vacancy,
ever, written in the same transaction as the mail's record and its queued mail task.

When an alert is stopped or deleted, the address goes with it; its mail records and sent-log rows stay
without it (counts for the management report, nothing personal).
"""

import hashlib

from django.db import IntegrityError, connection, models, transaction
from django.utils import timezone

from kern.one_time_link import new_token, token_hash

MAX_PER_ADDRESS = 10


class AlertRefused(Exception):  # noqa: N818 - a refusal the form shows, not a fault
    """Why no alert was made: `DUPLICATE` (this address holds this search) or `TOO_MANY` (it holds the maximum)."""

    DUPLICATE, TOO_MANY = "duplicate", "too_many"

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


class AlertQuerySet(models.QuerySet):
    def add(self, email, criteria, criteria_sleutel, frequentie):
        """A new, unconfirmed alert, or AlertRefused. The checks and the insert are one transaction, and on
        PostgreSQL requests for one address take turns (an advisory lock on the address's hash), so two
        requests at once cannot both pass the count; SQLite runs one writing transaction at a time."""
        with transaction.atomic():
            if connection.vendor == "postgresql":
                key = int.from_bytes(hashlib.sha256(email.lower().encode()).digest()[:8], "big", signed=True)
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
            existing = self.filter(email=email)
            if existing.filter(criteria_sleutel=criteria_sleutel).exists():
                raise AlertRefused(AlertRefused.DUPLICATE)
            if existing.count() >= MAX_PER_ADDRESS:
                raise AlertRefused(AlertRefused.TOO_MANY)
            try:
                with transaction.atomic():
                    return self.create(
                        email=email, criteria=criteria, criteria_sleutel=criteria_sleutel, frequentie=frequentie,
                    )
            except IntegrityError:  # the same search from the same address a moment earlier, on SQLite
                raise AlertRefused(AlertRefused.DUPLICATE) from None


class Frequentie(models.TextChoices):
    DAGELIJKS = "dagelijks", "Dagelijks"
    WEKELIJKS = "wekelijks", "Wekelijks"


class Alert(models.Model):
    objects = AlertQuerySet.as_manager()

    email = models.EmailField("e-mailadres")
    criteria = models.JSONField("zoekcriteria", default=dict)
    criteria_sleutel = models.CharField(max_length=64, editable=False)
    frequentie = models.CharField("frequentie", max_length=10, choices=Frequentie.choices)
    aangemaakt = models.DateTimeField("aangemaakt", default=timezone.now)
    bevestigd_op = models.DateTimeField("bevestigd op", null=True, blank=True)
    laatste_activiteit = models.DateTimeField(
        "laatst geopend of gewijzigd", default=timezone.now,
        help_text="Aanmaken, bevestigen, wijzigen of ‘bewaren’: na 12 maanden zonder volgt één bewaarvraag.",
    )
    bewaarvraag_op = models.DateTimeField("bewaarvraag verstuurd op", null=True, blank=True)
    # Who the address counted as at confirmation or the last run (`Audience.cache_key`), and the day that
    # changed after confirmation (a domain added to an employer): onder-water vacancies it could not see
    # before became visible to it on that day.
    doelgroep = models.CharField("telt als", max_length=40, blank=True, editable=False)
    doelgroep_sinds = models.DateField("telt zo sinds", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "vacaturealert"
        verbose_name_plural = "vacaturealerts"
        constraints = [
            models.UniqueConstraint(fields=["email", "criteria_sleutel"], name="alert_uniek_per_adres"),
        ]
        indexes = [models.Index(fields=["frequentie", "bevestigd_op"])]

    def __str__(self):
        return f"vacaturealert {self.pk}"

    def touch(self, now=None):
        """The owner opened (a button) or changed it: the 12-month clock starts again."""
        self.laatste_activiteit = now or timezone.now()
        self.bewaarvraag_op = None
        Alert.objects.filter(pk=self.pk).update(laatste_activiteit=self.laatste_activiteit, bewaarvraag_op=None)


class Soort(models.TextChoices):
    BEVESTIGING = "bevestiging", "Bevestiging"
    VACATURES = "vacatures", "Nieuwe vacatures"
    BEWAREN = "bewaren", "Bewaarvraag"


class AlertVerzending(models.Model):
    """One mail to an alert. Its token is in the mail's links; only the hash is kept."""

    alert = models.ForeignKey(Alert, null=True, on_delete=models.SET_NULL, related_name="verzendingen")
    soort = models.CharField(max_length=12, choices=Soort.choices)
    token_hash = models.CharField(max_length=64, unique=True)
    aangemaakt = models.DateTimeField(default=timezone.now, db_index=True)
    verzonden_op = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "verzending van een vacaturealert"
        verbose_name_plural = "verzendingen van vacaturealerts"

    def __str__(self):
        return f"{self.get_soort_display()} {self.pk}"

    @classmethod
    def issue(cls, alert, soort, now=None):
        """A new mail record; its links get their token when the mail is built (`new_token`)."""
        return cls.objects.create(
            alert=alert, soort=soort, token_hash=token_hash(new_token()), aangemaakt=now or timezone.now(),
        )

    def new_token(self):
        """The token for this mail's links (the only copy of it); the hash of the previous one is replaced."""
        token = new_token()
        self.token_hash = token_hash(token)
        AlertVerzending.objects.filter(pk=self.pk).update(token_hash=self.token_hash)
        return token

    @classmethod
    def by_token(cls, token, soort=None):
        records = cls.objects.filter(token_hash=token_hash(token), alert__isnull=False).select_related("alert")
        if soort:
            records = records.filter(soort=soort)
        return records.first()


class VerzondenVacature(models.Model):
    """The sent-log: this vacancy was in a mail to this alert (at most once, ever)."""

    alert = models.ForeignKey(Alert, null=True, on_delete=models.SET_NULL, related_name="verzonden")
    vacature = models.ForeignKey("vacatures.VacaturePage", on_delete=models.CASCADE, related_name="+")
    verzending = models.ForeignKey(AlertVerzending, on_delete=models.CASCADE, related_name="vacatures")
    onder_water = models.BooleanField(default=False, help_text="Nog niet openbaar toen de mail verstuurd werd.")

    class Meta:
        verbose_name = "verzonden vacature"
        verbose_name_plural = "verzonden vacatures"
        constraints = [models.UniqueConstraint(fields=["alert", "vacature"], name="vacature_eenmaal_per_alert")]

    def __str__(self):
        return f"vacature {self.vacature_id} aan alert {self.alert_id}"
