"""The question desk's test data: topics, advisers and their routing on top of the vacancy network."""

from django.contrib.auth.models import User

from taxonomie.models import Regio
from vragen.models import Onderwerp, Routering
from vragen.roles import ensure_advisers_group


def adviser(username):
    user = User.objects.create_user(username, f"{username}@netwerk.example", "x")
    user.groups.add(ensure_advisers_group())
    return user


def build_desk():
    """Topics ‘Loopbaan’ (own adviser), ‘Regelingen’ (no rule: region or default) and the rules:
    Loopbaan → loes; Twente → tim; anything else → dora (default)."""
    loopbaan = Onderwerp.objects.create(naam="Loopbaan", volgorde=1)
    regelingen = Onderwerp.objects.create(naam="Regelingen", volgorde=2)
    loes, tim, dora = adviser("loes"), adviser("tim"), adviser("dora")
    twente = Regio.objects.get(naam="Twente")
    Routering.objects.create(onderwerp=loopbaan, adviseur=loes)
    Routering.objects.create(regio=twente, adviseur=tim)
    Routering.objects.create(adviseur=dora)
    return {"loopbaan": loopbaan, "regelingen": regelingen, "loes": loes, "tim": tim, "dora": dora, "twente": twente}
