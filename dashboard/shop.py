"""A shop's own pages: its overview (every campaign's headline figures, any staff) and its staff (owner and manager
see it, the owner adds and removes managers and clerks). Anyone who may not see a page gets a 404, as elsewhere."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from core.errors import DomainError, NotFound, PermissionDenied, ValidationFailed
from dashboard.presenters import FORMATS
from dashboard.webhooks import failing_webhooks_for_notice
from merchants.models import MerchantStaff
from merchants.selectors import merchant_get, merchant_staff_list, staff_role_manages
from merchants.services import merchant_staff_add, merchant_staff_remove
from stats.metrics import METRICS, OVERVIEW
from stats.overview import merchant_stats_overview

ADDABLE_ROLES = (MerchantStaff.Role.MANAGER, MerchantStaff.Role.CLERK)


class StaffAddForm(forms.Form):
    """A manager or clerk to add, by username."""

    username = forms.CharField(label=_("Username"), max_length=150, strip=True)
    role = forms.ChoiceField(label=_("Role"), choices=[("manager", _("Manager")), ("clerk", _("Clerk"))])


@login_required
def merchant_overview(request, merchant_id: int):
    """The shop's campaigns with their headline figures over their whole periods (the API's merchant statistics), in
    the shop's time zone, with links to each campaign, the counter and (for owner and manager) the staff page."""
    try:
        overview = merchant_stats_overview(merchant_id=merchant_id, user_id=request.user.pk)
    except (NotFound, PermissionDenied):
        raise Http404("No merchant has this id.") from None
    context = {
        "overview": overview,
        "merchant": overview["merchant"],
        "can_manage": staff_role_manages(overview["role"]),
        "labels": [METRICS[key].label for key in OVERVIEW],
        "campaigns": [_campaign_row(campaign) for campaign in overview["campaigns"]],
        "failing": failing_webhooks_for_notice(
            merchant_id=merchant_id, can_manage=staff_role_manages(overview["role"])
        ),
    }
    return render(request, "dashboard/merchant.html", context)


def _campaign_row(campaign: dict) -> dict:
    """One campaign of the overview with its figures in OVERVIEW's order, each as shown (presenters.FORMATS)."""
    cells = [
        {"key": key, "value": campaign[key], "shown": FORMATS[METRICS[key].format](campaign[key])} for key in OVERVIEW
    ]
    return {**campaign, "cells": cells}


def _staff_page(request, merchant_id: int, form: StaffAddForm) -> dict:
    """The staff page's context: the list (owner and manager only; 404 for anyone else), the merchant, the form."""
    try:
        rows = merchant_staff_list(merchant_id=merchant_id, actor=request.user)
        merchant = merchant_get(merchant_id=merchant_id)
    except (NotFound, PermissionDenied):
        raise Http404("No merchant has this id.") from None
    role = next(row["role"] for row in rows if row["user"]["id"] == request.user.pk)
    return {
        "merchant": merchant,
        "rows": rows,
        "role": role,
        "is_owner": role == MerchantStaff.Role.OWNER,
        "form": form,
    }


def _staff_add(request, merchant, form: StaffAddForm) -> bool:
    """Add the form's user with its role; False (with the error on the form, in words) when the service refuses."""
    username, role = form.cleaned_data["username"], form.cleaned_data["role"]
    try:
        merchant_staff_add(merchant=merchant, actor=request.user, username=username, role=role)
    except ValidationFailed as error:
        for field, problems in error.errors.items():
            form.add_error(field if field in form.fields else None, problems[0])
        return False
    except NotFound:
        form.add_error("username", gettext("No one has this username. Check the spelling with them."))
        return False
    except DomainError as error:
        form.add_error(None, str(error.detail))
        return False
    messages.success(
        request,
        gettext("%(username)s now works here as %(role)s.")
        % {"username": username, "role": dict(form.fields["role"].choices)[role]},
    )
    return True


@login_required
def merchant_staff(request, merchant_id: int):
    """Who works for the shop (owner and manager); the owner adds a manager or clerk by username."""
    form = StaffAddForm(request.POST or None)
    context = _staff_page(request, merchant_id, form)
    if request.method == "POST":
        if not context["is_owner"]:
            messages.error(request, gettext("Only the shop's owner can add staff."))
            return redirect("dashboard:merchant-staff", merchant_id=merchant_id)
        if form.is_valid() and _staff_add(request, context["merchant"], form):
            return redirect("dashboard:merchant-staff", merchant_id=merchant_id)
        return render(request, "dashboard/staff.html", context, status=400)
    return render(request, "dashboard/staff.html", context)


@login_required
@require_POST
def merchant_staff_delete(request, merchant_id: int, user_id: int):
    """Take a manager's or clerk's role away (owner only); a refusal comes back as a sentence on the staff page."""
    context = _staff_page(request, merchant_id, StaffAddForm())
    person = next((row["user"] for row in context["rows"] if row["user"]["id"] == user_id), None)
    try:
        merchant_staff_remove(merchant_id=merchant_id, user_id=user_id, actor=request.user)
    except PermissionDenied:
        messages.error(request, gettext("Only the shop's owner can remove staff."))
    except DomainError as error:
        messages.error(request, _removal_refusal(error))
    else:
        name = person["display_name"] or person["username"] if person else ""
        messages.success(request, gettext("%(name)s no longer works here.") % {"name": name})
    return redirect("dashboard:merchant-staff", merchant_id=merchant_id)


def _removal_refusal(error: DomainError) -> str:
    """Why a removal was refused, in words a shop owner reads."""
    if error.code == "owner_required":
        return gettext("You are the owner: a shop always keeps its owner, so your own role cannot be removed.")
    if error.code == "staff_not_found":
        return gettext("This person does not work here (any more).")
    return str(error.detail)
