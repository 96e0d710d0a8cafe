"""Consents: a user's location consent and its history (each grant or withdrawal, when, under which terms).

Korea's Location Information Act asks for consent before personal location information is collected, and for the
record of it. The current answer is on the user (`User.location_consent`, read by authentication on every request,
so that the check-in path pays no query for it); ConsentChange keeps every change with the terms version.
What a withdrawal does to the fixes already taken is the check-ins' business (checkins/retention.py).
"""

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.utils import timezone

from accounts.models import ConsentChange, User


@dataclass(frozen=True)
class ConsentState:
    """One consent as the user sees it: given or not, since when, under which terms (None: never answered)."""

    granted: bool
    changed_at: datetime | None
    terms_version: str | None


def location_consent_find(*, user: User) -> ConsentState:
    """The user's location consent: its current answer and the time and terms of the change that gave it."""
    last = (
        ConsentChange.objects.filter(user=user, kind=ConsentChange.Kind.LOCATION)
        .order_by("-changed_at", "-id")
        .values_list("terms_version", flat=True)
        .first()
    )
    return ConsentState(granted=user.location_consent, changed_at=user.location_consent_changed_at, terms_version=last)


def location_consent_record(*, user: User, granted: bool, now: datetime | None = None) -> bool:
    """Set the user's location consent and record the change under the current terms (LOCATION_TERMS_VERSION).

    Nothing is written when the answer does not change; returns whether it changed. The caller holds the user's row
    (or its check-in lock) so that two changes at once record one each. A fresh user (never answered) who declines
    is not a change: no row says "declined" before anything was ever granted.
    """
    if user.location_consent == granted:
        return False
    now = now or timezone.now()
    User.objects.filter(pk=user.pk).update(location_consent=granted, location_consent_changed_at=now)
    ConsentChange.objects.create(
        user=user,
        kind=ConsentChange.Kind.LOCATION,
        granted=granted,
        terms_version=settings.LOCATION_TERMS_VERSION,
        changed_at=now,
    )
    user.location_consent, user.location_consent_changed_at = granted, now
    return True
