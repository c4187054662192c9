"""/verhalen/ under the home page on a running site (when the site has a home page and no story index yet),
and the network coordinators' page permissions on it (as `verhalen.roles.ensure_story_editors`). Safe to run
on an empty database: without a home page nothing is made; `home.site_setup.ensure_story_index` makes it later.
The page itself: `kern.index_pages.ensure_index_page`, as for /klussen/.
"""

from django.db import migrations

from kern.index_pages import ensure_index_page

COORDINATORS = "Netwerkcoördinatoren"  # vacatures.roles.COORDINATORS
PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]  # verhalen.roles
INTRO = (
    "<p>Ervaringen van medewerkers en teams die in beweging kwamen: een andere baan, een klus, een opleiding, "
    "een ruil of een project. Filter op soort verhaal, werkgever en waar het verhaal over gaat.</p>"
)


def create_index(apps, schema_editor):
    index = ensure_index_page(apps, "verhalen", "VerhalenIndexPage", "Verhalen", "verhalen", intro=INTRO)
    if index is None:
        return
    Group = apps.get_model("auth", "Group")  # noqa: N806
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")  # noqa: N806
    group, _ = Group.objects.get_or_create(name=COORDINATORS)
    for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PERMISSIONS):
        GroupPagePermission.objects.get_or_create(group=group, page_id=index.pk, permission=permission)
    access = Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin").first()
    if access is not None:
        group.permissions.add(access)


class Migration(migrations.Migration):
    dependencies = [
        ("verhalen", "0001_verhalen_en_koppelingen"),
        ("home", "0004_inhoudpage"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
