"""The holdout verdict on known values: the dashboard must never call a campaign's effect significant when it is not,
and an empty group never divides by zero."""

import pytest

from stats.campaign_stats import holdout_compare


def compare(treated_users, treated_revisited, holdout_users, holdout_revisited) -> dict:
    return holdout_compare(
        treated_users=treated_users,
        treated_revisited=treated_revisited,
        holdout_users=holdout_users,
        holdout_revisited=holdout_revisited,
    )


def test_a_one_point_difference_between_large_groups_is_not_significant():
    """Rule: significant only when the 95 % interval excludes zero; 400/200 against 400/196 spans it."""
    assert compare(400, 200, 400, 196) == {
        "treated": {"users": 400, "revisited": 200, "revisit_rate": 0.5},
        "holdout": {"users": 400, "revisited": 196, "revisit_rate": 0.49},
        "incremental_revisit_rate": 0.01,
        "confidence_interval_95": [-0.0593, 0.0793],
        "enough_data": True,
        "significant": False,
    }


def test_a_large_difference_against_a_tiny_holdout_is_too_little_data():
    """Rule: both groups need HOLDOUT_MIN_USERS (30) users before any verdict, however wide the difference."""
    result = compare(400, 200, 10, 1)
    assert result["confidence_interval_95"] == [0.2077, 0.5923]  # excludes zero, but ...
    assert result["enough_data"] is False
    assert result["significant"] is False


@pytest.mark.parametrize(
    ("groups", "enough"),
    [((30, 15, 30, 3), True), ((29, 15, 30, 3), False), ((30, 15, 29, 3), False)],
    ids=["both 30", "treated 29", "holdout 29"],
)
def test_thirty_users_in_each_group_is_enough(groups, enough):
    """Rule: enough_data means at least 30 users in the treated group and in the holdout."""
    result = compare(*groups)
    assert result["enough_data"] is enough
    assert result["significant"] is enough  # each interval excludes zero


@pytest.mark.parametrize("groups", [(50, 10, 0, 0), (0, 0, 50, 10)], ids=["empty holdout", "empty treated"])
def test_an_empty_group_has_no_interval(groups):
    """Rule: with an empty group there is no difference to estimate: no interval, never significant, no division."""
    result = compare(*groups)
    assert result["incremental_revisit_rate"] is None
    assert result["confidence_interval_95"] is None
    assert result["significant"] is False
    assert result["enough_data"] is False


def test_a_clear_effect_is_significant_either_way():
    """Rule: an interval wholly above zero (the campaign brings people back) or wholly below (it keeps them away)."""
    up = compare(400, 300, 400, 100)
    assert (up["incremental_revisit_rate"], up["confidence_interval_95"], up["significant"]) == (
        0.5,
        [0.44, 0.56],
        True,
    )
    down = compare(400, 100, 400, 300)
    assert (down["incremental_revisit_rate"], down["confidence_interval_95"]) == (-0.5, [-0.56, -0.44])
    assert down["significant"] is True


def test_a_zero_width_interval_at_zero_is_not_significant():
    """Rule: the interval must exclude zero strictly; everyone revisiting in both groups gives [0, 0]."""
    result = compare(100, 100, 100, 100)
    assert result["confidence_interval_95"] == [0.0, 0.0]
    assert result["significant"] is False


def test_rates_are_rounded_to_four_places():
    """Rule: rates, their difference and the interval are reported to four decimal places."""
    result = compare(300, 100, 300, 100)
    assert (result["treated"]["revisit_rate"], result["holdout"]["revisit_rate"]) == (0.3333, 0.3333)
    assert result["confidence_interval_95"] == [-0.0754, 0.0754]
    result = compare(300, 100, 300, 50)
    assert (result["incremental_revisit_rate"], result["confidence_interval_95"]) == (0.1667, [0.0987, 0.2347])
