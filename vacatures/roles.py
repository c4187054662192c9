"""Who is a network coordinator. No model imports here, so models and forms can ask too."""

COORDINATORS = "Netwerkcoördinatoren"


def is_coordinator(user):
    """Superusers and members of the coordinators' group: they manage every employer of the network."""
    return bool(
        user is not None and user.is_authenticated and user.is_active
        and (user.is_superuser or user.groups.filter(name=COORDINATORS).exists())
    )
