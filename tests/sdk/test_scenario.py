"""The whole scenario through the generated Python SDK (clients/python/, `make sdk`) against a live server, the way a
third party's app would walk it: sign up, befriend, find a shop nearby, check in (and replay the check-in with its
Idempotency-Key), read the wallet, have a clerk redeem the coupon (and get the 409 the second time), read the feed,
like, comment, read notifications and the campaign's statistics, and parse a 404 and a 429 as problems.

Every request goes through the generated client (`Client` / `AuthenticatedClient` and the generated
`sync_detailed` functions); every answer is read from `response.parsed`, the generated models. The only thing done
outside the API is what a worker does on its own: folding the statistics rollups (beat runs it every few seconds).
"""

import csv
import io
import uuid
from datetime import datetime, timedelta
from http import HTTPStatus

# --- The generated SDK: every operation the scenario calls is named here, once (regenerating may rename them) -------
import check_in_and_coupon_platform_api_client.api.accounts.auth_register_create as register
import check_in_and_coupon_platform_api_client.api.accounts.auth_token_create as token_obtain
import check_in_and_coupon_platform_api_client.api.campaigns.merchants_campaigns_create as campaign_create
import check_in_and_coupon_platform_api_client.api.checkins.checkins_create as checkin_create
import check_in_and_coupon_platform_api_client.api.coupons.me_coupons_list as wallet_list
import check_in_and_coupon_platform_api_client.api.coupons.merchants_redemptions_create as redemption_create
import check_in_and_coupon_platform_api_client.api.friends.friends_list as friend_list
import check_in_and_coupon_platform_api_client.api.friends.friends_requests_accept_create as friend_request_accept
import check_in_and_coupon_platform_api_client.api.friends.friends_requests_create as friend_request_send
import check_in_and_coupon_platform_api_client.api.friends.friends_requests_list as friend_request_list
import check_in_and_coupon_platform_api_client.api.merchants.merchants_create as merchant_create
import check_in_and_coupon_platform_api_client.api.merchants.merchants_nearby_list as merchant_nearby
import check_in_and_coupon_platform_api_client.api.merchants.merchants_retrieve as merchant_retrieve
import check_in_and_coupon_platform_api_client.api.merchants.merchants_staff_create as staff_add
import check_in_and_coupon_platform_api_client.api.notifications.notifications_list as notification_list
import check_in_and_coupon_platform_api_client.api.social.checkins_comments_create as comment_create
import check_in_and_coupon_platform_api_client.api.social.checkins_like_create as like_create
import check_in_and_coupon_platform_api_client.api.social.feed_list as feed_list
import check_in_and_coupon_platform_api_client.api.statistics.campaigns_stats_csv_retrieve as campaign_stats_csv
import check_in_and_coupon_platform_api_client.api.statistics.campaigns_stats_retrieve as campaign_stats
import pytest
from check_in_and_coupon_platform_api_client import AuthenticatedClient, Client, models
from django.utils import timezone

from stats.services import rollups_fold

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("fast_passwords")]

PASSWORD = "quiet-harbour-2718"
SHOP = {"lat": 37.4762, "lng": 126.8680}  # Gwangmyeong


def _ok(response, status: HTTPStatus):
    """The parsed body of an answer that must have `status` (the body is shown when it has not)."""
    assert response.status_code == status, f"{response.status_code}: {response.content[:600]!r}"
    assert response.parsed is not None
    return response.parsed


def _problem(response, status: HTTPStatus, code: str) -> models.Problem:
    """The answer is a problem (RFC 9457) with `status` and `code`, parsed by the SDK into its Problem model."""
    assert response.status_code == status, f"{response.status_code}: {response.content[:600]!r}"
    assert response.headers["Content-Type"].startswith("application/problem+json")
    problem = response.parsed
    assert isinstance(problem, models.Problem), problem
    assert (problem.status, problem.code, problem.type_) == (status, code, "/problems/" + code.replace("_", "-"))
    assert problem.title and problem.detail
    return problem


def _anonymous(base_url: str) -> Client:
    # An answer the spec does not declare raises (errors.UnexpectedStatus) instead of passing as `parsed=None`.
    return Client(base_url=base_url, raise_on_unexpected_status=True)


def _sign_up(base_url: str, username: str, *, location_consent: bool = False) -> AuthenticatedClient:
    """Register through the API and sign in: a client carrying the new user's access token."""
    # The generator types these operations for an AuthenticatedClient because their security is `[{}]` or
    # `[{}, {jwtAuth: []}]` (any security at all means "authenticated" to it); a plain Client works at run time.
    anonymous = _anonymous(base_url)
    body = models.RegisterInputRequest(
        username=username, password=PASSWORD, display_name=username.title(), location_consent=location_consent
    )
    user = _ok(register.sync_detailed(client=anonymous, body=body), HTTPStatus.CREATED)
    assert user.username == username
    tokens = _ok(
        token_obtain.sync_detailed(
            client=anonymous, body=models.TokenObtainPairRequest(username=username, password=PASSWORD)
        ),
        HTTPStatus.OK,
    )
    return AuthenticatedClient(base_url=base_url, token=tokens.access, raise_on_unexpected_status=True)


def _befriend(alice: AuthenticatedClient, bob: AuthenticatedClient) -> None:
    """Alice asks Bob; Bob finds the request among his incoming ones and accepts; each is now the other's friend."""
    sent = _ok(
        friend_request_send.sync_detailed(client=alice, body=models.FriendRequestListInputRequest(username="bob")),
        HTTPStatus.CREATED,
    )
    incoming = _ok(friend_request_list.sync_detailed(client=bob), HTTPStatus.OK)
    assert [(request.id, request.from_user.username) for request in incoming.results] == [(sent.id, "alice")]
    _problem(
        friend_request_accept.sync_detailed(sent.id, client=alice), HTTPStatus.NOT_FOUND, "friend_request_not_found"
    )
    accepted = _ok(friend_request_accept.sync_detailed(sent.id, client=bob), HTTPStatus.OK)
    assert accepted.status.value == "accepted"
    assert [friend.username for friend in _ok(friend_list.sync_detailed(client=alice), HTTPStatus.OK).results] == [
        "bob"
    ]


def _shop_open(owner: AuthenticatedClient, clerk: AuthenticatedClient) -> tuple[int, int]:
    """The owner opens a shop, hires the clerk and starts a campaign (a coupon for every check-in); a clerk may do
    neither of the last two. Returns the merchant's and the campaign's ids."""
    merchant = _ok(
        merchant_create.sync_detailed(
            client=owner,
            body=models.MerchantCreateInputRequest(
                name="Cheolsan Bakery", category=models.CategoryEnum.BAKERY, address="Gwangmyeong-ro 1", **SHOP
            ),
        ),
        HTTPStatus.CREATED,
    )
    hire = models.MerchantStaffInputRequest(username="clerk", role=models.MerchantStaffInputRoleEnum.CLERK)
    assert _ok(staff_add.sync_detailed(merchant.id, client=owner, body=hire), HTTPStatus.CREATED).role.value == "clerk"
    hire = models.MerchantStaffInputRequest(username="bob", role=models.MerchantStaffInputRoleEnum.CLERK)
    _problem(staff_add.sync_detailed(merchant.id, client=clerk, body=hire), HTTPStatus.FORBIDDEN, "permission_denied")
    offer = models.CampaignCreateInputRequest(
        title="A croissant on us",
        ends_at=timezone.now() + timedelta(days=30),
        trigger=models.EveryCheckinTriggerRequest(type_=models.EveryCheckinTriggerTypeEnum.EVERY_CHECKIN),
    )
    _problem(
        campaign_create.sync_detailed(merchant.id, client=clerk, body=offer), HTTPStatus.FORBIDDEN, "permission_denied"
    )
    campaign = _ok(campaign_create.sync_detailed(merchant.id, client=owner, body=offer), HTTPStatus.CREATED)
    assert campaign.status.value == "running"
    return merchant.id, campaign.id


def _nearby_find(base_url: str, merchant_id: int) -> None:
    """Anyone finds the shop, with its running campaign, from a point about 200 m away."""
    page = _ok(
        merchant_nearby.sync_detailed(client=_anonymous(base_url), lat=SHOP["lat"] + 0.0018, lng=SHOP["lng"]),
        HTTPStatus.OK,
    )
    [found] = page.results
    assert (found.id, found.name) == (merchant_id, "Cheolsan Bakery")
    assert 150 < found.distance_m < 250
    assert [campaign.title for campaign in found.active_campaigns] == ["A croissant on us"]


def _check_in(alice: AuthenticatedClient, owner: AuthenticatedClient, merchant_id: int) -> tuple[int, str]:
    """Alice checks in at the shop and gets a coupon; her app retries with the same Idempotency-Key and gets the same
    answer back, marked as replayed, and no second check-in. The owner, who gave no location consent, cannot check in.
    Returns the check-in's id and the coupon's code."""
    key = str(uuid.uuid4())
    body = models.CheckinCreateInputRequest(merchant_id=merchant_id, accuracy_m=12, message="Still warm", **SHOP)
    refused = checkin_create.sync_detailed(client=owner, body=body, idempotency_key=key)
    _problem(refused, HTTPStatus.FORBIDDEN, "location_consent_required")
    # The same key from another user is another key: keys are scoped to the user, so Alice's answer is her own.
    first = checkin_create.sync_detailed(client=alice, body=body, idempotency_key=key)
    checkin = _ok(first, HTTPStatus.CREATED)
    assert "Idempotent-Replayed" not in first.headers
    assert checkin.merchant.id == merchant_id and checkin.distance_m < 1
    [coupon] = checkin.coupons
    replay = checkin_create.sync_detailed(client=alice, body=body, idempotency_key=key)
    # The same answer, byte for byte.
    assert _ok(replay, HTTPStatus.CREATED).to_dict() == checkin.to_dict()
    assert replay.content == first.content
    assert replay.headers["Idempotent-Replayed"] == "true"
    # Without the key the same check-in is a new attempt, and the cooldown refuses it.
    _problem(checkin_create.sync_detailed(client=alice, body=body), HTTPStatus.UNPROCESSABLE_ENTITY, "checkin_cooldown")
    return checkin.id, coupon.code


def _wallet_read(alice: AuthenticatedClient, code: str, status: str) -> None:
    [coupon] = _ok(wallet_list.sync_detailed(client=alice), HTTPStatus.OK).results
    assert (coupon.code, coupon.title, coupon.status.value) == (code, "A croissant on us", status)


def _redeem(clerk: AuthenticatedClient, alice: AuthenticatedClient, merchant_id: int, code: str) -> None:
    """At the counter: a customer cannot redeem her own coupon; the clerk can, once; the second time is a 409."""
    body = models.RedemptionCreateInputRequest(code=code)
    _problem(
        redemption_create.sync_detailed(merchant_id, client=alice, body=body), HTTPStatus.FORBIDDEN, "permission_denied"
    )
    redeemed = _ok(redemption_create.sync_detailed(merchant_id, client=clerk, body=body), HTTPStatus.CREATED)
    assert (redeemed.code, redeemed.status.value, redeemed.user.display_name) == (code, "redeemed", "Alice")
    again = redemption_create.sync_detailed(merchant_id, client=clerk, body=body)
    conflict = _problem(again, HTTPStatus.CONFLICT, "coupon_already_redeemed")
    # An extension member of the problem: when it was redeemed.
    assert datetime.fromisoformat(conflict.to_dict()["redeemed_at"]) == redeemed.redeemed_at


def _feed_like_comment(bob: AuthenticatedClient, checkin_id: int) -> None:
    """Bob sees Alice's check-in in his feed, likes it and comments on it; the feed counts both."""
    [item] = _ok(feed_list.sync_detailed(client=bob), HTTPStatus.OK).results
    assert (item.id, item.user.username, item.merchant.name, item.message) == (
        checkin_id, "alice", "Cheolsan Bakery", "Still warm"
    )  # fmt: skip
    like = _ok(like_create.sync_detailed(checkin_id, client=bob), HTTPStatus.CREATED)
    assert (like.liked, like.like_count) == (True, 1)
    comment = models.CommentCreateInputRequest(text="Save me one!")
    assert _ok(comment_create.sync_detailed(checkin_id, client=bob, body=comment), HTTPStatus.CREATED).text == (
        "Save me one!"
    )
    [item] = _ok(feed_list.sync_detailed(client=bob), HTTPStatus.OK).results
    assert (item.like_count, item.comment_count, item.liked_by_me) == (1, 1, True)


def _notifications_read(alice: AuthenticatedClient, bob: AuthenticatedClient) -> None:
    """Each was told what the other did: Bob of the request and the check-in, Alice of the answer, like, comment."""
    types = {
        name: [notice.type_.value for notice in _ok(notification_list.sync_detailed(client=who), HTTPStatus.OK).results]
        for name, who in (("alice", alice), ("bob", bob))
    }
    assert sorted(types["alice"]) == ["comment", "friend_accepted", "like"]
    assert sorted(types["bob"]) == ["friend_checkin", "friend_request"]


def _statistics_read(owner: AuthenticatedClient, alice: AuthenticatedClient, campaign_id: int) -> None:
    """The owner reads the campaign's figures as JSON and the series as CSV; a customer cannot read them at all."""
    rollups_fold()  # the worker's job (beat runs it every few seconds), not the API's
    stats = _ok(campaign_stats.sync_detailed(campaign_id, client=owner), HTTPStatus.OK)
    totals = stats.totals
    assert (totals.checkins, totals.unique_visitors, totals.new_visitors) == (1, 1, 1)
    assert (totals.coupons_issued, totals.coupons_redeemed, totals.redemption_rate) == (1, 1, 1.0)
    assert (totals.friend_impressions, totals.likes, totals.comments) == (1, 1, 1)
    assert sum(row.checkins for row in stats.series) == 1
    answer = campaign_stats_csv.sync_detailed(campaign_id, client=owner)
    assert answer.headers["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(_ok(answer, HTTPStatus.OK))))
    assert [
        (row["checkins"], row["coupons_issued"], row["coupons_redeemed"]) for row in rows if row["checkins"] != "0"
    ] == [("1", "1", "1")]
    for operation in (campaign_stats, campaign_stats_csv):
        _problem(operation.sync_detailed(campaign_id, client=alice), HTTPStatus.NOT_FOUND, "campaign_not_found")


def _not_found(base_url: str) -> None:
    _problem(
        merchant_retrieve.sync_detailed(999_999_999, client=_anonymous(base_url)),
        HTTPStatus.NOT_FOUND,
        "merchant_not_found",
    )


def _rate_limited(base_url: str, settings) -> None:
    """Sign-ins over the rate are a 429 problem that says when to come back."""
    settings.THROTTLE_RATES = {**settings.THROTTLE_RATES, "auth": "2/min"}
    body = models.TokenObtainPairRequest(username="alice", password=PASSWORD)
    for _ in range(3):  # the sign-ups above count too: one of these is over the rate
        answer = token_obtain.sync_detailed(client=_anonymous(base_url), body=body)
        if answer.status_code != HTTPStatus.OK:
            break
    _problem(answer, HTTPStatus.TOO_MANY_REQUESTS, "rate_limited")
    assert 1 <= int(answer.headers["Retry-After"]) <= 60


def test_the_whole_scenario_through_the_generated_sdk(live_server, settings, celery_eager_in_every_thread):
    url = live_server.url
    owner, clerk = _sign_up(url, "owner"), _sign_up(url, "clerk")
    alice, bob = _sign_up(url, "alice", location_consent=True), _sign_up(url, "bob", location_consent=True)

    _befriend(alice, bob)
    merchant_id, campaign_id = _shop_open(owner, clerk)
    _nearby_find(url, merchant_id)
    checkin_id, code = _check_in(alice, owner, merchant_id)
    _wallet_read(alice, code, "active")
    _redeem(clerk, alice, merchant_id, code)
    _wallet_read(alice, code, "redeemed")
    _feed_like_comment(bob, checkin_id)
    _notifications_read(alice, bob)
    _statistics_read(owner, alice, campaign_id)
    _not_found(url)
    _rate_limited(url, settings)
