"""The holdout split pinned to exact values: a changed hash, modulus, comparison or zero guard changes who is held out
(and so who gets a coupon), which a check of the share within a few standard deviations would not notice."""

import pytest

from coupons.eligibility import in_holdout

USERS = range(1, 1001)


def held(campaign_id: int, percent: int) -> list[int]:
    return [user for user in USERS if in_holdout(campaign_id=campaign_id, user_id=user, holdout_percent=percent)]


@pytest.mark.parametrize(("percent", "count"), [(1, 11), (20, 165), (50, 452)])
def test_exact_held_counts_for_users_1_to_1000_of_campaign_7(percent, count):
    """Rule: the bucket is sha256("holdout:<campaign>:<user>")[:8] (big-endian) % 100, held when below the percent."""
    assert len(held(7, percent)) == count


def test_the_users_held_at_1_percent():
    """Rule: a 1 % holdout holds out about one user in a hundred (a `<= 1` zero guard would hold out nobody)."""
    assert held(7, 1) == [50, 101, 157, 309, 345, 571, 655, 717, 747, 843, 891]


def test_known_users_at_the_boundaries():
    """Rule: held when the bucket is strictly below the percent (campaign 7: user 28 is in bucket 50, user 27 in 3)."""
    assert not in_holdout(campaign_id=7, user_id=28, holdout_percent=50)
    assert in_holdout(campaign_id=7, user_id=27, holdout_percent=4)
    assert not in_holdout(campaign_id=7, user_id=27, holdout_percent=3)
    assert in_holdout(campaign_id=7, user_id=7, holdout_percent=20)  # bucket 13


def test_zero_percent_holds_out_nobody():
    """Rule: holdout_percent 0 means no holdout at all."""
    assert held(7, 0) == []
