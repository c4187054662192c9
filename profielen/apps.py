from django.apps import AppConfig


class ProfielenConfig(AppConfig):
    name = "profielen"
    verbose_name = "Mobiliteitsprofielen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Django's app loading: the signals need the models, which exist only once the apps are ready.
        from .signals import connect_signals

        connect_signals()
