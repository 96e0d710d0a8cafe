"""The merchants' dashboard pages: each view parses, makes one stats or coupons call, and renders."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpPermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from coupons import campaigns as coupon_services
from dashboard import pages, presenters
from dashboard.counter import counter_landing_url
from dashboard.forms import CampaignForm, RangeForm, range_query
from dashboard.templatetags.dashboard_i18n import status_label
from stats.campaign_stats import HOLDOUT_MIN_USERS
from stats.errors import RangeReversed
from stats.export import campaign_report_csv, campaign_report_filename

CAMPAIGN_ACTIONS = {
    "pause": coupon_services.campaign_pause,
    "resume": coupon_services.campaign_resume,
}


@login_required
def home(request):
    """The merchants the user works for, each with its campaigns' headline figures (clerks land on the counter)."""
    if "overview" not in request.GET and (landing := counter_landing_url(request.user)):
        return redirect(landing)
    merchants = pages.staff_overview(user_id=request.user.pk)
    return render(request, "dashboard/home.html", {"merchants": merchants})


def _campaign_page(request, campaign_id: int, query: dict) -> dict:
    try:
        return pages.campaign_dashboard(
            campaign_id=campaign_id,
            user_id=request.user.pk,
            from_=query.get("from"),
            to=query.get("to"),
            bucket=query.get("bucket") or "day",
        )
    except NotFound:
        raise Http404("No campaign has this id.") from None


def _range_errors_add(form: RangeForm, error: ValidationFailed) -> None:
    """The statistics' objection to the range, in words beside the picker."""
    if isinstance(error, RangeReversed):
        form.add_error("to", _("The end date is before the start date: pick an end on or after the start."))
        return
    for field, problems in error.errors.items():
        form.add_error(field if field in form.fields else None, problems[0])


def _page_for_range(request, campaign_id: int, form: RangeForm) -> dict:
    """The campaign's statistics for the asked range; when that range is bad, the errors go on the form and the
    page keeps the range it showed before (the picker's hidden `shown_*`), else the whole campaign."""
    asked = form.asked() if form.is_bound else {}
    if asked is not None:
        try:
            return _campaign_page(request, campaign_id, asked)
        except ValidationFailed as error:
            _range_errors_add(form, error)
    try:
        return _campaign_page(request, campaign_id, form.shown())
    except ValidationFailed:
        return _campaign_page(request, campaign_id, {})


@login_required
def campaign_detail(request, campaign_id: int):
    """A campaign's statistics: settings, tiles, the time series (chart and table), the funnel, baseline and holdout,
    the range picker and, for owners and managers, its actions."""
    form = RangeForm(request.GET or None)
    page = _page_for_range(request, campaign_id, form)
    form.errors_describe()
    with timezone.override(page["merchant"].timezone):  # every time on the page is the merchant's local time
        context = presenters.campaign_context(page, holdout_minimum=HOLDOUT_MIN_USERS)
        if not form.is_bound:
            form.initial = context["range_initial"]
        shown = range_query(context["range_initial"])
        return render(
            request,
            "dashboard/campaign.html",
            {**context, "range_form": form, "shown": shown, "csv_query": urlencode(shown)},
        )


@login_required
def campaign_csv(request, campaign_id: int):
    """The campaign's report for the chosen range as CSV: totals, funnel, baseline, holdout and the series."""
    form = RangeForm(request.GET or None)
    page = _page_for_range(request, campaign_id, form)
    stats = page["stats"]
    response = HttpResponse(campaign_report_csv(stats), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{campaign_report_filename(stats)}"'
    return response


def _campaign_to_manage(request, campaign_id: int) -> dict:
    """The campaign for its owner or manager: 404 for outsiders, 403 for the other staff (clerks)."""
    try:
        staff = pages.campaign_for_staff(campaign_id=campaign_id, user_id=request.user.pk)
    except NotFound:
        raise Http404("No campaign has this id.") from None
    if not staff["can_manage"]:
        raise HttpPermissionDenied(_("Only the owner or a manager can change campaigns."))
    return staff


def _changed_message(campaign) -> str:
    return _("“%(title)s” is now %(status)s.") % {"title": campaign.title, "status": status_label(campaign.status)}


@login_required
@require_POST
def campaign_action(request, campaign_id: int, action: str):
    """Pause or resume a campaign (owners and managers)."""
    if action not in CAMPAIGN_ACTIONS:
        raise Http404
    try:
        campaign = CAMPAIGN_ACTIONS[action](campaign_id=campaign_id, actor=request.user)
        messages.success(request, _changed_message(campaign))
    except NotFound:
        raise Http404("No campaign has this id.") from None
    except DomainError as error:
        messages.error(request, error.detail)
    return redirect("dashboard:campaign", campaign_id=campaign_id)


@login_required
def campaign_end(request, campaign_id: int):
    """End a campaign, in two steps without JavaScript: a page that says what ending means, then its confirmed POST
    (a POST without `confirm` only shows that page)."""
    staff = _campaign_to_manage(request, campaign_id)
    if request.method == "POST" and request.POST.get("confirm") == "end":
        try:
            campaign = coupon_services.campaign_end(campaign_id=campaign_id, actor=request.user)
            messages.success(request, _changed_message(campaign))
        except DomainError as error:
            messages.error(request, error.detail)
        return redirect("dashboard:campaign", campaign_id=campaign_id)
    if request.method == "POST":
        return redirect(reverse("dashboard:campaign-end", args=[campaign_id]))
    with timezone.override(staff["merchant"].timezone):
        return render(request, "dashboard/campaign_end.html", staff)


@login_required
def campaign_edit(request, campaign_id: int):
    """Change a campaign that has not ended (owners and managers): the creation form, filled with its settings."""
    staff = _campaign_to_manage(request, campaign_id)
    campaign, merchant = staff["campaign"], staff["merchant"]
    form = CampaignForm(request.POST or None, zone=merchant.timezone, campaign=campaign)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = coupon_services.campaign_update(
                campaign_id=campaign.pk, actor=request.user, data=form.service_fields()
            )
        except ValidationFailed as error:
            form.errors_add(error.errors)
        except DomainError as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("“%(title)s” saved.") % {"title": campaign.title})
            return redirect("dashboard:campaign", campaign_id=campaign.pk)
    form.errors_describe()
    return render(request, "dashboard/campaign_form.html", {"form": form, "editing": True, **staff})


@login_required
def campaign_create(request, merchant_id: int):
    """Start a campaign at one of the user's merchants (owners and managers)."""
    try:
        staff = pages.merchant_for_staff(merchant_id=merchant_id, user_id=request.user.pk)
    except NotFound:
        raise Http404("No merchant has this id.") from None
    merchant = staff["merchant"]
    form = CampaignForm(request.POST or None, zone=merchant.timezone)
    if request.method == "POST" and form.is_valid():
        try:
            campaign = coupon_services.campaign_create(merchant=merchant, actor=request.user, **form.service_fields())
        except ValidationFailed as error:
            form.errors_add(error.errors)
        except PermissionDenied as error:
            form.add_error(None, error.detail)
        else:
            messages.success(request, _("“%(title)s” created.") % {"title": campaign.title})
            return redirect("dashboard:campaign", campaign_id=campaign.pk)
    form.errors_describe()
    return render(request, "dashboard/campaign_form.html", {"form": form, **staff})
