"""Each notification type has its own documented `data` (a union discriminated by `type`), and what every producer
writes matches it: notifications made by the real services, read through the API, validated against the schema."""

from datetime import timedelta

import jsonschema
import pytest
from django.utils import timezone
from drf_spectacular.generators import SchemaGenerator

from accounts import services as accounts_services
from accounts.models import Notification
from core.outbox import outbox_event_write
from social import services as social_services
from social.tasks import fanout_checkin_task
from tests import factories
from tests.conftest import client_for
from tests.coupons.visits import visit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


@pytest.fixture(scope="module")
def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def _validator(schema: dict, name: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator({"$ref": f"#/components/schemas/{name}", "components": schema["components"]})


def test_the_list_documents_a_union_discriminated_by_type(schema):
    union = schema["components"]["schemas"]["Notification"]
    mapping = union["discriminator"]["mapping"]
    assert union["discriminator"]["propertyName"] == "type"
    assert set(mapping) == set(Notification.Type.values)
    assert len(union["oneOf"]) == len(Notification.Type.values)
    for kind, reference in mapping.items():
        variant = schema["components"]["schemas"][reference.rsplit("/", 1)[1]]
        type_schema = variant["properties"]["type"]
        type_schema = schema["components"]["schemas"][type_schema["$ref"].rsplit("/", 1)[1]]
        assert type_schema["enum"] == [kind]
        assert "$ref" in variant["properties"]["data"], kind  # a typed object, not a free-form one
    page = schema["paths"]["/api/v1/notifications"]["get"]["responses"]["200"]["content"]["application/json"]
    listed = schema["components"]["schemas"][page["schema"]["$ref"].rsplit("/", 1)[1]]
    assert listed["properties"]["results"]["items"] == {"$ref": "#/components/schemas/Notification"}


def _every_type_produced(settings):
    """One notification of each type, made by its producer; returns the users who received them."""
    settings.CHECKIN_COOLDOWN_MINUTES = 0
    me, ana, ben = factories.UserFactory(), factories.UserFactory(), factories.UserFactory()
    request = accounts_services.friend_request_create(from_user=ana, to_username=me.username)  # me: friend_request
    accounts_services.friend_request_accept(request_id=request.pk, addressee=me)  # ana: friend_accepted
    factories.friendship_make(me, ben)
    mine = factories.CheckinFactory(user=me)
    social_services.like_create(user=ana, checkin_id=mine.pk)  # me: like
    social_services.comment_create(user=ben, checkin_id=mine.pk, text="Looks good!\nSee you there")  # me: comment
    theirs = factories.CheckinFactory(user=ben, merchant=mine.merchant)
    event = outbox_event_write(topic="checkin.created", payload={"checkin_id": theirs.pk})
    assert fanout_checkin_task(event.pk) is True  # me: friend_checkin
    merchant = mine.merchant
    factories.CampaignFactory(merchant=merchant, trigger={"type": "with_friends", "friends": 1, "window_minutes": 30})
    factories.CheckinFactory(user=me, merchant=merchant, created_at=timezone.now() - timedelta(minutes=5))
    assert visit(ben, merchant)  # ben's check-in unlocks the group: me gets coupon_issued
    return me, ana


def test_every_producer_writes_the_documented_data(schema, settings):
    me, ana = _every_type_produced(settings)
    produced = set(Notification.objects.values_list("type", flat=True))
    assert produced == set(Notification.Type.values)
    validator = _validator(schema, "Notification")
    seen = set()
    for user in (me, ana):
        page = client_for(user).get("/api/v1/notifications?limit=100").json()
        for item in page["results"]:
            errors = [error.message for error in validator.iter_errors(item)]
            assert not errors, (item["type"], item["data"], errors)
            seen.add(item["type"])
    assert seen == set(Notification.Type.values)


def test_a_data_of_another_type_does_not_validate(schema):
    validator = _validator(schema, "Notification")
    user = {"id": 1, "username": "minji", "display_name": "Minji"}
    like = {"id": 1, "type": "like", "created_at": "2026-12-02T02:47:15Z", "read": False}
    assert validator.is_valid({**like, "data": {"checkin_id": 3, "user": user}})
    assert not validator.is_valid({**like, "data": {"request_id": 3, "from_user": user}})
    assert not validator.is_valid({**like, "type": "comment", "data": {"checkin_id": 3, "user": user}})
