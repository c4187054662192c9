"""/verhalen/ under the home page on a running site (when the site has a home page and no story index yet),
and the network coordinators' page permissions on it (as `verhalen.roles.ensure_story_editors`). Safe to run
on an empty database: without a home page nothing is made; `home.site_setup.ensure_story_index` makes it later.
"""

from django.db import migrations
from django.db.models import F
from django.utils import timezone

COORDINATORS = "Netwerkcoördinatoren"  # vacatures.roles.COORDINATORS
PERMISSIONS = ["add_page", "change_page", "publish_page", "delete_page"]  # verhalen.roles
INTRO = (
    "<p>Ervaringen van medewerkers en teams die in beweging kwamen: een andere baan, een klus, een opleiding, "
    "een ruil of een project. Filter op soort verhaal, werkgever en waar het verhaal over gaat.</p>"
)
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's, steps of 4 (Wagtail's Page)
STEPLEN = 4


def step(number):
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEPLEN, "0")


def create_index(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806 - model classes
    HomePage = apps.get_model("home", "HomePage")  # noqa: N806
    Index = apps.get_model("verhalen", "VerhalenIndexPage")  # noqa: N806
    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806
    index = Index.objects.first()
    home = HomePage.objects.order_by("path").first()
    if index is None and home is not None:
        children = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
        if children.filter(slug="verhalen").exists():
            return  # an editor's page already holds the address
        last = children.order_by("-path").first()
        number = int(last.path[-STEPLEN:], len(ALPHABET)) + 1 if last else 1
        now = timezone.now()
        index = Index.objects.create(
            title="Verhalen", draft_title="Verhalen", slug="verhalen", intro=INTRO,
            content_type=ContentType.objects.get_or_create(app_label="verhalen", model="verhalenindexpage")[0],
            path=home.path + step(number), depth=home.depth + 1, numchild=0,
            url_path=f"{home.url_path}verhalen/", live=True, has_unpublished_changes=False,
            first_published_at=now, last_published_at=now, locale_id=home.locale_id,
        )
        Page.objects.filter(pk=home.pk).update(numchild=F("numchild") + 1)
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
