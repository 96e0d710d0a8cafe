"""A shop's webhooks page (owners and managers): its endpoints with their recent deliveries, a notice for those disabled
after repeated failures, and forms to add an endpoint, enable or disable one, send it a test event, rotate its secret,
delete it and redeliver a delivery. The same services as the API (webhooks.services).

A secret is shown once: the POST that makes it keeps it in the session and redirects (303); the page that follows takes
it out of the session as it shows it, so a reload no longer has it. Anyone who is not the shop's staff gets a 404, its
clerks a 403.
"""

import contextlib

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied as HttpPermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from core.translations import translated
from dashboard import pages
from webhooks import selectors, services
from webhooks.models import SUBSCRIBABLE_EVENTS, EventType, WebhookDelivery, WebhookEndpoint

RECENT_DELIVERIES = 20
SECRET_SESSION_KEY = "dashboard-webhook-secret"  # noqa: S105 (the name of a session key)
EVENT_LABELS = {
    EventType.CHECKIN_CREATED: _("A customer checked in"),
    EventType.COUPON_ISSUED: _("A coupon was issued"),
    EventType.COUPON_REDEEMED: _("A coupon was redeemed"),
    EventType.COUPON_VOIDED: _("A redemption was voided"),
    EventType.CAMPAIGN_SOLD_OUT: _("A campaign sold out"),
    EventType.CAMPAIGN_ENDED: _("A campaign ended"),
    EventType.WEBHOOK_TEST: _("Test event"),
}
STATUS_LABELS = {
    WebhookDelivery.Status.PENDING: _("Pending"),
    WebhookDelivery.Status.SUCCEEDED: _("Delivered"),
    WebhookDelivery.Status.FAILED: _("Failed"),
}


class WebhookAddForm(forms.Form):
    """A new endpoint: where to send, which events, and a note."""

    url = forms.CharField(label=_("Address (URL)"), max_length=services.URL_MAX_LENGTH, strip=True)
    events = forms.MultipleChoiceField(
        label=_("Events"),
        choices=[(event, EVENT_LABELS[EventType(event)]) for event in SUBSCRIBABLE_EVENTS],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one event.")},
    )
    description = forms.CharField(
        label=_("Note (optional)"), max_length=services.DESCRIPTION_MAX_LENGTH, required=False, strip=True
    )


def _see_other(url: str) -> HttpResponseRedirect:
    """A 303 redirect: after a POST the browser GETs the page, so a reload never posts again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _page_url(merchant_id: int) -> str:
    return reverse("dashboard:merchant-webhooks", kwargs={"merchant_id": merchant_id})


def _manager_or_refuse(request, merchant_id: int) -> dict:
    """The shop and the user's role there: 404 for anyone who is not its staff, 403 for its clerks."""
    try:
        staff = pages.merchant_for_staff(merchant_id=merchant_id, user_id=request.user.pk)
    except NotFound:
        raise Http404("No merchant has this id.") from None
    if not staff["can_manage"]:
        raise HttpPermissionDenied(gettext("Only the shop's owner or a manager can manage its webhooks."))
    return staff


def _endpoint_of(request, merchant_id: int, webhook_id: int) -> WebhookEndpoint:
    """The shop's endpoint for its owner or manager; 404 when it is another shop's or does not exist."""
    _manager_or_refuse(request, merchant_id)
    try:
        endpoint = selectors.webhook_endpoint_get(endpoint_id=webhook_id, actor=request.user)
    except (NotFound, PermissionDenied):  # PermissionDenied: another shop's, where the user is a clerk
        raise Http404("No webhook endpoint has this id.") from None
    if endpoint.merchant_id != merchant_id:
        raise Http404("No webhook endpoint of this merchant has this id.")
    return endpoint


def _secret_keep(request, endpoint: WebhookEndpoint, secret: str) -> None:
    """Keep a new secret for the next page view of this shop's webhooks, which shows it once."""
    request.session[SECRET_SESSION_KEY] = {"merchant": endpoint.merchant_id, "endpoint": endpoint.pk, "secret": secret}


def _secret_take(request, merchant_id: int) -> dict | None:
    """The secret kept for this shop's page, taken out of the session (shown this once), or None."""
    kept = request.session.get(SECRET_SESSION_KEY)
    if not isinstance(kept, dict) or kept.get("merchant") != merchant_id:
        return None
    del request.session[SECRET_SESSION_KEY]
    return kept


def _events_shown(events: list[str]) -> list[dict]:
    return [{"code": event, "label": EVENT_LABELS.get(event, event)} for event in events]


def _delivery_shown(row: dict) -> dict:
    return {
        **row,
        "event_label": EVENT_LABELS.get(row["event_type"], row["event_type"]),
        "status_label": STATUS_LABELS.get(row["status"], row["status"]),
    }


def _page_context(request, staff: dict, form: WebhookAddForm) -> dict:
    """Everything the page shows: the endpoints with their recent deliveries, the failure notice, a new secret."""
    merchant = staff["merchant"]
    rows = selectors.webhook_endpoints_with_deliveries(
        merchant_id=merchant.pk, actor=request.user, recent=RECENT_DELIVERIES
    )
    kept = _secret_take(request, merchant.pk)
    endpoints = [
        {
            "endpoint": row["endpoint"],
            "events": _events_shown(row["endpoint"].events),
            "deliveries": [_delivery_shown(delivery) for delivery in row["deliveries"]],
            "secret": kept["secret"] if kept and kept["endpoint"] == row["endpoint"].pk else None,
        }
        for row in rows
    ]
    return {
        **staff,
        "merchant_name": translated(merchant.translations, "name", merchant.name),
        "endpoints": endpoints,
        "failing": selectors.webhook_endpoints_failing(merchant_id=merchant.pk),
        "form": form,
        "can_add": len(rows) < services.WEBHOOK_ENDPOINTS_PER_MERCHANT,
        "limit": services.WEBHOOK_ENDPOINTS_PER_MERCHANT,
        "recent": RECENT_DELIVERIES,
    }


def _render(request, context: dict, status: int = 200):
    response = render(request, "dashboard/webhooks.html", context, status=status)
    # The page may carry a secret: no cache, no back-button copy.
    response["Cache-Control"] = "no-store"
    return response


def _endpoint_add(request, merchant, form: WebhookAddForm) -> WebhookEndpoint | None:
    """Add the form's endpoint; None (with the service's objection on the form, in words) when it is refused."""
    try:
        endpoint, secret = services.webhook_endpoint_create(merchant=merchant, actor=request.user, **form.cleaned_data)
    except ValidationFailed as error:  # WebhookUrlNotAllowed too: its errors name `url`
        for field, problems in (error.errors or {}).items():
            form.add_error(field if field in form.fields else None, problems[0])
        if not error.errors:
            form.add_error(None, str(error.detail))
        return None
    except DomainError as error:
        form.add_error(None, str(error.detail))
        return None
    _secret_keep(request, endpoint, secret)
    return endpoint


@login_required
@require_http_methods(["GET", "POST"])
def merchant_webhooks(request, merchant_id: int):
    """The shop's endpoints with their recent deliveries (GET); add an endpoint (POST), whose secret the page that
    follows shows once."""
    staff = _manager_or_refuse(request, merchant_id)
    form = WebhookAddForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid() and _endpoint_add(request, staff["merchant"], form):
            messages.success(request, gettext("Endpoint added. Copy its secret now: it is shown only once."))
            return _see_other(_page_url(merchant_id))
        return _render(request, _page_context(request, staff, form), status=400)
    return _render(request, _page_context(request, staff, form))


@login_required
@require_POST
def webhook_enabled(request, merchant_id: int, webhook_id: int):
    """Enable (`enabled=on`) or disable (`enabled=off`) an endpoint."""
    endpoint = _endpoint_of(request, merchant_id, webhook_id)
    wanted = request.POST.get("enabled")
    if wanted not in ("on", "off"):
        messages.error(request, gettext("Choose whether to enable or disable the endpoint."))
        return _see_other(_page_url(merchant_id))
    try:
        endpoint = services.webhook_endpoint_update(
            endpoint_id=endpoint.pk, actor=request.user, data={"enabled": wanted == "on"}
        )
    except NotFound:  # deleted meanwhile
        raise Http404("No webhook endpoint has this id.") from None
    if endpoint.enabled:
        messages.success(request, gettext("%(url)s is enabled: events are sent to it again.") % {"url": endpoint.url})
    else:
        messages.success(request, gettext("%(url)s is disabled: nothing is sent to it.") % {"url": endpoint.url})
    return _see_other(_page_url(merchant_id))


@login_required
@require_POST
def webhook_test(request, merchant_id: int, webhook_id: int):
    """Send the endpoint a test event; its delivery shows in the endpoint's list."""
    endpoint = _endpoint_of(request, merchant_id, webhook_id)
    try:
        services.webhook_endpoint_test(endpoint_id=endpoint.pk, actor=request.user)
    except DomainError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(
            request,
            gettext("A test event is on its way to %(url)s; reload to see how it went.") % {"url": endpoint.url},
        )
    return _see_other(_page_url(merchant_id))


@login_required
@require_POST
def webhook_redeliver(request, merchant_id: int, webhook_id: int, delivery_id: int):
    """Send one of the endpoint's deliveries again, under the same webhook-id."""
    endpoint = _endpoint_of(request, merchant_id, webhook_id)
    try:
        services.webhook_delivery_resend(endpoint_id=endpoint.pk, delivery_id=delivery_id, actor=request.user)
    except NotFound:
        raise Http404("This endpoint has no delivery with this id.") from None
    except DomainError as error:
        messages.error(request, _refusal(error))
    else:
        messages.success(request, gettext("The event is being sent again."))
    return _see_other(_page_url(merchant_id))


def _refusal(error: DomainError) -> str:
    """Why a send was refused, in words a shop owner reads."""
    if error.code == "webhook_endpoint_disabled":
        return gettext("This endpoint is disabled: enable it first, then send again.")
    return str(error.detail)


@login_required
@require_http_methods(["GET", "POST"])
def webhook_delete(request, merchant_id: int, webhook_id: int):
    """Delete an endpoint after a page that says what it means (a POST without `confirm` only shows that page)."""
    endpoint = _endpoint_of(request, merchant_id, webhook_id)
    if request.method == "POST" and request.POST.get("confirm") == "delete":
        with contextlib.suppress(NotFound):  # deleted meanwhile (a second tab): what was asked is done
            services.webhook_endpoint_delete(endpoint_id=endpoint.pk, actor=request.user)
        messages.success(request, gettext("%(url)s was deleted: nothing more is sent to it.") % {"url": endpoint.url})
        return _see_other(_page_url(merchant_id))
    return render(request, "dashboard/webhook_delete.html", {"endpoint": endpoint, "merchant_id": merchant_id})


@login_required
@require_http_methods(["GET", "POST"])
def webhook_rotate(request, merchant_id: int, webhook_id: int):
    """Give an endpoint a new secret after a page that says what it means; the page that follows shows it once."""
    endpoint = _endpoint_of(request, merchant_id, webhook_id)
    if request.method == "POST" and request.POST.get("confirm") == "rotate":
        try:
            secret = services.webhook_endpoint_secret_rotate(endpoint_id=endpoint.pk, actor=request.user)
        except NotFound:  # deleted meanwhile
            raise Http404("No webhook endpoint has this id.") from None
        _secret_keep(request, endpoint, secret)
        messages.success(request, gettext("New secret made. Copy it now: it is shown only once."))
        return _see_other(_page_url(merchant_id))
    grace_hours = f"{settings.WEBHOOK_SECRET_GRACE_HOURS:g}"
    context = {"endpoint": endpoint, "merchant_id": merchant_id, "grace_hours": grace_hours}
    return render(request, "dashboard/webhook_rotate.html", context)


def failing_webhooks_for_notice(*, merchant_id: int, can_manage: bool) -> list[WebhookEndpoint]:
    """The shop's endpoints disabled after repeated failures, for the notice on its overview (people who can fix
    them only)."""
    if not can_manage:
        return []
    return selectors.webhook_endpoints_failing(merchant_id=merchant_id)
