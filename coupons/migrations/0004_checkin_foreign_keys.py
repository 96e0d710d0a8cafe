"""Coupon.checkin and CampaignEligibility.checkin become real foreign keys on the same `checkin_id` columns.

The database gains the constraints (and the eligibility column an index) in place; the model state trades the plain
integer fields for the foreign keys, which keep the column names.
"""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("checkins", "0001_initial"),
        ("coupons", "0003_campaign_dates_supported"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterField(
                    model_name="coupon",
                    name="checkin_id",
                    field=models.ForeignKey(
                        "checkins.Checkin",
                        null=True,
                        blank=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        db_column="checkin_id",
                    ),
                ),
                migrations.AlterField(
                    model_name="campaigneligibility",
                    name="checkin_id",
                    field=models.ForeignKey(
                        "checkins.Checkin",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        db_column="checkin_id",
                    ),
                ),
            ],
            state_operations=[
                migrations.RemoveConstraint(model_name="campaigneligibility", name="campaign_eligibility_unique"),
                migrations.RemoveField(model_name="coupon", name="checkin_id"),
                migrations.AddField(
                    model_name="coupon",
                    name="checkin",
                    field=models.ForeignKey(
                        "checkins.Checkin",
                        null=True,
                        blank=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                    ),
                ),
                migrations.RemoveField(model_name="campaigneligibility", name="checkin_id"),
                migrations.AddField(
                    model_name="campaigneligibility",
                    name="checkin",
                    field=models.ForeignKey(
                        "checkins.Checkin",
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        default=None,
                    ),
                    preserve_default=False,
                ),
                migrations.AddConstraint(
                    model_name="campaigneligibility",
                    constraint=models.UniqueConstraint(
                        fields=("campaign", "user", "checkin"), name="campaign_eligibility_unique"
                    ),
                ),
            ],
        ),
    ]
