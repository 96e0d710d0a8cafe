"""GET and PATCH /me: the display name and the saved language (one of settings.LANGUAGES, or null for none)."""

import pytest
from django.conf import settings
from rest_framework.test import APIClient

from accounts.services import user_update
from core.errors import ValidationFailed
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


def patch_me(client, body):
    return client.patch("/api/v1/me", body, format="json")


def test_me_has_no_language_until_one_is_saved(user_client):
    body = user_client.get("/api/v1/me").json()
    assert body["language"] is None
    assert set(body) >= {"id", "username", "display_name", "email", "date_joined", "language"}


def test_the_supported_languages_are_the_contracts():
    assert sorted(LANGUAGE_CODES) == ["en", "ja", "ko", "zh-hans"]


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_patch_saves_a_supported_language(user, user_client, language):
    response = patch_me(user_client, {"language": language})
    assert response.status_code == 200, response.content
    assert response.json()["language"] == language
    user.refresh_from_db()
    assert user.language == language
    assert user_client.get("/api/v1/me").json()["language"] == language


def test_patch_null_forgets_the_language(user, user_client):
    patch_me(user_client, {"language": "ja"})
    response = patch_me(user_client, {"language": None})
    assert response.status_code == 200
    assert response.json()["language"] is None
    user.refresh_from_db()
    assert user.language == ""


@pytest.mark.parametrize("language", ["fr", "KO", "zh-Hans", "zh", "ko-KR", "", " ko", 5, True, ["ko"], {"ko": 1}])
def test_patch_refuses_an_unsupported_language(user, user_client, language):
    response = patch_me(user_client, {"language": language})
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["code"] == "validation_error"
    assert list(body["errors"]) == ["language"]
    user.refresh_from_db()
    assert user.language == ""


@pytest.mark.parametrize("display_name", ["M", "Minji Kim", "민" * 80, "x" * 80])
def test_patch_changes_the_display_name(user, user_client, display_name):
    response = patch_me(user_client, {"display_name": display_name})
    assert response.status_code == 200
    assert response.json()["display_name"] == display_name
    user.refresh_from_db()
    assert user.display_name == display_name


def test_patch_trims_the_display_name(user, user_client):
    assert patch_me(user_client, {"display_name": "  민지  "}).json()["display_name"] == "민지"


@pytest.mark.parametrize("display_name", ["", "   ", "x" * 81, "민" * 81, None, 12, False, ["Minji"]])
def test_patch_refuses_a_bad_display_name(user, user_client, display_name):
    before = user.display_name
    response = patch_me(user_client, {"display_name": display_name, "language": "ko"})
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "validation_error"
    assert list(body["errors"]) == ["display_name"]
    user.refresh_from_db()
    assert (user.display_name, user.language) == (before, "")  # nothing of a refused body is saved


def test_patch_changes_only_what_is_sent(user, user_client):
    patch_me(user_client, {"display_name": "Minji", "language": "ko"})
    assert patch_me(user_client, {"language": "en"}).json()["display_name"] == "Minji"
    body = patch_me(user_client, {}).json()
    assert (body["display_name"], body["language"]) == ("Minji", "en")


def test_patch_cannot_change_other_fields(user, user_client):
    username, email = user.username, user.email
    response = patch_me(user_client, {"username": "someone", "email": "x@example.com", "id": 1, "is_staff": True})
    assert response.status_code == 200
    user.refresh_from_db()
    assert (user.username, user.email, user.is_staff) == (username, email, False)


def test_patch_changes_only_the_callers_account(user, user_client):
    other = factories.UserFactory()
    patch_me(user_client, {"display_name": "Minji", "language": "ko"})
    other.refresh_from_db()
    assert other.language == ""
    assert client_for(other).get("/api/v1/me").json()["display_name"] == other.display_name


@pytest.mark.parametrize("body", ['["ko"]', '"ko"', "null", "{"])
def test_patch_refuses_a_body_that_is_not_an_object(user_client, body):
    response = user_client.patch("/api/v1/me", body, content_type="application/json")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"


def test_anonymous_patch_is_a_401(api_client):
    response = patch_me(api_client, {"language": "ko"})
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert APIClient().get("/api/v1/me").status_code == 401


def test_user_update_refuses_an_unsupported_language_in_the_domain_too(user):
    with pytest.raises(ValidationFailed) as refused:
        user_update(user=user, language="fr")
    assert list(refused.value.errors) == ["language"]
    assert user_update(user=user, language="zh-hans").language == "zh-hans"
    assert user_update(user=user, language="").language == ""
    assert user_update(user=user, display_name="Jisoo").display_name == "Jisoo"
