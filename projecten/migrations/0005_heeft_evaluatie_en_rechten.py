"""Fill heeft_evaluatie for existing projects; let Wagtail's editors and moderators work through the
import warnings and see the list of material without a link."""

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

EVALUATIE_SOORTEN = ("tussenrapportage", "eindevaluatie")
GROUP_PERMISSIONS = {
    "importwarning": ("view", "change"),
    "importrun": ("view",),
    "projectmateriaal": ("view",),
}


def fill_heeft_evaluatie(apps, schema_editor):
    ProjectPage = apps.get_model("projecten", "ProjectPage")
    ProjectMateriaal = apps.get_model("projecten", "ProjectMateriaal")
    with_reports = set(
        ProjectMateriaal.objects.filter(soort__in=EVALUATIE_SOORTEN).values_list("page_id", flat=True)
    )
    found = [
        page.pk for page in ProjectPage.objects.only("pk", "body")
        if page.pk in with_reports or any(block.get("type") == "evaluatie" for block in page.body.raw_data)
    ]
    ProjectPage.objects.filter(pk__in=found).update(heeft_evaluatie=True)


def grant(apps, schema_editor):
    create_permissions(global_apps.get_app_config("projecten"), verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = [
        Permission.objects.get(content_type__app_label="projecten", codename=f"{action}_{model}")
        for model, actions in GROUP_PERMISSIONS.items() for action in actions
    ]
    for group in Group.objects.filter(name__in=["Editors", "Moderators"]):
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("projecten", "0004_importmeldingen_extra_velden_evaluatie"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [
        migrations.RunPython(fill_heeft_evaluatie, migrations.RunPython.noop),
        migrations.RunPython(grant, migrations.RunPython.noop),
    ]
