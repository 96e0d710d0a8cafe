from django.contrib.auth import views as auth_views
from django.urls import path

from dashboard import counter, language, login, shop, views, webhooks

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", login.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="dashboard:login"), name="logout"),
    path("language/", language.language_switch, name="language"),
    path("merchants/<int:merchant_id>/", shop.merchant_overview, name="merchant"),
    path("merchants/<int:merchant_id>/staff/", shop.merchant_staff, name="merchant-staff"),
    path("merchants/<int:merchant_id>/staff/<int:user_id>/remove/", shop.merchant_staff_delete, name="staff-remove"),
    path("merchants/<int:merchant_id>/redeem/", counter.counter, name="counter"),
    path("merchants/<int:merchant_id>/redeem/<int:redemption_id>/void/", counter.counter_void, name="counter-void"),
    path("merchants/<int:merchant_id>/campaigns/new/", views.campaign_create, name="campaign-create"),
    path("merchants/<int:merchant_id>/webhooks/", webhooks.merchant_webhooks, name="merchant-webhooks"),
    path(
        "merchants/<int:merchant_id>/webhooks/<int:webhook_id>/enabled/",
        webhooks.webhook_enabled,
        name="webhook-enabled",
    ),
    path("merchants/<int:merchant_id>/webhooks/<int:webhook_id>/test/", webhooks.webhook_test, name="webhook-test"),
    path(
        "merchants/<int:merchant_id>/webhooks/<int:webhook_id>/rotate/", webhooks.webhook_rotate, name="webhook-rotate"
    ),
    path(
        "merchants/<int:merchant_id>/webhooks/<int:webhook_id>/delete/", webhooks.webhook_delete, name="webhook-delete"
    ),
    path(
        "merchants/<int:merchant_id>/webhooks/<int:webhook_id>/deliveries/<int:delivery_id>/redeliver/",
        webhooks.webhook_redeliver,
        name="webhook-redeliver",
    ),
    path("campaigns/<int:campaign_id>/", views.campaign_detail, name="campaign"),
    path("campaigns/<int:campaign_id>/stats.csv", views.campaign_csv, name="campaign-csv"),
    path("campaigns/<int:campaign_id>/edit/", views.campaign_edit, name="campaign-edit"),
    path("campaigns/<int:campaign_id>/end/", views.campaign_end, name="campaign-end"),
    path("campaigns/<int:campaign_id>/<slug:action>/", views.campaign_action, name="campaign-action"),
]
