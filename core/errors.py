"""Domain errors: one small hierarchy of kinds, and each package's own errors (`<package>/errors.py`) as subclasses
that carry a stable machine `code` and a default sentence. Nothing here knows HTTP: api/problems.py alone maps each kind
to a status and builds the problem body.

    class CampaignNotFound(NotFound):
        code = "campaign_not_found"
        default_detail = _("No campaign has this id.")

    raise CampaignNotFound()                    # the default sentence
    raise CampaignEnded(ends_at=campaign.ends_at)  # extra members of the problem body
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""

    code = "bad_request"
    title: str | Promise = _("Bad request")
    default_detail: str | Promise | None = None

    def __init__(
        self, detail: str | Promise | None = None, *, code: str | None = None, errors: dict | None = None, **extra
    ):
        self.detail: str | Promise = detail or self.default_detail or self.title
        if code:  # call sites not yet moved to their package's error class
            self.code = code
        self.errors = errors
        self.extra = extra
        super().__init__(self.detail)


class ValidationFailed(DomainError):
    """Input that is well-formed but breaks a rule, reported per field."""

    code = "validation_error"
    title = _("Invalid input")


class NotFound(DomainError):
    """The object does not exist, or the caller may not know that it exists."""

    code = "not_found"
    title = _("Not found")


class PermissionDenied(DomainError):
    """The caller is known but may not do this."""

    code = "permission_denied"
    title = _("Permission denied")


class Conflict(DomainError):
    """The request conflicts with the current state."""

    code = "conflict"
    title = _("Conflict")


class Gone(DomainError):
    """The object existed but can no longer be used."""

    code = "gone"
    title = _("Gone")


class Unprocessable(DomainError):
    """The request is valid but the domain refuses it (for example an anti-cheat rule)."""

    code = "unprocessable"
    title = _("Request refused")
