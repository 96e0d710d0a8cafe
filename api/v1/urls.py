from django.urls import path

from api.v1 import accounts, merchants

app_name = "v1"

urlpatterns = [
    # Accounts and friends
    path("auth/register", accounts.RegisterView.as_view(), name="register"),
    path("auth/token", accounts.TokenView.as_view(), name="token"),
    path("auth/token/refresh", accounts.TokenRefresh.as_view(), name="token-refresh"),
    path("me", accounts.MeView.as_view(), name="me"),
    path("friends/requests", accounts.FriendRequestListView.as_view(), name="friend-requests"),
    path("friends/requests/<int:request_id>/accept", accounts.FriendRequestAcceptView.as_view(), name="friend-accept"),
    path(
        "friends/requests/<int:request_id>/decline", accounts.FriendRequestDeclineView.as_view(), name="friend-decline"
    ),
    path("friends", accounts.FriendListView.as_view(), name="friends"),
    path("friends/<int:user_id>", accounts.FriendDetailView.as_view(), name="friend-detail"),
    # Merchants
    path("merchants", merchants.MerchantCreateView.as_view(), name="merchants"),
    path("merchants/nearby", merchants.MerchantNearbyView.as_view(), name="merchants-nearby"),
    path("merchants/<int:merchant_id>", merchants.MerchantDetailView.as_view(), name="merchant-detail"),
    path("merchants/<int:merchant_id>/staff", merchants.MerchantStaffView.as_view(), name="merchant-staff"),
]
