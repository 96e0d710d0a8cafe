from django.db.models import QuerySet

from accounts.models import FriendRequest, Notification, User


def friend_list(*, user: User) -> QuerySet[User]:
    """The user's friends, by username."""
    return User.objects.filter(friendships__friend=user).order_by("username")


def friend_ids(*, user_id: int) -> list[int]:
    """Ids of the user's friends."""
    return list(User.objects.filter(friendships__friend_id=user_id).values_list("id", flat=True))


def friend_request_list(*, user: User, direction: str) -> QuerySet[FriendRequest]:
    """Pending requests addressed to (incoming) or sent by (outgoing) the user, newest first."""
    requests = FriendRequest.objects.filter(status=FriendRequest.Status.PENDING).select_related("from_user", "to_user")
    if direction == "outgoing":
        requests = requests.filter(from_user=user)
    else:
        requests = requests.filter(to_user=user)
    return requests.order_by("-created_at", "-id")


def notification_list(*, user: User) -> QuerySet[Notification]:
    """The user's notifications, newest first."""
    return Notification.objects.filter(user=user).order_by("-id")


def notification_page(*, user: User, limit: int, below: int | None = None, above: int | None = None) -> list[dict]:
    """Up to `limit` of the user's notifications newest first: the newest, those older than id `below`, or (paging
    back) the `limit` oldest of those newer than id `above`; as dicts."""
    notifications = Notification.objects.filter(user=user)
    if above is not None:
        rows = list(notifications.filter(pk__gt=above).order_by("id").values(*_NOTIFICATION_FIELDS)[:limit])
        return rows[::-1]
    if below is not None:
        notifications = notifications.filter(pk__lt=below)
    return list(notifications.order_by("-id").values(*_NOTIFICATION_FIELDS)[:limit])


_NOTIFICATION_FIELDS = ("id", "type", "created_at", "read", "data")
