"""An index page under the home page, created from a data migration (historical models) or the site setup.

Historical models have no treebeard methods, so the tree path is computed here as `add_child` would: the next
step after the home page's last child. Idempotent: with such an index anywhere, or without a home page, nothing
is created. A child of the home page that already holds the slug keeps it; the index gets a numbered slug, as
the admin would give it. Used by klussen (`klussen/setup.py`) and verhalen (migration 0002).
"""

from django.utils import timezone
from wagtail.models import Page as TreePage


def ensure_index_page(apps, app_label, model_name, title, slug, **fields):
    """The first `app_label.model_name` page, created live under the first home page if there is none;
    None without a home page."""
    Index = apps.get_model(app_label, model_name)  # noqa: N806 - model classes
    HomePage = apps.get_model("home", "HomePage")  # noqa: N806
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    ContentType = apps.get_model("contenttypes", "ContentType")  # noqa: N806

    existing = Index.objects.order_by("path").first()
    if existing is not None:
        return existing
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return None
    siblings = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    taken = set(siblings.values_list("slug", flat=True))
    free, number = slug, 1
    while free in taken:
        number += 1
        free = f"{slug}-{number}"
    last = siblings.order_by("-path").values_list("path", flat=True).first()
    step = TreePage._str2int(last[-TreePage.steplen:]) + 1 if last else 1  # noqa: SLF001 - treebeard's path arithmetic
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model_name.lower())
    now = timezone.now()
    page = Index.objects.create(
        title=title, draft_title=title, slug=free, content_type_id=content_type.pk,
        path=TreePage._get_path(home.path, home.depth + 1, step), depth=home.depth + 1, numchild=0,  # noqa: SLF001
        url_path=f"{home.url_path}{free}/", locale_id=home.locale_id, live=True, has_unpublished_changes=False,
        first_published_at=now, last_published_at=now, **fields,
    )
    Page.objects.filter(pk=home.pk).update(numchild=siblings.count())
    return page
