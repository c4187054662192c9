"""The fixed choices of a vacancy: stored values (lowercase) with the labels users see."""

from django.db import models


class Dienstverband(models.TextChoices):
    VAST = "vast", "Vast"
    TIJDELIJK = "tijdelijk", "Tijdelijk"
    DETACHERING = "detachering", "Detachering"
    TIJDELIJKE_OPDRACHT = "tijdelijke_opdracht", "Tijdelijke opdracht"
    TRAINEESHIP = "traineeship", "Traineeship"
    STAGE = "stage", "Stage"


class Opleidingsniveau(models.TextChoices):
    VMBO = "vmbo", "Vmbo"
    MBO = "mbo", "Mbo"
    HBO = "hbo", "Hbo"
    WO = "wo", "Wo"
    GEEN = "geen", "Geen eis"


class Vakgebied(models.TextChoices):
    BESTUUR = "bestuur", "Bestuur en management"
    BELEID = "beleid", "Beleid en advies"
    DIENSTVERLENING = "dienstverlening", "Dienstverlening en publiekszaken"
    FINANCIEN = "financien", "Financiën"
    ICT = "ict", "ICT en informatievoorziening"
    JURIDISCH = "juridisch", "Juridisch"
    HR = "hr", "Personeel en organisatie"
    COMMUNICATIE = "communicatie", "Communicatie"
    RUIMTE = "ruimte", "Ruimte, wonen en milieu"
    SOCIAAL = "sociaal", "Sociaal domein"
    TECHNIEK = "techniek", "Techniek en openbare ruimte"
    VEILIGHEID = "veiligheid", "Veiligheid en hulpverlening"
    OVERIG = "overig", "Overig"


class Herkomst(models.TextChoices):
    """Where a candidate (or the person who filled a vacancy) came from, seen from the vacancy."""

    EIGEN = "eigen", "Eigen organisatie"
    NETWERK = "netwerk", "Andere deelnemende organisatie"
    EXTERN = "extern", "Extern"


class Publicatieroute(models.TextChoices):
    STANDAARD = "standaard", "Volgens de standaard van de werkgever (eerst intern, dan onder water, dan openbaar)"
    DIRECT_OPENBAAR = "direct_openbaar", "Direct openbaar"
    NIET_OPENBAAR = "niet_openbaar", "Alleen intern en onder water, nooit openbaar"
    EIGEN_DATA = "eigen_data", "Eigen data voor elke fase"
