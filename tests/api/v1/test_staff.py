"""A merchant's staff: GET and POST /merchants/{id}/staff, DELETE /merchants/{id}/staff/{user_id}."""

import pytest
from rest_framework.test import APIClient

from merchants.models import MerchantStaff
from tests import factories
from tests.conftest import client_for

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def staff_url(merchant_id, user_id=None):
    return f"/api/v1/merchants/{merchant_id}/staff" + (f"/{user_id}" if user_id is not None else "")


def _client(people, role):
    if role == "anonymous":
        return APIClient()
    if role == "other_staff":
        return client_for(factories.MerchantStaffFactory(role="owner").user)
    return client_for(people[role])


@pytest.mark.parametrize(
    ("role", "expected"),
    [("owner", 200), ("manager", 200), ("clerk", 403), ("other_staff", 403), ("outsider", 403), ("anonymous", 401)],
)
def test_owners_and_managers_list_the_staff(merchant_with_staff, role, expected):
    response = _client(merchant_with_staff, role).get(staff_url(merchant_with_staff["merchant"].pk))
    assert response.status_code == expected, response.content
    if expected != 200:
        assert response["Content-Type"] == "application/problem+json"


def test_the_staff_list_rows_owner_first(merchant_with_staff, django_assert_max_num_queries):
    people = merchant_with_staff
    merchant = people["merchant"]
    extra = factories.MerchantStaffFactory(merchant=merchant, role="clerk", user=factories.UserFactory(username="aaa"))
    factories.MerchantStaffFactory(role="clerk")  # someone else's clerk: never listed
    client = client_for(people["manager"])
    with django_assert_max_num_queries(4):  # user, merchant, role, rows
        body = client.get(staff_url(merchant.pk)).json()
    roles = [(row["user"]["id"], row["role"]) for row in body["results"]]
    clerks = sorted([extra.user, people["clerk"]], key=lambda user: user.username)
    assert roles == [
        (people["owner"].pk, "owner"),
        (people["manager"].pk, "manager"),
        *((clerk.pk, "clerk") for clerk in clerks),
    ]
    owner = people["owner"]
    assert body["results"][0]["user"] == {
        "id": owner.pk,
        "username": owner.username,
        "display_name": owner.display_name,
    }
    assert set(body) == {"next", "previous", "results"}


@pytest.mark.parametrize(
    ("role", "expected"),
    [("owner", 204), ("manager", 403), ("clerk", 403), ("other_staff", 403), ("outsider", 403), ("anonymous", 401)],
)
def test_only_the_owner_removes_staff(merchant_with_staff, role, expected):
    people = merchant_with_staff
    merchant = people["merchant"]
    response = _client(people, role).delete(staff_url(merchant.pk, people["clerk"].pk))
    assert response.status_code == expected, response.content
    still = MerchantStaff.objects.filter(merchant=merchant, user=people["clerk"]).exists()
    assert still is (expected != 204)
    if expected == 204:
        assert response.content == b""
        # The clerk is no longer staff: the day's redemptions are closed to them.
        assert client_for(people["clerk"]).get(f"/api/v1/merchants/{merchant.pk}/redemptions").status_code == 403


def test_the_owner_removes_a_manager_too(merchant_with_staff):
    people = merchant_with_staff
    response = client_for(people["owner"]).delete(staff_url(people["merchant"].pk, people["manager"].pk))
    assert response.status_code == 204
    assert not MerchantStaff.objects.filter(merchant=people["merchant"], user=people["manager"]).exists()


def test_the_owner_cannot_remove_themselves(merchant_with_staff):
    people = merchant_with_staff
    response = client_for(people["owner"]).delete(staff_url(people["merchant"].pk, people["owner"].pk))
    assert (response.status_code, response.json()["code"]) == (409, "owner_required")
    assert MerchantStaff.objects.filter(merchant=people["merchant"], user=people["owner"], role="owner").exists()


def test_removing_someone_who_is_not_staff_here_is_404(merchant_with_staff):
    people = merchant_with_staff
    other = factories.MerchantStaffFactory(role="clerk")  # staff, of another merchant
    owner = client_for(people["owner"])
    for user_id in (people["outsider"].pk, other.user_id, 999999):
        response = owner.delete(staff_url(people["merchant"].pk, user_id))
        assert (response.status_code, response.json()["code"]) == (404, "staff_not_found")
    assert MerchantStaff.objects.filter(pk=other.pk).exists()
    # Twice: the second is a 404 (it is gone).
    assert owner.delete(staff_url(people["merchant"].pk, people["clerk"].pk)).status_code == 204
    assert owner.delete(staff_url(people["merchant"].pk, people["clerk"].pk)).json()["code"] == "staff_not_found"


def test_an_unknown_merchant_is_404(merchant_with_staff):
    owner = client_for(merchant_with_staff["owner"])
    assert owner.get(staff_url(999999)).json()["code"] == "merchant_not_found"
    assert owner.delete(staff_url(999999, 1)).json()["code"] == "merchant_not_found"
    assert owner.delete(staff_url(merchant_with_staff["merchant"].pk, "9" * 19)).status_code == 404


def test_adding_staff_is_unchanged(merchant_with_staff):
    people = merchant_with_staff
    newcomer = factories.UserFactory()
    owner = client_for(people["owner"])
    response = owner.post(
        staff_url(people["merchant"].pk), {"username": newcomer.username, "role": "clerk"}, format="json"
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["merchant_id"], body["role"], body["user"]["id"]) == (people["merchant"].pk, "clerk", newcomer.pk)
    again = owner.post(
        staff_url(people["merchant"].pk), {"username": newcomer.username, "role": "clerk"}, format="json"
    )
    assert (again.status_code, again.json()["code"]) == (409, "already_staff")
    manager = client_for(people["manager"])
    refused = manager.post(staff_url(people["merchant"].pk), {"username": "x", "role": "clerk"}, format="json")
    assert refused.status_code == 403
