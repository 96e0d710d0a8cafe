"""Words the dashboard shows for stored values (roles, campaign statuses) and the page's language tag."""

from django import template
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext_lazy as _

register = template.Library()

ROLE_LABELS = {"owner": _("Owner"), "manager": _("Manager"), "clerk": _("Clerk")}
STATUS_LABELS = {
    "scheduled": _("Scheduled"),
    "running": _("Running"),
    "paused": _("Paused"),
    "ended": _("Ended"),
    "sold_out": _("Sold out"),
}


@register.filter
def bcp47(code: str) -> str:
    """A Django language code as a BCP 47 tag for `lang` attributes: ko, en, ja, zh-Hans."""
    return to_locale(code).replace("_", "-")


@register.simple_tag
def html_lang() -> str:
    """The active language as a BCP 47 tag for `<html lang>`."""
    return bcp47(get_language() or "en")


@register.filter
def role_label(role: str) -> str:
    """A staff role in words, in the active language."""
    return str(ROLE_LABELS.get(role, role))


@register.filter
def status_label(status: str) -> str:
    """A campaign status in words, in the active language."""
    return str(STATUS_LABELS.get(status, status))
