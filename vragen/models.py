"""Questions to the advisers, how they are routed, the asker's thread links, the FAQ and the answer-time target.

A `Vraag` holds personal data (name, e-mail address, employer, the question) and is deleted 12 months after
its answer (`bewaartermijnen`, retention.py). A `FaqVraag` is an edited, anonymised copy an adviser chose to
publish: it holds no personal data and stays (`FaqVraag.clean` refuses the asker's name or employer, e-mail
addresses and phone numbers).
"""


from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from kern.contact_details import find_email, find_name, find_phone, whole_words
from kern.one_time_link import new_token, token_hash
from vacatures import phases

from . import workdays
from .permissions import coordinator_policy

STANDAARD_TERMIJN = 3  # working days



class Onderwerp(models.Model):
    """A topic of questions, managed by the coordinators (for example ‘Mobiliteit en loopbaan’)."""

    naam = models.CharField("naam", max_length=100, unique=True)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["volgorde", "naam"]
        verbose_name = "onderwerp"
        verbose_name_plural = "onderwerpen"

    def __str__(self):
        return self.naam


class Routering(models.Model):
    """Which adviser gets the questions of a topic, of a region, or of both. The most specific rule wins:
    topic and region, then topic alone, then region alone, then a rule with neither (the default adviser)."""

    onderwerp = models.ForeignKey(
        Onderwerp, null=True, blank=True, on_delete=models.CASCADE, related_name="routeringen",
        verbose_name="onderwerp", help_text="Leeg: elk onderwerp.",
    )
    regio = models.ForeignKey(
        "taxonomie.Regio", null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name="regio", help_text="Leeg: elke regio. De regio is die van de werkgever van wie ingelogd is.",
    )
    adviseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vraagrouteringen",
        verbose_name="adviseur", limit_choices_to={"groups__name": "Adviseurs"},
    )

    class Meta:
        verbose_name = "routering"
        verbose_name_plural = "routering"
        # One rule per combination (an empty field means ‘every’); the rule with neither: clean().
        constraints = [
            models.UniqueConstraint(fields=["onderwerp", "regio"], name="een_regel_per_onderwerp_en_regio"),
            models.UniqueConstraint(fields=["onderwerp"], condition=models.Q(regio__isnull=True),
                                    name="een_regel_per_onderwerp_voor_elke_regio"),
            models.UniqueConstraint(fields=["regio"], condition=models.Q(onderwerp__isnull=True),
                                    name="een_regel_per_regio_voor_elk_onderwerp"),
        ]

    def __str__(self):
        return f"{self.onderwerp or 'elk onderwerp'}, {self.regio or 'elke regio'}: {self.adviseur}"

    def clean(self):
        default = Routering.objects.filter(onderwerp=None, regio=None).exclude(pk=self.pk)
        if self.onderwerp_id is None and self.regio_id is None and default.exists():
            raise ValidationError("Er is al een regel voor elk onderwerp en elke regio.")

    @classmethod
    def adviser_for(cls, onderwerp, regio):
        """The adviser of the most specific rule that fits, or None."""
        rules = {
            (rule.onderwerp_id, rule.regio_id): rule.adviseur
            for rule in cls.objects.select_related("adviseur").filter(adviseur__is_active=True)
        }
        onderwerp_id = onderwerp.pk if onderwerp else None
        regio_id = regio.pk if regio else None
        for key in ((onderwerp_id, regio_id), (onderwerp_id, None), (None, regio_id), (None, None)):
            if key in rules:
                return rules[key]
        return None


class Status(models.TextChoices):
    NIEUW = "nieuw", "Nieuw"
    IN_BEHANDELING = "in_behandeling", "In behandeling"
    BEANTWOORD = "beantwoord", "Beantwoord"


class VraagQuerySet(models.QuerySet):
    def overdue(self, termijn, today=None):
        """Questions without a first answer past their deadline (`termijn` working days after the day of receipt)."""
        cutoff = workdays.overdue_before(today or phases.local_date(), termijn)
        return self.filter(beantwoord_op__isnull=True, ontvangen__lt=phases.start_of_day(cutoff))


class Vraag(models.Model):
    onderwerp = models.ForeignKey(Onderwerp, on_delete=models.PROTECT, related_name="vragen", verbose_name="onderwerp")
    naam = models.CharField("naam", max_length=200)
    email = models.EmailField("e-mailadres")
    werkgever = models.ForeignKey(
        "vacatures.OrganisatiePage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="werkgever (ingelogd)",
    )
    werkgever_naam = models.CharField("werkgever (opgegeven)", max_length=200, blank=True)
    regio = models.ForeignKey(
        "taxonomie.Regio", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="regio",
    )
    vraag = models.TextField("vraag")
    ontvangen = models.DateTimeField("ontvangen", default=timezone.now)
    adviseur = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="vragen",
        verbose_name="adviseur", limit_choices_to={"groups__name": "Adviseurs"},
    )
    status = models.CharField("status", max_length=20, choices=Status.choices, default=Status.NIEUW)
    antwoord = models.TextField("antwoord", blank=True, help_text="Opslaan met een nieuw antwoord mailt het naar de vrager.")
    beantwoord_op = models.DateTimeField("eerste antwoord", null=True, blank=True)
    gesloten_op = models.DateTimeField("afgesloten door de vrager", null=True, blank=True)
    vervolg = models.TextField("reacties van de vrager", blank=True,
                               help_text="Wat de vrager na het antwoord via de draadlink toevoegde, met datum.")

    objects = VraagQuerySet.as_manager()

    panels = [
        FieldPanel("naam", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("werkgever", read_only=True),
        FieldPanel("werkgever_naam", read_only=True),
        FieldPanel("ontvangen", read_only=True),
        FieldPanel("vraag", read_only=True),
        FieldPanel("vervolg", read_only=True),
        FieldPanel("onderwerp"),
        FieldPanel("adviseur"),
        FieldPanel("status"),
        FieldPanel("antwoord"),
    ]

    class Meta:
        ordering = ["-ontvangen"]
        verbose_name = "vraag"
        verbose_name_plural = "vragen"

    def __str__(self):
        return f"Vraag {self.pk} over {self.onderwerp}"

    @property
    def ontvangen_dag(self):
        return phases.local_date(self.ontvangen)

    def deadline(self, termijn):
        return workdays.add_working_days(self.ontvangen_dag, termijn)

    def is_overdue(self, termijn, today=None):
        return self.beantwoord_op is None and self.deadline(termijn) < (today or phases.local_date())

    def werkdagen_tot_antwoord(self):
        if self.beantwoord_op is None:
            return None
        return workdays.working_days_between(self.ontvangen_dag, phases.local_date(self.beantwoord_op))

    def add_reaction(self, text, now=None):
        """The asker reacts to the answer: the text is added with its moment and the question is open again."""
        moment = timezone.localtime(now or timezone.now()).strftime("%d-%m-%Y %H:%M")
        self.vervolg = f"{self.vervolg}\n\n{moment}\n{text.strip()}".strip()
        self.status = Status.IN_BEHANDELING
        self.gesloten_op = None
        self.save(update_fields=["vervolg", "status", "gesloten_op"])

    def werkgever_tekst(self):
        return self.werkgever.title if self.werkgever_id else self.werkgever_naam

    def new_link(self):
        """A thread link for a mail: the token goes into the link, only its hash is stored."""
        token = new_token()
        Draadlink.objects.create(vraag=self, hash=token_hash(token))
        return token


class Draadlink(models.Model):
    """The hash of a thread link sent to the asker. Valid as long as the question is kept."""

    vraag = models.ForeignKey(Vraag, on_delete=models.CASCADE, related_name="draadlinks")
    hash = models.CharField(max_length=64, unique=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "draadlink"
        verbose_name_plural = "draadlinks"

    def __str__(self):
        return f"draadlink van vraag {self.vraag_id}"


def personal_detail(text, vraag=None):
    """What in `text` still points to a person, as the rest of a sentence (‘noemt nog …’), or None.

    Any e-mail address or phone number, and, of the question `vraag` it came from, the asker's name (whole, or a
    part of 3 or more letters that is no particle: ‘Sanne’ and ‘Boer’ of ‘Sanne de Boer’) and the employer."""
    if email := find_email(text):
        return f"bevat nog een e-mailadres ({email})"
    if phone := find_phone(text):
        return f"bevat nog een telefoonnummer ({phone})"
    if vraag is None:
        return None
    if name := find_name(text, vraag.naam):
        return f"noemt nog de naam van de vrager ({name})"
    werkgever = vraag.werkgever_tekst().strip()
    if werkgever and (match := whole_words(werkgever).search(text)):
        return f"noemt nog de werkgever van de vrager ({match.group()})"
    return None


class FaqVraag(models.Model):
    """A published question and answer, rewritten without anything that points to a person or employer."""

    onderwerp = models.ForeignKey(Onderwerp, on_delete=models.PROTECT, related_name="faq", verbose_name="onderwerp")
    vraag = models.TextField("vraag", help_text="Herschreven zonder namen, werkgevers of andere herleidbare details.")
    antwoord = models.TextField("antwoord", help_text="Herschreven zonder namen, werkgevers of andere herleidbare details.")
    gepubliceerd = models.BooleanField("gepubliceerd op /vragen/", default=False)
    volgorde = models.PositiveSmallIntegerField("volgorde", default=0)
    # The question it came from, while that is kept; it goes with the question's retention period.
    bron = models.ForeignKey(Vraag, null=True, blank=True, on_delete=models.SET_NULL, related_name="faq",
                             editable=False)
    bijgewerkt = models.DateTimeField("bijgewerkt", auto_now=True)

    class Meta:
        ordering = ["onderwerp__volgorde", "onderwerp__naam", "volgorde", "pk"]
        verbose_name = "veelgestelde vraag"
        verbose_name_plural = "veelgestelde vragen"

    def __str__(self):
        return self.vraag[:80]

    def clean(self):
        errors = {}
        for field, subject, pronoun in (("vraag", "De vraag", "hem"), ("antwoord", "Het antwoord", "het")):
            if found := personal_detail(getattr(self, field), self.bron):
                errors[field] = f"{subject} {found}. Maak {subject.lower()} anoniem voordat je {pronoun} publiceert."
        if errors:
            raise ValidationError(errors)


@register_setting(icon="time")
class VragenInstellingen(BaseGenericSetting):
    antwoordtermijn = models.PositiveSmallIntegerField(
        "antwoordtermijn in werkdagen", default=STANDAARD_TERMIJN,
        help_text="Binnen hoeveel werkdagen (maandag tot en met vrijdag) een vraag een eerste antwoord krijgt.",
    )

    class Meta:
        verbose_name = "vragen aan de adviseur"

    @classmethod
    def get_permission_policy(cls):
        return coordinator_policy(cls)


def answer_time_target():
    return VragenInstellingen.load().antwoordtermijn

