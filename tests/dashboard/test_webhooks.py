"""The webhooks page without a browser: who may use it (owner and manager; clerks 403, strangers 404), the endpoints
with their latest deliveries in the shop's time zone, the notice for endpoints disabled after repeated failures (here
and on the shop's overview), the secret shown once, and every form: add, enable/disable, test, rotate, delete,
redeliver."""

import re
from datetime import timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from tests import factories
from webhooks.models import WebhookDelivery, WebhookEndpoint
from webhooks.services import WEBHOOK_ENDPOINTS_PER_MERCHANT

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

URL = factories.WEBHOOK_URL
SECRET = re.compile(r"whsec_[A-Za-z0-9+/=]{44}")


@pytest.fixture(autouse=True)
def _receivers_on_this_machine(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = True
    settings.WEBHOOK_REQUIRE_HTTPS = False


endpoint_make = factories.webhook_endpoint_make
delivery_make = factories.webhook_delivery_make


def client_as(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def page_url(merchant_id: int) -> str:
    return f"/dashboard/merchants/{merchant_id}/webhooks/"


def action_url(endpoint: WebhookEndpoint, action: str) -> str:
    return f"{page_url(endpoint.merchant_id)}{endpoint.pk}/{action}/"


def text(page: str) -> str:
    """The page's words, tags stripped and spaces collapsed."""
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


def _people(merchant_with_staff, who):
    if who == "other_owner":
        return factories.MerchantStaffFactory(role="owner").user
    return merchant_with_staff[who]


# --- who may -------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status"), [("owner", 200), ("manager", 200), ("clerk", 403), ("other_owner", 404), ("outsider", 404)]
)
def test_owner_and_manager_see_the_page(merchant_with_staff, who, status):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    response = client_as(_people(merchant_with_staff, who)).get(page_url(endpoint.merchant_id))
    assert response.status_code == status
    assert (endpoint.url in response.content.decode()) is (status == 200)


def test_anonymous_visitors_are_sent_to_the_login(client, merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    for url in (page_url(endpoint.merchant_id), action_url(endpoint, "delete")):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/dashboard/login/")
    response = client.post(action_url(endpoint, "enabled"), {"enabled": "off"})
    assert response.status_code == 302 and response["Location"].startswith("/dashboard/login/")
    endpoint.refresh_from_db()
    assert endpoint.enabled


@pytest.mark.parametrize(("who", "status"), [("clerk", 403), ("other_owner", 404), ("outsider", 404)])
def test_nobody_else_changes_anything(merchant_with_staff, who, status):
    merchant = merchant_with_staff["merchant"]
    endpoint = endpoint_make(merchant)
    delivery = delivery_make(endpoint, status="failed")
    client = client_as(_people(merchant_with_staff, who))
    posts = [
        (page_url(merchant.pk), {"url": URL, "events": ["coupon.issued"]}),
        (action_url(endpoint, "enabled"), {"enabled": "off"}),
        (action_url(endpoint, "test"), {}),
        (action_url(endpoint, "rotate"), {"confirm": "rotate"}),
        (action_url(endpoint, "delete"), {"confirm": "delete"}),
        (f"{page_url(merchant.pk)}{endpoint.pk}/deliveries/{delivery.pk}/redeliver/", {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == status, url
    for url in (action_url(endpoint, "rotate"), action_url(endpoint, "delete")):
        assert client.get(url).status_code == status, url
    secret = endpoint.secret
    endpoint.refresh_from_db()
    delivery.refresh_from_db()
    assert (endpoint.enabled, endpoint.secret, delivery.status) == (True, secret, "failed")
    assert WebhookEndpoint.objects.filter(merchant=merchant).count() == 1
    assert WebhookDelivery.objects.count() == 1


def test_another_shops_endpoint_is_not_reachable_through_mine(merchant_with_staff):
    owner = merchant_with_staff["owner"]
    mine = merchant_with_staff["merchant"]
    other_shop = factories.MerchantStaffFactory(user=owner, role="owner").merchant  # the owner's other shop
    theirs = endpoint_make(other_shop)
    client = client_as(owner)
    url = f"{page_url(mine.pk)}{theirs.pk}/delete/"
    assert client.get(url).status_code == 404
    assert client.post(url, {"confirm": "delete"}).status_code == 404
    assert WebhookEndpoint.objects.filter(pk=theirs.pk).exists()


def test_forms_need_the_csrf_token(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    client = Client(enforce_csrf_checks=True)
    client.force_login(merchant_with_staff["owner"])
    assert client.post(action_url(endpoint, "enabled"), {"enabled": "off"}).status_code == 403
    endpoint.refresh_from_db()
    assert endpoint.enabled


def test_the_nav_links_the_page_for_owner_and_manager_only(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    link = f'href="{page_url(merchant.pk)}"'
    for who in ("owner", "manager"):
        assert link in client_as(merchant_with_staff[who]).get(f"/dashboard/merchants/{merchant.pk}/").content.decode()
    clerk_page = client_as(merchant_with_staff["clerk"]).get(f"/dashboard/merchants/{merchant.pk}/").content.decode()
    assert link not in clerk_page


# --- what the page shows -------------------------------------------------------------------------------------------


def test_each_endpoint_with_its_latest_deliveries_in_the_shops_time_zone(
    merchant_with_staff, django_assert_max_num_queries
):
    merchant = merchant_with_staff["merchant"]  # Asia/Seoul
    endpoint = endpoint_make(merchant, description="Counter POS")
    attempted = timezone.now().replace(microsecond=0) - timedelta(hours=1)
    old = [delivery_make(endpoint) for _ in range(3)]
    recent = [
        delivery_make(endpoint, status="failed", attempts=8, last_status_code=503, last_attempt_at=attempted)
        for _ in range(20)
    ]
    other = endpoint_make(merchant, url="http://127.0.0.1:9/hooks/crm", events=["campaign.ended"])
    delivery_make(other, event_type="campaign.ended", status="pending")
    client = client_as(merchant_with_staff["manager"])
    # Session, user, merchant, role (page), role (list), endpoints, deliveries of all endpoints, failing ones; the
    # same whatever the number of endpoints and deliveries.
    with django_assert_max_num_queries(8):
        page = client.get(page_url(merchant.pk)).content.decode()
    section = page[page.index(f'id="webhook-{endpoint.pk}"') : page.index(f'id="webhook-{other.pk}"')]
    shown = [int(found) for found in re.findall(r'data-delivery="(\d+)"', section)]
    assert shown == [delivery.pk for delivery in reversed(recent)]  # the 20 newest, newest first
    assert not {delivery.pk for delivery in old} & set(shown)
    assert recent[0].message.message_id in section and "Counter POS" in section
    local = timezone.localtime(attempted, ZoneInfo("Asia/Seoul")).strftime("%Y-%m-%d %H:%M:%S")
    assert local in section and "503" in text(section)
    assert "A customer checked in" in text(section) and "A coupon was redeemed" in text(section)
    assert 'data-status="pending"' in page[page.index(f'id="webhook-{other.pk}"') :]


def test_a_shop_without_endpoints_says_so(merchant_with_staff):
    page = client_as(merchant_with_staff["owner"]).get(page_url(merchant_with_staff["merchant"].pk)).content.decode()
    assert 'id="no-webhooks"' in page and 'id="webhook-add"' in page and 'id="webhook-notice"' not in page


def test_endpoints_disabled_for_failing_are_announced_here_and_on_the_overview(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    failed_at = timezone.now().replace(microsecond=0) - timedelta(days=1)
    failing = endpoint_make(
        merchant, url="http://127.0.0.1:9/broken", enabled=False, disabled_reason="failing", disabled_at=failed_at
    )
    endpoint_make(merchant, enabled=False, disabled_reason="by_user", disabled_at=failed_at)  # no notice for this
    local = timezone.localtime(failed_at, ZoneInfo("Asia/Seoul")).strftime("%Y-%m-%d %H:%M")
    sentence = (
        f"http://127.0.0.1:9/broken: disabled after repeated failures on {local}: fix the receiver and enable it again."
    )
    owner = client_as(merchant_with_staff["owner"])
    for url in (page_url(merchant.pk), f"/dashboard/merchants/{merchant.pk}/"):
        page = owner.get(url).content.decode()
        notice = page[page.index('id="webhook-notice"') :]
        notice = notice[: notice.index("</section>")]
        assert sentence in text(notice), url
        assert f'data-webhook="{failing.pk}"' in notice and notice.count("data-webhook=") == 1
    # Clerks cannot fix it: their overview does not carry it.
    clerk_page = client_as(merchant_with_staff["clerk"]).get(f"/dashboard/merchants/{merchant.pk}/").content.decode()
    assert 'id="webhook-notice"' not in clerk_page
    # Enabled again: the notice goes.
    owner.post(action_url(failing, "enabled"), {"enabled": "on"})
    assert 'id="webhook-notice"' not in owner.get(f"/dashboard/merchants/{merchant.pk}/").content.decode()
    failing.refresh_from_db()
    assert (failing.enabled, failing.disabled_reason, failing.consecutive_failures) == (True, "", 0)


# --- adding, and the secret shown once -----------------------------------------------------------------------------


def test_adding_an_endpoint_shows_its_secret_once(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    client = client_as(merchant_with_staff["manager"])
    response = client.post(
        page_url(merchant.pk), {"url": URL, "events": ["coupon.issued", "checkin.created"], "description": "POS"}
    )
    assert response.status_code == 303 and response["Location"] == page_url(merchant.pk)
    endpoint = WebhookEndpoint.objects.get(merchant=merchant)
    assert (endpoint.url, endpoint.events, endpoint.description) == (URL, ["checkin.created", "coupon.issued"], "POS")
    assert endpoint.created_by == merchant_with_staff["manager"]
    first = client.get(page_url(merchant.pk))
    assert first["Cache-Control"] == "no-store"
    assert SECRET.findall(first.content.decode()) == [endpoint.secret]
    again = client.get(page_url(merchant.pk)).content.decode()
    assert endpoint.secret not in again and not SECRET.search(again)
    # Not in the session any more either.
    assert endpoint.secret not in str(dict(client.session))


def test_the_secret_is_shown_only_to_whoever_made_it(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    client_as(merchant_with_staff["manager"]).post(page_url(merchant.pk), {"url": URL, "events": ["coupon.issued"]})
    endpoint = WebhookEndpoint.objects.get(merchant=merchant)
    assert endpoint.secret not in client_as(merchant_with_staff["owner"]).get(page_url(merchant.pk)).content.decode()


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ({"url": URL}, "Choose at least one event."),
        ({"url": "", "events": ["coupon.issued"]}, "This field is required."),
        ({"url": "pos.example.com/hook", "events": ["coupon.issued"]}, "Enter a full web address starting with"),
        ({"url": URL, "events": ["webhook.test"]}, "Select a valid choice."),
        ({"url": URL, "events": ["coupon.issued"], "description": "x" * 201}, "at most 200 characters"),
    ],
)
def test_adding_what_cannot_be_added_says_why(merchant_with_staff, data, sentence):
    merchant = merchant_with_staff["merchant"]
    response = client_as(merchant_with_staff["owner"]).post(page_url(merchant.pk), data)
    assert response.status_code == 400
    assert sentence in text(response.content.decode())
    assert not WebhookEndpoint.objects.exists()


def test_a_private_address_is_refused_in_words(merchant_with_staff, settings):
    settings.WEBHOOK_ALLOW_PRIVATE_ADDRESSES = False
    merchant = merchant_with_staff["merchant"]
    response = client_as(merchant_with_staff["owner"]).post(
        page_url(merchant.pk), {"url": "http://10.1.2.3/hook", "events": ["coupon.issued"]}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="url-error"' in page and 'aria-invalid="true"' in page
    assert not WebhookEndpoint.objects.exists()


def test_at_the_limit_the_form_gives_way_to_a_sentence(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    for _ in range(WEBHOOK_ENDPOINTS_PER_MERCHANT):
        endpoint_make(merchant)
    client = client_as(merchant_with_staff["owner"])
    page = client.get(page_url(merchant.pk)).content.decode()
    assert 'id="webhook-add"' not in page and 'id="webhook-limit"' in page
    response = client.post(page_url(merchant.pk), {"url": URL, "events": ["coupon.issued"]})
    assert response.status_code == 400
    assert WebhookEndpoint.objects.filter(merchant=merchant).count() == WEBHOOK_ENDPOINTS_PER_MERCHANT


# --- enable, disable, test, rotate, delete, redeliver --------------------------------------------------------------


def test_disabling_and_enabling(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    client = client_as(merchant_with_staff["owner"])
    response = client.post(action_url(endpoint, "enabled"), {"enabled": "off"})
    assert response.status_code == 303
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.disabled_reason) == (False, "by_user")
    page = client.get(page_url(endpoint.merchant_id)).content.decode()
    assert 'data-enabled="false"' in page and 'name="enabled" value="on"' in page
    client.post(action_url(endpoint, "enabled"), {"enabled": "on"})
    endpoint.refresh_from_db()
    assert (endpoint.enabled, endpoint.disabled_reason, endpoint.disabled_at) == (True, "", None)
    # Anything else changes nothing, and says so.
    response = client.post(action_url(endpoint, "enabled"), {"enabled": "maybe"}, follow=True)
    endpoint.refresh_from_db()
    assert endpoint.enabled and "Choose whether to enable or disable the endpoint." in response.content.decode()
    assert client.get(action_url(endpoint, "enabled")).status_code == 405


def test_sending_a_test_event(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"], events=["coupon.issued"])
    client = client_as(merchant_with_staff["manager"])
    response = client.post(action_url(endpoint, "test"), follow=True)
    assert response.status_code == 200
    delivery = WebhookDelivery.objects.select_related("message").get(endpoint=endpoint)
    assert delivery.message.event_type == "webhook.test"
    page = response.content.decode()
    assert "A test event is on its way" in page and delivery.message.message_id in page


def test_a_disabled_endpoint_gets_no_test_event(merchant_with_staff):
    endpoint = endpoint_make(
        merchant_with_staff["merchant"], enabled=False, disabled_reason="by_user", disabled_at=timezone.now()
    )
    response = client_as(merchant_with_staff["owner"]).post(action_url(endpoint, "test"), follow=True)
    assert "This endpoint is disabled: enable it first, then send again." in response.content.decode()
    assert not WebhookDelivery.objects.exists()


def test_rotating_the_secret_asks_first_then_shows_the_new_one_once(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    old = endpoint.secret
    client = client_as(merchant_with_staff["owner"])
    confirm = client.get(action_url(endpoint, "rotate"))
    assert confirm.status_code == 200 and 'id="confirm-rotate"' in confirm.content.decode()
    assert client.post(action_url(endpoint, "rotate")).status_code == 200  # without `confirm`: the question again
    endpoint.refresh_from_db()
    assert endpoint.secret == old
    response = client.post(action_url(endpoint, "rotate"), {"confirm": "rotate"})
    assert response.status_code == 303
    endpoint.refresh_from_db()
    assert endpoint.secret != old
    assert SECRET.findall(client.get(page_url(endpoint.merchant_id)).content.decode()) == [endpoint.secret]
    assert endpoint.secret not in client.get(page_url(endpoint.merchant_id)).content.decode()


def test_deleting_asks_first(merchant_with_staff):
    endpoint = endpoint_make(merchant_with_staff["merchant"])
    delivery_make(endpoint)
    client = client_as(merchant_with_staff["manager"])
    confirm = client.get(action_url(endpoint, "delete")).content.decode()
    assert 'id="confirm-delete"' in confirm and endpoint.url in confirm
    assert client.post(action_url(endpoint, "delete")).status_code == 200
    assert WebhookEndpoint.objects.filter(pk=endpoint.pk).exists()
    response = client.post(action_url(endpoint, "delete"), {"confirm": "delete"})
    assert response.status_code == 303
    assert not WebhookEndpoint.objects.filter(pk=endpoint.pk).exists() and not WebhookDelivery.objects.exists()
    # A second tab's confirmation finds nothing to delete: 404, nothing else.
    assert client.post(action_url(endpoint, "delete"), {"confirm": "delete"}).status_code == 404


def test_redelivering_a_delivery(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    endpoint, other = endpoint_make(merchant), endpoint_make(merchant)
    failed = delivery_make(endpoint, status="failed", attempts=8, last_status_code=500)
    theirs = delivery_make(other, status="failed")
    client = client_as(merchant_with_staff["owner"])
    base = f"{page_url(merchant.pk)}{endpoint.pk}/deliveries"
    assert client.post(f"{base}/{theirs.pk}/redeliver/").status_code == 404
    response = client.post(f"{base}/{failed.pk}/redeliver/", follow=True)
    assert "The event is being sent again." in response.content.decode()
    failed.refresh_from_db()
    theirs.refresh_from_db()
    assert (failed.status, theirs.status) == ("pending", "failed")
