from django.apps import AppConfig


class OpleidingenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "opleidingen"
    verbose_name = "Twentse School"
