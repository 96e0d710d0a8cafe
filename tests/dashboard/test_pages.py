"""The dashboard's frame in two languages (the switcher, the saved language, <html lang>), the shop overview, the staff
page and the styled 404, with the Django test client against real PostgreSQL."""

import random
import re
from datetime import UTC, datetime

import pytest
from django.test import Client
from django.utils import timezone

from accounts.models import User
from merchants.models import MerchantStaff
from stats.overview import merchant_stats_overview
from stats.services import rollups_fold
from tests import factories
from tests.stats.history import history_make, history_write

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]

LANGUAGE = "/dashboard/language/"


def html_lang(response) -> str:
    return re.search(r'<html lang="([^"]+)"', response.content.decode()).group(1)


def signed_in(user, **headers) -> Client:
    client = Client(**headers)
    client.force_login(user)
    return client


# --- Language ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("accept", "tag", "word"),
    [("ko", "ko", "로그인"), ("en", "en", "Log in"), ("ja", "ja", "ログイン"), ("zh-hans", "zh-Hans", "登录")],
)
def test_the_login_page_speaks_the_browsers_language_and_says_which(client, accept, tag, word):
    response = client.get("/dashboard/login/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 200
    assert html_lang(response) == tag
    assert f"<h1>{word}</h1>" in response.content.decode()
    # The switcher offers the four languages, each named in itself and marked with its language.
    for code, tag_, name in (("ko", "ko", "한국어"), ("en", "en", "English"), ("ja", "ja", "日本語")):
        assert f'value="{code}" lang="{tag_}"' in response.content.decode()
        assert name in response.content.decode()
    assert 'value="zh-hans" lang="zh-Hans"' in response.content.decode()


def test_a_korean_user_reads_the_dashboard_in_korean_whatever_the_browser_says(user):
    user.language = "ko"
    user.save(update_fields=["language"])
    response = signed_in(user).get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en")
    page = response.content.decode()
    assert html_lang(response) == "ko" and response["Content-Language"] == "ko"
    assert "표시할 매장이 없습니다" in page and "로그아웃" in page
    assert "No shop to show" not in page


def test_the_switcher_saves_the_language_on_the_user_and_in_a_dashboard_cookie(user):
    client = signed_in(user)
    response = client.post(LANGUAGE, {"language": "ko", "next": "/dashboard/?x=1"})
    assert response.status_code == 302 and response["Location"] == "/dashboard/?x=1"
    user.refresh_from_db()
    assert user.language == "ko"
    cookie = response.cookies["django_language"]
    assert cookie.value == "ko" and cookie["path"] == "/dashboard/" and cookie["httponly"]
    assert html_lang(client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE="en")) == "ko"
    # The saved language beats the cookie too: a fresh browser with an English cookie still gets Korean.
    fresh = signed_in(user)
    fresh.cookies["django_language"] = "en"
    assert html_lang(fresh.get("/dashboard/")) == "ko"


def test_an_anonymous_visitor_switches_with_the_cookie(client):
    response = client.post(LANGUAGE, {"language": "zh-hans", "next": "/dashboard/login/"})
    assert response.status_code == 302 and response["Location"] == "/dashboard/login/"
    assert response.cookies["django_language"].value == "zh-hans"
    assert html_lang(client.get("/dashboard/login/", HTTP_ACCEPT_LANGUAGE="ko")) == "zh-Hans"


@pytest.mark.parametrize("value", ["fr", "", "KO", "ko-KR", "zh-Hans ", "../ko", "x" * 500])
def test_unknown_languages_change_nothing(user, value):
    client = signed_in(user)
    response = client.post(LANGUAGE, {"language": value, "next": "/dashboard/"})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert "django_language" not in response.cookies
    user.refresh_from_db()
    assert user.language == ""


@pytest.mark.parametrize(
    "target",
    [
        "https://evil.example/",
        "//evil.example/dashboard/",
        "http://testserver.evil.example/",
        "javascript:alert(1)",
        "\\\\evil.example",
        "",
        "https:///evil.example",
    ],
)
def test_the_switcher_never_sends_anyone_off_site(client, target):
    response = client.post(LANGUAGE, {"language": "ko", "next": target})
    assert response.status_code == 302 and response["Location"] == "/dashboard/"


def test_the_switcher_is_a_post_with_csrf():
    assert Client().get(LANGUAGE).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    assert strict.post(LANGUAGE, {"language": "ko"}).status_code == 403
    page = strict.get("/dashboard/login/").content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    assert strict.post(LANGUAGE, {"language": "ko", "csrfmiddlewaretoken": token}).status_code == 302


def test_the_api_keeps_accept_language_for_a_user_with_a_saved_language(user):
    user.language = "ko"
    user.save(update_fields=["language"])
    # (The switcher's cookie is scoped to /dashboard/, so a browser never sends it to the API: see the test above.)
    response = signed_in(user).get("/api/v1/merchants/999999999", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404 and response["Content-Language"] == "en"
    assert response.json()["detail"] == "No merchant has this id."


# --- The shop overview ------------------------------------------------------------------------------------------------


@pytest.fixture
def shop(merchant_with_staff):
    now = timezone.now()
    story = history_make(seed=5, now=now, users=8, days=6)
    for role in ("owner", "manager", "clerk"):
        factories.MerchantStaffFactory(merchant=story.merchant, user=merchant_with_staff[role], role=role)
    history_write(story, until=now, rng=random.Random(5))
    rollups_fold(now=now)
    return {**merchant_with_staff, "merchant": story.merchant, "campaigns": story.campaigns}


@pytest.mark.parametrize("role", ["owner", "manager", "clerk"])
def test_every_staff_member_sees_the_overview_with_the_apis_figures(shop, role):
    merchant = shop["merchant"]
    response = signed_in(shop[role]).get(f"/dashboard/merchants/{merchant.pk}/")
    assert response.status_code == 200
    page = response.content.decode()
    overview = merchant_stats_overview(merchant_id=merchant.pk, user_id=shop[role].pk)
    assert overview["campaigns"]
    for campaign in overview["campaigns"]:
        assert f'href="/dashboard/campaigns/{campaign["id"]}/"' in page
        for key in ("checkins", "unique_visitors", "coupons_issued", "coupons_redeemed"):
            row = page.split(f'data-campaign="{campaign["id"]}"')[1].split("</tr>")[0]
            assert f'data-figure="{key}" data-value="{campaign[key]}"' in row
    assert f'href="/dashboard/merchants/{merchant.pk}/redeem/"' in page
    manages = role != "clerk"
    assert (f'href="/dashboard/merchants/{merchant.pk}/staff/"' in page) is manages
    assert (f'href="/dashboard/merchants/{merchant.pk}/campaigns/new/"' in page) is manages


def test_the_home_page_links_each_shop_to_its_overview(shop):
    page = signed_in(shop["manager"]).get("/dashboard/").content.decode()
    assert f'href="/dashboard/merchants/{shop["merchant"].pk}/"' in page


def test_the_overview_shows_times_in_the_shops_time_zone(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    merchant.timezone = "America/New_York"
    merchant.save(update_fields=["timezone"])
    factories.CampaignFactory(
        merchant=merchant,
        starts_at=datetime(2026, 3, 1, 3, 30, tzinfo=UTC),  # 22:30 on 28 Feb in New York
        ends_at=datetime(2026, 3, 31, 15, 0, tzinfo=UTC),  # 11:00 in New York (summer time from 8 March)
    )
    page = signed_in(merchant_with_staff["owner"]).get(f"/dashboard/merchants/{merchant.pk}/").content.decode()
    assert "2026-02-28 22:30" in page and "2026-03-31 11:00" in page
    assert "America/New_York" in page


@pytest.mark.parametrize("who", ["outsider", "other_staff"])
def test_strangers_get_a_404_for_the_overview(merchant_with_staff, who):
    merchant = merchant_with_staff["merchant"]
    person = merchant_with_staff["outsider"] if who == "outsider" else factories.MerchantStaffFactory().user
    response = signed_in(person).get(f"/dashboard/merchants/{merchant.pk}/")
    assert response.status_code == 404
    assert merchant.name not in response.content.decode()
    assert signed_in(person).get("/dashboard/merchants/999999999/").status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_for_shop_pages(client, merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    for path in (f"/dashboard/merchants/{merchant.pk}/", f"/dashboard/merchants/{merchant.pk}/staff/"):
        response = client.get(path)
        assert response.status_code == 302 and response["Location"].startswith("/dashboard/login/?next=")
    response = client.post(f"/dashboard/merchants/{merchant.pk}/staff/", {"username": "x", "role": "clerk"})
    assert response.status_code == 302 and response["Location"].startswith("/dashboard/login/")


# --- The staff page ---------------------------------------------------------------------------------------------------


def staff_of(merchant) -> dict[str, str]:
    return dict(MerchantStaff.objects.filter(merchant=merchant).values_list("user__username", "role"))


@pytest.mark.parametrize("role", ["owner", "manager"])
def test_owner_and_manager_see_who_works_there(merchant_with_staff, role):
    merchant = merchant_with_staff["merchant"]
    response = signed_in(merchant_with_staff[role]).get(f"/dashboard/merchants/{merchant.pk}/staff/")
    assert response.status_code == 200
    page = response.content.decode()
    for who in ("owner", "manager", "clerk"):
        person = merchant_with_staff[who]
        assert f'data-user="{person.pk}" data-role="{who}"' in page
    # Only the owner gets the add form and the remove buttons (never one for the owner's own row).
    assert ('id="staff-add"' in page) is (role == "owner")
    assert ("/remove/" in page) is (role == "owner")
    assert f"/staff/{merchant_with_staff['owner'].pk}/remove/" not in page


@pytest.mark.parametrize("who", ["clerk", "outsider", "other_staff"])
def test_clerks_and_strangers_get_a_404_for_the_staff_page(merchant_with_staff, who):
    merchant = merchant_with_staff["merchant"]
    person = factories.MerchantStaffFactory().user if who == "other_staff" else merchant_with_staff[who]
    client = signed_in(person)
    before = staff_of(merchant)
    assert client.get(f"/dashboard/merchants/{merchant.pk}/staff/").status_code == 404
    extra = factories.UserFactory()
    assert (
        client.post(
            f"/dashboard/merchants/{merchant.pk}/staff/", {"username": extra.username, "role": "manager"}
        ).status_code
        == 404
    )
    clerk = merchant_with_staff["clerk"]
    assert client.post(f"/dashboard/merchants/{merchant.pk}/staff/{clerk.pk}/remove/").status_code == 404
    assert staff_of(merchant) == before


def test_the_owner_adds_a_manager_and_a_clerk_by_username(merchant_with_staff):
    merchant, owner = merchant_with_staff["merchant"], merchant_with_staff["owner"]
    client = signed_in(owner)
    new_manager, new_clerk = factories.UserFactory(), factories.UserFactory()
    url = f"/dashboard/merchants/{merchant.pk}/staff/"
    response = client.post(url, {"username": new_manager.username, "role": "manager"})
    assert response.status_code == 302 and response["Location"] == url
    response = client.post(url, {"username": f"  {new_clerk.username} ", "role": "clerk"}, follow=True)
    assert f"{new_clerk.username} now works here as Clerk." in response.content.decode()
    staff = staff_of(merchant)
    assert staff[new_manager.username] == "manager" and staff[new_clerk.username] == "clerk"


@pytest.mark.parametrize(
    ("form", "sentence"),
    [
        ({"username": "nobody-has-this-name", "role": "clerk"}, "No one has this username."),
        ({"username": "<manager>", "role": "clerk"}, "This user already works for this merchant."),
        ({"username": "<outsider>", "role": "owner"}, "Select a valid choice."),
        ({"username": "<outsider>", "role": ""}, "This field is required."),
        ({"username": "", "role": "clerk"}, "This field is required."),
        ({"username": "x" * 151, "role": "clerk"}, "at most 150 characters"),
    ],
)
def test_adding_staff_that_cannot_be_added_says_why_in_words(merchant_with_staff, form, sentence):
    merchant = merchant_with_staff["merchant"]
    for key, value in form.items():
        if value.startswith("<"):
            form[key] = merchant_with_staff[value.strip("<>")].username
    before = staff_of(merchant)
    response = signed_in(merchant_with_staff["owner"]).post(f"/dashboard/merchants/{merchant.pk}/staff/", form)
    assert response.status_code == 400
    assert sentence in response.content.decode()
    assert 'id="staff-add"' in response.content.decode()
    assert staff_of(merchant) == before


def test_a_manager_cannot_add_or_remove_staff(merchant_with_staff):
    merchant = merchant_with_staff["merchant"]
    client = signed_in(merchant_with_staff["manager"])
    before = staff_of(merchant)
    extra = factories.UserFactory()
    response = client.post(f"/dashboard/merchants/{merchant.pk}/staff/", {"username": extra.username, "role": "clerk"})
    assert response.status_code == 302
    clerk = merchant_with_staff["clerk"]
    response = client.post(f"/dashboard/merchants/{merchant.pk}/staff/{clerk.pk}/remove/", follow=True)
    assert "Only the shop&#x27;s owner can remove staff." in response.content.decode()
    assert staff_of(merchant) == before


def test_the_owner_removes_a_clerk_but_never_themselves(merchant_with_staff):
    merchant, owner, clerk = (merchant_with_staff[k] for k in ("merchant", "owner", "clerk"))
    client = signed_in(owner)
    url = f"/dashboard/merchants/{merchant.pk}/staff/"
    assert client.get(f"{url}{clerk.pk}/remove/").status_code == 405
    response = client.post(f"{url}{clerk.pk}/remove/", follow=True)
    assert response.redirect_chain == [(url, 302)]
    assert f"{clerk.display_name} no longer works here." in response.content.decode()
    assert clerk.username not in staff_of(merchant)

    response = client.post(f"{url}{owner.pk}/remove/", follow=True)
    assert "a shop always keeps its owner" in response.content.decode()
    assert staff_of(merchant)[owner.username] == "owner"

    response = client.post(f"{url}{merchant_with_staff['outsider'].pk}/remove/", follow=True)
    assert "This person does not work here (any more)." in response.content.decode()


def test_the_staff_page_in_korean(merchant_with_staff):
    owner = merchant_with_staff["owner"]
    User.objects.filter(pk=owner.pk).update(language="ko")
    merchant = merchant_with_staff["merchant"]
    page = signed_in(owner).get(f"/dashboard/merchants/{merchant.pk}/staff/").content.decode()
    assert "매니저 또는 점원 추가" in page and "점원" in page and "점주" in page


# --- Error pages ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/dashboard/no-such-page/", "/dashboard/campaigns/999999999/"])
def test_a_dashboard_404_is_a_page_with_a_way_back(user, path):
    response = signed_in(user).get(path)
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    page = response.content.decode()
    assert "<h1>Page not found</h1>" in page and 'href="/dashboard/"' in page
    assert 'id="language-switcher"' in page


def test_a_dashboard_404_in_korean_for_anonymous_visitors(client):
    response = client.get("/dashboard/nothing-here/", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 404
    assert html_lang(response) == "ko" and "페이지를 찾을 수 없습니다" in response.content.decode()


@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/nothing"])
def test_api_404s_stay_problem_details(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"
    assert response.json()["code"] == "not_found"


def test_a_dashboard_403_is_a_page_with_a_way_back(rf, user):
    from config.urls import handler403

    request = rf.get("/dashboard/anything/")
    request.user = user
    response = handler403(request)
    assert response.status_code == 403 and "Not allowed" in response.content.decode()
    api = rf.get("/api/v1/anything")
    api.user = user
    assert handler403(api)["Content-Type"] == "application/problem+json"
