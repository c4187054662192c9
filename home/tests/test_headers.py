"""Security headers and cookie settings (issue 17, section 2)."""

import pytest

from .productie import PRODUCTION_ENV, json_out, run_django


def csp(response) -> dict:
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("path", ["/", "/inspiratie/", "/vacatures/", "/zoeken/?q=fiets", "/medewerkers/inloggen/"])
def test_public_pages_have_a_strict_policy_and_the_other_headers(network, library, make_project, client, path):
    make_project("Fietsplan")
    response = client.get(path)
    assert response.status_code == 200
    policy = csp(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert "'unsafe-inline'" not in policy[directive] and "'unsafe-eval'" not in policy[directive]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert len(response["X-Request-ID"]) == 32


def test_public_pages_carry_no_inline_script_or_style(network, library, make_project, client):
    make_project("Fietsplan")
    for path in ("/", "/inspiratie/", "/vacatures/", "/zoeken/", "/bestaat-niet/"):
        html = client.get(path).content.decode()
        assert " style=" not in html and "<style" not in html, path
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert " src=" in opening or 'type="application/ld+json"' in opening, (path, opening)


def test_the_nonce_in_the_header_is_the_one_a_template_gets(rf):
    from config.middleware import SiteCSPMiddleware

    request = rf.get("/")

    def view(req):
        from django.http import HttpResponse

        return HttpResponse(f'<script nonce="{req.csp_nonce}">1</script>')

    middleware = SiteCSPMiddleware(view)
    middleware.process_request(request)
    response = middleware.process_response(request, view(request))
    nonce = response.content.decode().split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in response["Content-Security-Policy"]


def test_admin_has_its_own_looser_policy(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = csp(response)
    assert "'unsafe-inline'" in policy["script-src"] and policy["frame-ancestors"] == ["'self'"]


def test_request_id_from_the_proxy_is_kept_and_a_forged_one_replaced(library, client):
    assert client.get("/", HTTP_X_REQUEST_ID="abc12345-proxy").headers["X-Request-ID"] == "abc12345-proxy"
    assert client.get("/", HTTP_X_REQUEST_ID="<script>").headers["X-Request-ID"] != "<script>"


def test_production_cookies_and_start_up():
    settings = json_out(run_django(
        "import json; from django.conf import settings as s\n"
        "print(json.dumps({k: getattr(s, k) for k in ('SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY',"
        " 'SESSION_COOKIE_SAMESITE', 'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE',"
        " 'SESSION_ENGINE', 'DEBUG')} | {'conn_max_age': s.DATABASES['default']['CONN_MAX_AGE'],"
        " 'cache': s.CACHES['default']['BACKEND'], 'static': s.STORAGES['staticfiles']['BACKEND']}))",
        PRODUCTION_ENV,
    ))
    assert settings == {
        "SESSION_COOKIE_SECURE": True, "SESSION_COOKIE_HTTPONLY": True, "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True, "CSRF_COOKIE_HTTPONLY": True, "CSRF_COOKIE_SAMESITE": "Lax",
        "SESSION_ENGINE": "django.contrib.sessions.backends.cached_db", "DEBUG": False,
        "conn_max_age": 60, "cache": "config.cache.TolerantRedisCache",
        "static": "whitenoise.storage.CompressedManifestStaticFilesStorage",
    }
    without_redis = run_django("", {**PRODUCTION_ENV, "REDIS_URL": ""})
    assert without_redis.returncode != 0
    assert "Environment variable REDIS_URL is required in production" in without_redis.stderr


def test_development_and_tests_close_database_connections(settings):
    """Issue 10.13: persistent connections only for the production server."""
    assert settings.DATABASES["default"]["CONN_MAX_AGE"] == 0
    dev = json_out(run_django(
        "import json; from django.conf import settings as s\n"
        "print(json.dumps(s.DATABASES['default']['CONN_MAX_AGE']))", {}, settings_module="config.settings.dev",
    ))
    assert dev == 0


def test_cvs_never_get_a_public_bucket():
    s3 = {**PRODUCTION_ENV, "MEDIA_S3_BUCKET": "inbeweging-media"}
    missing = run_django("", s3, setup=False)
    assert missing.returncode != 0 and "MEDIA_S3_PRIVATE_BUCKET" in missing.stderr
    same = run_django("", {**s3, "MEDIA_S3_PRIVATE_BUCKET": "inbeweging-media"}, setup=False)
    assert same.returncode != 0 and "must differ" in same.stderr
    storages = json_out(run_django(
        "import json; from django.conf import settings as s\nprint(json.dumps(s.STORAGES))",
        {**s3, "MEDIA_S3_PRIVATE_BUCKET": "inbeweging-cv"}, setup=False,
    ))
    private = storages["private"]["OPTIONS"]
    assert private["bucket_name"] == "inbeweging-cv" and private["default_acl"] == "private"
    assert private["custom_domain"] is None and private["querystring_auth"] is True
    assert storages["default"]["OPTIONS"]["bucket_name"] == "inbeweging-media"
