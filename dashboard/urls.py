from django.contrib.auth import views as auth_views
from django.urls import path

from dashboard import login, views

app_name = "dashboard"

urlpatterns = [
    path("", views.home, name="home"),
    path("login/", login.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="dashboard:login"), name="logout"),
    path("merchants/<int:merchant_id>/campaigns/new/", views.campaign_create, name="campaign-create"),
    path("campaigns/<int:campaign_id>/", views.campaign_detail, name="campaign"),
    path("campaigns/<int:campaign_id>/stats.csv", views.campaign_csv, name="campaign-csv"),
    path("campaigns/<int:campaign_id>/<slug:action>/", views.campaign_action, name="campaign-action"),
]
