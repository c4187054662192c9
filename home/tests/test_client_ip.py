"""The address that rate limits count (issue 17, section 2): from a trusted proxy only."""

import pytest
from django.test import override_settings

from config.client_ip import client_ip


@pytest.mark.parametrize(("proxies", "remote", "forwarded", "expected"), [
    (0, "203.0.113.7", "", "203.0.113.7"),
    (0, "203.0.113.7", "198.51.100.1", "203.0.113.7"),  # no proxy configured: the header is the client's words
    (1, "10.0.0.2", "198.51.100.1", "198.51.100.1"),  # what our proxy saw
    (1, "10.0.0.2", "1.2.3.4, 198.51.100.1", "198.51.100.1"),  # a forged first hop is ignored
    (2, "10.0.0.3", "1.2.3.4, 198.51.100.1, 10.0.0.2", "198.51.100.1"),  # CDN + load balancer
    (2, "10.0.0.3", "198.51.100.1", "10.0.0.3"),  # fewer hops than proxies: not through them
    (1, "10.0.0.2", "geen-adres", "10.0.0.2"),
    (1, "10.0.0.2", "2001:db8::1", "2001:db8::1"),
])
def test_client_ip(rf, proxies, remote, forwarded, expected):
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    with override_settings(TRUSTED_PROXY_COUNT=proxies):
        assert client_ip(request) == expected


def test_other_header_when_configured(rf):
    request = rf.get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_REAL_IP="198.51.100.9", HTTP_X_FORWARDED_FOR="1.1.1.1")
    with override_settings(TRUSTED_PROXY_COUNT=1, TRUSTED_PROXY_HEADER="HTTP_X_REAL_IP"):
        assert client_ip(request) == "198.51.100.9"


def test_sign_in_limit_cannot_be_dodged_with_a_forged_header(client, network):
    """Without a proxy, 10 sign-in requests from one connection are all that count, whatever each
    request claims in X-Forwarded-For; the 11th answers 429."""
    statuses = [
        client.post("/medewerkers/inloggen/", {"email": "iemand@elders.example"},
                    HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
        for n in range(11)
    ]
    assert statuses == [200] * 10 + [429]


def test_behind_a_proxy_each_visitor_has_its_own_limit(client, network):
    with override_settings(TRUSTED_PROXY_COUNT=1):
        first = [client.post("/medewerkers/inloggen/", {"email": "a@elders.example"},
                             REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.1").status_code
                 for _ in range(11)]
        other = client.post("/medewerkers/inloggen/", {"email": "b@elders.example"},
                            REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.2").status_code
    assert first[-1] == 429 and other == 200
