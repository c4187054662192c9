from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import search_views
from home.views import PageTypesUsageReport, robots_txt

from . import health
from .api import api_router

handler500 = "config.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    # Before Wagtail's admin: the page types report for superusers only (home/views.py).
    path("admin/reports/page-types-usage/", require_admin_access(PageTypesUsageReport.as_view())),
    path(
        "admin/reports/page-types-usage/results/",
        require_admin_access(PageTypesUsageReport.as_view(results_only=True)),
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documenten/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),
    path("robots.txt", robots_txt),
    path("gezond/", health.gezond, name="gezond"),
    path("gereed/", health.gereed, name="gereed"),
    path("zoeken/", search_views.search, name="search"),
    path("zoeken/suggesties", search_views.suggestions, name="search_suggestions"),
    path("medewerkers/profiel/", include("profielen.urls")),
    path("medewerkers/ruilen/", include("ruilen.urls")),
    path("medewerkers/", include("medewerkers.urls")),
    path("vacatures/reageren/", include("reacties.urls")),
    path("vacaturealerts/", include("alerts.urls")),
    path("school/", include("opleidingen.urls")),
    path("agenda/", include("agenda.urls")),
    path("vragen/", include("vragen.urls")),
]

if settings.DEBUG:
    # Imported only where used: development serves static and media files itself.
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
elif getattr(settings, "MEDIA_SERVED_BY_APP", False):
    # Production on the file system without a web server in front: public uploads only (CVs live in
    # PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, and have no URL).
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
