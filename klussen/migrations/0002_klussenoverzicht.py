"""/klussen/ on every install that has a home page (klussen/setup.py; new installs get it with the home page)."""

from django.db import migrations

from klussen.setup import ensure_klus_index


def forwards(apps, schema_editor):
    ensure_klus_index(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("home", "0004_inhoudpage"),
        ("klussen", "0001_klussen"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Backwards leaves the page: it may hold content an editor wrote since.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
