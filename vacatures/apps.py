from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save


class VacaturesConfig(AppConfig):
    name = "vacatures"
    verbose_name = "Vacatures"

    def ready(self):
        from wagtail.signals import page_published, page_unpublished, post_page_move

        from .cache import bump_version
        from .models import OrganisatiePage, VacaturePage

        post_save.connect(create_editors_group, sender=OrganisatiePage, dispatch_uid="werkgever-redactie")
        for model in (VacaturePage, OrganisatiePage):
            for signal in (page_published, page_unpublished, post_delete):
                signal.connect(bump_version, sender=model, dispatch_uid=f"vacatures-cache-{signal}-{model.__name__}")
        post_page_move.connect(bump_version, dispatch_uid="vacatures-cache-move")


def create_editors_group(sender, instance, created, raw=False, **kwargs):
    """When an employer joins, its editors' group and page permissions are created with it."""
    if created and not raw:
        from .permissions import ensure_employer_group

        ensure_employer_group(instance)
