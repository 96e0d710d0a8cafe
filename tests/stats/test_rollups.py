"""The beat task folds new rows; a fold already running makes the task skip instead of queueing behind it."""

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from stats import rollups
from stats.campaign_stats import campaign_stats
from stats.tasks import rollups_fold_task
from tests import factories

pytestmark = pytest.mark.django_db


def test_the_beat_task_folds_new_checkins(merchant_with_staff):
    campaign = factories.CampaignFactory(merchant=merchant_with_staff["merchant"])
    factories.CheckinFactory(merchant=campaign.merchant, created_at=timezone.now())
    rollups_fold_task()
    stats = campaign_stats(campaign_id=campaign.pk, user_id=merchant_with_staff["clerk"].pk)
    assert stats["totals"]["checkins"] == 1 and stats["as_of"] is not None


def test_a_fold_running_elsewhere_makes_the_task_skip():
    settings = connection.settings_dict
    with psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_advisory_lock(%s)", [rollups._LOCK_KEY])
        assert rollups.rollups_fold(wait=False) == {"skipped": True}
        other.execute("SELECT pg_advisory_unlock(%s)", [rollups._LOCK_KEY])
    assert "skipped" not in rollups.rollups_fold(wait=False)
