"""The admin form of an employer page: only coordinators set the e-mail domains of its employees."""

import logging

from wagtail.admin.forms import WagtailAdminPageForm

from . import email_domains
from .roles import is_coordinator

logger = logging.getLogger(__name__)

DOMAINS = "email_domeinen"


class WerkgeverForm(WagtailAdminPageForm):
    """For anyone but a coordinator the domains field is read-only: Django ignores a disabled field's
    posted value and keeps the stored one, so a crafted POST cannot change it either.

    A change is left on the page as `domain_change` (added, removed); `wagtail_hooks` logs it with
    the user once the page is saved (a preview uses this form too, and must not log)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get(DOMAINS)
        if field is None:
            return
        if is_coordinator(self.for_user):
            field.help_text += (
                " Alleen domeinen van de werkgever zelf: publieke maildiensten en domeinen van een andere "
                "werkgever worden geweigerd. Elke wijziging wordt met je naam vastgelegd in de geschiedenis."
            )
        else:
            field.disabled = True
            field.help_text = (
                "Alleen netwerkcoördinatoren wijzigen de e-maildomeinen. Klopt er iets niet? Neem contact op "
                "met de coördinator van je netwerk."
            )

    def clean_email_domeinen(self):
        value = self.cleaned_data.get(DOMAINS, "")
        before = email_domains.parse(self.initial.get(DOMAINS, ""))
        if self.fields[DOMAINS].disabled:
            posted = self.data.get(self.add_prefix(DOMAINS))
            if posted is not None and email_domains.parse(posted) != before:
                logger.warning(
                    "Employer page %s: e-mail domains posted by user %s, who is not a coordinator; ignored",
                    self.instance.pk, getattr(self.for_user, "pk", None),
                )
            return value
        if email_domains.parse(value) == before:
            return value  # unchanged: nothing to check or log (older lists are not held up)
        others = type(self.instance).objects.exclude(email_domeinen="")
        if self.instance.pk:
            others = others.exclude(pk=self.instance.pk)
        taken = {domain: other.title for other in others.only("title", DOMAINS) for domain in other.domain_list}
        cleaned = email_domains.validated(value, taken)
        after = email_domains.parse(cleaned)
        self.instance.domain_change = (
            [d for d in after if d not in before], [d for d in before if d not in after],
        )
        return cleaned
