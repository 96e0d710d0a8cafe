"""The password policy, the password change service, and the purge of expired refresh tokens."""

import pytest
from django.utils import timezone
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from accounts import services
from accounts.tasks import refresh_tokens_purge_task
from core.errors import ValidationFailed
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("username", "password", "extra"),
    [
        ("sunflower77", "sunflower77", {}),
        ("sunflower77", "Sunflower77!", {}),
        ("jkim", "minji.kim.cafe@example.com", {"email": "minji.kim.cafe@example.com"}),
        ("jkim", "moonlightcafe", {"display_name": "Moonlight Cafe"}),
    ],
)
def test_register_refuses_a_password_like_the_username_email_or_name(username, password, extra):
    with pytest.raises(ValidationFailed) as raised:
        services.user_register(username=username, password=password, **extra)
    assert "password" in raised.value.errors


def test_password_change_sets_the_password_and_revokes_only_that_users_tokens():
    user, other = UserFactory(), UserFactory()
    mine = [RefreshToken.for_user(user) for _ in range(3)]
    mine[0].blacklist()  # already revoked (e.g. logged out): left as it is
    theirs = RefreshToken.for_user(other)
    services.user_password_change(user=user, old_password="test-pass-123", new_password="staple-lantern-orbit")
    user.refresh_from_db()
    assert user.check_password("staple-lantern-orbit")
    revoked = set(BlacklistedToken.objects.values_list("token__jti", flat=True))
    assert revoked == {token["jti"] for token in mine}
    assert theirs["jti"] not in revoked


def test_password_change_with_a_wrong_old_password_changes_nothing():
    user = UserFactory()
    token = RefreshToken.for_user(user)
    with pytest.raises(ValidationFailed) as raised:
        services.user_password_change(user=user, old_password="guess", new_password="staple-lantern-orbit")
    assert list(raised.value.errors) == ["old_password"]
    user.refresh_from_db()
    assert user.check_password("test-pass-123")
    assert not BlacklistedToken.objects.filter(token__jti=token["jti"]).exists()


def test_expired_refresh_tokens_are_purged_daily(celery_eager):
    user = UserFactory()
    expired, valid = RefreshToken.for_user(user), RefreshToken.for_user(user)
    expired.blacklist()
    OutstandingToken.objects.filter(jti=expired["jti"]).update(expires_at=timezone.now() - timezone.timedelta(days=1))
    assert refresh_tokens_purge_task.delay().get() == 1
    assert list(OutstandingToken.objects.values_list("jti", flat=True)) == [valid["jti"]]
    assert not BlacklistedToken.objects.exists()
