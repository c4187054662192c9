"""Background work for the library: reading the text of uploaded PDFs so search can find it.

A document upload enqueues `extract_document_text` (see apps.py). A broken, encrypted or
non-PDF file is logged and skipped; the upload itself never fails because of it.
"""

import logging

from django_tasks import task
from pypdf import PdfReader
from pypdf.errors import PyPdfError
from wagtail.documents import get_document_model
from wagtail.search import index

from .models import DocumentTekst, ProjectPage

MAX_PAGES = 300
MAX_CHARS = 1_000_000

logger = logging.getLogger(__name__)


def read_pdf_text(file):
    reader = PdfReader(file)
    if reader.is_encrypted:
        raise PyPdfError("versleutelde pdf")
    parts = []
    for page in reader.pages[:MAX_PAGES]:
        parts.append(page.extract_text() or "")
        if sum(map(len, parts)) > MAX_CHARS:
            break
    return "\n".join(parts)[:MAX_CHARS]


@task()
def extract_document_text(document_id):
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return
    status, text, message = DocumentTekst.Status.OK, "", ""
    if document.file_extension.lower() != "pdf":
        status, message = DocumentTekst.Status.OVERGESLAGEN, "geen pdf"
    else:
        try:
            with document.open_file() as file:
                text = read_pdf_text(file)
        except Exception as exc:  # noqa: BLE001 - any unreadable file is skipped, never fatal
            status, message = DocumentTekst.Status.OVERGESLAGEN, f"{type(exc).__name__}: {exc}"[:500]
            logger.warning("Tekst van document %s (%s) overgeslagen: %s", document.pk, document.title, message)
    DocumentTekst.objects.update_or_create(
        document=document, defaults={"tekst": text, "status": status, "melding": message},
    )
    for page in ProjectPage.objects.filter(materiaal__document=document).distinct():
        index.insert_or_update_object(page)
