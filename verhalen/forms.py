"""The admin form of a story: its web address follows the title (TitleFieldPanel in the browser; here as well,
for a form sent without JavaScript), numbered when another story already has it."""

from django.conf import settings
from django.utils.text import slugify
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.coreutils import find_available_slug


class VerhaalForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance._state.adding and "slug" in self.fields:
            self.fields["slug"].required = False

    def clean(self):
        if self.instance._state.adding and self.parent_page is not None:
            wanted = self.cleaned_data.get("slug") or slugify(
                self.cleaned_data.get("title", ""), allow_unicode=getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True),
            )
            if wanted:
                self.cleaned_data["slug"] = find_available_slug(self.parent_page, wanted)
        return super().clean()
