"""Campaigns: start one, change it, pause, resume and end it (owners and managers of its merchant)."""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from core.dates import supported_date_error
from core.errors import ValidationFailed
from core.translations import TranslatedTexts
from coupons.errors import CampaignChangeRefused, CampaignEnded, CampaignNotFound
from coupons.limits import CAMPAIGN_LIMITS
from coupons.models import Campaign
from coupons.triggers import trigger_clean
from merchants.models import MANAGING_ROLES, Merchant
from merchants.selectors import staff_role_require
from webhooks.events import webhook_campaign_ended, webhook_campaign_sold_out, webhook_events_emit

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
    "translations",
)
# The texts of a campaign that may be translated (the rule for all translations: core/translations.py).
CAMPAIGN_TEXTS = TranslatedTexts.of(Campaign, "title", "description")


def _campaign_check(values: dict, *, issued_count: int = 0) -> None:
    """Cross-field rules, with messages naming the field; the model's CheckConstraints hold the same truths."""
    errors: dict = {}
    for name in ("starts_at", "ends_at"):
        if (error := supported_date_error(values[name])) is not None:
            errors[name] = [error]
    if errors:
        raise ValidationFailed(errors=errors)
    if values["ends_at"] <= values["starts_at"]:
        errors["ends_at"] = [_("Must be after starts_at.")]
    stock = values.get("total_stock")
    if stock is not None and stock < max(1, issued_count):
        errors["total_stock"] = [
            f"Cannot be below the {issued_count} coupons already issued." if issued_count else "Must be at least 1."
        ]
    for limit in CAMPAIGN_LIMITS:
        if not limit.low <= values[limit.name] <= limit.high:
            errors[limit.name] = [_("Must be between %(low)d and %(high)d.") % {"low": limit.low, "high": limit.high}]
    start, end = values.get("daily_start_time"), values.get("daily_end_time")
    if (start is None) != (end is None):
        errors["daily_end_time" if end is None else "daily_start_time"] = [
            "daily_start_time and daily_end_time go together: give both or neither."
        ]
    elif start is not None and start == end:
        errors["daily_end_time"] = [_("Must differ from daily_start_time (leave both out for all day).")]
    if errors:
        raise ValidationFailed(errors=errors)


@transaction.atomic
def campaign_create(*, merchant: Merchant, actor: User, **fields) -> Campaign:
    """Start a campaign at a merchant; owners and managers only."""
    staff_role_require(merchant_id=merchant.pk, user_id=actor.pk, roles=MANAGING_ROLES)
    now = timezone.now()
    values: dict[str, Any] = {
        "description": "",
        "starts_at": now,
        "total_stock": None,
        "daily_start_time": None,
        "daily_end_time": None,
        "translations": {},
        **{limit.name: limit.default for limit in CAMPAIGN_LIMITS},
    }
    values.update({name: fields[name] for name in CAMPAIGN_FIELDS if name in fields})
    values["trigger"] = trigger_clean(values.get("trigger"))
    values["translations"] = CAMPAIGN_TEXTS.clean(values["translations"])
    if values["ends_at"] <= now:
        raise ValidationFailed(errors={"ends_at": [_("Must be in the future.")]})
    _campaign_check(values)
    return Campaign.objects.create(merchant=merchant, created_by=actor, **values)


def _campaign_for_change(*, campaign_id: int, actor: User) -> Campaign:
    campaign = Campaign.objects.select_for_update().filter(pk=campaign_id).first()
    if campaign is None:
        raise CampaignNotFound()
    # Outsiders are not told that the campaign exists.
    staff_role_require(
        merchant_id=campaign.merchant_id,
        user_id=actor.pk,
        roles=MANAGING_ROLES,
        outsider=CampaignNotFound(),
        refused=CampaignChangeRefused(),
    )
    return campaign


def _ended_refuse(campaign: Campaign) -> None:
    if campaign.status_at() == Campaign.Status.ENDED:
        raise CampaignEnded()


@transaction.atomic
def campaign_update(*, campaign_id: int, actor: User, data: dict) -> Campaign:
    """Change a campaign that has not ended; owners and managers only. Stock never drops below what was issued;
    `translations` replaces the whole object."""
    # The row lock orders this change with concurrent issuance, so the stock check below sees the final count.
    campaign = _campaign_for_change(campaign_id=campaign_id, actor=actor)
    _ended_refuse(campaign)
    values = {name: getattr(campaign, name) for name in CAMPAIGN_FIELDS}
    changed = [name for name in CAMPAIGN_FIELDS if name in data]
    values.update({name: data[name] for name in changed})
    if "trigger" in data:
        values["trigger"] = trigger_clean(data["trigger"])
    if "translations" in data:
        values["translations"] = CAMPAIGN_TEXTS.clean(data["translations"])
    _campaign_check(values, issued_count=campaign.issued_count)
    for name in changed:
        setattr(campaign, name, values[name])
    if changed:
        campaign.save(update_fields=changed)
    if "total_stock" in changed and campaign.total_stock == campaign.issued_count:
        # Its stock lowered to what was already issued: sold out now, as if issuance had taken the last unit.
        webhook_events_emit(
            events=[
                webhook_campaign_sold_out(
                    campaign_id=campaign.pk,
                    merchant_id=campaign.merchant_id,
                    title=campaign.title,
                    total_stock=campaign.total_stock,
                    at=timezone.now(),
                )
            ]
        )
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
        # Once however it ended (the announcement is deduplicated per campaign): by staff, or already by its time.
        reason = "ended_by_staff" if campaign.ended_at < campaign.ends_at else "ends_at_reached"
        webhook_events_emit(events=[_ended_event(campaign, ended_at=campaign.ended_at, reason=reason)])
    return campaign


def _ended_event(campaign: Campaign, *, ended_at, reason: str):
    return webhook_campaign_ended(
        campaign_id=campaign.pk,
        merchant_id=campaign.merchant_id,
        title=campaign.title,
        ended_at=ended_at,
        reason=reason,
    )


def campaigns_ended_announce(*, now=None) -> int:
    """Announce (campaign.ended, to subscribed webhooks) the campaigns whose ends_at passed within
    WEBHOOK_CAMPAIGN_ENDED_LOOKBACK_S and that staff did not end first; each once (the event's dedupe key), one
    statement for all. Returns how many events were written (campaigns with a subscriber not yet announced)."""
    now = now or timezone.now()
    since = now - timedelta(seconds=settings.WEBHOOK_CAMPAIGN_ENDED_LOOKBACK_S)
    ended = Campaign.objects.filter(ended_at__isnull=True, ends_at__lte=now, ends_at__gt=since).only(
        "id", "merchant_id", "title", "ends_at"
    )
    events = [_ended_event(campaign, ended_at=campaign.ends_at, reason="ends_at_reached") for campaign in ended]
    return webhook_events_emit(events=events) if events else 0
