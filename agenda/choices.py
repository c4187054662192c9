from django.db import models


class Doelgroep(models.TextChoices):
    """Who an event is for. Employees-only events follow the visibility rule of non-public vacancies."""

    IEDEREEN = "iedereen", "Open voor iedereen"
    MEDEWERKERS = "medewerkers", "Alleen medewerkers van deelnemende werkgevers"
