"""Campaigns (create, change, pause, resume, end), coupon issuance on a visit, redemption and expiry."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils import timezone

from accounts.models import Notification, User
from accounts.services import notification_create
from core.dates import supported_date_error
from core.db import prepared_cursor
from core.errors import Conflict, Gone, NotFound, PermissionDenied, ValidationFailed
from coupons.models import Campaign, Coupon
from coupons.selectors import campaign_list_issuing
from coupons.triggers import Visit, in_holdout, trigger_clean, trigger_members
from merchants.models import MANAGING_ROLES, Merchant, MerchantStaff
from merchants.selectors import staff_role_get

# Crockford's base32: no I, L, O or U, so a code read out at a counter is hard to mistype.
CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CODE_LENGTH = 10  # 50 random bits
_CODE_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})

CAMPAIGN_FIELDS = (
    "title",
    "description",
    "starts_at",
    "ends_at",
    "trigger",
    "total_stock",
    "per_user_limit",
    "coupon_valid_days",
    "daily_start_time",
    "daily_end_time",
    "holdout_percent",
)


# ---------------------------------------------------------------------------------------------------------------------
# Campaigns
# ---------------------------------------------------------------------------------------------------------------------
def _campaign_check(values: dict, *, issued_count: int = 0) -> None:
    """Cross-field rules, with messages naming the field; the model's CheckConstraints hold the same truths."""
    errors: dict = {}
    for name in ("starts_at", "ends_at"):
        if (error := supported_date_error(values[name])) is not None:
            errors[name] = [error]
    if errors:
        raise ValidationFailed(errors=errors)
    if values["ends_at"] <= values["starts_at"]:
        errors["ends_at"] = ["Must be after starts_at."]
    stock = values.get("total_stock")
    if stock is not None and stock < max(1, issued_count):
        errors["total_stock"] = [
            f"Cannot be below the {issued_count} coupons already issued." if issued_count else "Must be at least 1."
        ]
    for name, low, high in (("per_user_limit", 1, 1000), ("coupon_valid_days", 1, 3650), ("holdout_percent", 0, 50)):
        if not low <= values[name] <= high:
            errors[name] = [f"Must be between {low} and {high}."]
    start, end = values.get("daily_start_time"), values.get("daily_end_time")
    if (start is None) != (end is None):
        errors["daily_end_time" if end is None else "daily_start_time"] = [
            "daily_start_time and daily_end_time go together: give both or neither."
        ]
    elif start is not None and start == end:
        errors["daily_end_time"] = ["Must differ from daily_start_time (leave both out for all day)."]
    if errors:
        raise ValidationFailed(errors=errors)


@transaction.atomic
def campaign_create(*, merchant: Merchant, actor: User, **fields) -> Campaign:
    """Start a campaign at a merchant; owners and managers only."""
    _role_require(merchant_id=merchant.pk, user=actor, roles=MANAGING_ROLES)
    now = timezone.now()
    values = {
        "description": "",
        "starts_at": now,
        "total_stock": None,
        "per_user_limit": 1,
        "coupon_valid_days": 7,
        "daily_start_time": None,
        "daily_end_time": None,
        "holdout_percent": 0,
    }
    values.update({name: fields[name] for name in CAMPAIGN_FIELDS if name in fields})
    values["trigger"] = trigger_clean(values.get("trigger"))
    if values["ends_at"] <= now:
        raise ValidationFailed(errors={"ends_at": ["Must be in the future."]})
    _campaign_check(values)
    return Campaign.objects.create(merchant=merchant, created_by=actor, **values)


def _campaign_for_change(*, campaign_id: int, actor: User) -> Campaign:
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None:
        raise NotFound("No campaign has this id.", code="campaign_not_found")
    role = staff_role_get(merchant_id=campaign.merchant_id, user_id=actor.pk)
    if role is None:
        # Outsiders are not told that the campaign exists.
        raise NotFound("No campaign has this id.", code="campaign_not_found")
    if role not in MANAGING_ROLES:
        raise PermissionDenied("Only the owner or a manager may change a campaign.")
    return campaign


def _ended_refuse(campaign: Campaign) -> None:
    if campaign.status_at() == Campaign.Status.ENDED:
        raise Conflict("This campaign has ended; start a new one.", code="campaign_ended")


@transaction.atomic
def campaign_update(*, campaign_id: int, actor: User, data: dict) -> Campaign:
    """Change a campaign that has not ended; owners and managers only. Stock never drops below what was issued."""
    # The row lock orders this change with concurrent issuance, so the stock check below sees the final count.
    campaign = _campaign_for_change(campaign_id=campaign_id, actor=actor)
    _ended_refuse(campaign)
    values = {name: getattr(campaign, name) for name in CAMPAIGN_FIELDS}
    changed = [name for name in CAMPAIGN_FIELDS if name in data]
    values.update({name: data[name] for name in changed})
    if "trigger" in data:
        values["trigger"] = trigger_clean(data["trigger"])
    _campaign_check(values, issued_count=campaign.issued_count)
    for name in changed:
        setattr(campaign, name, values[name])
    if changed:
        campaign.save(update_fields=changed)
    return campaign


@transaction.atomic
def campaign_pause(*, campaign_id: int, actor: User) -> Campaign:
    """Stop issuing coupons until resumed (idempotent); owners and managers only."""
    campaign = _campaign_for_change(campaign_id=campaign_id, actor=actor)
    _ended_refuse(campaign)
    if campaign.paused_at is None:
        campaign.paused_at = timezone.now()
        campaign.save(update_fields=["paused_at"])
    return campaign


@transaction.atomic
def campaign_resume(*, campaign_id: int, actor: User) -> Campaign:
    """Issue coupons again after a pause (idempotent); owners and managers only."""
    campaign = _campaign_for_change(campaign_id=campaign_id, actor=actor)
    _ended_refuse(campaign)
    if campaign.paused_at is not None:
        campaign.paused_at = None
        campaign.save(update_fields=["paused_at"])
    return campaign


@transaction.atomic
def campaign_end(*, campaign_id: int, actor: User) -> Campaign:
    """End a campaign for good (idempotent); coupons already issued stay valid until they expire."""
    campaign = _campaign_for_change(campaign_id=campaign_id, actor=actor)
    if campaign.ended_at is None:
        campaign.ended_at = min(timezone.now(), campaign.ends_at)
        campaign.save(update_fields=["ended_at"])
    return campaign


def _role_require(*, merchant_id: int, user: User, roles) -> str:
    role = staff_role_get(merchant_id=merchant_id, user_id=user.pk)
    if role not in roles:
        raise PermissionDenied("Your role at this merchant does not allow this.")
    return role


# ---------------------------------------------------------------------------------------------------------------------
# Issuance
# ---------------------------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class IssuedCoupon:
    """A coupon as the check-in answer and the notifications show it."""

    id: int
    code: str
    title: str
    expires_at: datetime
    campaign_id: int
    user_id: int


def coupon_code_new() -> str:
    """A fresh random code: 10 characters of Crockford base32 from the OS's CSPRNG."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def coupon_code_normalize(raw: str) -> str:
    """What a clerk typed, as a stored code: case-insensitive, dashes and spaces ignored, I/L read as 1 and O as 0."""
    return "".join(raw.split()).replace("-", "").upper().translate(_CODE_READ_AS)


# Reserve one per-user slot and record the eligibility in one round trip. The eligibility row is unique per
# (campaign, user, check-in), so a group unlock that meets the same friend's visit twice does nothing the second time.
# The counter upsert only increments below the limit: under concurrency the row lock serialises the increments and
# the WHERE sees the committed count, so per_user_limit can never be passed.
_RESERVE_SQL = """
WITH eligible AS (
    INSERT INTO coupons_campaigneligibility (campaign_id, user_id, checkin_id, in_holdout, created_at)
    VALUES (%(campaign)s, %(user)s, %(checkin)s, %(holdout)s, %(now)s)
    ON CONFLICT (campaign_id, user_id, checkin_id) DO NOTHING
    RETURNING id
), reserved AS (
    INSERT INTO coupons_campaignusercount AS counter (campaign_id, user_id, issued)
    SELECT %(campaign)s, %(user)s, 1 FROM eligible WHERE NOT %(holdout)s
    ON CONFLICT (campaign_id, user_id) DO UPDATE SET issued = counter.issued + 1
    WHERE counter.issued < (SELECT per_user_limit FROM coupons_campaign WHERE id = %(campaign)s)
    RETURNING issued
)
SELECT (SELECT id FROM eligible), (SELECT issued FROM reserved)
"""

# Take one unit of stock and write the coupon in one round trip. The conditional UPDATE is the stock truth (and the
# campaign_not_oversold constraint backs it); it also re-checks that the campaign still runs, against a concurrent
# pause or end. It runs last in the check-in's transaction so that the hot campaign row stays locked only briefly.
_ISSUE_SQL = """
WITH stock AS (
    UPDATE coupons_campaign SET issued_count = issued_count + 1
    WHERE id = %(campaign)s AND paused_at IS NULL AND ended_at IS NULL
      AND starts_at <= %(now)s AND ends_at > %(now)s
      AND (total_stock IS NULL OR issued_count < total_stock)
    RETURNING id, merchant_id, coupon_valid_days
), coupon AS (
    INSERT INTO coupons_coupon (campaign_id, merchant_id, user_id, code, checkin_id, issued_at, expires_at)
    SELECT id, merchant_id, %(user)s, %(code)s, %(checkin)s, %(now)s, %(now)s + coupon_valid_days * interval '1 day'
    FROM stock
    ON CONFLICT (code) DO NOTHING
    RETURNING id, expires_at
), linked AS (
    UPDATE coupons_campaigneligibility SET coupon_id = (SELECT id FROM coupon)
    WHERE id = %(eligibility)s AND EXISTS (SELECT 1 FROM coupon)
)
SELECT (SELECT count(*) FROM stock), (SELECT coupon_valid_days FROM stock), coupon.id, coupon.expires_at
FROM (SELECT 1) one LEFT JOIN coupon ON true
"""

# The common case in one round trip: the visiting user is the only one who met a trigger, on their own new check-in
# (so the eligibility row cannot exist yet). Same truths as _RESERVE_SQL then _ISSUE_SQL, in the same lock order
# (the per-user counter, then the campaign row): the stock UPDATE only runs when a per-user slot was reserved.
_RESERVE_AND_ISSUE_SQL = """
WITH reserved AS (
    INSERT INTO coupons_campaignusercount AS counter (campaign_id, user_id, issued)
    SELECT %(campaign)s, %(user)s, 1 WHERE NOT %(holdout)s
    ON CONFLICT (campaign_id, user_id) DO UPDATE SET issued = counter.issued + 1
    WHERE counter.issued < (SELECT per_user_limit FROM coupons_campaign WHERE id = %(campaign)s)
    RETURNING issued
), stock AS (
    UPDATE coupons_campaign SET issued_count = issued_count + 1
    WHERE id = %(campaign)s AND EXISTS (SELECT 1 FROM reserved) AND paused_at IS NULL AND ended_at IS NULL
      AND starts_at <= %(now)s AND ends_at > %(now)s
      AND (total_stock IS NULL OR issued_count < total_stock)
    RETURNING id, merchant_id, coupon_valid_days
), coupon AS (
    INSERT INTO coupons_coupon (campaign_id, merchant_id, user_id, code, checkin_id, issued_at, expires_at)
    SELECT id, merchant_id, %(user)s, %(code)s, %(checkin)s, %(now)s, %(now)s + coupon_valid_days * interval '1 day'
    FROM stock
    ON CONFLICT (code) DO NOTHING
    RETURNING id, expires_at
), eligible AS (
    INSERT INTO coupons_campaigneligibility (campaign_id, user_id, checkin_id, in_holdout, created_at, coupon_id)
    VALUES (%(campaign)s, %(user)s, %(checkin)s, %(holdout)s, %(now)s, (SELECT id FROM coupon))
    RETURNING id
)
SELECT (SELECT id FROM eligible), (SELECT issued FROM reserved), (SELECT count(*) FROM stock),
       (SELECT coupon_valid_days FROM stock), (SELECT id FROM coupon), (SELECT expires_at FROM coupon)
"""

_CODE_RETRY_SQL = """
INSERT INTO coupons_coupon (campaign_id, merchant_id, user_id, code, checkin_id, issued_at, expires_at)
VALUES (%(campaign)s, %(merchant)s, %(user)s, %(code)s, %(checkin)s, %(now)s, %(now)s + %(days)s * interval '1 day')
ON CONFLICT (code) DO NOTHING
RETURNING id, expires_at
"""

_RELEASE_SQL = """
UPDATE coupons_campaignusercount SET issued = issued - 1 WHERE campaign_id = %(campaign)s AND user_id = %(user)s
"""


def _code_collision_resolve(cursor, params: dict, *, merchant_id: int, days: int, eligibility_id: int):
    """A 1-in-2**50 code collision: the stock unit is taken, so only the coupon row is tried again with new codes."""
    while True:
        params.update(code=coupon_code_new(), merchant=merchant_id, days=days)
        cursor.execute(_CODE_RETRY_SQL, params)
        row = cursor.fetchone()
        if row:
            cursor.execute(
                "UPDATE coupons_campaigneligibility SET coupon_id = %s WHERE id = %s", [row[0], eligibility_id]
            )
            return row[0], params["code"], row[1]


def _coupon_take(cursor, *, campaign: Campaign, user_id: int, checkin_id: int, eligibility_id: int, now):
    params = {
        "campaign": campaign.pk,
        "user": user_id,
        "checkin": checkin_id,
        "eligibility": eligibility_id,
        "now": now,
        "code": coupon_code_new(),
    }
    cursor.execute(_ISSUE_SQL, params)
    took, days, coupon_id, expires_at = cursor.fetchone()
    if not took:
        return None
    if coupon_id is None:
        return _code_collision_resolve(
            cursor, params, merchant_id=campaign.merchant_id, days=days, eligibility_id=eligibility_id
        )
    return coupon_id, params["code"], expires_at


def _coupon_reserve_and_take(cursor, *, campaign: Campaign, user_id: int, checkin_id: int, now):
    holdout = in_holdout(campaign_id=campaign.pk, user_id=user_id, holdout_percent=campaign.holdout_percent)
    params = {
        "campaign": campaign.pk,
        "user": user_id,
        "checkin": checkin_id,
        "holdout": holdout,
        "now": now,
        "code": coupon_code_new(),
    }
    cursor.execute(_RESERVE_AND_ISSUE_SQL, params)
    eligibility_id, slot, took, days, coupon_id, expires_at = cursor.fetchone()
    if slot is None:
        return None  # holdout, or the per-user limit reached
    if not took:
        cursor.execute(_RELEASE_SQL, params)  # sold out (or paused) meanwhile: give the per-user slot back
        return None
    if coupon_id is None:
        return _code_collision_resolve(
            cursor, params, merchant_id=campaign.merchant_id, days=days, eligibility_id=eligibility_id
        )
    return coupon_id, params["code"], expires_at


@transaction.atomic(savepoint=False)  # called inside the check-in's transaction; a savepoint would buy nothing
def coupons_issue_for_visit(*, visit: Visit, campaigns: list[Campaign] | None = None) -> list[IssuedCoupon]:
    """Evaluate the merchant's issuing campaigns on an accepted visit; issue coupons to whoever met a trigger.

    Holdout users are recorded as eligible and get nothing. Rows are locked in one order (all per-user counters by
    (campaign, user), then the campaign rows by id) so that concurrent group unlocks cannot deadlock.
    Returns the coupons issued, the visiting user's and any friends' (friends are notified).
    """
    if campaigns is None:
        campaigns = campaign_list_issuing(merchant_id=visit.merchant_id, at=visit.at)
    candidates = []
    for campaign in sorted(campaigns, key=lambda c: c.pk):
        for user_id, checkin_id in trigger_members(trigger=campaign.trigger, starts_at=campaign.starts_at, visit=visit):
            candidates.append((campaign, user_id, checkin_id))
    if not candidates:
        return []
    if len(candidates) == 1 and candidates[0][1] == visit.user_id and candidates[0][2] == visit.checkin_id:
        campaign = candidates[0][0]
        with prepared_cursor() as cursor:
            taken = _coupon_reserve_and_take(
                cursor, campaign=campaign, user_id=visit.user_id, checkin_id=visit.checkin_id, now=visit.at
            )
        if taken is None:
            return []
        coupon_id, code, expires_at = taken
        return [IssuedCoupon(coupon_id, code, campaign.title, expires_at, campaign.pk, visit.user_id)]
    reserved = []
    with prepared_cursor() as cursor:
        for campaign, user_id, checkin_id in sorted(candidates, key=lambda c: (c[0].pk, c[1])):
            holdout = in_holdout(campaign_id=campaign.pk, user_id=user_id, holdout_percent=campaign.holdout_percent)
            cursor.execute(
                _RESERVE_SQL,
                {"campaign": campaign.pk, "user": user_id, "checkin": checkin_id, "holdout": holdout, "now": visit.at},
            )
            eligibility_id, slot = cursor.fetchone()
            if eligibility_id is not None and slot is not None:
                reserved.append((campaign, user_id, checkin_id, eligibility_id))
        issued = []
        for campaign, user_id, checkin_id, eligibility_id in reserved:
            taken = _coupon_take(
                cursor,
                campaign=campaign,
                user_id=user_id,
                checkin_id=checkin_id,
                eligibility_id=eligibility_id,
                now=visit.at,
            )
            if taken is None:
                # Sold out (or paused) meanwhile: give the per-user slot back; this transaction holds its row lock.
                cursor.execute(_RELEASE_SQL, {"campaign": campaign.pk, "user": user_id})
                continue
            coupon_id, code, expires_at = taken
            issued.append(IssuedCoupon(coupon_id, code, campaign.title, expires_at, campaign.pk, user_id))
    for coupon in issued:
        if coupon.user_id != visit.user_id:
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
    return issued


# ---------------------------------------------------------------------------------------------------------------------
# Redemption and expiry
# ---------------------------------------------------------------------------------------------------------------------
def coupon_redeem(*, merchant_id: int, actor: User, code: str, now: datetime | None = None) -> Coupon:
    """Redeem a coupon at the counter, exactly once; any staff of the issuing merchant."""
    _role_require(merchant_id=merchant_id, user=actor, roles=MerchantStaff.Role.values)
    now = now or timezone.now()
    normalized = coupon_code_normalize(code)
    not_found = NotFound("No coupon of this merchant has this code.", code="coupon_not_found")
    if len(normalized) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in normalized):
        raise not_found
    # The conditional UPDATE is the truth: of any number of concurrent redemptions exactly one matches the row.
    redeemed = Coupon.objects.filter(
        code=normalized, merchant_id=merchant_id, redeemed_at__isnull=True, expires_at__gt=now
    ).update(redeemed_at=now, redeemed_by=actor)
    coupon = (
        Coupon.objects.select_related("campaign", "merchant", "user")
        .filter(code=normalized, merchant_id=merchant_id)
        .first()
    )
    if coupon is None:
        raise not_found
    if not redeemed:
        if coupon.redeemed_at is not None:
            raise Conflict(
                "This coupon was already redeemed.", code="coupon_already_redeemed", redeemed_at=coupon.redeemed_at
            )
        raise Gone("This coupon has expired.", code="coupon_expired", expires_at=coupon.expires_at)
    return coupon


def coupons_expire(*, now: datetime | None = None, batch: int = 5000) -> int:
    """Mark unredeemed coupons past their expiry as expired (the status already reads expires_at); returns how many."""
    now = now or timezone.now()
    total = 0
    while True:
        # Small batches keep each transaction short; redeemed_at IS NULL keeps a concurrent redemption exclusive.
        with connection.cursor() as cursor:
            cursor.execute(
                """
                UPDATE coupons_coupon SET expired_at = expires_at
                WHERE id IN (SELECT id FROM coupons_coupon
                             WHERE redeemed_at IS NULL AND expired_at IS NULL AND expires_at <= %s
                             LIMIT %s FOR UPDATE SKIP LOCKED)
                  AND redeemed_at IS NULL
                """,
                [now, batch],
            )
            count = cursor.rowcount
        total += count
        if count < batch:
            return total
