from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Startpagina"

    def ready(self):
        post_migrate.connect(follow_site_url, sender=self, dispatch_uid="home-site-url")


def follow_site_url(sender, using="default", **kwargs):
    """After every `migrate`: the default Site answers to SITE_URL (see home/site_setup.py)."""
    from .site_setup import sync_site_address  # site_setup imports the page models, not ready at import

    if using == "default":
        sync_site_address()
