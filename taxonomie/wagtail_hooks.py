from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Organisatie, Regio, Thema


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


class RegioViewSet(SnippetViewSet):
    model = Regio
    icon = "site"
    menu_label = "Regio's"
    list_display = ["naam"]


class TaxonomieGroup(SnippetViewSetGroup):
    items = (OrganisatieViewSet, ThemaViewSet, RegioViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "Organisaties en regio's"
    menu_name = "taxonomie"


register_snippet(TaxonomieGroup)
