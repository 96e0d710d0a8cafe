from django.urls import path, register_converter

from api.v1 import (
    accounts,
    campaigns,
    checkins,
    consents,
    coupons,
    export,
    merchants,
    notifications,
    redemptions,
    social,
    staff,
    stats,
    webhooks,
)
from api.v1.location_log import MyLocationLogView


class IdConverter:
    """A positive id that fits a bigint column (18 digits at most): longer ones are a 404, never a database error."""

    regex = "[0-9]{1,18}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return str(value)


register_converter(IdConverter, "id")

app_name = "v1"

urlpatterns = [
    # Accounts and friends
    path("auth/register", accounts.RegisterView.as_view(), name="register"),
    path("auth/token", accounts.TokenView.as_view(), name="token"),
    path("auth/token/refresh", accounts.TokenRefresh.as_view(), name="token-refresh"),
    path("auth/logout", accounts.LogoutView.as_view(), name="logout"),
    path("me", accounts.MeView.as_view(), name="me"),
    path("me/password", accounts.MyPasswordView.as_view(), name="my-password"),
    path("me/export", export.MyExportView.as_view(), name="my-export"),
    path("me/consents", consents.MyConsentsView.as_view(), name="my-consents"),
    path("me/location-log", MyLocationLogView.as_view(), name="my-location-log"),
    path("friends/requests", accounts.FriendRequestListView.as_view(), name="friend-requests"),
    path("friends/requests/<id:request_id>/accept", accounts.FriendRequestAcceptView.as_view(), name="friend-accept"),
    path(
        "friends/requests/<id:request_id>/decline", accounts.FriendRequestDeclineView.as_view(), name="friend-decline"
    ),
    path("friends", accounts.FriendListView.as_view(), name="friends"),
    path("friends/<id:user_id>", accounts.FriendDetailView.as_view(), name="friend-detail"),
    # Merchants
    path("merchants", merchants.MerchantCreateView.as_view(), name="merchants"),
    path("merchants/nearby", merchants.MerchantNearbyView.as_view(), name="merchants-nearby"),
    path("merchants/<id:merchant_id>", merchants.MerchantDetailView.as_view(), name="merchant-detail"),
    path("merchants/<id:merchant_id>/staff", staff.MerchantStaffView.as_view(), name="merchant-staff"),
    path(
        "merchants/<id:merchant_id>/staff/<id:user_id>",
        staff.MerchantStaffMemberView.as_view(),
        name="merchant-staff-member",
    ),
    # Campaigns, check-ins, coupons
    path(
        "merchants/<id:merchant_id>/campaigns", campaigns.MerchantCampaignListView.as_view(), name="merchant-campaigns"
    ),
    path("campaigns/<id:campaign_id>", campaigns.CampaignDetailView.as_view(), name="campaign-detail"),
    path("campaigns/<id:campaign_id>/pause", campaigns.CampaignPauseView.as_view(), name="campaign-pause"),
    path("campaigns/<id:campaign_id>/resume", campaigns.CampaignResumeView.as_view(), name="campaign-resume"),
    path("campaigns/<id:campaign_id>/end", campaigns.CampaignEndView.as_view(), name="campaign-end"),
    path("campaigns/<id:campaign_id>/stats", stats.CampaignStatsView.as_view(), name="campaign-stats"),
    path("campaigns/<id:campaign_id>/stats.csv", stats.CampaignStatsCsvView.as_view(), name="campaign-stats-csv"),
    path("merchants/<id:merchant_id>/stats", stats.MerchantStatsView.as_view(), name="merchant-stats"),
    path(
        "merchants/<id:merchant_id>/redemptions",
        redemptions.MerchantRedemptionListView.as_view(),
        name="merchant-redemptions",
    ),
    path(
        "merchants/<id:merchant_id>/redemptions/<id:redemption_id>/void",
        redemptions.RedemptionVoidView.as_view(),
        name="merchant-redemption-void",
    ),
    path("checkins", checkins.CheckinCreateView.as_view(), name="checkins"),
    path("me/checkins", checkins.MyCheckinListView.as_view(), name="my-checkins"),
    path("me/coupons", coupons.MyCouponListView.as_view(), name="my-coupons"),
    path("me/coupons/<id:coupon_id>", coupons.MyCouponDetailView.as_view(), name="my-coupon-detail"),
    path("me/coupons/<id:coupon_id>/qr.png", coupons.MyCouponQrPngView.as_view(), name="my-coupon-qr-png"),
    path("me/coupons/<id:coupon_id>/qr.svg", coupons.MyCouponQrSvgView.as_view(), name="my-coupon-qr-svg"),
    # Sharing: feed, a check-in as others see it, likes, comments; notifications
    path("feed", social.FeedView.as_view(), name="feed"),
    path("checkins/<id:checkin_id>", social.CheckinDetailView.as_view(), name="checkin-detail"),
    path("checkins/<id:checkin_id>/like", social.CheckinLikeView.as_view(), name="checkin-like"),
    path("checkins/<id:checkin_id>/likes", social.CheckinLikeListView.as_view(), name="checkin-likes"),
    path("checkins/<id:checkin_id>/comments", social.CheckinCommentListView.as_view(), name="checkin-comments"),
    path(
        "checkins/<id:checkin_id>/comments/<id:comment_id>",
        social.CheckinCommentDetailView.as_view(),
        name="checkin-comment-detail",
    ),
    path("notifications", notifications.NotificationListView.as_view(), name="notifications"),
    path("notifications/read", notifications.NotificationReadView.as_view(), name="notifications-read"),
    # Merchants' webhooks
    path("merchants/<id:merchant_id>/webhooks", webhooks.MerchantWebhookListView.as_view(), name="merchant-webhooks"),
    path("webhooks/<id:webhook_id>", webhooks.WebhookDetailView.as_view(), name="webhook-detail"),
    path("webhooks/<id:webhook_id>/rotate-secret", webhooks.WebhookSecretRotateView.as_view(), name="webhook-rotate"),
    path("webhooks/<id:webhook_id>/test", webhooks.WebhookTestView.as_view(), name="webhook-test"),
    path("webhooks/<id:webhook_id>/deliveries", webhooks.WebhookDeliveryListView.as_view(), name="webhook-deliveries"),
    path(
        "webhooks/<id:webhook_id>/deliveries/<id:delivery_id>/redeliver",
        webhooks.WebhookRedeliverView.as_view(),
        name="webhook-redeliver",
    ),
]
