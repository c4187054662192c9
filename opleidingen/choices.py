"""The fixed values of trainings and registrations."""

from django.db import models


class Vorm(models.TextChoices):
    KLASSIKAAL = "klassikaal", "Klassikaal"
    ONLINE = "online", "Online"
    BLENDED = "blended", "Blended"


class Status(models.TextChoices):
    INGESCHREVEN = "ingeschreven", "Ingeschreven"
    WACHTLIJST = "wachtlijst", "Wachtlijst"
    GEANNULEERD = "geannuleerd", "Geannuleerd"
