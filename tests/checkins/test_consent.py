"""Without location consent a check-in is refused (403 `location_consent_required`) before its fix is stored anywhere:
not as a check-in, not in the refusal audit, not in the idempotency store, not in a log line."""

import logging

import pytest
from django.db import connection

from accounts.errors import LocationConsentRequired
from accounts.models import User
from checkins.models import Checkin, CheckinRefusal
from checkins.services import checkin_create
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]
URL = "/api/v1/checkins"
# A fix some 15 metres from the merchant's pin (inside its radius), with digits no other row has by chance.
LAT, LNG = 37.4763123, 126.8681789


@pytest.fixture
def merchant():
    return factories.MerchantFactory(checkin_radius_m=100)


def _spatial_columns() -> list[tuple[str, str]]:
    """Every (table, column) of a geometry or geography type in the database."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT f_table_name, f_geometry_column FROM geometry_columns WHERE f_table_schema = 'public'"
            " UNION SELECT f_table_name, f_geography_column FROM geography_columns WHERE f_table_schema = 'public'"
        )
        return cursor.fetchall()


def _coordinate_pairs() -> list[tuple[str, str, str]]:
    """Every (table, lat column, lng column) of plain numbers named like coordinates."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT a.table_name, a.column_name, b.column_name
            FROM information_schema.columns a JOIN information_schema.columns b USING (table_schema, table_name)
            WHERE a.table_schema = 'public'
              AND a.data_type IN ('double precision', 'real', 'numeric')
              AND b.data_type IN ('double precision', 'real', 'numeric')
              AND (a.column_name, b.column_name) IN (('lat', 'lng'), ('latitude', 'longitude'), ('lat', 'lon'))
            """
        )
        return cursor.fetchall()


def _tables() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        return [row[0] for row in cursor.fetchall()]


def rows_holding_the_fix(lat: float, lng: float) -> dict[str, int]:
    """Per table, the rows that hold the fix: a point within a metre of it, a lat/lng pair equal to it, or its
    digits anywhere in the row's text (JSON bodies, logs kept in tables, the idempotency store)."""
    found = {}
    with connection.cursor() as cursor:
        for table, column in _spatial_columns():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" WHERE ST_DWithin("{column}"::geography,'
                " ST_SetSRID(ST_MakePoint(%s, %s), 4326)::geography, 1)",
                [lng, lat],
            )
            found[f"{table}.{column}"] = cursor.fetchone()[0]
        for table, lat_column, lng_column in _coordinate_pairs():
            cursor.execute(
                f'SELECT count(*) FROM "{table}"'
                f' WHERE abs("{lat_column}" - %s) < 1e-5 AND abs("{lng_column}" - %s) < 1e-5',
                [lat, lng],
            )
            found[f"{table}.{lat_column},{lng_column}"] = cursor.fetchone()[0]
        for table in _tables():
            cursor.execute(
                f'SELECT count(*) FROM "{table}" t WHERE t::text LIKE %s OR t::text LIKE %s',
                [f"%{str(lat)[:8]}%", f"%{str(lng)[:9]}%"],
            )
            found[f"{table} (text)"] = cursor.fetchone()[0]
    return {name: count for name, count in found.items() if count}


def test_the_scan_finds_a_stored_fix(merchant):
    """The scan is not blind: an accepted check-in's fix, and its idempotent answer's record, are found."""
    user = factories.UserFactory()
    assert rows_holding_the_fix(LAT, LNG) == {}
    checkin_create(user=user, merchant_id=merchant.pk, lat=LAT, lng=LNG, accuracy_m=10)
    found = rows_holding_the_fix(LAT, LNG)
    assert found["checkins_checkin.location"] == 1
    assert _spatial_columns() and "merchants_merchant.location" not in found
    user.notifications.create(type="like", data={"where": [LAT, LNG]})  # the digits in any text or JSON are found
    assert rows_holding_the_fix(LAT, LNG)["accounts_notification (text)"] == 1


def test_without_consent_the_checkin_is_refused_and_no_table_holds_the_fix(merchant, caplog):
    caplog.set_level(logging.INFO, logger="api.request")
    user = factories.UserFactory(location_consent=False)
    client = client_for(user)
    body = {"merchant_id": merchant.pk, "lat": LAT, "lng": LNG, "accuracy_m": 10, "message": "hi"}
    far = {**body, "lat": LAT + 0.5}  # would be refused as too far, with an audit row, if consent were given
    for attempt, key in ((body, "first"), (body, "first"), (far, "second"), (body, None)):
        headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
        response = client.post(URL, attempt, format="json", **headers)
        assert response.status_code == 403, response.content
        problem = response.json()
        assert problem["code"] == "location_consent_required"
        assert problem["title"] == "Location consent required"
        assert "privacy settings" in problem["detail"]
    assert not Checkin.objects.exists() and not CheckinRefusal.objects.exists()
    assert rows_holding_the_fix(LAT, LNG) == {}
    assert rows_holding_the_fix(LAT + 0.5, LNG) == {}
    lines = [record.getMessage() for record in caplog.records if record.name == "api.request"]
    assert len(lines) == 4 and not any(str(LAT)[:7] in line or str(LNG)[:8] in line for line in lines)


def test_the_refusal_is_translated(merchant):
    client = client_for(factories.UserFactory(location_consent=False))
    body = {"merchant_id": merchant.pk, "lat": LAT, "lng": LNG, "accuracy_m": 10}
    response = client.post(URL, body, format="json", HTTP_ACCEPT_LANGUAGE="ko")
    assert response.status_code == 403
    assert response.json()["code"] == "location_consent_required"  # codes are never translated
    assert response["Content-Language"] == "ko"


def test_without_consent_even_an_unknown_merchant_is_a_403_and_costs_no_query(django_assert_num_queries):
    user = factories.UserFactory(location_consent=False)
    with django_assert_num_queries(0), pytest.raises(LocationConsentRequired):
        checkin_create(user=user, merchant_id=10**12, lat=LAT, lng=LNG, accuracy_m=10)


def test_consent_withdrawn_while_the_request_waited_is_seen_under_the_lock(merchant):
    """The request's user row says yes, the database says no (withdrawn from another device): nothing is stored."""
    user = factories.UserFactory()
    User.objects.filter(pk=user.pk).update(location_consent=False)
    assert user.location_consent
    with pytest.raises(LocationConsentRequired):
        checkin_create(user=user, merchant_id=merchant.pk, lat=LAT, lng=LNG, accuracy_m=10)
    with pytest.raises(LocationConsentRequired):  # a fix that would be refused leaves no audit row either
        checkin_create(user=user, merchant_id=merchant.pk, lat=LAT + 0.5, lng=LNG, accuracy_m=10)
    assert not Checkin.objects.exists() and not CheckinRefusal.objects.exists()


def test_with_consent_the_checkin_is_accepted(merchant):
    response = client_for(factories.UserFactory()).post(
        URL, {"merchant_id": merchant.pk, "lat": LAT, "lng": LNG, "accuracy_m": 10}, format="json"
    )
    assert response.status_code == 201, response.content
