from django.apps import AppConfig
from django.db import transaction
from django.db.models.signals import post_save


class ProjectenConfig(AppConfig):
    name = "projecten"
    verbose_name = "Inspiratiebibliotheek"

    def ready(self):
        from wagtail.documents import get_document_model  # reads the models: not while Django loads the apps

        post_save.connect(enqueue_text_extraction, sender=get_document_model(), dispatch_uid="document-tekst")


def enqueue_text_extraction(sender, instance, raw=False, **kwargs):
    """Read a document's text in the background once the upload is committed."""
    if raw:
        return
    from .tasks import extract_document_text  # imports the models: see ready()

    transaction.on_commit(lambda: extract_document_text.enqueue(instance.pk))
