from django.apps import AppConfig


class RuilenConfig(AppConfig):
    name = "ruilen"
    verbose_name = "Jouw Baan Mijn Baan"
