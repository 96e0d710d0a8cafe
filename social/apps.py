from django.apps import AppConfig


class SocialConfig(AppConfig):
    """Sharing: friends' feeds (one delivery row per friend, also the reach record), likes and comments."""

    name = "social"
    default_auto_field = "django.db.models.BigAutoField"
