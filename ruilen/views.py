"""Jouw Baan Mijn Baan for signed-in employees: the own offer, other employers' offers (anonymous) and
‘Mogelijke ruilen’ with the ‘Interesse’ button. Anonymous visitors are sent to the sign-in."""

from functools import wraps

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from kern.audience import audience_for
from vacatures import phases

from .forms import RuilaanbodForm
from .models import Aanbodtelling, Ruil, Ruilaanbod
from .service import say_interest
from .tasks import match_offers


def employee_only(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if getattr(request, "medewerker", None) is None:
            return redirect("medewerkers:inloggen")
        return view(request, *args, **kwargs)

    return wrapper


def own_offer(request):
    return Ruilaanbod.objects.filter(medewerker=request.medewerker).first()


def swap_cards(aanbod):
    """Each possible swap of this offer, with the other participants' cards (names only when revealed)."""
    swaps = []
    if aanbod is None:
        return swaps
    for ruil in Ruil.objects.for_offer(aanbod).prefetch_related("deelnames__aanbod__medewerker", "deelnames__werkgever"):
        deelnames = sorted(ruil.deelnames.all(), key=lambda d: d.positie)
        mine = next(d for d in deelnames if d.aanbod_id == aanbod.pk)
        swaps.append({
            "ruil": ruil,
            "mijn_interesse": mine.interesse_op is not None,
            "onthuld": ruil.voorgesteld_op is not None,
            "anderen": [d for d in deelnames if d.pk != mine.pk],
            "kan_interesse": ruil.actueel and ruil.voorgesteld_op is None and mine.interesse_op is None,
            "ring": ring_text(deelnames, mine) if ruil.soort == "ring" else "",
        })
    return swaps


def ring_text(deelnames, mine):
    """Who takes whose job, seen from this participant: the one after you takes yours."""
    index = deelnames.index(mine)
    after, before = deelnames[(index + 1) % 3], deelnames[(index - 1) % 3]
    taker = after.aanbod.functie if after.aanbod else "een deelnemer"
    yours = before.aanbod.functie if before.aanbod else "een baan"
    return f"Jij gaat naar de baan ‘{yours}’; jouw baan gaat naar de ‘{taker}’."


@require_http_methods(["GET", "POST"])
@employee_only
def mijn_aanbod(request):
    aanbod = own_offer(request)
    form = RuilaanbodForm(request.POST or None, instance=aanbod)
    if request.method == "POST" and form.is_valid():
        if not form.is_bot():
            with transaction.atomic():
                offer = form.save(commit=False)
                offer.medewerker = request.medewerker
                offer.werkgever_id = request.medewerker.werkgever_id
                offer.save()
                if aanbod is None:
                    Aanbodtelling.objects.create(werkgever_id=offer.werkgever_id, aangeboden_op=phases.local_date())
                transaction.on_commit(match_offers.enqueue)
            messages.success(request, "Je ruilaanbod is opgeslagen.")
        return redirect("ruilen:aanbod")
    return render(request, "ruilen/mijn_aanbod.html", {
        "form": form, "aanbod": aanbod, "ruilen": swap_cards(aanbod),
    })


@require_http_methods(["GET"])
@employee_only
def overzicht(request):
    offers = Ruilaanbod.objects.visible_to(audience_for(request)).order_by("vakgebied", "functie", "pk")
    return render(request, "ruilen/overzicht.html", {"aanbiedingen": offers})


@require_POST
@employee_only
def intrekken(request):
    aanbod = own_offer(request)
    if aanbod is not None:
        with transaction.atomic():
            aanbod.delete()
            transaction.on_commit(match_offers.enqueue)
        messages.success(request, "Je ruilaanbod is ingetrokken en verwijderd.")
    return redirect("ruilen:aanbod")


@require_POST
@employee_only
def interesse(request, pk):
    if say_interest(pk, own_offer(request)):
        messages.success(request, "Je interesse is genoteerd.")
    return redirect("ruilen:aanbod")
