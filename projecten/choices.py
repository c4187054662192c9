"""Fixed choices of a project: stored values with the labels users see."""

from django.db import models


class Subsidieronde(models.TextChoices):
    GEEN = "", "Geen ronde vermeld"
    R2021_1 = "2021-1", "2021 periode 1"
    R2021_2 = "2021-2", "2021 periode 2"
