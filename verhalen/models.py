"""Experience stories: a person's or a team's story under /verhalen/, linked to what it tells about.

Tree: HomePage > VerhalenIndexPage (/verhalen/) > VerhaalPage. A story links (`VerhaalKoppeling`, an
inline) to vacancies, klussen, trainings and library projects (a page chooser limited to those types) or
to a swap of Jouw Baan Mijn Baan; it names the employers involved. Who sees a story and which of its links:
`visibility.py`. The stories linked to a page show there through `{% ervaringen page %}`
(templatetags/verhalen_tags.py).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from kern.audience import PUBLIC, audience_for

from .choices import Onderwerp, Soort
from .forms import VerhaalForm
from .listing import story_listing_context
from .visibility import PAGE_TYPES, shown_link_q


class VerhalenIndexPage(Page):
    """/verhalen/: every story the visitor may see, with facets, and the stories in the library's material."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["verhalen.VerhaalPage"]
    max_count = 1

    class Meta:
        verbose_name = "verhalenoverzicht"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audience = audience_for(request)
        stories = VerhaalPage.objects.visible_to(audience).child_of(self)
        context.update(story_listing_context(request, stories, VerhaalKoppeling.objects.all(), audience))
        return context


class VerhaalQuerySet(PageQuerySet):
    def visible_to(self, audience=PUBLIC, today=None):
        """Live, public-in-Wagtail stories that `audience` may see: without links, or with at least one link
        that `audience` may see (`visibility.shown_link_q`). Every channel starts here."""
        links = VerhaalKoppeling.objects.all()
        return self.live().public().filter(
            ~models.Q(pk__in=links.values("verhaal_id"))
            | models.Q(pk__in=links.filter(shown_link_q(audience, today)).values("verhaal_id"))
        )

    def hidden_from(self, audience=PUBLIC, today=None):
        """A subquery of the stories `audience` may not see: for channels that list every page type."""
        return self.exclude(pk__in=self.visible_to(audience, today).values("pk")).values("pk")

    def about(self, page):
        """Stories with a link to `page`."""
        return self.filter(pk__in=VerhaalKoppeling.objects.filter(pagina=page).values("verhaal_id"))

    def newest_first(self):
        return self.order_by("-datum", "-first_published_at", "-pk")


class VerhaalPage(Page):
    objects = PageManager.from_queryset(VerhaalQuerySet)()

    Soort = Soort

    soort = models.CharField("soort verhaal", max_length=10, choices=Soort.choices, default=Soort.PERSOON)
    datum = models.DateField("datum", help_text="Wanneer het verhaal speelde of is opgetekend; de nieuwste staan bovenaan.")
    intro = models.TextField("inleiding", max_length=500, help_text="Eén of twee zinnen; ook in lijsten en zoekresultaten.")
    body = RichTextField("verhaal", features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    citaat = models.TextField("citaat", blank=True, max_length=500)
    citaat_van = models.CharField(
        "citaat van", max_length=200, blank=True, help_text="Wie het zei, bijvoorbeeld ‘Fatima, HR-adviseur’.",
    )
    foto = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", verbose_name="foto",
    )
    foto_alt = models.CharField(
        "alternatieve tekst bij de foto", max_length=250, blank=True,
        help_text="Verplicht bij een foto: wat is erop te zien, voor wie de foto niet ziet.",
    )
    werkgevers = ParentalManyToManyField(
        "vacatures.OrganisatiePage", blank=True, related_name="verhalen", verbose_name="betrokken werkgevers",
    )

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("soort"), FieldPanel("datum")]),
        FieldPanel("intro"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("citaat"), FieldPanel("citaat_van")], heading="Citaat"),
        MultiFieldPanel([FieldPanel("foto"), FieldPanel("foto_alt")], heading="Foto"),
        FieldPanel("werkgevers"),
        InlinePanel(
            "koppelingen", label="koppeling", heading="Waar gaat het verhaal over?",
            help_text="Vacatures, klussen, opleidingen, projecten uit de bibliotheek of een ruil. "
            "Alleen wie het gekoppelde mag zien, ziet de koppeling.",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.SearchField("citaat"),
        index.AutocompleteField("title"),
        index.FilterField("soort"),
    ]
    parent_page_types = ["verhalen.VerhalenIndexPage"]
    subpage_types = []
    base_form_class = VerhaalForm

    class Meta:
        verbose_name = "ervaringsverhaal"
        verbose_name_plural = "ervaringsverhalen"

    def clean(self):
        super().clean()
        if self.foto_id and not self.foto_alt.strip():
            raise ValidationError({"foto_alt": "Beschrijf wat er op de foto te zien is."})

    @property
    def samenvatting(self):
        """The site search shows a result's `samenvatting`."""
        return self.intro

    # -- visibility ---------------------------------------------------------------

    def is_visible_to(self, request):
        return VerhaalPage.objects.visible_to(audience_for(request)).filter(pk=self.pk).exists()

    def serve(self, request, *args, **kwargs):
        if not getattr(request, "is_preview", False) and not self.is_visible_to(request):
            raise Http404("Pagina niet gevonden")
        response = super().serve(request, *args, **kwargs)
        if not VerhaalPage.objects.visible_to(PUBLIC).filter(pk=self.pk).exists():
            response["X-Robots-Tag"] = "noindex, nofollow"  # only for employees: never in a search engine
        return response

    def get_sitemap_urls(self, request=None):
        if not VerhaalPage.objects.visible_to(PUBLIC).filter(pk=self.pk).exists():
            return []
        return super().get_sitemap_urls(request)

    def shown_links(self, request):
        """The links the visitor may see, in the editor's order, with their targets as their own types."""
        links = list(
            self.koppelingen.filter(shown_link_q(audience_for(request))).select_related("ruil").order_by("sort_order")
        )
        pages = {p.pk: p for p in Page.objects.filter(pk__in=[k.pagina_id for k in links if k.pagina_id]).specific()}
        for link in links:
            link.doel = pages.get(link.pagina_id)
        return links

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["koppelingen"] = self.shown_links(request)
        context["werkgevers_lijst"] = list(self.werkgevers.live().order_by("title"))
        return context


class VerhaalKoppeling(Orderable):
    """What a story is about: one page (vacancy, klus, training, project) or one swap."""

    verhaal = ParentalKey(VerhaalPage, on_delete=models.CASCADE, related_name="koppelingen")
    pagina = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="verhaal_koppelingen",
        verbose_name="pagina",
    )
    ruil = models.ForeignKey(
        "ruilen.Ruil", null=True, blank=True, on_delete=models.CASCADE, related_name="verhaal_koppelingen",
        verbose_name="ruil (Jouw Baan Mijn Baan)",
        help_text="Op de site alleen als woorden (zonder namen), en pas als alle werkgevers akkoord gaven.",
    )

    panels = [
        PageChooserPanel("pagina", page_type=[model._meta.label for model in PAGE_TYPES]),
        FieldPanel("ruil"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "koppeling"
        verbose_name_plural = "koppelingen"

    def __str__(self):
        return str(self.pagina or self.ruil)

    def clean(self):
        super().clean()
        if bool(self.pagina_id) == bool(self.ruil_id):
            raise ValidationError("Kies één pagina of één ruil.")
        if self.pagina_id and self.kind_of(self.pagina) is None:
            raise ValidationError({"pagina": "Kies een vacature, klus, opleiding of project."})

    @staticmethod
    def kind_of(page):
        model = page.specific_class
        for page_type, kind in PAGE_TYPES.items():
            if model is not None and issubclass(model, page_type):
                return kind
        return None

    @property
    def onderwerp(self):
        if self.ruil_id:
            return Onderwerp.RUIL
        return self.kind_of(self.doel) if getattr(self, "doel", None) else None

    @property
    def onderwerp_label(self):
        kind = self.onderwerp
        return Onderwerp(kind).label if kind else ""
