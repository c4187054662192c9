"""Nightly: delete offers past their retention, find and store every match, mail each new one once."""

from django.core.management.base import BaseCommand

from ruilen.service import purge_old_offers, run_matching


class Command(BaseCommand):
    help = "Zoekt ruilen (paren en ringen van drie) in het ruilaanbod en mailt elke nieuwe ruil één keer."

    def handle(self, *args, **options):
        purged = purge_old_offers()
        new, announced = run_matching()
        self.stdout.write(f"Ruilen: {new} nieuw, {announced} gemeld; {purged} verlopen aanbiedingen verwijderd.")
