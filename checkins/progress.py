"""A signed-in user's progress toward each running campaign's coupon: what a check-in here now would earn them.

It answers from the rules and facts the check-in itself uses, never a second copy of them: the campaign's status
(coupons.status, through Campaign.status_at), the per-user counter that issuance guards `per_user_limit` with, the
daily hours and the holdout split (coupons.eligibility), and the trigger's own decision (`trigger_members`) on the visit
that a check-in now would be, with the facts its trigger declares read as that check-in would read them
(checkins.selectors.visit_facts_predict). It lives in checkins because it reads check-in history (checkins -> coupons).
Whether the check-in itself would be accepted (distance, cooldown, travel speed) is not part of it.
"""

from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Any

from django.db.models import F, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from checkins.selectors import visit_facts_predict
from coupons.eligibility import in_holdout, within_daily_hours
from coupons.models import Campaign, CampaignUserCount
from coupons.nearby import merchant_list_nearby
from coupons.triggers import EVER, Fact, Trigger, Visit, VisitsSince, trigger_facts, trigger_kind, trigger_members

# Why a check-in now would earn no coupon, in the order they are checked: the first that applies is told.
# `not_in_audience` is reserved for campaigns offered to a part of the customers (none are yet). `not_offered` is the
# holdout share of the campaign's experiment, which is never named to the user.
REASONS = ("sold_out", "limit_reached", "outside_hours", "already_visited", "not_in_audience", "not_offered")

_UNKNOWN_TYPE = Trigger()  # a trigger type this code does not know: counts visits during the campaign, never issues


@dataclass(frozen=True)
class Progress:
    """One user's standing toward one campaign's coupon (the API's `my_progress`)."""

    coupons_received: int
    visits_counted: int
    visits_to_next: int | None
    eligible_now: bool
    reason: str | None


def _campaigns_read(*, user_id: int, campaign_ids: Iterable[int]) -> list[Campaign]:
    """The campaigns with their merchant's time zone and the coupons issued to the user (its per-user counter)."""
    issued = CampaignUserCount.objects.filter(campaign_id=OuterRef("pk"), user_id=user_id).values("issued")
    return list(
        Campaign.objects.filter(pk__in=list(campaign_ids))
        .annotate(merchant_timezone=F("merchant__timezone"), issued_to_user=Coalesce(Subquery(issued), 0))
        .order_by("id")
    )


def _facts_wanted(campaign: Campaign, *, at: datetime, shared: bool) -> tuple[Fact, ...]:
    """The facts the trigger decides a check-in at `at` on, every visit here (first visit or not), and the visits
    the app shows as counted."""
    kind = trigger_kind(campaign.trigger) or _UNKNOWN_TYPE
    decided = trigger_facts(trigger=campaign.trigger, starts_at=campaign.starts_at, at=at, shared=shared)
    counted = VisitsSince(kind.counted_since(campaign.trigger, starts_at=campaign.starts_at))
    return tuple(dict.fromkeys((*decided, VisitsSince(EVER), counted)))


def _reason(campaign: Campaign, *, kind: Trigger, visit: Visit) -> str | None:
    """The first reason (REASONS) why a check-in on `visit` would earn no coupon whatever the trigger says."""
    if campaign.status_at(visit.at) == Campaign.Status.SOLD_OUT:
        return "sold_out"
    if campaign.issued_to_user >= campaign.per_user_limit:  # type: ignore[attr-defined]
        return "limit_reached"
    hours = {"start": campaign.daily_start_time, "end": campaign.daily_end_time}
    if not within_daily_hours(**hours, at=visit.at, timezone_name=campaign.merchant_timezone):  # type: ignore[attr-defined]
        return "outside_hours"
    ruled_out = kind.ruled_out(campaign.trigger, starts_at=campaign.starts_at, visit=visit)
    if ruled_out:
        return ruled_out
    if in_holdout(campaign_id=campaign.pk, user_id=visit.user_id, holdout_percent=campaign.holdout_percent):
        return "not_offered"
    return None


def _progress(campaign: Campaign, *, user_id: int, at: datetime, shared: bool, facts: dict[Fact, Any]) -> Progress:
    """The user's progress toward the campaign, deciding on the visit that a check-in at `at` would be."""
    kind = trigger_kind(campaign.trigger) or _UNKNOWN_TYPE
    visit = Visit(
        checkin_id=0,  # not written: the trigger only hands it back among the members
        user_id=user_id,
        merchant_id=campaign.merchant_id,
        merchant_name="",
        at=at,
        first_visit=facts[VisitsSince(EVER)] == 1,  # the would-be check-in is the only one here
        shared=shared,
        facts=MappingProxyType(facts),
    )
    visits_counted = facts[VisitsSince(kind.counted_since(campaign.trigger, starts_at=campaign.starts_at))] - 1
    reason = _reason(campaign, kind=kind, visit=visit)
    met = reason is None and campaign.status_at(at) == Campaign.Status.RUNNING
    if met:
        members = trigger_members(trigger=campaign.trigger, starts_at=campaign.starts_at, visit=visit)
        met = any(member == user_id for member, _ in members)
    return Progress(
        coupons_received=campaign.issued_to_user,  # type: ignore[attr-defined]
        visits_counted=visits_counted,
        visits_to_next=kind.visits_to_next(campaign.trigger, visits_counted=visits_counted),
        eligible_now=met,
        reason=reason,
    )


def campaign_progress_find(
    *, user_id: int, campaign_ids: Iterable[int], at: datetime | None = None, shared: bool = True
) -> dict[int, dict]:
    """Each campaign's `my_progress` for the user (by campaign id) as if they checked in at its merchant at `at`
    (default now) with a `shared` (friends or public) check-in; two queries whatever the number of campaigns."""
    at = at or timezone.now()
    campaigns = _campaigns_read(user_id=user_id, campaign_ids=campaign_ids)
    wanted = {campaign.pk: _facts_wanted(campaign, at=at, shared=shared) for campaign in campaigns}
    found = visit_facts_predict(
        user_id=user_id,
        at=at,
        wanted=[(campaign.merchant_id, fact) for campaign in campaigns for fact in wanted[campaign.pk]],
    )
    return {
        campaign.pk: asdict(
            _progress(
                campaign,
                user_id=user_id,
                at=at,
                shared=shared,
                facts={fact: found[(campaign.merchant_id, fact)] for fact in wanted[campaign.pk]},
            )
        )
        for campaign in campaigns
    }


def campaigns_progress_attach(*, user_id: int, campaigns: list[dict], at: datetime | None = None) -> None:
    """Set `my_progress` on each campaign item (a dict with its `id`), in place; no query when there is none."""
    if not campaigns:
        return
    progress = campaign_progress_find(user_id=user_id, campaign_ids={item["id"] for item in campaigns}, at=at)
    for item in campaigns:
        if item["id"] in progress:  # gone since it was listed: nothing to tell
            item["my_progress"] = progress[item["id"]]


def merchant_list_nearby_for_user(*, user_id: int, **criteria) -> list[dict]:
    """coupons.nearby.merchant_list_nearby with the user's `my_progress` on every running campaign (two more
    queries for the whole page, none when no merchant found runs a campaign)."""
    merchants = merchant_list_nearby(**criteria)
    campaigns_progress_attach(
        user_id=user_id, campaigns=[item for merchant in merchants for item in merchant["active_campaigns"]]
    )
    return merchants
