"""Run as a script by the fault tests: check in through the service, then die right after the commit, before the
outbox kick is sent (the first on-commit hook exits the process). Usage: crash_after_commit.py USER_ID MERCHANT_ID"""

import os
import sys

import django

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from django.db import transaction  # noqa: E402

from accounts.models import User  # noqa: E402
from checkins.services import checkin_create  # noqa: E402

user = User.objects.get(pk=int(sys.argv[1]))
with transaction.atomic():
    # Registered before the check-in's own hooks, so it runs first: the process is gone before the kick.
    transaction.on_commit(lambda: os._exit(0))
    checkin_create(user=user, merchant_id=int(sys.argv[2]), lat=37.4762, lng=126.8680, accuracy_m=10)
os._exit(3)  # never reached: the hook above ends the process
