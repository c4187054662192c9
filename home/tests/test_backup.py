"""manage.py backup / restore (issue 17, section 3): a restored copy serves the same pages and the same
private CV bytes; a damaged archive changes nothing."""

import io
import json
import tarfile

import pytest
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import Client

from conftest import make_pdf
from projecten.models import ProjectPage
from reacties.models import Reactie
from vacatures.models import VacaturePage, WerkgeverRedactie


@pytest.fixture
def site_with_a_cv(make_project, make_vacancy, client):
    make_project("Fietsplan", thema="Vitaliteit", samenvatting="Samen op de fiets naar het werk.")
    vacancy = make_vacancy("alfa", "Beleidsmedewerker", contact_email="werving@alfa.example")
    cv = make_pdf(pages=2)
    response = client.post(f"/vacatures/reageren/{vacancy.pk}/", {
        "naam": "Sanne de Boer", "email": "sanne@voorbeeld.example", "motivatie": "Graag.",
        "cv": SimpleUploadedFile("cv.pdf", cv, content_type="application/pdf"),
    })
    assert response.status_code == 200
    yield vacancy, cv
    ContentType.objects.clear_cache()


def pages(client, vacancy):
    project = ProjectPage.objects.get(title="Fietsplan")
    return {url: client.get(url).content for url in ("/", "/inspiratie/", project.url, vacancy.url, "/vacatures/")}


def cv_download(reactie):
    admin = Client()
    admin.force_login(User.objects.get(username="backup-redacteur"))  # only the employer's editors get CVs
    response = admin.get(f"/admin/reacties/{reactie.pk}/cv/")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def test_round_trip_serves_the_same_pages_and_cv(site_with_a_cv, client, tmp_path):
    vacancy, cv = site_with_a_cv
    editor = User.objects.create_user("backup-redacteur", "redacteur@alfa.example", "x")
    editor.groups.add(WerkgeverRedactie.objects.get(werkgever=vacancy.werkgever).group)
    before = pages(client, vacancy)
    reactie = Reactie.objects.get()
    assert cv_download(reactie) == cv
    archive = tmp_path / "backup.tar.gz"
    out = io.StringIO()
    call_command("backup", str(archive), stdout=out)
    assert "Back-up gemaakt" in out.getvalue()
    assert oct(archive.stat().st_mode & 0o777) == "0o600"  # CVs and addresses: the owner only

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        names = set(tar.getnames())
    assert f"private/{reactie.cv.name}" in manifest["bestanden"] and f"private/{reactie.cv.name}" in names

    # Everything changes after the backup: a page renamed, the reaction and its CV deleted.
    page = VacaturePage.objects.get(pk=vacancy.pk)
    page.title = "Iets anders"
    page.save_revision().publish()
    reactie.delete()
    assert not Reactie.objects.exists()

    call_command("restore", str(archive), "--ja", stdout=io.StringIO())
    assert pages(client, vacancy) == before
    assert cv_download(Reactie.objects.get()) == cv
    assert Reactie.objects.get().email == "sanne@voorbeeld.example"


def test_a_damaged_archive_is_refused_and_changes_nothing(site_with_a_cv, tmp_path):
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as tar:
        members = {m.name: tar.extractfile(m).read() for m in tar.getmembers()}
    members["database.json"] = members["database.json"].replace(b"Fietsplan", b"Fietsplam")
    damaged = tmp_path / "beschadigd.tar.gz"
    with tarfile.open(damaged, "w:gz") as tar:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    VacaturePage.objects.filter(title="Beleidsmedewerker").update(title="Na de back-up")
    with pytest.raises(CommandError, match="Controlegetal klopt niet voor database.json"):
        call_command("restore", str(damaged), "--ja")
    assert VacaturePage.objects.filter(title="Na de back-up").count() == 1
    with pytest.raises(CommandError, match="Bevestig met --ja"):
        call_command("restore", str(archive))
