from django.db import migrations

ADVISEURS = "Adviseurs"  # vragen.roles.ADVISEURS


def create_group(apps, schema_editor):
    """The advisers' group, with access to the admin (where they answer questions)."""
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=ADVISEURS)
    access = apps.get_model("auth", "Permission").objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin",
    ).first()
    if access is not None:
        group.permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("vragen", "0001_vragen_onderwerpen_routering_faq"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
