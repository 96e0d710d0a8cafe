"""Property-based API tests generated from the served schema: no server errors, no response outside the schema."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework_simplejwt.tokens import AccessToken
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from config.wsgi import application
from tests.factories import CampaignFactory, MerchantStaffFactory, UserFactory


@pytest.fixture
def api_schema(db):
    # Requests go straight to the WSGI app inside the test's transaction: like Django's test client, keep the
    # end-of-request hook from closing that connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield schemathesis.openapi.from_wsgi("/api/schema/", application)
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


schema = schemathesis.pytest.from_fixture("api_schema")


@pytest.fixture
def bearer(db):
    """A signed-in user who owns a merchant with a running campaign (so some generated ids exist)."""
    owner = MerchantStaffFactory(user=UserFactory(), role="owner")
    CampaignFactory(merchant=owner.merchant)
    return {"Authorization": f"Bearer {AccessToken.for_user(owner.user)}"}


# What the server answers must hold: no 5xx, only documented status codes, content types and headers, and bodies
# that match their schema. (Schemathesis' request-side heuristics are left out: "schema-valid data must be accepted"
# cannot know business rules such as a too-common password, and unknown query parameters are ignored by design.)
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_conforms_to_its_schema(case, bearer):
    case.call_and_validate(headers=bearer, checks=CHECKS)
