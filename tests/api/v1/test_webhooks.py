"""Merchants' webhooks over the API: GET/POST /merchants/{id}/webhooks, GET/PATCH/DELETE /webhooks/{id},
POST /webhooks/{id}/rotate-secret and /test, GET /webhooks/{id}/deliveries and POST .../{delivery_id}/redeliver."""

import base64
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from threading import Barrier

import pytest
from django.db import connection
from django.utils import timezone
from rest_framework.test import APIClient

from tests import factories
from tests.conftest import client_for
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import WEBHOOK_ENDPOINTS_PER_MERCHANT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

# A receiver on this machine's loopback (nothing listens on port 9): private addresses are allowed in these tests.
URL = factories.WEBHOOK_URL
ENDPOINT_FIELDS = {
    "id",
    "merchant_id",
    "url",
    "description",
    "events",
    "enabled",
    "disabled_reason",
    "disabled_at",
    "created_at",
}
DELIVERY_FIELDS = {
    "id",
    "event_type",
    "webhook_id",
    "status",
    "attempts",
    "last_status_code",
    "last_error",
    "last_attempt_at",
    "next_attempt_at",
    "created_at",
}


@pytest.fixture(autouse=True)
def _receivers_on_this_machine(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOK_REQUIRE_HTTPS = False


endpoint_make = factories.webhook_endpoint_make
delivery_make = factories.webhook_delivery_make


def _client(people, role) -> APIClient:
    if role == "anonymous":
        return APIClient()
    if role == "other_owner":
        return client_for(factories.MerchantStaffFactory(role="owner").user)
    return client_for(people[role])


ROLES = ["owner", "manager", "clerk", "other_owner", "outsider", "anonymous"]


def _expected(role, allowed: int, *, merchant_scoped: bool = False) -> tuple[int, str | None]:
    """What each caller gets: the status for owner and manager; 403 for the merchant's clerk (and, on the merchant's
    own paths, for everyone signed in: the merchant is public); 404 on an endpoint's paths for anyone who is not its
    staff (they are not told that it exists); 401 without a token."""
    if role in ("owner", "manager"):
        return allowed, None
    if role == "anonymous":
        return 401, "not_authenticated"
    if role == "clerk" or merchant_scoped:
        return 403, "permission_denied"
    return 404, "webhook_not_found"


def _assert_answer(response, expected: tuple[int, str | None]) -> None:
    status, code = expected
    assert response.status_code == status, response.content
    if code is not None:
        assert response["Content-Type"] == "application/problem+json"
        assert response.json()["code"] == code


# --- who may -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_who_lists_a_merchants_endpoints(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = _client(merchant_with_staff, role).get(f"/api/v1/merchants/{endpoint.merchant_id}/webhooks")
    _assert_answer(response, _expected(role, 200, merchant_scoped=True))
    if response.status_code == 200:
        assert [item["id"] for item in response.json()["results"]] == [endpoint.pk]


@pytest.mark.parametrize("role", ROLES)
def test_who_adds_an_endpoint(merchant_with_staff, role):
    merchant = merchant_with_staff["merchant"]
    body = {"url": URL, "events": ["coupon.issued"]}
    response = _client(merchant_with_staff, role).post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json")
    _assert_answer(response, _expected(role, 201, merchant_scoped=True))
    assert WebhookEndpoint.objects.filter(merchant=merchant).exists() is (response.status_code == 201)


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_an_endpoint(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = _client(merchant_with_staff, role).get(f"/api/v1/webhooks/{endpoint.pk}")
    _assert_answer(response, _expected(role, 200))


@pytest.mark.parametrize("role", ROLES)
def test_who_changes_an_endpoint(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = _client(merchant_with_staff, role).patch(
        f"/api/v1/webhooks/{endpoint.pk}", {"events": ["coupon.voided"]}, format="json"
    )
    _assert_answer(response, _expected(role, 200))
    endpoint.refresh_from_db()
    assert (endpoint.events == ["coupon.voided"]) is (response.status_code == 200)


@pytest.mark.parametrize("role", ROLES)
def test_who_deletes_an_endpoint(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = _client(merchant_with_staff, role).delete(f"/api/v1/webhooks/{endpoint.pk}")
    _assert_answer(response, _expected(role, 204))
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists() is (response.status_code != 204)


@pytest.mark.parametrize("role", ROLES)
def test_who_rotates_a_secret(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = _client(merchant_with_staff, role).post(f"/api/v1/webhooks/{endpoint.pk}/rotate-secret")
    _assert_answer(response, _expected(role, 200))
    old = endpoint.secret
    endpoint.refresh_from_db()
    assert (endpoint.secret != old) is (response.status_code == 200)


@pytest.mark.parametrize("role", ROLES)
def test_who_sends_a_test_event(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = _client(merchant_with_staff, role).post(f"/api/v1/webhooks/{endpoint.pk}/test")
    _assert_answer(response, _expected(role, 202))
    sent = WebhookDelivery.objects.filter(endpoint=endpoint, message__event_type="webhook.test").exists()
    assert sent is (response.status_code == 202)


@pytest.mark.parametrize("role", ROLES)
def test_who_lists_deliveries(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    delivery = delivery_make(endpoint)
    response = _client(merchant_with_staff, role).get(f"/api/v1/webhooks/{endpoint.pk}/deliveries")
    _assert_answer(response, _expected(role, 200))
    if response.status_code == 200:
        assert [item["id"] for item in response.json()["results"]] == [delivery.pk]


@pytest.mark.parametrize("role", ROLES)
def test_who_redelivers(merchant_with_staff, role):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    delivery = delivery_make(endpoint, status="failed", attempts=8, last_status_code=500)
    response = _client(merchant_with_staff, role).post(
        f"/api/v1/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/redeliver"
    )
    _assert_answer(response, _expected(role, 202))
    delivery.refresh_from_db()
    assert (delivery.status == "pending") is (response.status_code == 202)


def test_a_removed_manager_loses_access_at_once(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    manager = client_for(merchant_with_staff["manager"])
    assert manager.get(f"/api/v1/webhooks/{endpoint.pk}").status_code == 200
    owner = client_for(merchant_with_staff["owner"])
    merchant_id = endpoint.merchant_id
    assert owner.delete(f"/api/v1/merchants/{merchant_id}/staff/{merchant_with_staff['manager'].pk}").status_code == 204
    assert manager.get(f"/api/v1/webhooks/{endpoint.pk}").json()["code"] == "webhook_not_found"


def test_unknown_ids_are_404(merchant_with_staff):
    owner = client_for(merchant_with_staff["owner"])
    assert owner.get("/api/v1/merchants/999999/webhooks").json()["code"] == "merchant_not_found"
    body = {"url": URL, "events": ["coupon.issued"]}
    assert owner.post("/api/v1/merchants/999999/webhooks", body, format="json").json()["code"] == "merchant_not_found"
    for path in ("", "/deliveries"):
        assert owner.get(f"/api/v1/webhooks/999999{path}").json()["code"] == "webhook_not_found"
    assert owner.get(f"/api/v1/webhooks/{'9' * 19}").status_code == 404


# --- adding ---------------------------------------------------------------------------------------------------------


def test_adding_answers_the_secret_once(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    body = {"url": URL, "events": ["coupon.redeemed", "checkin.created"], "description": " Counter POS "}
    response = owner.post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json")
    assert response.status_code == 201, response.content
    created = response.json()
    assert set(created) == ENDPOINT_FIELDS | {"secret"}
    secret = created["secret"]
    assert secret.startswith("whsec_") and len(base64.b64decode(secret.removeprefix("whsec_"), validate=True)) == 32
    endpoint = WebhookEndpoint.objects.get(pk=created["id"])
    assert endpoint.secret == secret and endpoint.created_by == merchant_with_staff["owner"]
    # Stored in the order the events are listed; description trimmed.
    assert created["events"] == ["checkin.created", "coupon.redeemed"]
    assert (created["url"], created["description"], created["merchant_id"]) == (URL, "Counter POS", merchant.pk)
    assert (created["enabled"], created["disabled_reason"], created["disabled_at"]) == (True, None, None)
    # Never again: not in the list, not in the detail.
    listed = owner.get(f"/api/v1/merchants/{merchant.pk}/webhooks").json()["results"]
    assert set(listed[0]) == ENDPOINT_FIELDS
    detail = owner.get(f"/api/v1/webhooks/{endpoint.pk}")
    assert set(detail.json()) == ENDPOINT_FIELDS and secret not in detail.content.decode()


def test_each_endpoint_gets_its_own_secret(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    body = {"url": URL, "events": ["coupon.issued"]}
    secrets_seen = {owner.post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json").json()["secret"]}
    secrets_seen.add(owner.post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json").json()["secret"])
    assert len(secrets_seen) == 2


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"events": ["coupon.issued"]}, "url"),
        ({"url": "", "events": ["coupon.issued"]}, "url"),
        ({"url": 42, "events": ["coupon.issued"]}, "url"),
        ({"url": "pos.example.com/hook", "events": ["coupon.issued"]}, "url"),
        ({"url": "ftp://127.0.0.1/hook", "events": ["coupon.issued"]}, "url"),
        ({"url": "http://127.0.0.1/" + "a" * 2000, "events": ["coupon.issued"]}, "url"),
        ({"url": URL}, "events"),
        ({"url": URL, "events": []}, "events"),
        ({"url": URL, "events": "coupon.issued"}, "events"),
        ({"url": URL, "events": ["coupon.issued", "coupon.issued"]}, "events"),
        ({"url": URL, "events": ["coupon.exploded"]}, "events.0"),
        ({"url": URL, "events": ["webhook.test"]}, "events.0"),
        ({"url": URL, "events": [{"type": "coupon.issued"}]}, "events.0"),
        ({"url": URL, "events": ["coupon.issued"], "description": "x" * 201}, "description"),
        ({"url": URL, "events": ["coupon.issued"], "description": None}, "description"),
    ],
)
def test_bad_input_is_a_400_naming_the_field(merchant_with_staff, body, field):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff["owner"]).post(
        f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json"
    )
    assert response.status_code == 400, response.content
    problem = response.json()
    assert problem["code"] == "validation_error" and field in problem["errors"], problem
    assert not WebhookEndpoint.objects.exists()


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/hook", "http://10.0.0.5/hook", "http://[::1]/hook"])
def test_an_address_of_a_private_network_is_refused(merchant_with_staff, settings, url):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    response = owner.post(
        f"/api/v1/merchants/{merchant.pk}/webhooks", {"url": url, "events": ["coupon.issued"]}, format="json"
    )
    assert response.status_code == 400, response.content
    problem = response.json()
    assert problem["code"] == "webhook_url_not_allowed" and "url" in problem["errors"]
    # A change to such an address is refused too.
    endpoint = endpoint_make(merchant, url="http://93.184.215.14/hook")
    response = owner.patch(f"/api/v1/webhooks/{endpoint.pk}", {"url": url}, format="json")
    assert response.json()["code"] == "webhook_url_not_allowed"
    endpoint.refresh_from_db()
    assert endpoint.url == "http://93.184.215.14/hook"


def test_a_merchant_has_a_limited_number_of_endpoints(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    for _ in range(WEBHOOK_ENDPOINTS_PER_MERCHANT - 1):
        endpoint_make(merchant)
    endpoint_make(factories.MerchantFactory())  # another merchant's: does not count
    manager = client_for(merchant_with_staff["manager"])
    body = {"url": URL, "events": ["coupon.issued"]}
    assert manager.post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json").status_code == 201
    response = manager.post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json")
    assert response.status_code == 409
    problem = response.json()
    assert (problem["code"], problem["limit"]) == ("webhook_limit_reached", WEBHOOK_ENDPOINTS_PER_MERCHANT)
    assert WebhookEndpoint.objects.filter(merchant=merchant).count() == WEBHOOK_ENDPOINTS_PER_MERCHANT


@pytest.mark.django_db(transaction=True)
def test_the_limit_holds_when_endpoints_are_added_at_once(settings):
    """Eight managers add an endpoint at the same moment, each on its own connection, with room for three."""
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    merchant = factories.MerchantFactory()
    managers = [factories.MerchantStaffFactory(merchant=merchant, role="manager").user for _ in range(8)]
    for _ in range(WEBHOOK_ENDPOINTS_PER_MERCHANT - 3):
        endpoint_make(merchant)
    barrier = Barrier(len(managers))

    def add(manager) -> int:
        client = client_for(manager)
        try:
            barrier.wait(timeout=30)
            body = {"url": URL, "events": ["coupon.issued"]}
            return client.post(f"/api/v1/merchants/{merchant.pk}/webhooks", body, format="json").status_code
        finally:
            connection.close()

    with ThreadPoolExecutor(max_workers=len(managers)) as pool:
        statuses = sorted(pool.map(add, managers))
    assert statuses == [201] * 3 + [409] * 5
    assert WebhookEndpoint.objects.filter(merchant=merchant).count() == WEBHOOK_ENDPOINTS_PER_MERCHANT


def test_the_list_is_oldest_first_and_counts_its_queries(merchant_with_staff, django_assert_max_num_queries):
    merchant = merchant_with_staff["merchant"]
    made = [endpoint_make(merchant, description=f"n{i}") for i in range(4)]
    endpoint_make(factories.MerchantFactory())
    owner = client_for(merchant_with_staff["owner"])
    with django_assert_max_num_queries(4):  # user, merchant, role, rows
        body = owner.get(f"/api/v1/merchants/{merchant.pk}/webhooks?limit=3").json()
    assert [item["id"] for item in body["results"]] == [endpoint.pk for endpoint in made[:3]]
    assert body["next"] is not None
    assert [item["id"] for item in owner.get(body["next"]).json()["results"]] == [made[3].pk]


# --- changing -------------------------------------------------------------------------------------------------------


def test_disabling_by_a_person_says_so_and_enabling_clears_it(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    manager = client_for(merchant_with_staff["manager"])
    off = manager.patch(f"/api/v1/webhooks/{endpoint.pk}", {"enabled": False}, format="json").json()
    assert (off["enabled"], off["disabled_reason"]) == (False, "by_user") and off["disabled_at"]
    again = manager.patch(f"/api/v1/webhooks/{endpoint.pk}", {"enabled": False}, format="json").json()
    assert again["disabled_at"] == off["disabled_at"]  # idempotent
    on = manager.patch(f"/api/v1/webhooks/{endpoint.pk}", {"enabled": True}, format="json").json()
    assert (on["enabled"], on["disabled_reason"], on["disabled_at"]) == (True, None, None)


def test_enabling_an_endpoint_disabled_for_failing_clears_the_failures(merchant_with_staff):
    failed_at = timezone.now() - timedelta(hours=3)
    endpoint = endpoint_make(
        merchant_with_staff["merchant"],
        enabled=False,
        disabled_reason="failing",
        disabled_at=failed_at,
        consecutive_failures=15,
    )
    owner = client_for(merchant_with_staff["owner"])
    shown = owner.get(f"/api/v1/webhooks/{endpoint.pk}").json()
    assert (shown["enabled"], shown["disabled_reason"]) == (False, "failing")
    response = owner.patch(f"/api/v1/webhooks/{endpoint.pk}", {"enabled": True}, format="json")
    assert response.status_code == 200
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at, endpoint.consecutive_failures) == (
        True,
        "",
        None,
        0,
    )


def test_disabling_one_disabled_for_failing_acknowledges_it(merchant_with_staff):
    endpoint = endpoint_make(
        merchant_with_staff["merchant"], enabled=False, disabled_reason="failing", disabled_at=timezone.now()
    )
    body = (
        client_for(merchant_with_staff["owner"])
        .patch(f"/api/v1/webhooks/{endpoint.pk}", {"enabled": False}, format="json")
        .json()
    )
    assert (body["enabled"], body["disabled_reason"]) == (False, "by_user")


def test_changing_the_url_events_and_description(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"], consecutive_failures=4)
    owner = client_for(merchant_with_staff["owner"])
    new_url = "http://127.0.0.1:9/hooks/crm"
    body = {"url": new_url, "events": ["campaign.ended", "coupon.issued"], "description": "CRM"}
    response = owner.patch(f"/api/v1/webhooks/{endpoint.pk}", body, format="json")
    assert response.status_code == 200
    shown = response.json()
    assert (shown["url"], shown["events"], shown["description"]) == (
        new_url,
        ["coupon.issued", "campaign.ended"],
        "CRM",
    )
    endpoint.refresh_from_db()
    assert endpoint.consecutive_failures == 0  # a new receiver starts afresh
    assert endpoint.updated_at > endpoint.created_at
    # Nothing sent: nothing changes.
    assert owner.patch(f"/api/v1/webhooks/{endpoint.pk}", {}, format="json").json() == shown


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"enabled": "yes"}, "enabled"),
        ({"enabled": 1}, "enabled"),
        ({"enabled": None}, "enabled"),
        ({"events": []}, "events"),
        ({"events": ["coupon.issued", "coupon.issued"]}, "events"),
        ({"url": "not a url"}, "url"),
        ({"url": None}, "url"),
    ],
)
def test_bad_changes_are_a_400_and_change_nothing(merchant_with_staff, body, field):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = client_for(merchant_with_staff["owner"]).patch(f"/api/v1/webhooks/{endpoint.pk}", body, format="json")
    assert response.status_code == 400, response.content
    assert response.json()["code"] == "validation_error" and field in response.json()["errors"]
    before = (endpoint.url, endpoint.events, endpoint.enabled)
    endpoint.refresh_from_db()
    assert (endpoint.url, endpoint.events, endpoint.enabled) == before


def test_deleting_takes_the_deliveries_with_it(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    delivery = delivery_make(endpoint, status="pending")
    owner = client_for(merchant_with_staff["owner"])
    response = owner.delete(f"/api/v1/webhooks/{endpoint.pk}")
    assert (response.status_code, response.content) == (204, b"")
    assert not WebhookDelivery.objects.filter(pk=delivery.pk).exists()
    assert owner.delete(f"/api/v1/webhooks/{endpoint.pk}").json()["code"] == "webhook_not_found"


def test_rotating_answers_a_new_secret_that_replaces_the_old_one(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    old = endpoint.secret
    response = client_for(merchant_with_staff["manager"]).post(f"/api/v1/webhooks/{endpoint.pk}/rotate-secret")
    assert response.status_code == 200
    body = response.json()
    assert set(body) == {"secret"}
    assert len(base64.b64decode(body["secret"].removeprefix("whsec_"), validate=True)) == 32
    endpoint.refresh_from_db()
    assert endpoint.secret == body["secret"] != old


# --- test events, deliveries, redelivery ---------------------------------------------------------------------------


def test_a_test_event_is_a_pending_delivery_of_webhook_test(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"], events=["coupon.issued"])
    response = client_for(merchant_with_staff["owner"]).post(f"/api/v1/webhooks/{endpoint.pk}/test")
    assert response.status_code == 202, response.content
    body = response.json()
    assert set(body) == DELIVERY_FIELDS
    delivery = WebhookDelivery.objects.select_related("message").get(pk=body["id"])
    assert delivery.endpoint_id == endpoint.pk
    assert (body["event_type"], body["webhook_id"]) == ("webhook.test", delivery.message.message_id)
    assert body["webhook_id"].startswith("msg_")


def test_a_disabled_endpoint_gets_no_test_event_nor_redelivery(merchant_with_staff):
    endpoint = endpoint_make(
        merchant_with_staff["merchant"], enabled=False, disabled_reason="by_user", disabled_at=timezone.now()
    )
    delivery = delivery_make(endpoint, status="failed")
    owner = client_for(merchant_with_staff["owner"])
    response = owner.post(f"/api/v1/webhooks/{endpoint.pk}/test")
    assert (response.status_code, response.json()["code"]) == (409, "webhook_endpoint_disabled")
    response = owner.post(f"/api/v1/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/redeliver")
    assert (response.status_code, response.json()["code"]) == (409, "webhook_endpoint_disabled")
    assert WebhookDelivery.objects.filter(endpoint=endpoint).count() == 1


def test_deliveries_are_newest_first_in_cursor_pages(merchant_with_staff, django_assert_max_num_queries):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    made = [delivery_make(endpoint) for _ in range(5)]
    delivery_make(endpoint_make(merchant_with_staff["merchant"]))  # another endpoint's: never listed
    owner = client_for(merchant_with_staff["owner"])
    url = f"/api/v1/webhooks/{endpoint.pk}/deliveries"
    with django_assert_max_num_queries(4):  # user, endpoint, role, rows
        first = owner.get(f"{url}?limit=2").json()
    newest = [delivery.pk for delivery in reversed(made)]
    assert [item["id"] for item in first["results"]] == newest[:2]
    assert first["previous"] is None
    later = delivery_make(endpoint)  # arrives at the top: the next page neither repeats nor skips
    second = owner.get(first["next"]).json()
    assert [item["id"] for item in second["results"]] == newest[2:4]
    third = owner.get(second["next"]).json()
    assert [item["id"] for item in third["results"]] == newest[4:] and third["next"] is None
    back = owner.get(second["previous"]).json()
    assert [item["id"] for item in back["results"]] == newest[:2]
    assert back["previous"] is not None  # the newer one is there to go back to
    assert [item["id"] for item in owner.get(back["previous"]).json()["results"]] == [later.pk]


def test_a_delivery_row_says_what_happened(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    attempted = timezone.now() - timedelta(minutes=1)
    delivery = delivery_make(
        endpoint,
        event_type="coupon.issued",
        status="pending",
        attempts=2,
        last_status_code=None,
        last_error="timeout",
        last_attempt_at=attempted,
    )
    body = client_for(merchant_with_staff["owner"]).get(f"/api/v1/webhooks/{endpoint.pk}/deliveries").json()
    (row,) = body["results"]
    assert set(row) == DELIVERY_FIELDS
    assert row["webhook_id"] == delivery.message.message_id
    assert (row["event_type"], row["status"], row["attempts"], row["last_status_code"], row["last_error"]) == (
        "coupon.issued",
        "pending",
        2,
        None,
        "timeout",
    )
    assert row["last_attempt_at"] and row["next_attempt_at"] and row["created_at"]


@pytest.mark.parametrize("cursor", ["garbage", "eyJkIjoibiIsImsiOlsiYSJdfQ", "eyJkIjoibiIsImsiOlstMV19", "a" * 300])
def test_a_bad_cursor_is_a_400(merchant_with_staff, cursor):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = client_for(merchant_with_staff["owner"]).get(
        f"/api/v1/webhooks/{endpoint.pk}/deliveries?cursor={cursor}"
    )
    assert response.status_code == 400
    assert "cursor" in response.json()["errors"]


def test_redelivery_sends_the_same_message_again(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    delivery = delivery_make(endpoint, status="failed", attempts=8, last_status_code=500)
    response = client_for(merchant_with_staff["manager"]).post(
        f"/api/v1/webhooks/{endpoint.pk}/deliveries/{delivery.pk}/redeliver"
    )
    assert response.status_code == 202, response.content
    body = response.json()
    assert (body["id"], body["webhook_id"], body["status"]) == (delivery.pk, delivery.message.message_id, "pending")
    assert body["attempts"] == 8 and body["next_attempt_at"]  # due at once, its history kept


def test_redelivering_another_endpoints_delivery_is_404(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    mine, other = endpoint_make(merchant), endpoint_make(merchant)
    theirs = delivery_make(other, status="failed")
    owner = client_for(merchant_with_staff["owner"])
    for delivery_id in (theirs.pk, 999999):
        response = owner.post(f"/api/v1/webhooks/{mine.pk}/deliveries/{delivery_id}/redeliver")
        assert (response.status_code, response.json()["code"]) == (404, "webhook_delivery_not_found")
    theirs.refresh_from_db()
    assert theirs.status == "failed"


def test_test_events_and_redeliveries_are_rate_limited(merchant_with_staff, settings):
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "webhook_send": "2/min"}
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    owner = client_for(merchant_with_staff["owner"])
    assert [owner.post(f"/api/v1/webhooks/{endpoint.pk}/test").status_code for _ in range(3)] == [202, 202, 429]
    response = owner.post(f"/api/v1/webhooks/{endpoint.pk}/test")
    assert response.json()["code"] == "rate_limited" and int(response["Retry-After"]) > 0
    # Per user: the manager still may.
    assert client_for(merchant_with_staff["manager"]).post(f"/api/v1/webhooks/{endpoint.pk}/test").status_code == 202
    # Reading is not limited.
    assert owner.get(f"/api/v1/webhooks/{endpoint.pk}/deliveries").status_code == 200
