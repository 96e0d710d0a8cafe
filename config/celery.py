"""The Celery application: broker and result backend on Redis, tasks discovered in the domain packages."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

app = Celery("checkin")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
