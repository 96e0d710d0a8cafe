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
