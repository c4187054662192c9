"""What Wagtail's default groups are for on this site: the inspiration library, and nothing else.

Wagtail creates *Editors* and *Moderators* with page permissions on the root page, and links its
workflow ‘Moderators approval’ to the root page. Inherited down the tree, that reaches every
employer under /werkgevers/: their internal vacancies, and (through the reactions' old rule) CVs.
Here the groups keep exactly this:

- *Editors*: add and edit pages in the library (/inspiratie/) and submit them for moderation;
- *Moderators*: the same, plus publish, lock and unlock there, and approve in the workflow;
- the workflow ‘Moderators approval’ applies to the library, not to the whole site;
- both keep Wagtail's image and document permissions (public material, such as evaluation reports).

Employers are managed by their own editors' groups and by coordinators (`vacatures/permissions.py`);
the home page and /vacatures/ by superusers. Any other page permission of the two groups is removed.

`scope_default_groups` takes the app registry, so the data migration (with historical models) and
the site setup (`home/site_setup.py`, run by `load_demo` and the importer) share it.
"""

from django.db.models import Q

EDITORS = "Editors"
MODERATORS = "Moderators"
LIBRARY_PAGE_PERMISSIONS = {
    EDITORS: ("add_page", "change_page"),
    MODERATORS: ("add_page", "change_page", "publish_page", "lock_page", "unlock_page"),
}


def _within(paths, field="page__path"):
    """Pages at or below any of `paths`."""
    condition = Q(pk__in=[])
    for tree_path in paths:
        condition |= Q(**{f"{field}__startswith": tree_path})
    return condition


def scope_default_groups(apps):
    Group = apps.get_model("auth", "Group")  # noqa: N806 - model classes
    Permission = apps.get_model("auth", "Permission")  # noqa: N806
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")  # noqa: N806
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")  # noqa: N806
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")  # noqa: N806
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")  # noqa: N806
    Page = apps.get_model("wagtailcore", "Page")  # noqa: N806
    InspiratieIndexPage = apps.get_model("projecten", "InspiratieIndexPage")  # noqa: N806

    library_ids = list(InspiratieIndexPage.objects.values_list("pk", flat=True))
    libraries = list(Page.objects.filter(pk__in=library_ids).values_list("pk", "path"))
    in_library = _within(path for _, path in libraries)

    groups = {group.name: group for group in Group.objects.filter(name__in=LIBRARY_PAGE_PERMISSIONS)}
    GroupPagePermission.objects.filter(group__in=groups.values()).exclude(in_library).delete()
    permissions = {
        p.codename: p for p in Permission.objects.filter(
            content_type__app_label="wagtailcore", content_type__model="page",
            codename__in={c for codenames in LIBRARY_PAGE_PERMISSIONS.values() for c in codenames},
        )
    }
    for name, group in groups.items():
        for page_id, _ in libraries:
            for codename in LIBRARY_PAGE_PERMISSIONS[name]:
                if codename in permissions:
                    GroupPagePermission.objects.get_or_create(
                        group=group, page_id=page_id, permission=permissions[codename],
                    )

    # The moderators' workflow: off the rest of the site, on the library.
    tasks = GroupApprovalTask.objects.filter(groups__name=MODERATORS).values("pk")
    workflow_ids = list(
        WorkflowTask.objects.filter(task_id__in=tasks, workflow__active=True)
        .order_by("workflow_id").values_list("workflow_id", flat=True).distinct()
    )
    if not workflow_ids:
        return
    WorkflowPage.objects.filter(workflow_id__in=workflow_ids).exclude(in_library).delete()
    for page_id, _ in libraries:
        WorkflowPage.objects.get_or_create(page_id=page_id, defaults={"workflow_id": workflow_ids[0]})
