"""The home page and the site-wide settings editors manage."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page

from kern.audience import audience_for
from projecten.models import InspiratieIndexPage, ProjectPage
from vacatures.models import VacatureIndexPage, VacaturePage
from verhalen.models import VerhaalPage, VerhalenIndexPage


class HomePage(Page):
    """What the site is for, the newest projects and the way into the library."""

    intro = RichTextField("inleiding", blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = "startpagina"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["bibliotheek"] = InspiratieIndexPage.objects.live().public().first()
        context["nieuwste_projecten"] = (
            ProjectPage.objects.live().public().select_related("thema")
            .prefetch_related("organisaties__organisatie")
            .order_by("-first_published_at", "-pk")[:6]
        )
        context["vacaturebank"] = VacatureIndexPage.objects.live().public().first()
        context["aantal_vacatures"] = VacaturePage.objects.visible_to(audience_for(request)).count()
        context["verhalenpagina"] = VerhalenIndexPage.objects.live().public().first()
        context["nieuwste_verhalen"] = list(VerhaalPage.objects.visible_to(audience_for(request)).newest_first()[:3])
        return context


@register_setting(icon="site")
class SiteInstellingen(BaseSiteSetting):
    """Footer and contact details, editable under Instellingen."""

    contact_email = models.EmailField("e-mailadres voor vragen", blank=True)
    toegankelijkheidsverklaring = models.URLField("toegankelijkheidsverklaring", blank=True)
    voettekst = models.CharField(
        "voettekst", max_length=255, blank=True,
        default="In Beweging — inspiratie en vacatures voor de publieke sector",
    )

    panels = [FieldPanel("voettekst"), FieldPanel("contact_email"), FieldPanel("toegankelijkheidsverklaring")]

    class Meta:
        verbose_name = "site-instellingen"


class DemoInhoud(models.Model):
    """One object that `load_demo` created, so that `manage.py verwijder_demo` removes exactly those.

    Pages (projects, employers with their vacancies), the demo administrator and the organisations,
    themes and regions the demo introduced. Nothing the importer or an editor made is ever listed.
    """

    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "democontent"
        verbose_name_plural = "democontent"
        constraints = [models.UniqueConstraint(fields=["content_type", "object_id"], name="demo_een_keer")]

    def __str__(self):
        return f"{self.content_type.model} {self.object_id}"


class InhoudPage(Page):
    """A plain content page editors write themselves: the accessibility statement, the privacy statement."""

    inleiding = models.TextField("inleiding", blank=True)
    body = RichTextField("tekst", features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
    bijgewerkt = models.DateField("laatst bijgewerkt", null=True, blank=True)

    content_panels = Page.content_panels + [FieldPanel("inleiding"), FieldPanel("body"), FieldPanel("bijgewerkt")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = "inhoudspagina"
        verbose_name_plural = "inhoudspagina's"
