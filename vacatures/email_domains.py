"""The e-mail domains of an employer's employees: how they are written, and which are refused.

An address whose domain is on an employer's list signs in as that employer's employee and sees
its internal vacancies and every participant's 'onder water' vacancies. So a domain must belong to
the employer alone: never a public mail provider (anyone can get an address there), never a domain
another employer already has. Only coordinators set them (see `vacatures.forms.WerkgeverForm`).
"""

import re

from django.core.exceptions import ValidationError

# Mail providers where anyone can get an address. A subdomain of one (mail.gmail.com) is refused too.
PUBLIC_MAIL_PROVIDERS = frozenset({
    # international
    "gmail.com", "googlemail.com", "hotmail.com", "hotmail.nl", "hotmail.be", "outlook.com", "outlook.nl",
    "outlook.be", "live.com", "live.nl", "live.be", "msn.com", "windowslive.com", "passport.com",
    "icloud.com", "me.com", "mac.com", "yahoo.com", "yahoo.nl", "yahoo.co.uk", "ymail.com", "rocketmail.com",
    "aol.com", "aim.com", "proton.me", "protonmail.com", "protonmail.ch", "pm.me", "gmx.com", "gmx.net",
    "gmx.de", "gmx.nl", "web.de", "mail.com", "email.com", "zoho.com", "zohomail.eu", "tutanota.com",
    "tutanota.de", "tuta.io", "tuta.com", "fastmail.com", "fastmail.fm", "hey.com", "mailbox.org",
    "posteo.de", "posteo.net", "yandex.com", "yandex.ru", "mail.ru", "qq.com", "163.com", "duck.com",
    "mailfence.com", "runbox.com", "skynet.be", "telenet.be",
    # Dutch internet providers and free mail
    "ziggo.nl", "kpnmail.nl", "kpnplanet.nl", "planet.nl", "hetnet.nl", "home.nl", "casema.nl",
    "chello.nl", "upcmail.nl", "quicknet.nl", "xs4all.nl", "tele2.nl", "online.nl", "telfort.nl",
    "versatel.nl", "zonnet.nl", "zeelandnet.nl", "caiway.nl", "kabelfoon.nl", "solcon.nl", "onsbrabantnet.nl",
    "wxs.nl", "freeler.nl", "lycos.nl", "12move.nl", "tiscali.nl", "het.net", "vodafonemail.nl",
    "t-mobilethuis.nl", "odido.nl", "delta.nl", "zeelandnet.com", "kliksafe.nl", "hccnet.nl", "dds.nl",
})

_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
_TOP_LEVEL = re.compile(r"^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$")


def normalise(line: str) -> str:
    """‘ @Enschede.NL. ’ -> ‘enschede.nl’."""
    return line.strip().lower().lstrip("@").rstrip(".")


def parse(text: str) -> list[str]:
    """The domains in the field as stored (one per line), normalised, in order, without repeats."""
    return list(dict.fromkeys(d for d in (normalise(line) for line in (text or "").splitlines()) if d))


def is_public_provider(domain: str) -> bool:
    return any(domain == p or domain.endswith("." + p) for p in PUBLIC_MAIL_PROVIDERS)


def problem(domain: str) -> str | None:
    """What is wrong with one (normalised) domain, in Dutch, or None."""
    if "@" in domain:
        return f"‘{domain}’ is een e-mailadres. Vul alleen het domein in, bijvoorbeeld ‘{domain.rsplit('@', 1)[1]}’."
    try:
        ascii_domain = domain.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_domain = ""
    labels = ascii_domain.split(".")
    if (
        not ascii_domain or len(ascii_domain) > 253 or len(labels) < 2
        or not all(_LABEL.match(label) for label in labels) or not _TOP_LEVEL.match(labels[-1])
    ):
        return f"‘{domain}’ is geen geldig domein. Schrijf het als ‘gemeente.nl’: zonder spaties, http:// of /."
    if is_public_provider(domain):
        return (
            f"‘{domain}’ is een publieke maildienst: iedereen kan daar een adres krijgen. "
            "Vul alleen domeinen in die van de werkgever zelf zijn."
        )
    return None


def validated(text: str, taken: dict[str, str]) -> str:
    """The field's text, cleaned (one domain per line), or a ValidationError listing every problem.

    `taken` maps each domain of the other employers to that employer's name."""
    domains = parse(text)
    errors = [message for message in map(problem, domains) if message]
    errors += [
        f"‘{domain}’ hoort al bij {taken[domain]}. Een domein kan bij één werkgever horen."
        for domain in domains if domain in taken
    ]
    if errors:
        raise ValidationError(errors)
    return "\n".join(domains)
