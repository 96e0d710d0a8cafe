"""Reads for sharing: who may see a check-in, the feed, a check-in's likes and comments. Never any coordinates."""

from datetime import datetime

from django.db import connection
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from accounts.models import Friendship
from checkins.models import Checkin, Visibility
from core.translations import language_current, translated_expression, translated_sql
from social.errors import CheckinNotFound
from social.models import Comment, Like

FeedKey = tuple[datetime, int]  # (checkin_created_at, delivery id): the feed's order, and its cursor


def checkins_visible_to(*, viewer_id: int) -> QuerySet[Checkin]:
    """The check-ins a user may see: their own, public ones, and their current friends' `friends` ones."""
    is_friend = Exists(Friendship.objects.filter(user_id=viewer_id, friend_id=OuterRef("user_id")))
    return Checkin.objects.filter(
        Q(user_id=viewer_id) | Q(visibility=Visibility.PUBLIC) | (Q(visibility=Visibility.FRIENDS) & is_friend)
    )


def checkin_visible_get(*, checkin_id: int, viewer_id: int) -> Checkin:
    """The check-in (with its owner) if the viewer may see it, else CheckinNotFound."""
    checkin = (
        checkins_visible_to(viewer_id=viewer_id)
        .select_related("user")
        .only("id", "user_id", "merchant_id", "visibility", "created_at", "user__username", "user__display_name")
        .filter(pk=checkin_id)
        .first()
    )
    if checkin is None:
        raise CheckinNotFound()
    return checkin


def _count(model, **filters) -> Coalesce:
    counted = model.objects.filter(**filters).order_by().values("checkin_id").annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted), Value(0))


def checkin_detail_get(*, checkin_id: int, viewer_id: int) -> dict:
    """One check-in as its viewer may see it (counts, whether they liked it); `distance_m` only for its owner."""
    row = (
        checkins_visible_to(viewer_id=viewer_id)
        .filter(pk=checkin_id)
        .annotate(
            like_count=_count(Like, checkin_id=OuterRef("pk")),
            comment_count=_count(Comment, checkin_id=OuterRef("pk")),
            liked_by_me=Exists(Like.objects.filter(checkin_id=OuterRef("pk"), user_id=viewer_id)),
        )
        .values(
            "id",
            "user_id",
            "message",
            "visibility",
            "created_at",
            "distance_m",
            "like_count",
            "comment_count",
            "liked_by_me",
            username=F("user__username"),
            display_name=F("user__display_name"),
            merchant_name=translated_expression("name", prefix="merchant__"),
            merchant_category=F("merchant__category"),
            merchant_ref=F("merchant_id"),
        )
        .first()
    )
    if row is None:
        raise CheckinNotFound()
    detail = {
        "id": row["id"],
        "user": {"id": row["user_id"], "username": row["username"], "display_name": row["display_name"]},
        "merchant": {"id": row["merchant_ref"], "name": row["merchant_name"], "category": row["merchant_category"]},
        "message": row["message"],
        "visibility": row["visibility"],
        "created_at": row["created_at"],
        "like_count": row["like_count"],
        "comment_count": row["comment_count"],
        "liked_by_me": row["liked_by_me"],
    }
    if row["user_id"] == viewer_id:
        detail["distance_m"] = row["distance_m"]
    return detail


# The feed: the page is taken first, walking the (recipient, checkin_created_at desc, id desc) index and stopping after
# `limit` rows that pass the per-row checks (the author is still a friend; the check-in is still shared); only then are
# the page's rows joined to their authors, merchants and counts. The OFFSET 0 keeps each EXISTS a per-row check: pulled
# up into a semi-join, the planner under-estimates how many rows pass and reads and sorts the recipient's whole feed.
_FEED_SQL = """
WITH page AS MATERIALIZED (
    SELECT d.id, d.checkin_id, d.author_id, d.merchant_id, d.checkin_created_at
    FROM social_feeddelivery d
    WHERE d.recipient_id = %(viewer)s {window}
      AND EXISTS (SELECT 1 FROM accounts_friendship f
                  WHERE f.user_id = %(viewer)s AND f.friend_id = d.author_id OFFSET 0)
      AND EXISTS (SELECT 1 FROM checkins_checkin v
                  WHERE v.id = d.checkin_id AND v.visibility IN ('friends', 'public') OFFSET 0)
    ORDER BY d.checkin_created_at {direction}, d.id {direction}
    LIMIT %(limit)s
)
SELECT d.checkin_created_at, d.id, c.id, c.message, u.id, u.username, u.display_name, m.id, {merchant_name}, m.category,
       (SELECT count(*) FROM social_like l WHERE l.checkin_id = d.checkin_id),
       (SELECT count(*) FROM social_comment k WHERE k.checkin_id = d.checkin_id),
       EXISTS (SELECT 1 FROM social_like l WHERE l.checkin_id = d.checkin_id AND l.user_id = %(viewer)s)
FROM page d
JOIN checkins_checkin c ON c.id = d.checkin_id
JOIN accounts_user u ON u.id = d.author_id
JOIN merchants_merchant m ON m.id = d.merchant_id
ORDER BY d.checkin_created_at {direction}, d.id {direction}
"""
_MERCHANT_NAME_SQL = translated_sql(alias="m", field="name")


def feed_list(*, viewer_id: int, limit: int, below: FeedKey | None = None, above: FeedKey | None = None) -> list[dict]:
    """Up to `limit` feed items newest first: the newest ones, those older than `below`, or (to page back) the
    `limit` oldest of those newer than `above`. Each item carries its `key` for cursors."""
    # The merchant's name in the request's language where translated, else the original (core/translations.py).
    params: dict = {"viewer": viewer_id, "limit": limit, "lang": language_current()}
    window, direction = "", "DESC"
    if below is not None:
        window = "AND (d.checkin_created_at, d.id) < (%(at)s, %(delivery)s)"
        params.update(at=below[0], delivery=below[1])
    elif above is not None:
        window, direction = "AND (d.checkin_created_at, d.id) > (%(at)s, %(delivery)s)", "ASC"
        params.update(at=above[0], delivery=above[1])
    with connection.cursor() as cursor:
        sql = _FEED_SQL.format(window=window, direction=direction, merchant_name=_MERCHANT_NAME_SQL)
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    if direction == "ASC":
        rows.reverse()
    return [
        {
            "key": (at, delivery_id),
            "id": checkin_id,
            "user": {"id": user_id, "username": username, "display_name": display_name},
            "merchant": {"id": merchant_id, "name": merchant_name, "category": category},
            "message": message,
            "created_at": at,
            "like_count": like_count,
            "comment_count": comment_count,
            "liked_by_me": liked_by_me,
        }
        for (
            at,
            delivery_id,
            checkin_id,
            message,
            user_id,
            username,
            display_name,
            merchant_id,
            merchant_name,
            category,
            like_count,
            comment_count,
            liked_by_me,
        ) in rows
    ]


def like_count(*, checkin_id: int) -> int:
    """How many people like the check-in."""
    return Like.objects.filter(checkin_id=checkin_id).count()


def like_list(*, checkin_id: int, viewer_id: int) -> QuerySet:
    """Who likes a check-in the viewer may see (else NotFound), most recent first, as dicts."""
    checkin_visible_get(checkin_id=checkin_id, viewer_id=viewer_id)
    return (
        Like.objects.filter(checkin_id=checkin_id)
        .order_by("-created_at", "-id")
        .values(
            "created_at",
            user_ref=F("user_id"),
            username=F("user__username"),
            display_name=F("user__display_name"),
        )
    )


def comment_list(*, checkin_id: int, viewer_id: int) -> QuerySet:
    """The comments on a check-in the viewer may see (else NotFound), oldest first (a conversation), as dicts."""
    checkin_visible_get(checkin_id=checkin_id, viewer_id=viewer_id)
    return (
        Comment.objects.filter(checkin_id=checkin_id)
        .order_by("created_at", "id")
        .values(
            "id",
            "text",
            "created_at",
            user_ref=F("user_id"),
            username=F("user__username"),
            display_name=F("user__display_name"),
        )
    )
