"""Coupon issuance on an accepted visit: who met a running campaign's trigger, their per-user slots, the stock."""

from dataclasses import dataclass
from datetime import datetime

from django.db import transaction

from accounts.models import Notification, User
from accounts.services import notification_create
from core.db import prepared_cursor
from coupons.codes import coupon_code_new
from coupons.eligibility import in_holdout
from coupons.selectors import IssuingCampaign
from coupons.status import CAMPAIGN_RUNNING
from coupons.triggers import Visit, trigger_members


@dataclass(frozen=True)
class IssuedCoupon:
    """A coupon as the check-in answer and the notifications show it."""

    id: int
    code: str
    title: str
    expires_at: datetime
    campaign_id: int
    user_id: int
    # The campaign's total_stock when this coupon took its last unit (it sold out here), else None.
    sold_out_at_stock: int | None = None


@dataclass(frozen=True)
class _Candidate:
    """A user who met a campaign's trigger on a visit, with the check-in that counts for them."""

    campaign: IssuingCampaign
    user_id: int
    checkin_id: int

    @property
    def holdout(self) -> bool:
        return in_holdout(
            campaign_id=self.campaign.id, user_id=self.user_id, holdout_percent=self.campaign.holdout_percent
        )

    def params(self, now: datetime, **more) -> dict:
        return {"campaign": self.campaign.id, "user": self.user_id, "checkin": self.checkin_id, "now": now, **more}


# Reserve one per-user slot. The counter upsert only increments below the limit: under concurrency the row lock
# serialises the increments and the WHERE sees the committed count, so per_user_limit can never be passed.
_RESERVED_CTE = """reserved AS (
    INSERT INTO coupons_campaignusercount AS counter (campaign_id, user_id, issued)
    SELECT %(campaign)s, %(user)s, 1 {source}WHERE NOT %(holdout)s
    ON CONFLICT (campaign_id, user_id) DO UPDATE SET issued = counter.issued + 1
    WHERE counter.issued < (SELECT per_user_limit FROM coupons_campaign WHERE id = %(campaign)s)
    RETURNING issued
)"""

# Take one unit of stock. The conditional UPDATE is the stock truth (and the campaign_not_oversold constraint backs
# it); it also re-checks that the campaign still runs (coupons.status), against a concurrent pause or end.
_STOCK_CTE = f"""stock AS (
    UPDATE coupons_campaign c SET issued_count = c.issued_count + 1
    WHERE c.id = %(campaign)s{{guard}} AND {CAMPAIGN_RUNNING.sql(alias="c", now="%(now)s")}
    RETURNING c.id, c.merchant_id, c.coupon_valid_days,
              CASE WHEN c.issued_count = c.total_stock THEN c.total_stock END AS sold_out_at_stock
)"""

# Write the coupon for the unit taken in `stock`; a code collision inserts nothing (and is retried).
_COUPON_CTE = """coupon AS (
    INSERT INTO coupons_coupon (campaign_id, merchant_id, user_id, code, checkin_id, issued_at, expires_at)
    SELECT id, merchant_id, %(user)s, %(code)s, %(checkin)s, %(now)s, %(now)s + coupon_valid_days * interval '1 day'
    FROM stock
    ON CONFLICT (code) DO NOTHING
    RETURNING id, expires_at
)"""

# Record the eligibility and reserve a slot in one round trip. The eligibility row is unique per (campaign, user,
# check-in), so a group unlock that meets the same friend's visit twice does nothing the second time.
_RESERVE_SQL = f"""
WITH eligible AS (
    INSERT INTO coupons_campaigneligibility (campaign_id, user_id, checkin_id, in_holdout, created_at)
    VALUES (%(campaign)s, %(user)s, %(checkin)s, %(holdout)s, %(now)s)
    ON CONFLICT (campaign_id, user_id, checkin_id) DO NOTHING
    RETURNING id
), {_RESERVED_CTE.format(source="FROM eligible ")}
SELECT (SELECT id FROM eligible), (SELECT issued FROM reserved)
"""

# Take the unit and write and link the coupon in one round trip. It runs last in the check-in's transaction so that
# the hot campaign row stays locked only briefly.
_ISSUE_SQL = f"""
WITH {_STOCK_CTE.format(guard="")}, {_COUPON_CTE}, linked AS (
    UPDATE coupons_campaigneligibility SET coupon_id = (SELECT id FROM coupon)
    WHERE id = %(eligibility)s AND EXISTS (SELECT 1 FROM coupon)
)
SELECT (SELECT count(*) FROM stock), (SELECT coupon_valid_days FROM stock), coupon.id, coupon.expires_at,
       (SELECT sold_out_at_stock FROM stock)
FROM (SELECT 1) one LEFT JOIN coupon ON true
"""

# The common case in one round trip: the visiting user is the only one who met a trigger, on their own new check-in
# (so the eligibility row cannot exist yet). Same truths as _RESERVE_SQL then _ISSUE_SQL, in the same lock order
# (the per-user counter, then the campaign row): the stock UPDATE only runs when a per-user slot was reserved.
_RESERVE_AND_ISSUE_SQL = f"""
WITH {_RESERVED_CTE.format(source="")}, {_STOCK_CTE.format(guard=" AND EXISTS (SELECT 1 FROM reserved)")},
{_COUPON_CTE}, eligible AS (
    INSERT INTO coupons_campaigneligibility (campaign_id, user_id, checkin_id, in_holdout, created_at, coupon_id)
    VALUES (%(campaign)s, %(user)s, %(checkin)s, %(holdout)s, %(now)s, (SELECT id FROM coupon))
    RETURNING id
)
SELECT (SELECT id FROM eligible), (SELECT issued FROM reserved), (SELECT count(*) FROM stock),
       (SELECT coupon_valid_days FROM stock), (SELECT id FROM coupon), (SELECT expires_at FROM coupon),
       (SELECT sold_out_at_stock FROM stock)
"""

# After a code collision the unit is already taken: only the coupon row is written again, as the stock CTE would.
_CODE_RETRY_SQL = f"""
WITH stock AS (
    SELECT %(campaign)s::bigint AS id, %(merchant)s::bigint AS merchant_id, %(days)s::integer AS coupon_valid_days
), {_COUPON_CTE}
SELECT id, expires_at FROM coupon
"""

_LINK_SQL = "UPDATE coupons_campaigneligibility SET coupon_id = %s WHERE id = %s"

_RELEASE_SQL = """
UPDATE coupons_campaignusercount SET issued = issued - 1 WHERE campaign_id = %(campaign)s AND user_id = %(user)s
"""


def _candidates_find(*, visit: Visit, campaigns: list[IssuingCampaign]) -> list[_Candidate]:
    """Everyone who met a campaign's trigger on this visit, by campaign id."""
    return [
        _Candidate(campaign, user_id, checkin_id)
        for campaign in sorted(campaigns, key=lambda c: c.id)
        for user_id, checkin_id in trigger_members(trigger=campaign.trigger, starts_at=campaign.starts_at, visit=visit)
    ]


def _code_collision_resolve(cursor, params: dict, *, merchant_id: int, days: int, eligibility_id: int):
    """A 1-in-2**50 code collision: the stock unit is taken, so only the coupon row is tried again with new codes."""
    while True:
        params.update(code=coupon_code_new(), merchant=merchant_id, days=days)
        cursor.execute(_CODE_RETRY_SQL, params)
        row = cursor.fetchone()
        if row:
            cursor.execute(_LINK_SQL, [row[0], eligibility_id])
            return row[0], params["code"], row[1]


def _issued(candidate: _Candidate, taken, *, sold_out_at_stock: int | None) -> IssuedCoupon:
    coupon_id, code, expires_at = taken
    return IssuedCoupon(
        coupon_id, code, candidate.campaign.title, expires_at, candidate.campaign.id, candidate.user_id,
        sold_out_at_stock=sold_out_at_stock,
    )  # fmt: skip


def _coupon_reserve_and_take(cursor, candidate: _Candidate, *, now: datetime) -> list[IssuedCoupon]:
    """The fast path: the visiting user alone met one trigger; eligibility, slot, stock and coupon in one trip."""
    params = candidate.params(now, holdout=candidate.holdout, code=coupon_code_new())
    cursor.execute(_RESERVE_AND_ISSUE_SQL, params)
    eligibility_id, slot, took, days, coupon_id, expires_at, sold_out_at_stock = cursor.fetchone()
    if slot is None:
        return []  # holdout, or the per-user limit reached
    if not took:
        cursor.execute(_RELEASE_SQL, params)  # sold out (or paused) meanwhile: give the per-user slot back
        return []
    if coupon_id is None:
        taken = _code_collision_resolve(
            cursor, params, merchant_id=candidate.campaign.merchant_id, days=days, eligibility_id=eligibility_id
        )
        return [_issued(candidate, taken, sold_out_at_stock=sold_out_at_stock)]
    return [_issued(candidate, (coupon_id, params["code"], expires_at), sold_out_at_stock=sold_out_at_stock)]


def _slots_reserve(cursor, candidates: list[_Candidate], *, now: datetime) -> list[tuple[_Candidate, int]]:
    """Record every candidate's eligibility and reserve their slots, in (campaign, user) order; the reserved ones."""
    reserved = []
    for candidate in sorted(candidates, key=lambda c: (c.campaign.id, c.user_id)):
        cursor.execute(_RESERVE_SQL, candidate.params(now, holdout=candidate.holdout))
        eligibility_id, slot = cursor.fetchone()
        if eligibility_id is not None and slot is not None:
            reserved.append((candidate, eligibility_id))
    return reserved


def _coupons_take(cursor, reserved: list[tuple[_Candidate, int]], *, now: datetime) -> list[IssuedCoupon]:
    """Take a unit of stock and write a coupon for each reserved slot; a slot whose stock ran out is given back."""
    issued = []
    for candidate, eligibility_id in reserved:
        params = candidate.params(now, eligibility=eligibility_id, code=coupon_code_new())
        cursor.execute(_ISSUE_SQL, params)
        took, days, coupon_id, expires_at, sold_out_at_stock = cursor.fetchone()
        if not took:
            # Sold out (or paused) meanwhile: give the per-user slot back; this transaction holds its row lock.
            cursor.execute(_RELEASE_SQL, params)
            continue
        if coupon_id is None:
            taken = _code_collision_resolve(
                cursor, params, merchant_id=candidate.campaign.merchant_id, days=days, eligibility_id=eligibility_id
            )
        else:
            taken = (coupon_id, params["code"], expires_at)
        issued.append(_issued(candidate, taken, sold_out_at_stock=sold_out_at_stock))
    return issued


def _friends_notify(*, visit: Visit, issued: list[IssuedCoupon]) -> None:
    """Tell the friends of a group unlock about their coupons (the visiting user sees theirs in the answer)."""
    for coupon in issued:
        if coupon.user_id == visit.user_id:
            continue
        notification_create(
            user=User(pk=coupon.user_id),
            type=Notification.Type.COUPON_ISSUED,
            data={
                "coupon_id": coupon.id,
                "campaign_id": coupon.campaign_id,
                "title": coupon.title,
                "merchant": {"id": visit.merchant_id, "name": visit.merchant_name},
                "reason": "with_friends",
                "by_user_id": visit.user_id,
            },
            dedupe_key=f"coupon_issued:{coupon.id}",
        )


@transaction.atomic(savepoint=False)  # called inside the check-in's transaction; a savepoint would buy nothing
def coupons_issue_for_visit(*, visit: Visit, campaigns: list[IssuingCampaign]) -> list[IssuedCoupon]:
    """Evaluate the issuing campaigns on an accepted visit; issue coupons to whoever met a trigger.

    `visit` carries the facts the campaigns' triggers declared (coupons.triggers.trigger_facts). Holdout users are
    recorded as eligible and get nothing. Rows are locked in one order (all per-user counters by (campaign, user),
    then the campaign rows by id) so that concurrent group unlocks cannot deadlock. Returns the coupons issued, the
    visiting user's and any friends' (friends are notified).
    """
    candidates = _candidates_find(visit=visit, campaigns=campaigns)
    if not candidates:
        return []
    with prepared_cursor() as cursor:
        only = candidates[0]
        if len(candidates) == 1 and (only.user_id, only.checkin_id) == (visit.user_id, visit.checkin_id):
            return _coupon_reserve_and_take(cursor, only, now=visit.at)
        issued = _coupons_take(cursor, _slots_reserve(cursor, candidates, now=visit.at), now=visit.at)
    _friends_notify(visit=visit, issued=issued)
    return issued
