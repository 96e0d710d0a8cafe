"""Dashboard forms: they parse what a page sends; the rules live in the services they feed."""

from datetime import date
from zoneinfo import ZoneInfo

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.dates import EARLIEST, LATEST, supported_date_error
from coupons.limits import COUPON_VALID_DAYS, HOLDOUT_PERCENT, PER_USER_LIMIT
from coupons.models import Campaign
from coupons.triggers import TRIGGER_PARAMETERS, TRIGGERS

# The registry's labels are plain text (coupons knows no language): the dashboard translates them when it shows them.
TRIGGER_CHOICES = [(kind, _(trigger.label)) for kind, trigger in TRIGGERS.items()]  # noqa: INT001


def _supported_date(value) -> None:
    if (error := supported_date_error(value)) is not None:
        raise forms.ValidationError(error)


def _range_date_field(label) -> forms.DateField:
    """A local date inside the supported calendar (core.dates), which the date picker offers too."""
    attrs = {"type": "date", "min": EARLIEST.isoformat(), "max": LATEST.isoformat()}
    return forms.DateField(
        required=False, widget=forms.DateInput(attrs=attrs), label=label, validators=[_supported_date]
    )


class ErrorsDescribed:
    """A form mixin: inputs with errors say so to assistive technology, pointing at the message beside them (the
    template shows each field's errors in an element with id `<input id>-error`)."""

    def errors_describe(self) -> None:
        """Mark the inputs of the fields with errors as invalid, described by their messages."""
        for name in self.errors:
            if name in self.fields:
                attrs = self.fields[name].widget.attrs
                attrs.update({"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"})


class RangeForm(ErrorsDescribed, forms.Form):
    """The statistics range: local dates (both included) and the series bucket. `shown_*` carry the range the page
    showed, so that a bad range keeps those figures on screen beside the error."""

    to = _range_date_field(_("To"))
    bucket = forms.ChoiceField(
        choices=[("day", _("By day")), ("week", _("By week")), ("hour", _("By hour"))],
        required=False,
        label=_("Series"),
    )
    shown_from = forms.DateField(required=False, widget=forms.HiddenInput, validators=[_supported_date])
    shown_to = forms.DateField(required=False, widget=forms.HiddenInput, validators=[_supported_date])
    shown_bucket = forms.ChoiceField(
        choices=[("day", ""), ("week", ""), ("hour", "")], required=False, widget=forms.HiddenInput
    )

    def shown(self) -> dict:
        """The range the page showed before (its valid part), as the statistics take it."""
        data = getattr(self, "cleaned_data", {})
        return {"from": data.get("shown_from"), "to": data.get("shown_to"), "bucket": data.get("shown_bucket")}

    def asked(self) -> dict | None:
        """The range asked for, or None when it does not parse."""
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"from": data.get("from"), "to": data.get("to"), "bucket": data.get("bucket")}


RangeForm.base_fields = {"from": _range_date_field(_("From")), **RangeForm.base_fields}


def range_query(shown: dict) -> dict:
    """The query string of a range as the picker sends it (the CSV link, the hidden fields)."""
    return {
        "from": shown["from"].isoformat() if isinstance(shown["from"], date) else "",
        "to": shown["to"].isoformat() if isinstance(shown["to"], date) else "",
        "bucket": shown["bucket"],
    }


class LocalDateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self):
        super().__init__(format="%Y-%m-%dT%H:%M")


class LocalTimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self):
        super().__init__(format="%H:%M")


class CampaignForm(ErrorsDescribed, forms.Form):
    """A new campaign, or the changes to one (`campaign`: the form starts from its settings); times are the merchant's
    local time."""

    title = forms.CharField(max_length=120, label=_("Title"))
    description = forms.CharField(
        max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}), label=_("Description")
    )
    starts_at = forms.DateTimeField(
        required=False,
        widget=LocalDateTimeInput(),
        input_formats=["%Y-%m-%dT%H:%M"],
        label=_("Starts"),
        help_text=_("Empty: now."),
    )
    ends_at = forms.DateTimeField(widget=LocalDateTimeInput(), input_formats=["%Y-%m-%dT%H:%M"], label=_("Ends"))
    trigger = forms.ChoiceField(choices=TRIGGER_CHOICES, label=_("Who gets a coupon"))
    # Then one optional field per trigger parameter (from the registry), inserted after `trigger` below.
    total_stock = forms.IntegerField(
        required=False, min_value=1, label=_("Coupons in stock"), help_text=_("Empty: unlimited.")
    )
    per_user_limit = forms.IntegerField(
        initial=PER_USER_LIMIT.default,
        min_value=PER_USER_LIMIT.low,
        max_value=PER_USER_LIMIT.high,
        label=_("Coupons per person"),
    )
    coupon_valid_days = forms.IntegerField(
        initial=COUPON_VALID_DAYS.default,
        min_value=COUPON_VALID_DAYS.low,
        max_value=COUPON_VALID_DAYS.high,
        label=_("Days a coupon stays valid"),
    )
    daily_start_time = forms.TimeField(
        required=False,
        widget=LocalTimeInput(),
        input_formats=["%H:%M", "%H:%M:%S"],
        label=_("Daily from"),
        help_text=_("Coupons only between these hours each day; both empty: all day."),
    )
    daily_end_time = forms.TimeField(
        required=False,
        widget=LocalTimeInput(),
        input_formats=["%H:%M", "%H:%M:%S"],
        label=_("Daily until"),
        help_text=_("Before the start: until that hour the next morning."),
    )
    # The form suggests a 10% holdout (the API's default is none): merchants see the campaign's effect by default.
    holdout_percent = forms.IntegerField(
        initial=10,
        min_value=HOLDOUT_PERCENT.low,
        max_value=HOLDOUT_PERCENT.high,
        label=_("Holdout share (%)"),
        help_text=_("Share of eligible people who get no coupon (to measure)."),
    )

    def __init__(self, *args, zone: str, campaign: Campaign | None = None, **kwargs):
        if campaign is not None:
            kwargs.setdefault("initial", campaign_initial(campaign, ZoneInfo(zone)))
        super().__init__(*args, **kwargs)
        self.zone = ZoneInfo(zone)
        if campaign is not None:
            self.fields["starts_at"].help_text = _("Empty: unchanged.")

    def full_clean(self):
        with timezone.override(self.zone):  # the datetime inputs are the merchant's local time
            super().full_clean()

    def service_fields(self) -> dict:
        """The cleaned fields as coupons.campaigns.campaign_create and campaign_update take them."""
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


def campaign_initial(campaign: Campaign, zone: ZoneInfo) -> dict:
    """A campaign's settings as the form's initial values (local times, the trigger's parameters as fields)."""
    initial = {
        name: getattr(campaign, name)
        for name in ("title", "description", "total_stock", "per_user_limit", "coupon_valid_days", "holdout_percent")
    }
    initial.update(
        {
            "starts_at": campaign.starts_at.astimezone(zone).replace(tzinfo=None),
            "ends_at": campaign.ends_at.astimezone(zone).replace(tzinfo=None),
            "daily_start_time": campaign.daily_start_time,
            "daily_end_time": campaign.daily_end_time,
            "trigger": campaign.trigger.get("type"),
            **{parameter.name: campaign.trigger.get(parameter.name) for parameter in TRIGGER_PARAMETERS},
        }
    )
    return initial


def _fields_after_trigger(fields: dict) -> dict:
    """The form's fields with one optional integer per trigger parameter right after `trigger`."""
    result = {}
    for name, field in fields.items():
        result[name] = field
        if name == "trigger":
            for parameter in TRIGGER_PARAMETERS:
                result[parameter.name] = forms.IntegerField(
                    required=False,
                    min_value=parameter.low,
                    max_value=parameter.high,
                    label=_(parameter.form_help),  # noqa: INT001 (the registry's text, translated when shown)
                )
    return result


CampaignForm.base_fields = _fields_after_trigger(CampaignForm.base_fields)
