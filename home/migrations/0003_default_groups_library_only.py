"""Wagtail's Editors and Moderators: page permissions and workflow on the library only (home/groups.py)."""

from django.db import migrations

from home.groups import scope_default_groups


def forwards(apps, schema_editor):
    scope_default_groups(apps)


class Migration(migrations.Migration):

    dependencies = [
        ("home", "0002_demoinhoud"),
        ("projecten", "0003_documenttekst"),
        ("wagtailcore", "0098_apitoken"),
    ]

    # Backwards leaves the permissions as they are: re-granting the root page would reopen every employer.
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
