from django.apps import AppConfig


class VerhalenConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "verhalen"
    verbose_name = "Ervaringsverhalen"
