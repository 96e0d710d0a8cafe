"""Dashboard forms: they parse what a page sends; the rules live in the services they feed."""

from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone

from core.dates import EARLIEST, LATEST, supported_date_error
from coupons.limits import COUPON_VALID_DAYS, HOLDOUT_PERCENT, PER_USER_LIMIT
from coupons.triggers import TRIGGER_PARAMETERS, TRIGGERS


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
    trigger = forms.ChoiceField(
        choices=[(kind, trigger.label) for kind, trigger in TRIGGERS.items()], label="Who gets a coupon"
    )
    # Then one optional field per trigger parameter (from the registry), inserted after `trigger` below.
    total_stock = forms.IntegerField(required=False, min_value=1, help_text="Empty: unlimited.")
    per_user_limit = forms.IntegerField(
        initial=PER_USER_LIMIT.default, min_value=PER_USER_LIMIT.low, max_value=PER_USER_LIMIT.high
    )
    coupon_valid_days = forms.IntegerField(
        initial=COUPON_VALID_DAYS.default, min_value=COUPON_VALID_DAYS.low, max_value=COUPON_VALID_DAYS.high
    )
    # The form suggests a 10% holdout (the API's default is none): merchants see the campaign's effect by default.
    holdout_percent = forms.IntegerField(
        initial=10,
        min_value=HOLDOUT_PERCENT.low,
        max_value=HOLDOUT_PERCENT.high,
        help_text="Share of eligible people who get no coupon (to measure).",
    )

    def __init__(self, *args, zone: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(zone)

    def full_clean(self):
        with timezone.override(self.zone):  # the datetime inputs are the merchant's local time
            super().full_clean()

    def service_fields(self) -> dict:
        """The cleaned fields as coupons.campaigns.campaign_create takes them."""
        data = dict(self.cleaned_data)
        trigger = {"type": data.pop("trigger")}
        given = {parameter.name: data.pop(parameter.name) for parameter in TRIGGER_PARAMETERS}
        trigger.update({parameter.name: given[parameter.name] for parameter in TRIGGERS[trigger["type"]].parameters})
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


def _fields_after_trigger(fields: dict) -> dict:
    """The form's fields with one optional integer per trigger parameter right after `trigger`."""
    result = {}
    for name, field in fields.items():
        result[name] = field
        if name == "trigger":
            for parameter in TRIGGER_PARAMETERS:
                result[parameter.name] = forms.IntegerField(
                    required=False, min_value=parameter.low, max_value=parameter.high, help_text=parameter.form_help
                )
    return result


CampaignForm.base_fields = _fields_after_trigger(CampaignForm.base_fields)
