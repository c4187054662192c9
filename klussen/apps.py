from django.apps import AppConfig


class KlussenConfig(AppConfig):
    name = "klussen"
    verbose_name = "Klussen"
