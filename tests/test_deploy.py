"""Deployment hardening: the Content-Security-Policy on pages and API answers, HSTS and secure cookies behind TLS, and
Django's deployment check with production settings."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from api.security import API_POLICY

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("path", ["/dashboard/login/", "/api/docs/", "/api/redoc/"])
def test_pages_carry_a_content_security_policy_with_a_fresh_nonce(db, path):
    first, second = Client().get(path), Client().get(path)
    assert first.status_code == 200
    policy = first["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "frame-ancestors 'none'" in policy
    assert "script-src 'self'" in policy and "'unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    nonces = [re.search(r"'nonce-([^']+)'", r["Content-Security-Policy"]) for r in (first, second)]
    if path == "/api/docs/":  # Swagger UI's page has one inline style, which carries the request's nonce
        assert nonces[0] and nonces[1] and nonces[0].group(1) != nonces[1].group(1)
        assert f'nonce="{nonces[0].group(1)}"' in first.content.decode()
    elif path == "/dashboard/login/":  # the dashboard has nothing inline at all
        assert nonces == [None, None] and "'unsafe-inline'" not in policy


def test_the_docs_page_has_no_inline_script():
    """Swagger UI's init script is served from its own URL (the split view), so the policy needs no inline script."""
    html = Client().get("/api/docs/").content.decode()
    assert re.findall(r"<script>", html) == []
    script_url = re.search(r'<script src="([^"]*script=[^"]*)"', html).group(1).replace("&amp;", "&")
    script = Client().get(script_url)
    assert script.status_code == 200 and script["Content-Type"].startswith("application/javascript")


def test_api_answers_carry_the_fixed_deny_all_policy(db):
    response = Client().get("/api/v1/merchants/nearby?lat=37.5&lng=127")
    assert response["Content-Security-Policy"] == API_POLICY


def test_behind_tls_hsts_and_secure_cookies_are_on(db, settings, user):
    """DJANGO_SECURE's settings: HSTS on HTTPS answers (X-Forwarded-Proto from the TLS proxy), secure cookies, and a
    redirect to HTTPS for plain HTTP, except the health probes."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    client = Client()
    plain = client.get("/dashboard/login/")
    assert plain.status_code == 301 and plain["Location"].startswith("https://")
    assert client.get("/healthz").status_code == 200
    secure = client.get("/dashboard/login/", HTTP_X_FORWARDED_PROTO="https")
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert secure.cookies["csrftoken"]["secure"]
    user.set_password("a long pass phrase 42")
    user.save()
    logged_in = client.post(
        "/dashboard/login/",
        {"username": user.username, "password": "a long pass phrase 42"},
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert logged_in.status_code == 302 and logged_in.cookies["sessionid"]["secure"]


def test_deployment_check_with_production_settings_reports_only_what_the_readme_explains():
    """`manage.py check --deploy` with DEBUG off, a real key and DJANGO_SECURE on warns only about HSTS preload
    (security.W021: a choice for each deployment, explained in the README's Security section)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECURE="true",
        DJANGO_ALLOWED_HOSTS="checkin.example.org",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(64),
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = result.stdout + result.stderr
    assert set(re.findall(r"\((\w+\.[A-Z]\d+)\)", output)) == {"security.W021"}, output
    assert "security.W021" in (ROOT / "README.md").read_text()
