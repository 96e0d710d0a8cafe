import sys
from pathlib import Path

import pytest
from celery import _state as celery_state

# The generated SDK (make sdk) is imported from the repository as it is, exactly what a fresh clone holds: no install.
SDK_ROOT = Path(__file__).resolve().parents[2] / "clients" / "python"
if str(SDK_ROOT) not in sys.path:
    sys.path.insert(0, str(SDK_ROOT))


@pytest.fixture
def celery_eager_in_every_thread(celery_eager, settings):
    """Celery tasks (the outbox relay, the feed fan-out, notifications) run synchronously in whichever thread sends
    them, the live server's included. Celery's current app is per thread: without this, the server's request threads
    would publish through a blank default app instead of running the project's tasks."""
    previous = celery_state.default_app
    celery_eager.set_default()
    # Register every task as a worker does when it boots; a task unknown here would be sent to the broker by name.
    celery_eager.loader.import_default_modules()
    settings.CELERY_TASK_ALWAYS_EAGER = True  # the outbox's kick debouncer reads the setting, not the app
    yield celery_eager
    celery_state.set_default_app(previous)
