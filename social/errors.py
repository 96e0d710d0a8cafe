"""The social package's errors, each with its stable code and default sentence (api/problems.py maps the kinds)."""

from django.utils.translation import gettext_lazy as _

from core.errors import NotFound, PermissionDenied


class CheckinNotFound(NotFound):
    """The one answer for a check-in that does not exist and for one the caller may not see: no hint which."""

    code = "checkin_not_found"
    default_detail = _("No check-in with this id.")


class CommentNotFound(NotFound):
    code = "comment_not_found"
    default_detail = _("No comment with this id on this check-in.")


class NotCommentAuthor(PermissionDenied):
    code = "not_comment_author"
    default_detail = _("Only its author may delete a comment.")
