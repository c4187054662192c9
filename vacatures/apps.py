from django.apps import AppConfig
from django.db.models.signals import post_save


class VacaturesConfig(AppConfig):
    name = "vacatures"
    verbose_name = "Vacatures"

    def ready(self):
        from .models import OrganisatiePage  # models cannot be imported while Django loads the apps

        post_save.connect(create_editors_group, sender=OrganisatiePage, dispatch_uid="werkgever-redactie")
        # The listing cache (vacatures/cache.py) follows the content version that search/apps.py keeps.


def create_editors_group(sender, instance, created, raw=False, **kwargs):
    """When an employer joins, its editors' group and page permissions are created with it."""
    if created and not raw:
        from .permissions import ensure_employer_group  # imports the models: see ready()

        ensure_employer_group(instance)
