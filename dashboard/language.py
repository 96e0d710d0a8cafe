"""The dashboard's language: the user's saved choice (User.language), else the language cookie, else Accept-Language.

Django's LocaleMiddleware picks the cookie or Accept-Language for every request; SavedLanguageMiddleware (after
AuthenticationMiddleware) overrides it with the signed-in user's saved language, on dashboard pages only: the API keeps
Accept-Language. The switcher in the frame posts to `language_switch`, which saves the choice on the user and in the
language cookie (scoped to the dashboard, so an anonymous visitor on the login page can switch too).
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from accounts.services import user_update
from core.translations import translation_languages

DASHBOARD_PREFIX = "/dashboard/"
# The cookie goes only to dashboard pages: a browser that also calls the API keeps its Accept-Language there.
COOKIE_PATH = DASHBOARD_PREFIX


def language_supported(code: str | None) -> bool:
    """Whether `code` is one of the supported languages (core.translations), exactly as written there."""
    return code in translation_languages()


class SavedLanguageMiddleware:
    """On dashboard pages, activate the signed-in user's saved language (blank: LocaleMiddleware's choice stands)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith(DASHBOARD_PREFIX) and request.user.is_authenticated:
            saved = getattr(request.user, "language", "")
            if language_supported(saved):
                translation.activate(saved)
                request.LANGUAGE_CODE = saved
        return self.get_response(request)


def _safe_next(request) -> str:
    """The `next` address if it stays on this site, else the dashboard's home."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("dashboard:home")


@require_POST
def language_switch(request):
    """Save the chosen language on the user (when signed in) and in the cookie, then go back; unknown codes change
    nothing."""
    response = HttpResponseRedirect(_safe_next(request))
    language = request.POST.get("language", "")
    if not language_supported(language):
        return response
    if request.user.is_authenticated and request.user.language != language:
        user_update(user=request.user, language=language)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 3600,
        path=COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE or settings.SESSION_COOKIE_SECURE,
        httponly=True,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE or "Lax",
    )
    return response
