from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisatie, Thema


class OrganisatieViewSet(SnippetViewSet):
    model = Organisatie
    icon = "group"
    menu_label = "Organisaties"
    list_display = ["naam", "soort", "provincie"]
    list_filter = ["soort", "provincie"]
    search_fields = ["naam"]


class ThemaViewSet(SnippetViewSet):
    model = Thema
    icon = "tag"
    menu_label = "Thema's"
    list_display = ["naam", "aliassen"]


class TaxonomieGroup(SnippetViewSetGroup):
    items = (OrganisatieViewSet, ThemaViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Organisaties en thema's"
    menu_name = "taxonomie"


register_snippet(TaxonomieGroup)
