"""Sharing: the fan-out of a check-in into friends' feeds, likes and comments, and the notifications they cause."""

from dataclasses import dataclass
from datetime import datetime

from django.db import connection, transaction
from django.utils.translation import gettext

from accounts.location_log import location_log_feed_provided
from accounts.models import Notification, User
from accounts.services import notification_create, notifications_create_many
from core.errors import ValidationFailed
from social.errors import CommentNotFound, NotCommentAuthor
from social.models import Comment
from social.selectors import checkin_visible_get, like_count

COMMENT_MAX_CHARS = 500

# Set-based fan-out: one statement whatever the number of friends. Only people who were friends when the check-in
# was made receive it (a friend added later sees nothing from before, even if the fan-out ran late); private
# check-ins reach nobody. ON CONFLICT makes a repeated delivery of the same event a no-op.
_FANOUT_SQL = """
INSERT INTO social_feeddelivery
    (recipient_id, checkin_id, author_id, merchant_id, checkin_created_at, delivered_at, event_id)
SELECT f.user_id, c.id, c.user_id, c.merchant_id, c.created_at, statement_timestamp(), %(event)s
FROM checkins_checkin c
JOIN accounts_friendship f ON f.friend_id = c.user_id AND f.created_at <= c.created_at
WHERE c.id = %(checkin)s AND c.visibility IN ('friends', 'public')
ON CONFLICT (recipient_id, checkin_id) DO NOTHING
RETURNING recipient_id
"""

_FANOUT_BRIEF_SQL = """
SELECT c.message, u.id, u.username, u.display_name, m.id, m.name, m.category
FROM checkins_checkin c JOIN accounts_user u ON u.id = c.user_id JOIN merchants_merchant m ON m.id = c.merchant_id
WHERE c.id = %(checkin)s
"""


def checkin_fanout(*, event_id: int, checkin_id: int) -> int:
    """Deliver a check-in into each friend's feed (recording when) and notify each of them (friend_checkin).

    Idempotent, and meant to run inside the outbox consumer's transaction: a second run delivers and notifies no one
    again. Returns how many deliveries this run wrote.
    """
    with connection.cursor() as cursor:
        cursor.execute(_FANOUT_SQL, {"event": event_id, "checkin": checkin_id})
        recipients = [row[0] for row in cursor.fetchall()]
        if not recipients:
            return 0
        cursor.execute(_FANOUT_BRIEF_SQL, {"checkin": checkin_id})
        message, user_id, username, display_name, merchant_id, merchant_name, category = cursor.fetchone()
    # Logged only when this run delivered: a retried fan-out inserts no delivery again, so it logs nothing again.
    location_log_feed_provided(user_id=user_id, checkin_id=checkin_id, recipient_count=len(recipients))
    notifications_create_many(
        user_ids=recipients,
        type=Notification.Type.FRIEND_CHECKIN,
        data={
            "checkin_id": checkin_id,
            "user": {"id": user_id, "username": username, "display_name": display_name},
            "merchant": {"id": merchant_id, "name": merchant_name, "category": category},
            "message": message,
        },
        dedupe_key=f"friend_checkin:{checkin_id}",
    )
    return len(recipients)


@dataclass(frozen=True)
class LikeState:
    """The caller's like on a check-in after a like or unlike."""

    checkin_id: int
    liked: bool
    like_count: int


_LIKE_SQL = """
INSERT INTO social_like (checkin_id, user_id, created_at) VALUES (%(checkin)s, %(user)s, now())
ON CONFLICT (checkin_id, user_id) DO NOTHING
RETURNING id
"""


def _user_brief(user: User) -> dict:
    return {"id": user.pk, "username": user.username, "display_name": user.display_name}


@transaction.atomic
def like_create(*, user: User, checkin_id: int) -> LikeState:
    """Like a check-in the user may see; liking again changes nothing. The owner is notified of the first like."""
    checkin = checkin_visible_get(checkin_id=checkin_id, viewer_id=user.pk)
    with connection.cursor() as cursor:
        cursor.execute(_LIKE_SQL, {"checkin": checkin.pk, "user": user.pk})
        created = cursor.fetchone() is not None
    if created and checkin.user_id != user.pk:
        # Keyed per (check-in, liker): unliking and liking again never notifies twice.
        notification_create(
            user=checkin.user,
            type=Notification.Type.LIKE,
            data={"checkin_id": checkin.pk, "user": _user_brief(user)},
            dedupe_key=f"like:{checkin.pk}:{user.pk}",
        )
    return LikeState(checkin_id=checkin.pk, liked=True, like_count=like_count(checkin_id=checkin.pk))


@transaction.atomic
def like_delete(*, user: User, checkin_id: int) -> None:
    """Take back the user's like on a check-in they may see; not having liked it is fine."""
    checkin = checkin_visible_get(checkin_id=checkin_id, viewer_id=user.pk)
    checkin.likes.filter(user=user).delete()


@dataclass(frozen=True)
class CommentView:
    """A comment as shown in a check-in's conversation."""

    id: int
    checkin_id: int
    user: dict
    text: str
    created_at: datetime


def _comment_text_clean(text: str) -> str:
    text = text.strip()
    if not text:
        message = gettext("Write something (1 to %(most)d characters).") % {"most": COMMENT_MAX_CHARS}
        raise ValidationFailed(errors={"text": [message]})
    if len(text) > COMMENT_MAX_CHARS:
        message = gettext("At most %(most)d characters (yours has %(length)d).")
        raise ValidationFailed(errors={"text": [message % {"most": COMMENT_MAX_CHARS, "length": len(text)}]})
    return text


@transaction.atomic
def comment_create(*, user: User, checkin_id: int, text: str) -> CommentView:
    """Comment on a check-in the user may see (text trimmed, 1..500 characters); its owner is notified."""
    text = _comment_text_clean(text)
    checkin = checkin_visible_get(checkin_id=checkin_id, viewer_id=user.pk)
    comment = Comment.objects.create(checkin_id=checkin.pk, user=user, text=text)
    if checkin.user_id != user.pk:
        notification_create(
            user=checkin.user,
            type=Notification.Type.COMMENT,
            data={"checkin_id": checkin.pk, "comment_id": comment.pk, "user": _user_brief(user), "text": text[:140]},
            dedupe_key=f"comment:{comment.pk}",
        )
    return CommentView(comment.pk, checkin.pk, _user_brief(user), comment.text, comment.created_at)


@transaction.atomic
def comment_delete(*, user: User, checkin_id: int, comment_id: int) -> None:
    """Delete one's own comment on a check-in one may see: 404 for an unknown comment, 403 for someone else's."""
    checkin = checkin_visible_get(checkin_id=checkin_id, viewer_id=user.pk)
    comment = Comment.objects.filter(pk=comment_id, checkin_id=checkin.pk).only("id", "user_id").first()
    if comment is None:
        raise CommentNotFound()
    if comment.user_id != user.pk:
        raise NotCommentAuthor()
    comment.delete()
