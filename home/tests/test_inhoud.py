"""The accessibility and privacy statements: seeded by load_demo, reachable from every page's footer,
editable in Wagtail; the privacy statement states the retention periods that `bewaartermijnen` applies."""

import io

from django.core.management import call_command

from home.models import InhoudPage
from reacties.models import BEWAARTERMIJN_MET_TOESTEMMING, BEWAARTERMIJN_NA_SLUITING
from vragen.retention import BEWAARTERMIJN_MAANDEN


def test_load_demo_seeds_both_statements_once(db, client):
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    assert sorted(InhoudPage.objects.live().values_list("slug", flat=True)) == ["privacy", "toegankelijkheid"]
    home = client.get("/").content.decode()
    assert 'href="/toegankelijkheid/"' in home and 'href="/privacy/"' in home
    verklaring = client.get("/toegankelijkheid/")
    assert verklaring.status_code == 200
    assert "WCAG" in verklaring.content.decode() and "Toegankelijkheidsverklaring" in verklaring.content.decode()
    privacy = client.get("/privacy/").content.decode()
    assert BEWAARTERMIJN_NA_SLUITING.days == 28 and "vier weken nadat de vacature is vervuld of gesloten" in privacy
    assert BEWAARTERMIJN_MET_TOESTEMMING.days == 365 and "na een jaar" in privacy
    assert BEWAARTERMIJN_MAANDEN == 12 and "vraag aan de adviseur en het antwoord verwijderen we 12 maanden" in privacy


def test_editor_changes_the_privacy_statement_in_the_admin(db, admin_client):
    call_command("load_demo", stdout=io.StringIO())
    page = InhoudPage.objects.get(slug="privacy")
    edit = admin_client.get(f"/admin/pages/{page.pk}/edit/")
    assert edit.status_code == 200
    form = edit.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update({
        "title": "Privacyverklaring", "slug": "privacy", "inleiding": "Nieuwe inleiding.",
        "body": '{"blocks": [{"key": "a", "type": "unstyled", "text": "Bijgewerkte tekst.", "depth": 0, '
                '"inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}}',
        "bijgewerkt": "2026-12-24", "action-publish": "action-publish",
    })
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    html = admin_client.get("/privacy/").content.decode()
    assert "Bijgewerkte tekst." in html and "Nieuwe inleiding." in html and "24 december 2026" in html
