"""Translated names, addresses, titles and descriptions through the API: writes (validated, PATCH replaces the whole
object, by role), reads in the request's language with fallback per field (nearby, detail, staff reads, the wallet,
the feed), and the nearby search still one statement."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Friendship
from core.outbox import outbox_event_write
from coupons.models import Campaign
from geo.points import point_from_lat_lng
from merchants.models import Merchant
from social.tasks import fanout_checkin_task
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

ORIGIN = (37.4762, 126.8680)
NEARBY = "/api/v1/merchants/nearby"
BAKERY = {"name": "철산 행복 베이커리", "address": "경기도 광명시 철산로 12"}
BAKERY_TRANSLATIONS = {
    "en": {"name": "Cheolsan Happy Bakery", "address": "12 Cheolsan-ro, Gwangmyeong-si, Gyeonggi-do"},
    "ja": {"name": "チョルサン・ハッピーベーカリー"},  # no Japanese address: it falls back to the original
}
CAMPAIGN_TRANSLATIONS = {
    "en": {"title": "Free americano on your first visit", "description": "One hot or iced americano."},
    "ja": {"title": "初回来店でアメリカーノ無料"},
}


def create_body(**overrides) -> dict:
    return {"category": "bakery", "lat": ORIGIN[0], "lng": ORIGIN[1], **BAKERY, **overrides}


@pytest.fixture
def shops():
    """A translated bakery with a translated campaign, and an untranslated cafe with an untranslated campaign."""
    bakery = factories.MerchantFactory(**BAKERY, location=point_from_lat_lng(*ORIGIN), translations=BAKERY_TRANSLATIONS)
    cafe = factories.MerchantFactory(
        name="하안 골목 커피",
        address="경기도 광명시 하안로 208",
        location=point_from_lat_lng(ORIGIN[0] + 0.0005, ORIGIN[1]),
    )
    campaigns = {
        "bakery": factories.CampaignFactory(
            merchant=bakery,
            title="첫 방문 아메리카노 무료",
            description="따뜻한 아메리카노 또는 아이스 한 잔.",
            translations=CAMPAIGN_TRANSLATIONS,
        ),
        "cafe": factories.CampaignFactory(merchant=cafe, title="다섯 번째 방문마다 음료 무료"),
    }
    return {"bakery": bakery, "cafe": cafe, "campaigns": campaigns}


# --- writes -------------------------------------------------------------------------------------------------------


def test_create_stores_translations_and_staff_read_them_in_full(user_client):
    response = user_client.post("/api/v1/merchants", create_body(translations=BAKERY_TRANSLATIONS), format="json")
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["translations"] == BAKERY_TRANSLATIONS
    # English is the API's default language.
    assert (body["name"], body["address"]) == tuple(BAKERY_TRANSLATIONS["en"].values())
    assert Merchant.objects.get(pk=body["id"]).translations == BAKERY_TRANSLATIONS


def test_create_without_translations_stores_an_empty_object(user_client):
    response = user_client.post("/api/v1/merchants", create_body(), format="json")
    assert response.status_code == 201, response.content
    assert response.json()["translations"] == {}
    assert Merchant.objects.get().translations == {}


def test_create_answers_in_the_request_language(user_client):
    response = user_client.post(
        "/api/v1/merchants",
        create_body(translations=BAKERY_TRANSLATIONS),
        format="json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert (response.json()["name"], response.json()["address"]) == (
        BAKERY_TRANSLATIONS["ja"]["name"],
        BAKERY["address"],
    )


def test_codes_are_stored_in_lower_case(user_client):
    body = create_body(translations={"zh-Hans": {"name": "铁山幸福面包店"}})
    response = user_client.post("/api/v1/merchants", body, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["translations"] == {"zh-hans": {"name": "铁山幸福面包店"}}
    detail = user_client.get(f"/api/v1/merchants/{response.json()['id']}", HTTP_ACCEPT_LANGUAGE="zh-Hans")
    assert detail.json()["name"] == "铁山幸福面包店"


BAD_TRANSLATIONS = [
    (["en"], "translations"),
    ("Cheolsan Bakery", "translations"),
    (None, "translations"),
    ({"fr": {"name": "Boulangerie"}}, "translations"),
    ({"en": "Cheolsan Bakery"}, "translations.en"),
    ({"en": {"title": "Cheolsan Bakery"}}, "translations.en"),
    ({"en": {"name": 12}}, "translations.en.name"),
    ({"en": {"name": ""}}, "translations.en.name"),
    ({"en": {"name": "x" * 121}}, "translations.en.name"),
    ({"en": {"address": "x" * 256}}, "translations.en.address"),
    ({"en": {"name": "Bakery\u0007"}}, "translations.en.name"),
    ({"en": {"name": "Bakery\nTwo"}}, "translations.en.name"),
]


@pytest.mark.parametrize(("translations", "field"), BAD_TRANSLATIONS)
def test_create_refuses_bad_translations_naming_the_field(user_client, translations, field):
    response = user_client.post("/api/v1/merchants", create_body(translations=translations), format="json")
    assert response.status_code == 400, response.content
    body = response.json()
    assert body["code"] == "validation_error"
    assert field in body["errors"], body
    assert not Merchant.objects.exists()


def test_a_nul_in_a_translation_is_refused_by_the_body_parser(user_client):
    response = user_client.post(
        "/api/v1/merchants", create_body(translations={"en": {"name": "Bake\u0000ry"}}), format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] in {"validation_error", "malformed_json"}


def test_problem_messages_are_in_the_request_language(user_client):
    body = create_body(translations={"en": {"name": ""}})
    english = user_client.post("/api/v1/merchants", body, format="json").json()
    korean = user_client.post("/api/v1/merchants", body, format="json", HTTP_ACCEPT_LANGUAGE="ko").json()
    assert english["code"] == korean["code"] == "validation_error"
    assert english["errors"]["translations.en.name"] != korean["errors"]["translations.en.name"]


@pytest.mark.parametrize(("role", "expected"), [("owner", 200), ("manager", 200), ("clerk", 403), ("outsider", 403)])
def test_patch_translations_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff[role]).patch(
        f"/api/v1/merchants/{merchant.pk}", {"translations": BAKERY_TRANSLATIONS}, format="json"
    )
    assert response.status_code == expected, response.content
    merchant.refresh_from_db()
    assert merchant.translations == (BAKERY_TRANSLATIONS if expected == 200 else {})
    if expected == 200:
        assert response.json()["translations"] == BAKERY_TRANSLATIONS


def test_patch_translations_anonymous_is_401(api_client, merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    response = api_client.patch(f"/api/v1/merchants/{merchant.pk}", {"translations": {}}, format="json")
    assert response.status_code == 401


def test_patch_replaces_the_whole_object_and_leaves_it_alone_when_absent(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    url = f"/api/v1/merchants/{merchant.pk}"
    assert owner.patch(url, {"translations": BAKERY_TRANSLATIONS}, format="json").status_code == 200
    assert owner.patch(url, {"checkin_radius_m": 150}, format="json").json()["translations"] == BAKERY_TRANSLATIONS
    only_japanese = {"ja": {"address": "京畿道 光明市 鉄山路 12"}}
    assert owner.patch(url, {"translations": only_japanese}, format="json").json()["translations"] == only_japanese
    assert owner.patch(url, {"translations": {}}, format="json").json()["translations"] == {}
    merchant.refresh_from_db()
    assert merchant.translations == {}


@pytest.mark.parametrize(("translations", "field"), BAD_TRANSLATIONS)
def test_patch_refuses_bad_translations_and_changes_nothing(merchant_with_staff, translations, field):
    merchant = merchant_with_staff["merchant"]
    merchant.translations = BAKERY_TRANSLATIONS
    merchant.save()
    response = client_for(merchant_with_staff["owner"]).patch(
        f"/api/v1/merchants/{merchant.pk}", {"name": "New", "translations": translations}, format="json"
    )
    assert response.status_code == 400, response.content
    assert field in response.json()["errors"]
    merchant.refresh_from_db()
    assert (merchant.name, merchant.translations) != ("New", translations)
    assert merchant.translations == BAKERY_TRANSLATIONS


def campaign_body(**overrides) -> dict:
    return {
        "title": "첫 방문 아메리카노 무료",
        "ends_at": "2099-12-31T23:59:00+09:00",
        "trigger": {"type": "first_visit"},
        **overrides,
    }


def test_campaign_create_and_patch_round_trip(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    manager = client_for(merchant_with_staff["manager"])
    created = manager.post(
        f"/api/v1/merchants/{merchant.pk}/campaigns",
        campaign_body(translations=CAMPAIGN_TRANSLATIONS),
        format="json",
        HTTP_ACCEPT_LANGUAGE="ja",
    )
    assert created.status_code == 201, created.content
    body = created.json()
    assert body["translations"] == CAMPAIGN_TRANSLATIONS
    assert body["title"] == "初回来店でアメリカーノ無料"
    assert body["description"] == ""  # no Japanese description, and the original is empty
    url = f"/api/v1/campaigns/{body['id']}"
    patched = manager.patch(url, {"translations": {"en": {"title": "Free americano"}}}, format="json")
    assert patched.status_code == 200, patched.content
    assert patched.json()["translations"] == {"en": {"title": "Free americano"}}
    assert patched.json()["title"] == "Free americano"
    assert Campaign.objects.get(pk=body["id"]).translations == {"en": {"title": "Free americano"}}


@pytest.mark.parametrize(
    ("translations", "field"),
    [
        ({"en": {"name": "Bakery"}}, "translations.en"),
        ({"en": {"title": "x" * 121}}, "translations.en.title"),
        ({"en": {"description": "x" * 2001}}, "translations.en.description"),
        ({"en": {"title": "   "}}, "translations.en.title"),
        ({"xx": {"title": "Free"}}, "translations"),
        (7, "translations"),
    ],
)
def test_campaign_writes_refuse_bad_translations(merchant_with_staff, translations, field):
    merchant = merchant_with_staff["merchant"]
    owner = client_for(merchant_with_staff["owner"])
    created = owner.post(
        f"/api/v1/merchants/{merchant.pk}/campaigns", campaign_body(translations=translations), format="json"
    )
    assert created.status_code == 400, created.content
    assert field in created.json()["errors"]
    assert not Campaign.objects.exists()
    campaign = factories.CampaignFactory(merchant=merchant)
    patched = owner.patch(f"/api/v1/campaigns/{campaign.pk}", {"translations": translations}, format="json")
    assert patched.status_code == 400, patched.content
    assert field in patched.json()["errors"]
    campaign.refresh_from_db()
    assert campaign.translations == {}


def test_a_multi_line_description_translation_is_accepted(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    description = "Show this coupon at the counter.\nOne per person."
    response = client_for(merchant_with_staff["owner"]).post(
        f"/api/v1/merchants/{merchant.pk}/campaigns",
        campaign_body(translations={"en": {"description": description}}),
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 201, response.content
    assert response.json()["description"] == description


@pytest.mark.parametrize(("role", "expected"), [("owner", 201), ("manager", 201), ("clerk", 403), ("outsider", 403)])
def test_campaign_translations_by_role(merchant_with_staff, role, expected):
    merchant = merchant_with_staff["merchant"]
    response = client_for(merchant_with_staff[role]).post(
        f"/api/v1/merchants/{merchant.pk}/campaigns", campaign_body(translations=CAMPAIGN_TRANSLATIONS), format="json"
    )
    assert response.status_code == expected, response.content
    assert Campaign.objects.filter(translations=CAMPAIGN_TRANSLATIONS).exists() is (expected == 201)


# --- reads --------------------------------------------------------------------------------------------------------


def nearby(client, language: str | None, **params) -> dict:
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    response = client.get(NEARBY, {"lat": ORIGIN[0], "lng": ORIGIN[1], "radius": 500, **params}, **headers)
    assert response.status_code == 200, response.content
    return {row["id"]: row for row in response.json()["results"]}


@pytest.mark.parametrize(
    ("language", "name", "address", "title"),
    [
        (None, "Cheolsan Happy Bakery", "12 Cheolsan-ro, Gwangmyeong-si, Gyeonggi-do", None),  # English by default
        ("ko", "철산 행복 베이커리", "경기도 광명시 철산로 12", "첫 방문 아메리카노 무료"),
        (
            "en",
            "Cheolsan Happy Bakery",
            "12 Cheolsan-ro, Gwangmyeong-si, Gyeonggi-do",
            "Free americano on your first visit",
        ),
        ("en-US,en;q=0.9", "Cheolsan Happy Bakery", "12 Cheolsan-ro, Gwangmyeong-si, Gyeonggi-do", None),
        ("ja", "チョルサン・ハッピーベーカリー", "경기도 광명시 철산로 12", "初回来店でアメリカーノ無料"),
        ("zh-Hans", "철산 행복 베이커리", "경기도 광명시 철산로 12", "첫 방문 아메리카노 무료"),
    ],
)
def test_nearby_in_each_language_with_fallback_per_field(api_client, shops, language, name, address, title):
    rows = nearby(api_client, language)
    bakery, cafe = rows[shops["bakery"].pk], rows[shops["cafe"].pk]
    assert (bakery["name"], bakery["address"]) == (name, address)
    if title:
        assert bakery["active_campaigns"][0]["title"] == title
    # The untranslated shop and campaign read as their originals in every language.
    assert (cafe["name"], cafe["address"]) == ("하안 골목 커피", "경기도 광명시 하안로 208")
    assert cafe["active_campaigns"][0]["title"] == "다섯 번째 방문마다 음료 무료"
    assert "translations" not in bakery


def test_nearby_answers_with_content_language(api_client, shops):
    response = api_client.get(NEARBY, {"lat": ORIGIN[0], "lng": ORIGIN[1]}, HTTP_ACCEPT_LANGUAGE="ja")
    assert response["Content-Language"] == "ja"


def test_nearby_name_search_matches_the_original_or_the_name_in_the_request_language(api_client, shops):
    bakery = shops["bakery"].pk
    assert list(nearby(api_client, "en", q="happy")) == [bakery]
    assert list(nearby(api_client, "en", q="행복")) == [bakery]
    assert list(nearby(api_client, "ja", q="ハッピー")) == [bakery]
    assert list(nearby(api_client, "ko", q="happy")) == []  # not the name in Korean, nor the original


@pytest.mark.parametrize("language", ["ko", "en", "ja"])
def test_nearby_is_still_one_statement(api_client, shops, language):
    with CaptureQueriesContext(connection) as captured:
        nearby(api_client, language)
    statements = [q["sql"] for q in captured.captured_queries if "SAVEPOINT" not in q["sql"]]
    assert len(statements) == 1, statements


def test_detail_in_the_request_language_with_fallback(api_client, shops):
    url = f"/api/v1/merchants/{shops['bakery'].pk}"
    japanese = api_client.get(url, HTTP_ACCEPT_LANGUAGE="ja").json()
    assert japanese["name"] == "チョルサン・ハッピーベーカリー"
    assert japanese["address"] == BAKERY["address"]
    assert japanese["active_campaigns"][0]["title"] == "初回来店でアメリカーノ無料"
    assert japanese["active_campaigns"][0]["description"] == "따뜻한 아메리카노 또는 아이스 한 잔."
    english = api_client.get(url, HTTP_ACCEPT_LANGUAGE="en").json()
    assert english["active_campaigns"][0]["description"] == "One hot or iced americano."
    assert "translations" not in english
    korean = api_client.get(f"/api/v1/merchants/{shops['cafe'].pk}", HTTP_ACCEPT_LANGUAGE="en").json()
    assert korean["name"] == "하안 골목 커피"


@pytest.mark.parametrize(("role", "expected"), [("owner", 200), ("manager", 200), ("clerk", 200), ("outsider", 404)])
def test_staff_campaign_reads_carry_every_translation(merchant_with_staff, role, expected):
    campaign = factories.CampaignFactory(
        merchant=merchant_with_staff["merchant"], title="첫 방문 아메리카노 무료", translations=CAMPAIGN_TRANSLATIONS
    )
    client = client_for(merchant_with_staff[role])
    detail = client.get(f"/api/v1/campaigns/{campaign.pk}", HTTP_ACCEPT_LANGUAGE="en")
    assert detail.status_code == expected
    listing = client.get(f"/api/v1/merchants/{campaign.merchant_id}/campaigns", HTTP_ACCEPT_LANGUAGE="ja")
    assert listing.status_code == (200 if expected == 200 else 403)
    if expected == 200:
        assert detail.json()["title"] == "Free americano on your first visit"
        assert detail.json()["translations"] == CAMPAIGN_TRANSLATIONS
        item = listing.json()["results"][0]
        assert (item["title"], item["translations"]) == ("初回来店でアメリカーノ無料", CAMPAIGN_TRANSLATIONS)


def test_wallet_titles_and_merchant_names_in_the_request_language(shops, user):
    factories.CouponFactory(campaign=shops["campaigns"]["bakery"], user=user)
    factories.CouponFactory(campaign=shops["campaigns"]["cafe"], user=user)
    client = client_for(user)
    for language, title, name in [
        ("en", "Free americano on your first visit", "Cheolsan Happy Bakery"),
        ("ja", "初回来店でアメリカーノ無料", "チョルサン・ハッピーベーカリー"),
        ("ko", "첫 방문 아메리카노 무료", "철산 행복 베이커리"),
    ]:
        response = client.get("/api/v1/me/coupons", HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, response.content
        rows = {row["campaign_id"]: row for row in response.json()["results"]}
        bakery, cafe = rows[shops["campaigns"]["bakery"].pk], rows[shops["campaigns"]["cafe"].pk]
        assert (bakery["title"], bakery["merchant"]["name"]) == (title, name)
        assert (cafe["title"], cafe["merchant"]["name"]) == ("다섯 번째 방문마다 음료 무료", "하안 골목 커피")


def test_feed_and_checkin_detail_name_the_merchant_in_the_request_language(shops, user):
    friend = factories.UserFactory()
    factories.friendship_make(user, friend)
    Friendship.objects.filter(user__in=[user, friend]).update(created_at=timezone.now() - timedelta(days=1))
    checkin = factories.CheckinFactory(user=friend, merchant=shops["bakery"], visibility="friends")
    fanout_checkin_task(outbox_event_write(topic="checkin.created", payload={"checkin_id": checkin.pk}).pk)
    client = client_for(user)
    for language, name in [
        ("en", "Cheolsan Happy Bakery"),
        ("ja", "チョルサン・ハッピーベーカリー"),
        ("ko", BAKERY["name"]),
    ]:
        feed = client.get("/api/v1/feed", HTTP_ACCEPT_LANGUAGE=language)
        assert feed.status_code == 200, feed.content
        assert [item["merchant"]["name"] for item in feed.json()["results"]] == [name]
        detail = client.get(f"/api/v1/checkins/{checkin.pk}", HTTP_ACCEPT_LANGUAGE=language)
        assert detail.json()["merchant"]["name"] == name
