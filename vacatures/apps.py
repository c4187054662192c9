from django.apps import AppConfig


class VacaturesConfig(AppConfig):
    name = "vacatures"
