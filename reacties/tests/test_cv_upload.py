"""CV uploads: reading stops at 5 MB, PDFs with active content are refused with a Dutch message, and
decompression bombs are refused within a memory bound. Every PDF here is made by the test."""

import io
import time
import tracemalloc

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from conftest import make_pdf
from reacties import cv
from reacties.models import Dagcijfers, Reactie
from reacties.tests import hostile_pdfs

MB = 1024 * 1024
BOUNDARY = "----grens7MA4YWxkTrZu0gW"


@pytest.fixture
def vacancy(make_vacancy):
    return make_vacancy("alfa", "Beleidsadviseur", contact_email="werving@alfa.example")


class GeneratedBody(io.RawIOBase):
    """A multipart request body made while it is read (never whole in memory), counting what is read."""

    def __init__(self, fields, file_size):
        head = "".join(
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
            for name, value in fields.items()
        )
        head += (f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="cv"; filename="cv.pdf"\r\n'
                 "Content-Type: application/pdf\r\n\r\n%PDF-1.7\n")
        self.head = head.encode()
        self.tail = f'\r\n--{BOUNDARY}\r\nContent-Disposition: form-data; name="toestemming_bewaren"\r\n\r\non' \
                    f"\r\n--{BOUNDARY}--\r\n".encode()
        self.file_size = file_size
        self.length = len(self.head) + file_size + len(self.tail)
        self.position = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        data = self._slice(len(buffer))
        buffer[:len(data)] = data
        return len(data)

    def _slice(self, size):
        start, end = self.position, min(self.position + size, self.length)
        self.position = end
        chunks = []
        head_end, tail_start = len(self.head), len(self.head) + self.file_size
        if start < head_end:
            chunks.append(self.head[start:min(end, head_end)])
        if end > head_end and start < tail_start:
            chunks.append(b"%" * (min(end, tail_start) - max(start, head_end)))  # PDF comment bytes
        if end > tail_start:
            chunks.append(self.tail[max(start, tail_start) - tail_start:end - tail_start])
        return b"".join(chunks)


def test_a_30_mb_upload_is_not_read_past_the_limit(client, vacancy):
    body = GeneratedBody(
        {"naam": "Sanne de Boer", "email": "sanne@kandidaat.example", "motivatie": "Ik wil graag."}, 30 * MB,
    )
    response = client.generic(
        "POST", f"/vacatures/reageren/{vacancy.pk}/", CONTENT_TYPE=f"multipart/form-data; boundary={BOUNDARY}",
        CONTENT_LENGTH=str(body.length), **{"wsgi.input": body},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Je cv is groter dan 5 MB" in html
    assert 'value="Sanne de Boer"' in html  # what was typed before the file is kept
    assert body.position <= 5 * MB + 256 * 1024, body.position  # not the 30 MB
    assert not Reactie.objects.exists() and not Dagcijfers.objects.exists()


def post_cv(client, vacancy, data):
    return client.post(f"/vacatures/reageren/{vacancy.pk}/", {
        "naam": "Sanne de Boer", "email": "sanne@kandidaat.example", "motivatie": "Ik wil graag.",
        "cv": SimpleUploadedFile("cv.pdf", data, content_type="application/pdf"),
    })


@pytest.mark.parametrize(
    "build,what",
    [
        (hostile_pdfs.with_javascript, "JavaScript"),
        (hostile_pdfs.with_escaped_javascript, "JavaScript"),
        (hostile_pdfs.with_launch_on_open, "een actie die start bij het openen"),
        (hostile_pdfs.javascript_in_object_stream, "een actie die start bij het openen"),
        (hostile_pdfs.with_page_action, "automatische acties"),
        (hostile_pdfs.with_attachment, "een ingesloten bestand"),
    ],
    ids=["javascript", "escaped-names", "launch-on-open", "inside-object-stream", "page-action", "attachment"],
)
def test_pdf_with_active_content_is_refused(client, vacancy, build, what):
    response = post_cv(client, vacancy, build())
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Je cv bevat {what}. Zulke pdf&#x27;s nemen we om veiligheidsredenen niet aan." in html
    assert not Reactie.objects.exists()


@pytest.mark.parametrize(
    "build",
    [make_pdf, lambda: make_pdf("Sanne de Boer, beleidsadviseur"), hostile_pdfs.with_link_and_open_at_first_page,
     lambda: hostile_pdfs.object_stream_pdf(hostile_pdfs.page_tree_from())],
    ids=["blank", "text", "web-link-and-open-at-page", "object-stream"],
)
def test_ordinary_pdfs_are_accepted(client, vacancy, build):
    response = post_cv(client, vacancy, build())
    assert "Bedankt voor je reactie" in response.content.decode()
    assert Reactie.objects.count() == 1


BOUND = 24 * MB  # two decoded layers (cv.MAX_LAYER_BYTES) and change; pypdf's defaults took 75 MB and more


@pytest.mark.parametrize(
    "build,inflated",
    [
        (hostile_pdfs.flate_bomb, 12 * 200 * MB),  # 2.4 MB that inflate to 2.4 GB
        (hostile_pdfs.object_stream_bomb, 150 * MB),  # the objects behind 150 MB in an object stream
        (lambda: hostile_pdfs.object_stream_bomb(90 * MB), 90 * MB),  # under our total, over pypdf's limit
    ],
    ids=["flate-2.4-GB", "object-stream-150-MB", "object-stream-90-MB"],
)
def test_decompression_bombs_are_refused_within_a_memory_bound(client, vacancy, build, inflated):
    data = build()
    assert len(data) < cv.MAX_CV_BYTES < inflated
    tracemalloc.start()
    started = time.monotonic()
    try:
        response = post_cv(client, vacancy, data)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert "Je cv-bestand is te ingewikkeld of pakt uit tot te veel gegevens" in response.content.decode()
    assert not Reactie.objects.exists()
    assert peak < BOUND, f"{peak / MB:.1f} MB"
    assert time.monotonic() - started < cv.MAX_SECONDS + 5
