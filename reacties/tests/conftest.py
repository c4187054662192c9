import io
import re

import pytest
from django.core import mail
from django.test import Client
from pypdf import PdfWriter


def make_pdf(pages=1, padding=0):
    """A real PDF, made here; `padding` adds bytes to reach a size."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if padding:
        writer.add_metadata({"/Opvulling": "x" * padding})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def employee():
    def sign_in(employer):
        c = Client()
        mail.outbox.clear()
        c.post("/medewerkers/inloggen/", {"email": f"iemand@{employer}.example"})
        c.post(re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1))
        mail.outbox.clear()
        return c

    return sign_in
