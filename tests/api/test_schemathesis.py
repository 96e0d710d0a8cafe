"""Property-based API tests generated from the served schema, with every schemathesis check on.

The examples, coverage and fuzzing phases run per operation, positive and negative (schema-valid data must be
accepted, schema-invalid data refused); the stateful phase follows the schema's links (POST /merchants -> its
campaigns -> their statistics, a check-in -> its likes and comments, ...). No check is switched off.

What the schema cannot say in JSON Schema, the operations' descriptions say in words, and positive cases are made to
follow it here (`_case_fit`): an opaque cursor is one the server made, a statistics range ends after it starts, a
notification read names `ids` or `all` (not both), a password change knows the current password, a friend request
goes to someone else, a campaign ends after it starts (and a new one in the future) with both daily hours or neither,
a webhook's URL names a host that resolves. Values of the documented formats come from real sets (`_FORMATS`): IANA
time zone names, passwords that pass the password policy, dates inside the supported calendar. Two settings say how
this API answers: a 422 (a domain rule refusing a well-formed request, such as a check-in too far away) counts as
accepting valid data, and no string carries NUL (the server refuses it in any string, as the API description states).
"""

import string
from datetime import UTC, datetime, timedelta

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.urls import resolve
from django.utils import timezone
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from rest_framework_simplejwt.tokens import AccessToken
from schemathesis.config import SchemathesisConfig

from api.cursor import NEXT, cursor_encode
from config.wsgi import application
from core.dates import EARLIEST, LATEST
from coupons.models import Campaign
from merchants.models import TIMEZONES
from tests.factories import CampaignFactory, MerchantStaffFactory, UserFactory

PASSWORD = "test-pass-123"  # tests.factories.UserFactory's

# Strings of the documented formats (see each field's description).
_FORMATS = {
    "iana-time-zone": st.sampled_from(sorted(TIMEZONES)),
    # Passes Django's validators: long, not common, not digits only, nothing like any username.
    "password": st.text(string.ascii_letters + string.digits, min_size=16, max_size=40).filter(
        lambda text: not text.isdigit()
    ),
    "date": st.dates(min_value=EARLIEST + timedelta(days=1), max_value=LATEST - timedelta(days=1)).map(
        lambda day: day.isoformat()
    ),
    "date-time": st.datetimes(
        min_value=datetime(EARLIEST.year, 1, 2), max_value=datetime(LATEST.year, 12, 30), timezones=st.just(UTC)
    ).map(lambda moment: moment.isoformat()),
}
for _name, _strategy in _FORMATS.items():
    schemathesis.openapi.format(_name, _strategy)

_CONFIG = {
    # A refusal by a domain rule (422) answers a well-formed request: it accepts the data, and says why not.
    "checks": {
        "positive_data_acceptance": {
            "expected-statuses": ["2xx", "3xx", "401", "403", "404", "409", "422", "429", "5xx"]
        }
    },
    "generation": {"allow-x00": False},
}


@pytest.fixture
def caller(db):
    """A signed-in user who owns a merchant with a running campaign (so some generated ids exist)."""
    owner = MerchantStaffFactory(user=UserFactory(), role="owner")
    CampaignFactory(merchant=owner.merchant)
    return {"user": owner.user, "password": PASSWORD}


@pytest.fixture
def api_schema(caller):
    # Requests go straight to the WSGI app inside the test's transaction: like Django's test client, keep the
    # end-of-request hook from closing that connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    config = SchemathesisConfig.from_dict(_CONFIG)
    loaded = schemathesis.openapi.from_wsgi("/api/schema/", application, config=config)
    loaded.config.update(headers={"Authorization": f"Bearer {AccessToken.for_user(caller['user'])}"})
    yield loaded
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


def _is_positive(case) -> bool:
    return case.meta is not None and case.meta.generation.mode.is_positive


def _cursor_fit(case) -> None:
    """A cursor the server made, for this list, or none (a cursor is opaque: any other is a 400, as documented)."""
    if case.query and case.query.get("cursor"):
        pagination = resolve(case.formatted_path).func.view_class.pagination_class
        if pagination.example_row is None:
            del case.query["cursor"]
        else:
            case.query["cursor"] = cursor_encode(NEXT, pagination.key_dump(pagination.example_row))


def _stats_range_fit(case) -> None:
    """`to` after `from` (the 400 `to` names otherwise, as documented): the later one is `to`."""
    query = case.query or {}
    if query.get("from") and query.get("to") and query["to"] <= query["from"]:
        query["from"], query["to"] = query["to"], query["from"]
        if query["from"][:10] == query["to"][:10]:
            del query["from"]  # within one day the order of a date and a time is not the order of the strings


def _notifications_read_fit(case) -> None:
    """Exactly one of `ids` and `all` (as documented)."""
    if isinstance(case.body, dict):
        if "ids" in case.body and "all" in case.body:
            del case.body["all"]
        elif "ids" not in case.body and "all" not in case.body:
            case.body["all"] = True


def _password_change_fit(case, caller) -> None:
    """The current password is the caller's."""
    if isinstance(case.body, dict):
        case.body["old_password"] = caller["password"]


def _friend_request_fit(case, caller) -> None:
    """Never to oneself (400 `self_request`, as documented)."""
    if isinstance(case.body, dict) and str(case.body.get("username", "")).lower() == caller["user"].username:
        case.body["username"] = caller["user"].username + "-friend"


def _moment(text) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(text))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _campaign_fit(case) -> None:
    """`ends_at` after `starts_at` and, for a new campaign, in the future; daily hours both or neither, and not equal
    (as the fields' descriptions say)."""
    body = case.body
    if not isinstance(body, dict):
        return
    current = None
    if case.method == "PATCH":
        current = Campaign.objects.filter(pk=case.path_parameters.get("campaign_id")).first()
    starts = _moment(body["starts_at"]) if "starts_at" in body else (current.starts_at if current else None)
    ends = _moment(body["ends_at"]) if "ends_at" in body else (current.ends_at if current else None)
    floor = max(filter(None, [starts, timezone.now() if case.method == "POST" else None]), default=None)
    if floor is not None and ends is not None and ends <= floor:
        body["ends_at"] = (floor + timedelta(hours=1)).isoformat()
    start, end = body.get("daily_start_time"), body.get("daily_end_time")
    if current is not None:
        start = start if "daily_start_time" in body else current.daily_start_time
        end = end if "daily_end_time" in body else current.daily_end_time
    if (start is None) != (end is None) or (start is not None and str(start) == str(end)):
        body["daily_start_time"], body["daily_end_time"] = "09:00:00", "18:00:00"


def _webhook_fit(case) -> None:
    """A URL whose host resolves (the server looks it up, as the field's description says): this machine's."""
    if isinstance(case.body, dict) and "url" in case.body:
        case.body["url"] = "https://localhost/hooks/checkin"


def _case_fit(case, caller) -> None:
    """Make a positive case follow the rules the schema states in words only (see the module's docstring)."""
    if not _is_positive(case):
        return
    _cursor_fit(case)
    path = case.operation.path
    if path.startswith("/api/v1/campaigns/{campaign_id}/stats"):
        _stats_range_fit(case)
    elif path == "/api/v1/notifications/read":
        _notifications_read_fit(case)
    elif path == "/api/v1/me/password":
        _password_change_fit(case, caller)
    elif path == "/api/v1/friends/requests" and case.method == "POST":
        _friend_request_fit(case, caller)
    elif path in ("/api/v1/merchants/{merchant_id}/campaigns", "/api/v1/campaigns/{campaign_id}"):
        _campaign_fit(case)
    elif path in ("/api/v1/merchants/{merchant_id}/webhooks", "/api/v1/webhooks/{webhook_id}"):
        _webhook_fit(case)


def _after_call(case, response, caller) -> None:
    if case.operation.path == "/api/v1/me/password" and response.status_code == 204:
        caller["password"] = case.body["new_password"]


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case, caller):
    _case_fit(case, caller)
    response = case.call_and_validate()
    _after_call(case, response, caller)


def test_api_workflows_conform_to_its_schema(api_schema, caller):
    """The stateful phase: chains of calls along the schema's links, every check on each step."""

    class Workflow(api_schema.as_state_machine()):
        def before_call(self, case):
            _case_fit(case, caller)

        def after_call(self, response, case):
            _after_call(case, response, caller)

    Workflow.run(
        settings=settings(
            max_examples=30,
            stateful_step_count=6,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            derandomize=True,
        )
    )
