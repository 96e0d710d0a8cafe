"""The demo's people have agreed to the collection of their location, each with one recorded consent change."""

import pytest

from accounts.models import ConsentChange, User
from demo import loader

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def test_demo_users_and_customers_have_consented_once(monkeypatch, settings):
    monkeypatch.setattr(loader, "DEMO_HISTORY_CUSTOMERS", 30)
    settings.LOCATION_TERMS_VERSION = "2026-12"
    loader.demo_people_load()
    loader.demo_campaigns_load()
    assert loader.demo_stats_history_load() > 0
    assert loader.demo_consents_grant() == 0  # idempotent
    names = [username for username, *_ in loader.DEMO_USERS + loader.DEMO_FEED_FRIENDS]
    users = User.objects.filter(username__in=names) | User.objects.filter(username__startswith="customer")
    assert users.count() == len(names) + 30
    assert not users.filter(location_consent=False).exists()
    assert not users.filter(location_consent_changed_at__isnull=True).exists()
    changes = ConsentChange.objects.filter(user__in=users, granted=True, terms_version="2026-12", kind="location")
    assert changes.count() == users.count()
