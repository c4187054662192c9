from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        # search.version imports Wagtail's models, which cannot be imported while Django loads the apps.
        from search import engine_facets
        from search.version import connect_signals

        connect_signals()
        engine_facets.connect_signals()
