"""/robots.txt: what search engines may crawl, and where the sitemap is; and the one admin report
that only superusers may open."""

from django.http import HttpResponse
from django.views.decorators.http import require_GET
from wagtail.admin.views.reports.page_types_usage import PageTypesUsageReportView

from search.service import PAGE_PARAM

from .seo import absolute_url

# Listings with filters, a query or a sort order are the same projects and vacancies again, in
# endless combinations: crawlers skip every URL with parameters except a listing's page number
# (the longest matching rule wins, so `Allow: /*?pagina=` beats `Disallow: /*?`). A filtered page
# 2 puts its filters first (`?thema=x&pagina=2`) and stays excluded.
DISALLOWED = ["/admin/", "/django-admin/", "/zoeken/", "/medewerkers/", "/vacatures/reageren/", "/*?"]
ALLOWED = [f"/*?{PAGE_PARAM}="]


@require_GET
def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Disallow: {path}" for path in DISALLOWED]
    lines += [f"Allow: {path}" for path in ALLOWED]
    lines += ["", f"Sitemap: {absolute_url('/sitemap.xml')}", ""]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class PageTypesUsageReport(PageTypesUsageReportView):
    """Wagtail's 'Page types usage' report for superusers only: it counts every page type and names each
    type's last edited page, klussen and internal vacancies included, whatever the user may see."""

    def user_has_any_permission(self, permissions):
        return self.request.user.is_superuser
