"""Fixed choices of a story: stored values with the labels users see."""

from django.db import models


class Soort(models.TextChoices):
    PERSOON = "persoon", "Persoon"
    TEAM = "team", "Team"


class Onderwerp(models.TextChoices):
    """What a story is about: the kind of its link (`VerhaalKoppeling.onderwerp`), for the facet ‘Gaat over’."""

    VACATURE = "vacature", "Vacature"
    KLUS = "klus", "Klus"
    OPLEIDING = "opleiding", "Opleiding"
    PROJECT = "project", "Project uit de bibliotheek"
    RUIL = "ruil", "Ruil (Jouw Baan Mijn Baan)"
