"""The secret key: never one from the repository, refused at start-up when missing, and tokens signed with a
published key are worthless."""

import os
import stat
import subprocess
import sys
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from config.secret_key import secret_key_load, secret_key_problem
from tests.conftest import client_for

ROOT = Path(__file__).resolve().parent.parent

# Every key that ever stood in this repository (config/settings.py, docker-compose.yml, Dockerfile): public now.
PUBLISHED_KEYS = [
    "local-development-only-not-a-secret-0123456789abcdef",
    "compose-local-only-not-a-secret-0123456789abcdef",
    "collectstatic-only",
]


def _forged_access_token(user_id: int, key: str) -> str:
    now = datetime.now(UTC)
    claims = {
        "token_type": "access",
        "exp": int((now + timedelta(minutes=5)).timestamp()),
        "iat": int(now.timestamp()),
        "jti": uuid.uuid4().hex,
        "user_id": str(user_id),
    }
    return jwt.encode(claims, key, algorithm="HS256")


@pytest.mark.parametrize("key", PUBLISHED_KEYS)
def test_a_token_signed_with_a_published_key_is_refused(api_client, user, key):
    """Anyone who reads the repository must not be able to sign a token: GET /me with it is a 401."""
    api_client.credentials(HTTP_AUTHORIZATION=f"Bearer {_forged_access_token(user.pk, key)}")
    response = api_client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_the_running_key_is_real_and_signs_tokens(user):
    """The key in use is none of the published ones, and a token signed with it (the real one) works."""
    assert secret_key_problem(settings.SECRET_KEY) is None
    assert client_for(user).get("/api/v1/me").status_code == 200


@pytest.mark.parametrize("key", PUBLISHED_KEYS)
def test_published_keys_are_refused_even_in_debug(tmp_path, key):
    """A published key is refused from the environment and from the key file, with DEBUG on or off."""
    for debug in (False, True):
        with pytest.raises(ImproperlyConfigured, match="published"):
            secret_key_load(environ_value=key, path=tmp_path / "none", debug=debug)
    (tmp_path / "key").write_text(key + "\n")
    with pytest.raises(ImproperlyConfigured, match="published"):
        secret_key_load(environ_value="", path=tmp_path / "key", debug=False)


def test_short_or_dull_keys_are_refused(tmp_path):
    for key in ("x" * 80, "abcd" * 5, "django-insecure-" + "k" * 60 + "abcdef"):
        with pytest.raises(ImproperlyConfigured):
            secret_key_load(environ_value=key, path=tmp_path / "none", debug=False)


def test_key_comes_from_the_environment_then_the_file(tmp_path):
    file_key, env_key = "f" + uuid.uuid4().hex * 2, "e" + uuid.uuid4().hex * 2
    (tmp_path / "key").write_text(file_key + "\n")
    assert secret_key_load(environ_value=env_key, path=tmp_path / "key", debug=False) == env_key
    assert secret_key_load(environ_value="", path=tmp_path / "key", debug=False) == file_key


def test_debug_without_a_key_gets_a_random_one_per_process(tmp_path):
    first = secret_key_load(environ_value="", path=tmp_path / "none", debug=True)
    second = secret_key_load(environ_value="", path=tmp_path / "none", debug=True)
    assert first != second and secret_key_problem(first) is None


def _django_check(**environ) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SECRET_KEY", "DJANGO_DEBUG"}}
    env.update(environ)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def test_a_process_without_debug_refuses_to_start_without_a_key(tmp_path):
    """With DEBUG off and neither DJANGO_SECRET_KEY nor a key file, Django does not start."""
    result = _django_check(DJANGO_SECRET_KEY_FILE=str(tmp_path / "missing"), DJANGO_DEBUG="false")
    assert result.returncode != 0
    assert "No secret key" in result.stderr


def test_a_process_refuses_a_published_key_from_the_environment(tmp_path):
    result = _django_check(DJANGO_SECRET_KEY=PUBLISHED_KEYS[0], DJANGO_SECRET_KEY_FILE=str(tmp_path / "missing"))
    assert result.returncode != 0
    assert "published" in result.stderr


def test_the_installation_key_file_is_private():
    """scripts/setup.sh writes var/secret_key readable by its owner only."""
    path = ROOT / "var" / "secret_key"
    if os.environ.get("DJANGO_SECRET_KEY") or os.environ.get("DJANGO_SECRET_KEY_FILE") or not path.exists():
        pytest.skip("the key comes from the environment here")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_deployment_file_carries_a_default_key():
    """docker-compose.yml and the Dockerfile name no key: compose refuses to start without DJANGO_SECRET_KEY."""
    compose = (ROOT / "docker-compose.yml").read_text()
    assert "DJANGO_SECRET_KEY: ${DJANGO_SECRET_KEY:?" in compose
    for name in ("docker-compose.yml", "Dockerfile", "config/settings.py"):
        text = (ROOT / name).read_text()
        assert not any(key in text for key in PUBLISHED_KEYS), name
