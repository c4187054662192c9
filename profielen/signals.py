"""Changes to profiles raise the site's content version (search.version), so the facet tables and matches
of the profile search are never older than the profiles: a card switched off or hidden from an employer
is gone from that employer's list and counts at once."""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from search.version import bump_content_version


def bump_on_profile_change(sender, **kwargs):
    if sender._meta.app_label == "profielen" and sender._meta.model_name in {
        "profiel", "vaardigheid", "profiel_vaardigheden", "profiel_regios", "profiel_verborgen_voor",
    }:
        bump_content_version()


def bump_on_new_employer(sender, instance, **kwargs):
    """An employee who moved to another employer: the own-employer rule of their card changes."""
    if instance.pk is None:
        return
    before = sender.objects.filter(pk=instance.pk).values_list("werkgever_id", flat=True).first()
    if before is not None and before != instance.werkgever_id and hasattr(instance, "profiel"):
        bump_content_version()


def connect_signals():
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(bump_on_profile_change, dispatch_uid=f"profielen-versie-{id(signal)}")
    pre_save.connect(bump_on_new_employer, sender="medewerkers.Medewerker", dispatch_uid="profielen-werkgever")
