"""The inspiration library: one InspiratieIndexPage with ProjectPage children."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from projecten import serializers
from projecten.choices import Subsidieronde
from projecten.dates import format_date, last_day
from projecten.forms import ProjectPageForm
from projecten.listing import library_context
from projecten.status import Status, status_on
from search.engine_facets import FacetField


class Precisie(models.TextChoices):
    DAG = "dag", "Dag"
    MAAND = "maand", "Maand"
    JAAR = "jaar", "Jaar"


# --------------------------------------------------------------------------- body


class EvaluatieBlock(blocks.StructBlock):
    """An evaluation section: its kind, its heading as the source wrote it, and all its text."""

    soort = blocks.ChoiceBlock(
        choices=[
            ("tussenrapportage", "Tussenrapportage"),
            ("eindevaluatie", "Eindevaluatie"),
            ("evaluatie", "Evaluatie"),
            ("resultaten", "Resultaten"),
        ],
        label="soort",
    )
    kop = blocks.CharBlock(
        required=False, label="kop", help_text="Leeg laten om de soort als kop te tonen.",
    )
    tekst = blocks.RichTextBlock(features=["h3", "bold", "italic", "link", "ol", "ul"], label="tekst")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["soort_label"] = dict(self.child_blocks["soort"].field.choices).get(value["soort"], "")
        return context

    class Meta:
        icon = "doc-full"
        label = "Evaluatie"
        template = "blocks/evaluatie.html"


class ProjectBodyBlock(blocks.StreamBlock):
    kop = blocks.CharBlock(label="Tussenkop", form_classname="title", template="blocks/kop.html")
    alinea = blocks.RichTextBlock(features=["bold", "italic", "link"], label="Alinea")
    lijst = blocks.ListBlock(blocks.CharBlock(label="punt"), label="Opsomming", template="blocks/lijst.html")
    evaluatie = EvaluatieBlock()


# --------------------------------------------------------------------------- pages


class InspiratieIndexPage(Page):
    """/inspiratie/: the library, with text search and facets."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["projecten.ProjectPage"]
    parent_page_types = ["home.HomePage"]
    max_count = 1

    class Meta:
        verbose_name = "inspiratiebibliotheek"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(library_context(request, project_queryset(self)))
        return context


class ProjectPage(Page):
    """One subsidised project, as a municipality would want to copy it."""

    Subsidieronde = Subsidieronde

    thema = models.ForeignKey(
        "taxonomie.Thema", verbose_name="thema", null=True, blank=True,
        on_delete=models.PROTECT, related_name="projecten",
    )
    subsidieronde = models.CharField(
        "subsidieronde", max_length=10, blank=True, choices=Subsidieronde.choices,
    )
    projectnummer = models.CharField("projectnummer", max_length=50, blank=True)
    contactpersoon = models.CharField(
        "contactpersoon", max_length=255, blank=True,
        help_text="Zoals de gemeente het opgeeft; soms twee personen.",
    )
    contactgegevens = models.CharField(
        "contactgegevens", max_length=500, blank=True,
        help_text="E-mailadres en telefoonnummer, zoals opgegeven.",
    )
    looptijd_tekst = models.CharField(
        "looptijd (zoals opgegeven)", max_length=1000, blank=True,
        help_text="De looptijd in de woorden van de gemeente, bijvoorbeeld ‘september 2021 – maart 2022’.",
    )
    looptijd_start = models.DateField("begindatum", null=True, blank=True)
    looptijd_start_precisie = models.CharField("precisie begindatum", max_length=10, blank=True, choices=Precisie.choices)
    looptijd_eind = models.DateField("einddatum", null=True, blank=True)
    looptijd_eind_precisie = models.CharField("precisie einddatum", max_length=10, blank=True, choices=Precisie.choices)
    # The last day of the end period (31 March for 'maart 2022'); kept in step on save so that
    # status filters run in the database. Derived, never edited.
    looptijd_eind_tot = models.DateField(null=True, blank=True, editable=False, db_index=True)
    samenvatting = models.TextField("het project in het kort", blank=True)
    body = StreamField(ProjectBodyBlock(), verbose_name="inhoud", blank=True)
    importsleutel = models.CharField(
        max_length=255, blank=True, db_index=True, editable=False,
        help_text="Sleutel waaraan de importeur een project herkent (organisatie en titel uit de bron).",
    )
    importhash = models.CharField(max_length=64, blank=True, editable=False)
    # An evaluation section in the text or an evaluation report in the material; kept in step on
    # save, for the filter "met evaluatiemateriaal". Derived, never edited.
    heeft_evaluatie = models.BooleanField(default=False, editable=False, db_index=True)

    content_panels = Page.content_panels + [
        InlinePanel("organisaties", label="Organisaties", min_num=1, heading="Organisaties"),
        FieldRowPanel([FieldPanel("thema"), FieldPanel("subsidieronde"), FieldPanel("projectnummer")]),
        MultiFieldPanel(
            [FieldPanel("contactpersoon"), FieldPanel("contactgegevens")], heading="Contact",
        ),
        MultiFieldPanel(
            [
                FieldPanel("looptijd_tekst"),
                FieldRowPanel([FieldPanel("looptijd_start"), FieldPanel("looptijd_start_precisie")]),
                FieldRowPanel([FieldPanel("looptijd_eind"), FieldPanel("looptijd_eind_precisie")]),
            ],
            heading="Looptijd",
        ),
        InlinePanel("extra_velden", label="Extra gegeven", heading="Extra gegevens"),
        FieldPanel("samenvatting"),
        FieldPanel("body"),
        InlinePanel("materiaal", label="Materiaal", heading="Materiaal (rapporten, podcasts, video's)"),
        FieldPanel("importmeldingen_afgehandeld", heading="Meldingen van de import"),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("samenvatting"),
        index.SearchField("body"),
        index.SearchField("contactpersoon"),
        index.SearchField("looptijd_tekst"),
        index.SearchField("materiaal_tekst"),
        index.SearchField("materiaal_titels"),
        index.SearchField("thema_namen"),
        index.RelatedFields("thema", [index.SearchField("naam")]),
        index.RelatedFields("organisaties", [index.RelatedFields("organisatie", [index.SearchField("naam")])]),
        index.FilterField("thema"),
        index.FilterField("subsidieronde"),
        index.FilterField("looptijd_start"),
        index.FilterField("looptijd_eind_tot"),
        # The listing's facets, for faceting in Elasticsearch/OpenSearch (search.engine_facets).
        index.FilterField("heeft_evaluatie"),
        index.FilterField("facet_organisatie"),
        index.FilterField("facet_thema"),
        index.FilterField("facet_ronde"),
    ]
    # The values of the listing's facets (projecten.listing.project_facets), indexed above: an organisation
    # and, for a collaboration, each of its members.
    facet_organisatie = FacetField(
        ("organisaties__organisatie__slug", "organisaties__organisatie__naam"),
        ("organisaties__organisatie__leden__slug", "organisaties__organisatie__leden__naam"),
    )
    facet_thema = FacetField(("thema__slug", "thema__naam"))
    facet_ronde = FacetField("subsidieronde")

    api_fields = [
        APIField("organisaties", serializer=serializers.OrganisatiesField(source="*")),
        APIField("thema", serializer=serializers.ThemaField()),
        APIField("subsidieronde"),
        APIField("looptijd_tekst"),
        APIField("looptijd_start"),
        APIField("looptijd_eind"),
        APIField("looptijd_start_precisie"),
        APIField("looptijd_eind_precisie"),
        APIField("looptijd_eind_tot"),
        APIField("status", serializer=serializers.StatusField(source="*")),
        APIField("contactpersoon"),
        APIField("samenvatting"),
        APIField("materiaal", serializer=serializers.MateriaalField(source="*")),
        APIField("extra_velden", serializer=serializers.ExtraVeldenField(source="*")),
    ]

    parent_page_types = ["projecten.InspiratieIndexPage"]
    subpage_types = []
    base_form_class = ProjectPageForm

    class Meta:
        verbose_name = "project"
        verbose_name_plural = "projecten"

    # -- derived values ------------------------------------------------------------

    def clean(self):
        super().clean()
        for field in ("start", "eind"):
            value = getattr(self, f"looptijd_{field}")
            precision = getattr(self, f"looptijd_{field}_precisie")
            if value and not precision:
                setattr(self, f"looptijd_{field}_precisie", Precisie.DAG)
            if not value and precision:
                raise ValidationError({f"looptijd_{field}_precisie": "Vul eerst de datum in."})
        if self.looptijd_start and self.looptijd_eind and self.looptijd_eind_tot_value < self.looptijd_start:
            raise ValidationError({"looptijd_eind": "De einddatum ligt vóór de begindatum."})

    @property
    def looptijd_eind_tot_value(self):
        return last_day(self.looptijd_eind, self.looptijd_eind_precisie)

    def save(self, *args, **kwargs):
        self.looptijd_eind_tot = self.looptijd_eind_tot_value
        self.heeft_evaluatie = self.heeft_evaluatie_value
        super().save(*args, **kwargs)

    @property
    def heeft_evaluatie_value(self):
        """An evaluation section in the text, or an evaluation report or interim report in the material."""
        return any(block.block_type == "evaluatie" for block in self.body) or any(
            m.soort in ProjectMateriaal.EVALUATIE_SOORTEN for m in self.materiaal.all()
        )

    @property
    def status(self):
        return status_on(self, timezone.localdate())

    @property
    def status_label(self):
        return Status(self.status).label

    @property
    def status_kleur(self):
        """The NL Design System status-badge variant for the status."""
        return {Status.LOPEND: "success", Status.AFGEROND: "neutral"}.get(self.status, "warning")

    @property
    def looptijd_leesbaar(self):
        """'september 2019 – december 2019'; falls back to the text as given."""
        start = format_date(self.looptijd_start, self.looptijd_start_precisie)
        end = format_date(self.looptijd_eind, self.looptijd_eind_precisie)
        if start and end:
            return start if start == end else f"{start} – {end}"
        if start:
            return f"vanaf {start}"
        if end:
            return f"tot {end}"
        return self.looptijd_tekst

    @property
    def organisaties_tekst(self):
        return ", ".join(o.naam for o in self.organisatie_list())

    @property
    def materiaal_zonder_link(self):
        """How many references have no document and no URL ('URL ontbreekt' for editors)."""
        return sum(1 for m in self.materiaal.all() if m.url_ontbreekt)

    @property
    def materiaal_titels(self):
        """Kinds and titles of the material ("Podcast: De podcast over ..."), so search finds them."""
        return "\n".join(f"{m.get_soort_display()}: {m.titel}" for m in self.materiaal.all())

    @property
    def thema_namen(self):
        """The theme's name, its other spellings and search words (compounds split by editors)."""
        if self.thema is None:
            return ""
        return "\n".join([self.thema.naam, *self.thema.alias_list, *self.thema.zoekwoord_list])

    def organisaties_via(self):
        """[(collaboration, [members])] of the project's organisations that have members (HLTsamen ...)."""
        result = []
        for organisatie in self.organisatie_list():
            leden = list(organisatie.leden.all())
            if leden:
                result.append((organisatie, leden))
        return result

    @property
    def materiaal_tekst(self):
        """The extracted text of linked documents (evaluation reports), so search finds what is inside."""
        texts = DocumentTekst.objects.filter(
            document__in=self.materiaal.exclude(document=None).values("document"), status=DocumentTekst.Status.OK,
        ).values_list("tekst", flat=True)
        return "\n".join(texts)

    def samenvatting_alineas(self):
        return [a.strip() for a in self.samenvatting.split("\n\n") if a.strip()]

    def organisatie_list(self):
        return [po.organisatie for po in self.organisaties.all()]

    def related_projects(self, limit=3):
        """Same theme, nearest in time (by start date), live and public."""
        if not self.thema_id:
            return []
        candidates = (
            ProjectPage.objects.live().public().filter(thema_id=self.thema_id).exclude(pk=self.pk)
            .only("title", "url_path", "looptijd_start", "samenvatting")
        )
        anchor = self.looptijd_start
        if anchor is None:
            return list(candidates.order_by("-first_published_at")[:limit])
        dated = [p for p in candidates if p.looptijd_start]
        dated.sort(key=lambda p: abs((p.looptijd_start - anchor).days))
        return dated[:limit]


def project_queryset(index_page=None):
    """The live, public projects (of the library `index_page`, when given): what the listing searches."""
    qs = ProjectPage.objects.live().public()
    if index_page is not None:
        qs = qs.child_of(index_page)
    return qs


class ProjectOrganisatie(Orderable):
    """A project's organisation (one or more per project)."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="organisaties")
    organisatie = models.ForeignKey(
        "taxonomie.Organisatie", on_delete=models.PROTECT, related_name="projecten", verbose_name="organisatie",
    )

    panels = [FieldPanel("organisatie")]

    class Meta(Orderable.Meta):
        verbose_name = "organisatie"
        verbose_name_plural = "organisaties"
        constraints = [models.UniqueConstraint(fields=["page", "organisatie"], name="uniek_project_organisatie")]

    def __str__(self):
        return str(self.organisatie)


class ProjectVeld(Orderable):
    """An extra field of a project, as the source named it (an unknown label such as "Budget")."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="extra_velden")
    label = models.CharField("naam", max_length=100)
    waarde = models.CharField("waarde", max_length=1000, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("waarde")])]

    class Meta(Orderable.Meta):
        verbose_name = "extra gegeven"
        verbose_name_plural = "extra gegevens"

    def __str__(self):
        return f"{self.label}: {self.waarde}"


class ProjectMateriaal(Orderable):
    """A report, podcast or video that belongs to a project: a Wagtail document or a URL."""

    class Soort(models.TextChoices):
        PROJECTPLAN = "projectplan", "Projectplan"
        TUSSENRAPPORTAGE = "tussenrapportage", "Tussenrapportage"
        EINDEVALUATIE = "eindevaluatie", "Eindevaluatie"
        ERVARINGSVERHAAL = "ervaringsverhaal", "Ervaringsverhaal"
        PODCAST = "podcast", "Podcast"
        VIDEO = "video", "Video"
        INFOGRAPHIC = "infographic", "Infographic"
        OVERIG = "overig", "Overig"

    EVALUATIE_SOORTEN = (Soort.TUSSENRAPPORTAGE, Soort.EINDEVALUATIE)

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="materiaal")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    titel = models.CharField("titel", max_length=500)
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="document", help_text="Upload evaluatierapporten in de collectie ‘Evaluatierapporten’.",
    )
    url = models.URLField("webadres", blank=True, max_length=1000)

    panels = [FieldPanel("soort"), FieldPanel("titel"), FieldPanel("document"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = "materiaal"
        verbose_name_plural = "materiaal"

    def __str__(self):
        return self.titel

    @property
    def link(self):
        if self.document_id:
            return self.document.url
        return self.url

    @property
    def url_ontbreekt(self):
        """True for references whose link was lost (the imported source has no URLs)."""
        return not (self.document_id or self.url)


class DocumentTekst(models.Model):
    """Text extracted from an uploaded document (in a background task, see tasks.py)."""

    class Status(models.TextChoices):
        OK = "ok", "Tekst gelezen"
        OVERGESLAGEN = "overgeslagen", "Overgeslagen (geen pdf, versleuteld of beschadigd)"

    document = models.OneToOneField("wagtaildocs.Document", on_delete=models.CASCADE, related_name="tekst")
    tekst = models.TextField(blank=True)
    status = models.CharField(max_length=20, choices=Status.choices)
    melding = models.CharField(max_length=500, blank=True)
    bijgewerkt = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "documenttekst"
        verbose_name_plural = "documentteksten"

    def __str__(self):
        return f"tekst van {self.document}"


# --------------------------------------------------------------------------- import


class ImportRun(models.Model):
    """One run of `import_inspiratie` (not a dry run), with its counts; its warnings hang from it."""

    gestart = models.DateTimeField("gestart", auto_now_add=True)
    bestand = models.CharField("bestand", max_length=500)
    aangemaakt = models.PositiveIntegerField("aangemaakt", default=0)
    bijgewerkt = models.PositiveIntegerField("bijgewerkt", default=0)
    ongewijzigd = models.PositiveIntegerField("ongewijzigd", default=0)
    geforceerd = models.BooleanField("met --force", default=False)

    class Meta:
        ordering = ["-gestart", "-pk"]
        verbose_name = "import"
        verbose_name_plural = "imports"

    def __str__(self):
        return f"Import van {timezone.localtime(self.gestart):%d-%m-%Y %H:%M} ({self.bestand})"

    @classmethod
    def latest(cls):
        return cls.objects.order_by("-gestart", "-pk").first()


class ImportWarning(models.Model):
    """A warning of the importer about one project, for editors to work through."""

    class Soort(models.TextChoices):
        LOOPTIJD = "looptijd", "Looptijd"
        THEMA = "thema", "Thema"
        CONTACT = "contact", "Contactgegevens"
        KOP = "kop", "Kop en titel verschillen"
        VELD = "veld", "Onbekend veld"
        OVERIG = "overig", "Overig"

    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="meldingen", verbose_name="import")
    project = models.ForeignKey(
        ProjectPage, null=True, blank=True, on_delete=models.SET_NULL, related_name="importmeldingen",
        verbose_name="project",
    )
    projecttitel = models.CharField("project (zoals in de bron)", max_length=255)
    regel = models.PositiveIntegerField("regel")
    soort = models.CharField("soort", max_length=20, choices=Soort.choices, default=Soort.OVERIG)
    melding = models.TextField("melding")
    afgehandeld = models.BooleanField(
        "afgehandeld", default=False,
        help_text="Vink aan als je de melding hebt bekeken en zo nodig het project hebt aangepast.",
    )
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="afgehandeld door",
    )
    afgehandeld_op = models.DateTimeField("afgehandeld op", null=True, blank=True)

    class Meta:
        ordering = ["regel", "pk"]
        verbose_name = "importmelding"
        verbose_name_plural = "importmeldingen"

    def __str__(self):
        return f"Regel {self.regel} ({self.projecttitel}): {self.melding}"

    def mark_handled(self, user, handled=True):
        self.afgehandeld = handled
        self.afgehandeld_door = user if handled else None
        self.afgehandeld_op = timezone.now() if handled else None
