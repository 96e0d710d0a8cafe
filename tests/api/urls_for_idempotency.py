"""A URLconf for tests only: the real API plus an idempotent write whose outcome each test scripts.

Each call writes a notification for the caller (a write that must not survive a failed call), then answers what the
next entry of OUTCOMES says: "ok" (201 with the call's number), "empty" (204 without a body), "500" (a 500 answer),
"raise" (an unexpected exception) or "conflict" (a 409 problem raised inside an atomic block without a savepoint,
which leaves the request's transaction marked for rollback).
"""

from django.db import transaction
from django.urls import include, path
from rest_framework.response import Response

from accounts.models import Notification
from api.idempotency import idempotent
from api.views import ApiView
from core.errors import Conflict

OUTCOMES: list[str] = []
CALLS: list[int] = []


class ScriptedWrite(ApiView):
    created = 201  # read through the view instance, as real handlers read theirs

    @idempotent
    def post(self, request):
        CALLS.append(len(CALLS) + 1)
        outcome = OUTCOMES.pop(0) if OUTCOMES else "ok"
        with transaction.atomic(savepoint=False):
            Notification.objects.create(user=request.user, type=Notification.Type.LIKE, data={"call": len(CALLS)})
            if outcome == "conflict":
                raise Conflict("Scripted conflict.", code="scripted_conflict")
        if outcome == "raise":
            raise RuntimeError("scripted crash")
        if outcome == "500":
            return Response({"detail": "scripted failure"}, status=500)
        if outcome == "empty":
            return Response(status=204)
        return Response({"call": len(CALLS)}, status=self.created)


urlpatterns = [
    path("api/v1/test-scripted-write", ScriptedWrite.as_view()),
    path("api/v1/test-scripted-write-elsewhere", ScriptedWrite.as_view()),
    path("", include("config.urls")),
]
handler404 = "api.problems.handler404"
handler500 = "api.problems.handler500"
