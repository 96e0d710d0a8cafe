"""The checkins package's errors: the anti-cheat refusals, each with its stable code (api/problems.py maps the kinds).

Their sentences name the numbers of the attempt, so each refusal is raised with its own detail.
"""

from django.utils.translation import gettext_lazy as _

from core.errors import Unprocessable


class CheckinRefused(Unprocessable):
    """An anti-cheat rule refused the check-in (422 with the rule's code)."""

    title = _("Check-in refused")


class PoorAccuracy(CheckinRefused):
    """Carries `max_accuracy_m`."""

    code = "poor_accuracy"


class TooFar(CheckinRefused):
    """Carries `distance_m` and `checkin_radius_m`."""

    code = "too_far"


class CheckinCooldown(CheckinRefused):
    """Carries `retry_at`."""

    code = "checkin_cooldown"


class ImplausibleTravel(CheckinRefused):
    code = "implausible_travel"
