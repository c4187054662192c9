"""schema.org JobPosting for a public vacancy (only rendered on the page of a public vacancy)."""

import json
from datetime import datetime, time

from django.utils.safestring import mark_safe

from .choices import Dienstverband
from .phases import AMSTERDAM

EMPLOYMENT_TYPE = {
    Dienstverband.VAST: "FULL_TIME",
    Dienstverband.TIJDELIJK: "TEMPORARY",
    Dienstverband.DETACHERING: "CONTRACTOR",
    Dienstverband.TIJDELIJKE_OPDRACHT: "CONTRACTOR",
    Dienstverband.TRAINEESHIP: "INTERN",
    Dienstverband.STAGE: "INTERN",
}


def job_posting_data(vacancy, request=None):
    employer = vacancy.werkgever
    data = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": str(vacancy.omschrijving),
        "datePosted": vacancy.start_openbaar.isoformat(),
        "validThrough": valid_through(vacancy),
        "employmentType": EMPLOYMENT_TYPE[vacancy.dienstverband],
        "hiringOrganization": {
            "@type": "Organization",
            "name": employer.title,
            "sameAs": employer.vacaturesite or employer.get_full_url(request),
        },
        "jobLocation": {
            "@type": "Place",
            "address": {"@type": "PostalAddress", "addressLocality": vacancy.werkplaats, "addressCountry": "NL"},
        },
        "identifier": {
            "@type": "PropertyValue",
            "name": employer.title,
            "value": vacancy.vacaturenummer or str(vacancy.pk),
        },
        "url": vacancy.get_full_url(request),
    }
    if vacancy.salaris_min or vacancy.salaris_max:
        value = {"@type": "QuantitativeValue", "unitText": "MONTH"}
        if vacancy.salaris_min:
            value["minValue"] = vacancy.salaris_min
        if vacancy.salaris_max:
            value["maxValue"] = vacancy.salaris_max
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "EUR", "value": value}
    return data


def valid_through(vacancy):
    """The end of the closing day in Amsterdam, with the right UTC offset (summer or winter time)."""
    end = datetime.combine(vacancy.sluitingsdatum, time(23, 59, 59), tzinfo=AMSTERDAM)
    return end.isoformat()


def job_posting(vacancy, request=None):
    """The <script> body, safe to embed: '<', '>' and '&' are escaped inside the JSON."""
    text = json.dumps(job_posting_data(vacancy, request), ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308 - escaped above

