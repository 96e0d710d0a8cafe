"""Dashboard forms: they parse what a page sends; the rules live in the services they feed."""

from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from core.dates import EARLIEST, LATEST, supported_date_error
from coupons.triggers import (
    MAX_GROUP_FRIENDS,
    MAX_NTH_VISITS,
    MAX_WINDOW_MINUTES,
    NTH_VISIT,
    TRIGGER_TYPES,
    WITH_FRIENDS,
)

TRIGGER_LABELS = {
    "every_checkin": "Every check-in",
    "first_visit": "First visit only",
    "nth_visit": "Every N-th visit",
    "with_friends": "Checking in with friends",
}


def _supported_date(value) -> None:
    if (error := supported_date_error(value)) is not None:
        raise forms.ValidationError(error)


def _range_date_field(label: str) -> forms.DateField:
    """A local date inside the supported calendar (core.dates), which the date picker offers too."""
    attrs = {"type": "date", "min": EARLIEST.isoformat(), "max": LATEST.isoformat()}
    return forms.DateField(
        required=False, widget=forms.DateInput(attrs=attrs), label=label, validators=[_supported_date]
    )


class RangeForm(forms.Form):
    """The statistics range: local dates (both included) and the series bucket."""

    to = _range_date_field("To")
    bucket = forms.ChoiceField(choices=[("day", "By day"), ("hour", "By hour")], required=False, label="Series")


RangeForm.base_fields = {"from": _range_date_field("From"), **RangeForm.base_fields}


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


class CampaignForm(forms.Form):
    """A new campaign; times are the merchant's local time."""

    title = forms.CharField(max_length=120)
    description = forms.CharField(max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))
    starts_at = forms.DateTimeField(
        required=False, widget=LocalDateTimeInput(), input_formats=["%Y-%m-%dT%H:%M"], help_text="Empty: now."
    )
    ends_at = forms.DateTimeField(widget=LocalDateTimeInput(), input_formats=["%Y-%m-%dT%H:%M"])
    trigger = forms.ChoiceField(choices=[(t, TRIGGER_LABELS[t]) for t in TRIGGER_TYPES], label="Who gets a coupon")
    visits = forms.IntegerField(required=False, min_value=2, max_value=MAX_NTH_VISITS, help_text="Every N-th visit: N")
    friends = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_GROUP_FRIENDS, help_text="With friends: at least this many"
    )
    window_minutes = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_WINDOW_MINUTES, help_text="With friends: within minutes"
    )
    total_stock = forms.IntegerField(required=False, min_value=1, help_text="Empty: unlimited.")
    per_user_limit = forms.IntegerField(initial=1, min_value=1, max_value=1000)
    coupon_valid_days = forms.IntegerField(initial=7, min_value=1, max_value=3650)
    holdout_percent = forms.IntegerField(
        initial=10, min_value=0, max_value=50, help_text="Share of eligible people who get no coupon (to measure)."
    )

    def __init__(self, *args, zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(zone)

    def full_clean(self):
        with timezone.override(self.zone):  # the datetime inputs are the merchant's local time
            super().full_clean()

    def service_fields(self) -> dict:
        """The cleaned fields as coupons.services.campaign_create takes them."""
        data = dict(self.cleaned_data)
        trigger = {"type": data.pop("trigger")}
        visits, friends, window = data.pop("visits"), data.pop("friends"), data.pop("window_minutes")
        if trigger["type"] == NTH_VISIT:
            trigger["visits"] = visits
        elif trigger["type"] == WITH_FRIENDS:
            trigger.update(friends=friends, window_minutes=window)
        if data["starts_at"] is None:
            data.pop("starts_at")
        return {**data, "trigger": trigger}

    def errors_add(self, errors: dict) -> None:
        """Put a service's field errors (`trigger.visits` style names) on the form's fields."""
        for name, messages in (errors or {}).items():
            field = name.split(".")[-1] if name.startswith("trigger.") and name != "trigger.type" else name
            field = "trigger" if field == "trigger.type" else field
            for message in messages:
                self.add_error(field if field in self.fields else None, message)
