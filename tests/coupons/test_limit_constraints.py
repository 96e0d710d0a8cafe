"""Each campaign limit's whole range (coupons/limits.py) holds in the database too, whatever code writes the row."""

import pytest
from django.db import IntegrityError, transaction

from coupons.limits import CAMPAIGN_LIMITS
from coupons.models import Campaign
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("limit", CAMPAIGN_LIMITS, ids=lambda limit: limit.name)
def test_the_database_holds_each_limit_to_its_range(limit):
    campaign = factories.CampaignFactory()
    rows = Campaign.objects.filter(pk=campaign.pk)
    for allowed in (limit.low, limit.high):
        assert rows.update(**{limit.name: allowed}) == 1
    for refused in (limit.low - 1, limit.high + 1):
        if refused < 0:
            continue  # the column is unsigned: PositiveIntegerField's own check refuses it
        with pytest.raises(IntegrityError), transaction.atomic():
            rows.update(**{limit.name: refused})
