"""Storing what `matching` finds, and the steps of a swap: interest, the employers' agreement, status.

Every step that sends mail enqueues its task after the commit (`transaction.on_commit`), never inside it.
"""

from django.db import transaction
from django.utils import timezone

from . import matching
from .mails import mail_employer_proposed, mail_new_match, mail_swap_proposed, proposal_recipients
from .models import BEWAARTERMIJN_AANBOD, Deelname, Ruil, Ruilaanbod, Status


def current_offers():
    """The offers that take part in matching: of employers that still participate."""
    return Ruilaanbod.objects.filter(werkgever__live=True).select_related("werkgever", "werkgever__regio")


@transaction.atomic
def store_matches():
    """Store every match once (under its canonical key) and mark which stored ones still match.
    Returns the number of new swaps."""
    offers = {offer.pk: offer for offer in current_offers()}
    current = {match.key: match for match in matching.find_matches([o.as_offer() for o in offers.values()])}
    known = set(Ruil.objects.filter(sleutel__in=current).values_list("sleutel", flat=True))
    new = 0
    for key in sorted(current.keys() - known):
        match = current[key]
        ruil, created = Ruil.objects.get_or_create(sleutel=key, defaults={"soort": match.kind})
        if created:
            Deelname.objects.bulk_create(
                Deelname(ruil=ruil, positie=index, aanbod_id=pk, werkgever_id=offers[pk].werkgever_id)
                for index, pk in enumerate(match.ids)
            )
            new += 1
    Ruil.objects.filter(sleutel__in=current, actueel=False).update(actueel=True)
    Ruil.objects.exclude(sleutel__in=current).filter(actueel=True).update(actueel=False)
    Ruil.objects.filter(deelnames__isnull=True).delete()  # every participant's employer left the network
    return new


def announce_new_matches():
    """Mail each participant of every matching swap not yet announced, once: the swap is marked before its
    mails are queued, so a second run (or a run at the same time) queues nothing for it."""
    announced = 0
    for ruil_id in Ruil.objects.filter(gemeld__isnull=True, actueel=True).values_list("pk", flat=True):
        with transaction.atomic():
            if not Ruil.objects.filter(pk=ruil_id, gemeld__isnull=True).update(gemeld=timezone.now()):
                continue
            for deelname_id in Deelname.objects.filter(ruil_id=ruil_id, aanbod__isnull=False).values_list("pk", flat=True):
                transaction.on_commit(lambda pk=deelname_id: mail_new_match.enqueue(pk))
            announced += 1
    return announced


def purge_old_offers(now=None):
    """Offers nobody changed for BEWAARTERMIJN_AANBOD are deleted (their swaps keep the employers only)."""
    cutoff = (now or timezone.now()) - BEWAARTERMIJN_AANBOD
    deleted, _ = Ruilaanbod.objects.filter(gewijzigd__lt=cutoff).delete()
    return deleted


def run_matching():
    """(new swaps, swaps announced): what `ruil_matches` and the task after an offer changes do."""
    new = store_matches()
    return new, announce_new_matches()


def can_say_interest(ruil, aanbod):
    return (
        aanbod is not None and ruil.actueel and ruil.voorgesteld_op is None and ruil.status == Status.VOORGESTELD
        and ruil.deelnames.filter(aanbod=aanbod).exists()
    )


def say_interest(ruil_id, aanbod):
    """Record this participant's interest; when it is the last one, the swap is proposed: the participants
    get each other's names, their employers a request to agree. Returns True if the interest counted."""
    with transaction.atomic():
        ruil = Ruil.objects.select_for_update().filter(pk=ruil_id).first()
        if ruil is None or not can_say_interest(ruil, aanbod):
            return False
        now = timezone.now()
        Deelname.objects.filter(ruil=ruil, aanbod=aanbod, interesse_op__isnull=True).update(interesse_op=now)
        if not ruil.deelnames.filter(interesse_op__isnull=True).exists():
            Ruil.objects.filter(pk=ruil.pk).update(voorgesteld_op=now)
            for deelname_id in ruil.deelnames.values_list("pk", flat=True):
                transaction.on_commit(lambda pk=deelname_id: mail_swap_proposed.enqueue(pk))
            # One mail per employer editor or coordinator, however many of the swap's employers they act for.
            for email in proposal_recipients(ruil.pk):
                transaction.on_commit(lambda e=email: mail_employer_proposed.enqueue(ruil.pk, e))
        return True


def agree(ruil_id, werkgever_id, user):
    """One employer agrees; when every employer in the swap agreed, its status becomes ‘akkoord’."""
    with transaction.atomic():
        ruil = Ruil.objects.select_for_update().get(pk=ruil_id)
        if ruil.status != Status.VOORGESTELD or ruil.voorgesteld_op is None:
            return False
        now = timezone.now()
        Deelname.objects.filter(ruil=ruil, werkgever_id=werkgever_id, werkgever_akkoord_op__isnull=True).update(
            werkgever_akkoord_op=now, akkoord_door=user,
        )
        if not ruil.deelnames.filter(werkgever_akkoord_op__isnull=True).exists():
            Ruil.objects.filter(pk=ruil.pk).update(status=Status.AKKOORD, akkoord_op=now)
        return True


# Which status may follow which (set by the employers in the admin after the agreement).
NEXT_STATUS = {
    Status.VOORGESTELD: [Status.AFGEBLAZEN],
    Status.AKKOORD: [Status.LOPEND, Status.AFGEBLAZEN],
    Status.LOPEND: [Status.AFGEROND, Status.AFGEBLAZEN],
    Status.AFGEROND: [],
    Status.AFGEBLAZEN: [],
}


def set_status(ruil_id, status):
    with transaction.atomic():
        ruil = Ruil.objects.select_for_update().get(pk=ruil_id)
        if status not in NEXT_STATUS[ruil.status]:
            return False
        ruil.status = status
        if status == Status.AFGEROND:
            ruil.afgerond_op = timezone.now()
        ruil.save(update_fields=["status", "afgerond_op"])
        return True
