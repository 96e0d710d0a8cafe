import math

from stats.campaign_stats import holdout_compare


def test_difference_and_interval():
    result = holdout_compare(treated_users=400, treated_revisited=200, holdout_users=100, holdout_revisited=30)
    assert result["treated"]["revisit_rate"] == 0.5
    assert result["holdout"]["revisit_rate"] == 0.3
    assert result["incremental_revisit_rate"] == 0.2
    low, high = result["confidence_interval_95"]
    error = math.sqrt(0.5 * 0.5 / 400 + 0.3 * 0.7 / 100)
    assert math.isclose(low, round(0.2 - 1.959964 * error, 4), abs_tol=1e-3)
    assert math.isclose(high, round(0.2 + 1.959964 * error, 4), abs_tol=1e-3)
    assert result["enough_data"] and result["significant"]


def test_small_groups_are_not_significant():
    result = holdout_compare(treated_users=10, treated_revisited=8, holdout_users=10, holdout_revisited=1)
    assert not result["enough_data"]
    assert not result["significant"]


def test_empty_groups_have_no_rates():
    result = holdout_compare(treated_users=0, treated_revisited=0, holdout_users=0, holdout_revisited=0)
    assert result["treated"]["revisit_rate"] is None
    assert result["incremental_revisit_rate"] is None
    assert result["confidence_interval_95"] is None


def test_inconsistent_counts_never_fail():
    """More revisitors than users (rollups out of step) must not reach sqrt of a negative variance."""
    result = holdout_compare(treated_users=5, treated_revisited=7, holdout_users=3, holdout_revisited=4)
    assert result["treated"]["revisit_rate"] == 1.0
    assert result["holdout"]["revisit_rate"] == 1.0
    assert result["confidence_interval_95"] == [0.0, 0.0]
