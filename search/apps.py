from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from django.db.models.signals import m2m_changed, post_delete, post_save
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from search.facet_table import bump_content_version, bump_on_change

        # Any change a search listing could show raises the content version of `search.facet_table`.
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_on_change, dispatch_uid=f"zoeken-versie-{id(signal)}")
        for signal in (page_published, page_unpublished, post_page_move):
            signal.connect(bump_content_version, dispatch_uid=f"zoeken-versie-{id(signal)}")
