from django.core.management.base import BaseCommand

from demo import loader
from demo.translations import demo_translations_apply


class Command(BaseCommand):
    help = "Load demo data: merchants around Seoul and Gwangmyeong (bulk COPY), demo users with friends and shops."

    def add_arguments(self, parser):
        parser.add_argument("--merchants", type=int, default=2000, help="How many generated merchants to add.")
        parser.add_argument("--seed", type=int, default=7)
        parser.add_argument("--if-empty", action="store_true", help="Do nothing if the demo is already loaded.")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, merchants, seed, if_empty, no_progress, **options):
        if if_empty and loader.demo_is_loaded():
            demo_translations_apply()  # a demo loaded before translations existed gains them
            loader.demo_consents_grant()  # and one loaded before location consent existed, its users' consent
            self.stdout.write("Demo data already loaded.")
            return
        loader.demo_people_load()
        loaded = loader.merchants_bulk_load(count=merchants, seed=seed, progress=not no_progress)
        loader.demo_campaigns_load(seed=seed)
        loader.demo_stats_history_load(seed=seed)
        demo_translations_apply()
        self.stdout.write(self.style.SUCCESS(f"Loaded {loaded} merchants and the demo users."))
