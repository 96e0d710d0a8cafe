from django.core.management.base import BaseCommand

from demo.loader import demo_logins_text


class Command(BaseCommand):
    help = "Print the demo logins."

    def handle(self, *args, **options):
        self.stdout.write(demo_logins_text())
