from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "api"

    def ready(self):
        from api.fields import echo_free_messages_install

        echo_free_messages_install()
