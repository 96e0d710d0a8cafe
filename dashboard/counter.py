"""The counter: a shop's staff redeem a coupon by typing or scanning its code and see today's redemptions; owners and
managers void a redemption within the void window. The same services as the API (coupons.redemption).

Exactly once, and safe to resubmit: every form carries a one-time token. The first POST with a token claims it in the
cache, redeems, stores the answer under the token and redirects (303) to the page showing that answer; a second POST
with the same token (a double tap, a resent form) waits for the first one's answer and shows it, so a success is never
reported back as "already redeemed". With the cache unreachable the page still redeems and answers at once.
"""

import re
import secrets
import time
import zoneinfo
from datetime import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied as HttpPermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from core.errors import DomainError, NotFound, PermissionDenied
from core.translations import translated
from coupons.codes import coupon_code_normalize
from coupons.errors import CouponAlreadyRedeemed, CouponExpired, CouponNotFound
from coupons.redemption import coupon_redeem, redemption_void, redemption_void_window
from coupons.selectors import redemption_list_for_day
from dashboard import pages
from merchants.models import MerchantStaff
from merchants.selectors import merchant_list_for_staff

TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{16,64}$")
ANSWER_TTL_S = 3600  # how long a reload of the answer page (or a resent form) still shows the answer
PENDING_TTL_S = 30  # a claimed token whose request died frees itself after this
PENDING_WAIT_S = 5.0  # how long a resubmission waits for the first request's answer
PENDING = "pending"


class CounterForm(forms.Form):
    """What the counter posts: the code as typed or scanned, and the form's one-time token."""

    code = forms.CharField(
        max_length=64, error_messages={"required": _("Type or scan the coupon's code.")}, label=_("Coupon code")
    )
    token = forms.RegexField(
        regex=TOKEN_PATTERN,
        error_messages={
            "required": _("This form has expired; please enter the code again."),
            "invalid": _("This form has expired; please enter the code again."),
        },
    )


def counter_landing_url(user) -> str | None:
    """Where a user lands in the dashboard when every role they hold is clerk: the counter of their first shop (the
    counter links the others); None for everyone else."""
    if not user.is_authenticated:
        return None
    roles = list(merchant_list_for_staff(user_id=user.pk).values_list("id", "role"))
    if roles and all(role == MerchantStaff.Role.CLERK for _id, role in roles):
        return reverse("dashboard:counter", kwargs={"merchant_id": roles[0][0]})
    return None


@login_required
@require_http_methods(["GET", "POST"])
def counter(request, merchant_id: int):
    """The counter page: redeem a code (POST), see the answer and today's redemptions (GET)."""
    staff = _staff_or_404(request, merchant_id)
    if request.method == "POST":
        return _counter_post(request, staff)
    answer = _answer_wait(_answer_key(request.user.pk, merchant_id, request.GET.get("answer", "")))
    return _render(request, staff, answer=answer)


@login_required
@require_POST
def counter_void(request, merchant_id: int, redemption_id: int):
    """Void a redemption made less than the void window ago (owners and managers); the coupon is active again."""
    _staff_or_404(request, merchant_id)
    try:
        redemption = redemption_void(merchant_id=merchant_id, redemption_id=redemption_id, actor=request.user)
    except NotFound:
        raise Http404("No redemption of this merchant has this id.") from None
    except PermissionDenied as error:
        raise HttpPermissionDenied(error.detail) from None
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        sentence = gettext("Redemption of %(code)s voided: the coupon can be used again.")
        messages.success(request, sentence % {"code": redemption.coupon.code})
    return _see_other(reverse("dashboard:counter", kwargs={"merchant_id": merchant_id}))


def _staff_or_404(request, merchant_id: int) -> dict:
    """The merchant and the user's role there; 404 for anyone who is not its staff."""
    try:
        return pages.merchant_for_staff(merchant_id=merchant_id, user_id=request.user.pk)
    except NotFound:
        raise Http404("No merchant has this id.") from None


def _see_other(url: str) -> HttpResponseRedirect:
    """A 303 redirect: after a POST the browser GETs the answer, so a reload never posts again."""
    response = HttpResponseRedirect(url)
    response.status_code = 303
    return response


def _counter_post(request, staff: dict):
    """Redeem once per token; answer by redirecting to the page that shows the stored answer."""
    form = CounterForm(request.POST)
    if not form.is_valid():
        return _render(request, staff, form=form, status=400)
    merchant, token, code = staff["merchant"], form.cleaned_data["token"], form.cleaned_data["code"]
    key = _answer_key(request.user.pk, merchant.pk, token)
    claimed = cache.add(key, PENDING, PENDING_TTL_S)
    if claimed is None:  # the cache is unreachable (it fails open): redeem and answer without the replay guard
        return _render(request, staff, answer=_redeem(merchant_id=merchant.pk, actor=request.user, code=code))
    if claimed:
        try:
            answer = _redeem(merchant_id=merchant.pk, actor=request.user, code=code)
        except BaseException:
            cache.delete(key)
            raise
        cache.set(key, answer, ANSWER_TTL_S)
    elif _answer_wait(key) is None:
        form.add_error(None, gettext("This code is still being checked; look for it in today's list below."))
        return _render(request, staff, form=form, status=409)
    url = reverse("dashboard:counter", kwargs={"merchant_id": merchant.pk})
    return _see_other(f"{url}?answer={token}")


def _answer_key(user_id: int, merchant_id: int, token: str) -> str | None:
    """The cache key of one form's answer (per user and shop: an answer is shown only where it was given), or None
    for a malformed token."""
    return f"dashboard-counter:{user_id}:{merchant_id}:{token}" if TOKEN_PATTERN.match(token) else None


def _answer_wait(key: str | None) -> dict | None:
    """The answer stored under `key`, waiting a little while the request that claimed it is still redeeming."""
    if key is None:
        return None
    deadline = time.monotonic() + PENDING_WAIT_S
    answer = cache.get(key)
    while answer == PENDING and time.monotonic() < deadline:
        time.sleep(0.05)
        answer = cache.get(key)
    return answer if isinstance(answer, dict) else None


def _redeem(*, merchant_id: int, actor, code: str) -> dict:
    """Redeem with the API's service; the answer as data (sentences are made when shown, in the viewer's language)."""
    answer: dict = {"code": coupon_code_normalize(code)[:32]}
    try:
        coupon = coupon_redeem(merchant_id=merchant_id, actor=actor, code=code)
    except CouponNotFound:
        return {**answer, "outcome": "not_found"}
    except CouponAlreadyRedeemed as error:
        extra = error.extra
        return {**answer, "outcome": "already_redeemed", "at": extra["redeemed_at"], "by": extra.get("redeemed_by")}
    except CouponExpired as error:
        return {**answer, "outcome": "expired", "expires_at": error.extra["expires_at"]}
    except PermissionDenied as error:  # the role was taken away since the page was loaded
        raise HttpPermissionDenied(error.detail) from None
    campaign = coupon.campaign
    return {
        **answer,
        "outcome": "redeemed",
        "title": campaign.title,
        "title_translations": campaign.translations,
        "customer": coupon.user.display_name or coupon.user.username,
        "at": coupon.redeemed_at,
    }


def _local(moment: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    return timezone.localtime(moment, zone)


def _clock(moment: datetime, zone: zoneinfo.ZoneInfo) -> str:
    return formats.time_format(_local(moment, zone), "H:i")


def _already_redeemed_sentence(answer: dict, zone: zoneinfo.ZoneInfo, today) -> str:
    """ "Already redeemed today at 14:02 by Minji" (or on another day: "... on December 2 at 14:02 ...")."""
    at = _local(answer["at"], zone)
    values = {"time": _clock(at, zone), "date": formats.date_format(at, "MONTH_DAY_FORMAT"), "staff": answer["by"]}
    if at.date() == today:
        if answer.get("by"):
            return gettext("Already redeemed today at %(time)s by %(staff)s") % values
        return gettext("Already redeemed today at %(time)s") % values
    if answer.get("by"):
        return gettext("Already redeemed on %(date)s at %(time)s by %(staff)s") % values
    return gettext("Already redeemed on %(date)s at %(time)s") % values


def answer_present(answer: dict | None, *, zone: zoneinfo.ZoneInfo, now: datetime | None = None) -> dict | None:
    """What the answer box shows: `ok`, the headline in words, the lines under it and the code."""
    if not answer:
        return None
    today = _local(now or timezone.now(), zone).date()
    outcome = answer["outcome"]
    if outcome == "redeemed":
        title = translated(answer.get("title_translations"), "title", answer["title"])
        lines = [
            title,
            gettext("Customer: %(name)s") % {"name": answer["customer"]},
            gettext("at %(time)s") % {"time": _clock(answer["at"], zone)},
        ]
        return {"ok": True, "outcome": outcome, "headline": gettext("Redeemed"), "lines": lines, "code": answer["code"]}
    if outcome == "already_redeemed":
        headline = _already_redeemed_sentence(answer, zone, today)
    elif outcome == "expired":
        expired_on = formats.date_format(_local(answer["expires_at"], zone), "DATE_FORMAT")
        headline = gettext("Expired on %(date)s") % {"date": expired_on}
    else:
        headline = gettext("Not a coupon of this shop")
    lines = [gettext("Do not accept this coupon.")]
    return {"ok": False, "outcome": outcome, "headline": headline, "lines": lines, "code": answer["code"]}


def redemption_rows_present(rows: list[dict], *, zone: zoneinfo.ZoneInfo, can_void: bool, now: datetime) -> list:
    """Today's redemptions as the table shows them: local times, and whether this user may still void each one."""
    window = redemption_void_window()
    shown = []
    for row in rows:
        voided_at = row.get("voided_at")
        voided_by = row.get("voided_by") or {}
        voided = None
        if voided_at:
            values = {"time": _clock(voided_at, zone), "staff": voided_by.get("display_name") or ""}
            voided = (
                gettext("Voided at %(time)s by %(staff)s") if values["staff"] else gettext("Voided at %(time)s")
            ) % values
        shown.append(
            {
                **row,
                "time": _clock(row["redeemed_at"], zone),
                "voided": voided,
                "voidable": can_void and not voided_at and now - row["redeemed_at"] < window,
            }
        )
    return shown


def _render(request, staff: dict, *, answer: dict | None = None, form: CounterForm | None = None, status: int = 200):
    """The counter page: the answer, the form with a fresh token, today's redemptions, the user's other shops."""
    merchant = staff["merchant"]
    zone = zoneinfo.ZoneInfo(merchant.timezone)
    now = timezone.now()
    rows = redemption_list_for_day(merchant_id=merchant.pk, user_id=request.user.pk)
    shops = [
        {"id": shop.pk, "name": translated(shop.translations, "name", shop.name), "current": shop.pk == merchant.pk}
        for shop in merchant_list_for_staff(user_id=request.user.pk)
    ]
    context = {
        "merchant": merchant,
        "merchant_name": translated(merchant.translations, "name", merchant.name),
        "role": staff["role"],
        "can_manage": staff["can_manage"],
        "can_void": staff["can_manage"],
        "answer": answer_present(answer, zone=zone, now=now),
        "form": form,
        "token": secrets.token_urlsafe(16),
        "rows": redemption_rows_present(rows, zone=zone, can_void=staff["can_manage"], now=now),
        "shops": shops if len(shops) > 1 else [],
        "void_minutes": int(redemption_void_window().total_seconds() // 60),
    }
    response = render(request, "dashboard/counter.html", context, status=status)
    # The scanner needs the camera; grant it to this page's own origin (and nothing else) explicitly.
    response["Permissions-Policy"] = "camera=(self)"
    return response
