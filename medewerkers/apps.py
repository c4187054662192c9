from django.apps import AppConfig


class MedewerkersConfig(AppConfig):
    name = "medewerkers"
    verbose_name = "Medewerkers"
