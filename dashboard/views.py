"""The merchants' dashboard pages: each view parses, makes one stats or coupons call, and renders."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from coupons import campaigns as coupon_services
from dashboard import pages, presenters
from dashboard.forms import CampaignForm, RangeForm
from stats.campaign_stats import HOLDOUT_MIN_USERS
from stats.export import series_csv

CAMPAIGN_ACTIONS = {
    "pause": coupon_services.campaign_pause,
    "resume": coupon_services.campaign_resume,
    "end": coupon_services.campaign_end,
}


@login_required
def home(request):
    """The merchants the user works for, each with its campaigns' headline figures."""
    merchants = pages.staff_overview(user_id=request.user.pk)
    return render(request, "dashboard/home.html", {"merchants": merchants})


def _range(request) -> tuple[RangeForm, dict]:
    form = RangeForm(request.GET or None)
    return form, (form.cleaned_data if form.is_valid() else {})


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


@login_required
def campaign_detail(request, campaign_id: int):
    """A campaign's statistics: tiles, the time series, the funnel, baseline and holdout, range picker, actions."""
    form, query = _range(request)
    try:
        page = _campaign_page(request, campaign_id, query)
    except ValidationFailed as error:
        for field, problems in error.errors.items():
            form.add_error(field if field in form.fields else None, problems[0])
        page = _campaign_page(request, campaign_id, {})
    context = presenters.campaign_context(page, holdout_minimum=HOLDOUT_MIN_USERS)
    if not form.is_bound:
        form.initial = context["range_initial"]
    return render(request, "dashboard/campaign.html", {**context, "range_form": form, "query": request.GET.urlencode()})


@login_required
def campaign_csv(request, campaign_id: int):
    """The campaign's series for the chosen range, as CSV."""
    _, query = _range(request)
    try:
        page = _campaign_page(request, campaign_id, query)
    except ValidationFailed:
        page = _campaign_page(request, campaign_id, {})
    response = HttpResponse(series_csv(page["stats"]["series"]), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="campaign-{campaign_id}-stats.csv"'
    return response


@login_required
@require_POST
def campaign_action(request, campaign_id: int, action: str):
    """Pause, resume or end a campaign (owners and managers)."""
    if action not in CAMPAIGN_ACTIONS:
        raise Http404
    try:
        campaign = CAMPAIGN_ACTIONS[action](campaign_id=campaign_id, actor=request.user)
        messages.success(request, f"“{campaign.title}” is now {campaign.status.replace('_', ' ')}.")
    except NotFound:
        raise Http404("No campaign has this id.") from None
    except DomainError as error:
        messages.error(request, error.detail)
    return redirect("dashboard:campaign", campaign_id=campaign_id)


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
            messages.success(request, f"“{campaign.title}” created.")
            return redirect("dashboard:campaign", campaign_id=campaign.pk)
    return render(request, "dashboard/campaign_form.html", {"form": form, **staff})
