"""What happens to a profile outside a form: accepting and declining an invitation, the export, statistics."""

import os
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from reacties.models import PROFIEL, UITNODIGING, KlusReactie, Reactie, count_reaction
from reacties.tasks import (
    confirm_klus_to_candidate,
    confirm_to_candidate,
    contact_address,
    notify_employer,
    notify_klus_employer,
)
from vacatures import phases
from vacatures.choices import Herkomst

from .models import STATISTIEK_DAGEN, Logregel, Profiel, Uitnodiging, Weergave


def accept(uitnodiging, besproken=""):
    """The employee says yes: the employer now sees name, e-mail and CV, as a reaction on the vacancy or klus.
    `besproken`: the answer to the manager question of a klus that needs the manager's agreement."""
    profiel = uitnodiging.profiel
    medewerker = profiel.medewerker
    with transaction.atomic():
        locked = Uitnodiging.objects.select_for_update().get(pk=uitnodiging.pk)
        if locked.status != Uitnodiging.Status.OPEN:
            return locked
        if locked.klus_id:
            # The klus path: the same reaction as one click from the profile, with the invitation as its origin
            # (an earlier reaction of this employee to the klus is the answer; nothing is sent twice).
            locked.klus_reactie, _ = react_to_klus(
                profiel, locked.klus, f"Geaccepteerde uitnodiging. Bericht van de werkgever: {locked.bericht}",
                herkomst=UITNODIGING, besproken=besproken,
            )
            locked.status = Uitnodiging.Status.GEACCEPTEERD
            locked.beantwoord = timezone.now()
            locked.save()
            return locked
        reactie = Reactie(
            vacature=locked.vacature, naam=profiel.naam, email=medewerker.email,
            motivatie=f"Geaccepteerde uitnodiging. Bericht van de werkgever: {locked.bericht}\n\n"
            f"Functie: {profiel.functie}\n{profiel.tekst}",
            herkomst=UITNODIGING,
        )
        copy_cv(profiel, reactie)
        reactie.save()
        origin = Herkomst.EIGEN if medewerker.werkgever_id == locked.vacature.werkgever_id else Herkomst.NETWERK
        count_reaction(locked.vacature_id, phases.local_date(), origin)
        locked.status = Uitnodiging.Status.GEACCEPTEERD
        locked.beantwoord = timezone.now()
        locked.reactie = reactie
        locked.save()
    if contact_address(locked.vacature):  # the vacancy's contact hears of it as of any reaction
        notify_employer.enqueue(locked.reactie_id)
    confirm_to_candidate.enqueue(locked.reactie_id)  # what was sent, how long it is kept, the deletion link
    return locked


def copy_cv(profiel, reactie):
    """The profile's CV as the reaction's own file (same private storage; checked when it was uploaded), so it
    is deleted with the reaction (`bewaartermijnen`, the candidate's deletion link), not with the profile."""
    if profiel.cv:
        with profiel.cv.open("rb") as source:
            reactie.cv.save(os.path.basename(profiel.cv.name), ContentFile(source.read()), save=False)


def profile_summary(profiel):
    """The card as text, for the reaction's motivation: what the employer sees next to name, e-mail and CV."""
    lines = [
        f"Functie: {profiel.functie}",
        f"Vakgebied: {profiel.get_vakgebied_display()}",
        f"Salarisschaal: {profiel.salarisschaal}",
        f"Uren per week: {profiel.uren}",
    ]
    skills = ", ".join(profiel.vaardigheden.values_list("naam", flat=True))
    if skills:
        lines.append(f"Vaardigheden: {skills}")
    if profiel.beschikbaar_vanaf:
        lines.append(f"Beschikbaar vanaf: {profiel.beschikbaar_vanaf:%d-%m-%Y}")
    if profiel.tekst:
        lines += ["", profiel.tekst]
    return "\n".join(lines)


def react_to_klus(profiel, klus, motivatie, herkomst=PROFIEL, besproken=""):
    """A reaction to `klus` with the profile: name, e-mail, the card and the CV go to the klus's employer.
    At most one per employee and klus (a unique constraint): returns (reaction, created); a second click or an
    accepted invitation to a klus already reacted to finds the first reaction and sends nothing."""
    medewerker = profiel.medewerker
    existing = KlusReactie.objects.filter(klus=klus, medewerker=medewerker).first()
    if existing is not None:
        return existing, False
    reactie = KlusReactie(
        klus=klus, medewerker=medewerker, naam=profiel.naam, email=medewerker.email,
        motivatie=f"{motivatie}\n\n{profile_summary(profiel)}", besproken=besproken, herkomst=herkomst,
    )
    copy_cv(profiel, reactie)
    try:
        with transaction.atomic():
            reactie.save()
    except IntegrityError:  # the same click twice at the same moment: the other request stored it
        reactie.cv.delete(save=False)
        return KlusReactie.objects.get(klus=klus, medewerker=medewerker), False
    notify_klus_employer.enqueue(reactie.pk)
    confirm_klus_to_candidate.enqueue(reactie.pk)
    return reactie, True


def decline(uitnodiging):
    updated = Uitnodiging.objects.filter(pk=uitnodiging.pk, status=Uitnodiging.Status.OPEN).update(
        status=Uitnodiging.Status.AFGEWEZEN, beantwoord=timezone.now(),
    )
    return updated


def statistics(profiel, now=None):
    """Per employer (never per HR user): shown in a search and opened, in the last 90 days."""
    since = timezone.localdate(now) - timedelta(days=STATISTIEK_DAGEN)
    return list(
        Weergave.objects.filter(profiel=profiel, datum__gt=since)
        .values("werkgever__title")
        .annotate(getoond=Sum("in_zoekresultaat"), geopend=Sum("geopend"))
        .order_by("werkgever__title")
    )


def export(profiel: Profiel | None, medewerker):
    """Everything stored about the employee here, as plain data (the JSON download)."""
    data = {
        "medewerker": {
            "e-mailadres": medewerker.email, "werkgever": medewerker.werkgever.title,
            "laatst_ingelogd": medewerker.laatst_ingelogd.isoformat() if medewerker.laatst_ingelogd else None,
        },
        "profiel": None,
        # Reactions to klussen sent with the profile or by accepting an invitation: they name the employee.
        "reacties_op_klussen": [
            {"klus": r.klus.title, "werkgever": r.klus.werkgever.title if r.klus.werkgever else None,
             "herkomst": r.get_herkomst_display(), "naam": r.naam, "e-mailadres": r.email, "motivatie": r.motivatie,
             "cv": os.path.basename(r.cv.name) if r.cv else None, "ontvangen": r.aangemaakt.isoformat()}
            for r in KlusReactie.objects.filter(medewerker=medewerker).select_related("klus", "klus__werkgever")
        ],
        # Reactions to vacancies made by accepting an invitation (each also has its own deletion link).
        "reacties_op_vacatures": [
            {"vacature": r.vacature.title, "werkgever": r.vacature.werkgever.title if r.vacature.werkgever else None,
             "herkomst": r.get_herkomst_display(), "naam": r.naam, "e-mailadres": r.email, "motivatie": r.motivatie,
             "cv": os.path.basename(r.cv.name) if r.cv else None, "ontvangen": r.aangemaakt.isoformat()}
            for r in Reactie.objects.filter(uitnodiging__profiel__medewerker=medewerker)
            .select_related("vacature", "vacature__werkgever")
        ],
    }
    if profiel is None:
        return data
    data["profiel"] = {
        "kenmerk": str(profiel.kenmerk), "naam": profiel.naam, "functie": profiel.functie,
        "vakgebied": profiel.get_vakgebied_display(), "salarisschaal": profiel.salarisschaal, "uren": profiel.uren,
        "regios": list(profiel.regios.values_list("naam", flat=True)), "plaatsen": profiel.plaatsen,
        "open_voor": profiel.open_voor, "open_vacature": profiel.open_vacature, "open_klus": profiel.open_klus,
        "open_detachering": profiel.open_detachering, "open_ruil": profiel.open_ruil,
        "beschikbaar_vanaf": profiel.beschikbaar_vanaf.isoformat() if profiel.beschikbaar_vanaf else None,
        "vaardigheden": list(profiel.vaardigheden.values_list("naam", flat=True)), "tekst": profiel.tekst,
        "cv": os.path.basename(profiel.cv.name) if profiel.cv else None,
        "zichtbaar": profiel.zichtbaar, "zichtbaar_eigen_werkgever": profiel.zichtbaar_eigen_werkgever,
        "verborgen_voor": list(profiel.verborgen_voor.values_list("title", flat=True)),
        "aangemaakt": profiel.aangemaakt.isoformat(), "bijgewerkt": profiel.bijgewerkt.isoformat(),
        "uitgezet_wegens_inactiviteit": (
            profiel.uitgezet_wegens_inactiviteit.isoformat() if profiel.uitgezet_wegens_inactiviteit else None
        ),
        "waarschuwingen_inactiviteit": profiel.gewaarschuwd,
    }
    data["weergaven"] = [
        {"werkgever": w.werkgever.title, "datum": w.datum.isoformat(), "in_zoekresultaat": w.in_zoekresultaat,
         "geopend": w.geopend}
        for w in profiel.weergaven.select_related("werkgever").order_by("datum")
    ]
    data["uitnodigingen"] = [
        {"werkgever": u.werkgever.title, u.soort: u.doel.title, "bericht": u.bericht,
         "status": u.get_status_display(), "aangemaakt": u.aangemaakt.isoformat(),
         "beantwoord": u.beantwoord.isoformat() if u.beantwoord else None}
        for u in profiel.uitnodigingen.select_related("werkgever", "vacature", "klus")
    ]
    # What HR did with the card: the employer and the moment, never the HR user's name.
    data["logboek"] = [
        {"moment": r.moment.isoformat(), "werkgever": r.werkgever.title if r.werkgever else None,
         "actie": r.get_actie_display()}
        for r in Logregel.objects.filter(kaart=profiel.kenmerk).select_related("werkgever").order_by("moment")
    ]
    return data
