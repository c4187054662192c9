from django.db import migrations

ADVISEURS = "Adviseurs"  # vragen.roles.ADVISEURS


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=ADVISEURS)


class Migration(migrations.Migration):
    dependencies = [("vragen", "0001_vragen_onderwerpen_routering_faq"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
