"""Matching on demand: after an offer changes, the same work as the nightly `ruil_matches`, in the background."""

from django_tasks import task

from .service import run_matching


@task()
def match_offers():
    run_matching()
