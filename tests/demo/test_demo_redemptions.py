"""The demo's redeemed coupons have their standing redemptions, as the counter would have written them."""

import pytest

from coupons.models import Coupon, Redemption
from demo import loader
from tests.stats import oracle

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fast_passwords")]


def test_every_redeemed_demo_coupon_has_its_redemption(monkeypatch):
    monkeypatch.setattr(loader, "DEMO_HISTORY_CUSTOMERS", 200)
    loader.demo_people_load()
    loader.demo_campaigns_load()
    assert loader.demo_stats_history_load() > 0
    redeemed = Coupon.objects.filter(redeemed_at__isnull=False).count()
    assert redeemed > 0
    assert Redemption.objects.filter(voided_at__isnull=True).count() == redeemed
    assert oracle.redemption_mirror_mismatches() == []
