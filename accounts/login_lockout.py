"""How long an account's password login stays locked. django-axes counts the failed logins and refuses a locked
account (settings AXES_*); this tells the locked-out caller when to come back (Retry-After, the login page)."""

import math
from datetime import timedelta

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_cool_off, get_credentials, get_failure_limit
from django.utils import timezone
from django.utils.translation import ngettext


def login_lock_remaining(*, request, username: str) -> timedelta:
    """Time left until this login is no longer locked; zero when it is not locked.

    axes counts a record's failures while its last failure is younger than the cool-off, and locks while the counted
    failures reach the limit: the lock ends when the newest records that make up the limit have aged out.
    `request` is the one axes saw at authenticate() (it carries the attempt's time and address)."""
    AxesProxyHandler.update_request(request)
    credentials = get_credentials(username)
    handler = AxesProxyHandler.get_implementation()
    limit = get_failure_limit(request, credentials)
    cool_off = get_cool_off(request)
    now = timezone.now()
    remaining = timedelta(0)
    for attempts in handler.get_user_attempts(request, credentials):  # one queryset per lockout parameter
        counted = 0
        for attempt_time, failures in attempts.order_by("-attempt_time").values_list(
            "attempt_time", "failures_since_start"
        ):
            counted += failures
            if counted >= limit:
                remaining = max(remaining, attempt_time + cool_off - now)
                break
    return remaining


def login_lock_message(remaining: timedelta) -> str:
    """What a locked-out person is told (the API's problem detail, the login page's error)."""
    minutes = max(1, math.ceil(remaining.total_seconds() / 60))
    return ngettext(
        "Too many failed logins to this account. Try again in %(minutes)d minute.",
        "Too many failed logins to this account. Try again in %(minutes)d minutes.",
        minutes,
    ) % {"minutes": minutes}
