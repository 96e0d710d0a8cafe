"""A pytest plugin for the mutation runs only (run.py copies it into the copy's tests/ and loads it with -p).

- Runs the cheap tests first: a mutant's tests run with -x, so a killed mutant stops at its first failing test, and
  tests on a transaction (each ends with a flush of every table, about a second) come last.
- Restores the configured database name when a session ends: mutmut runs several pytest sessions in one process and
  forks the mutants' runs from it, and pytest-django (with --reuse-db) leaves the test database's name in the
  settings, so each later session would create a "test_test_..." database of its own. Connections are closed too, so
  that no forked run inherits one.
"""

import pytest

_configured_names: dict[str, str] = {}


def pytest_sessionstart(session):
    from django.conf import settings

    _configured_names.update({alias: database["NAME"] for alias, database in settings.DATABASES.items()})


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session, exitstatus):
    from django.conf import settings
    from django.db import connections

    for alias, name in _configured_names.items():
        connections[alias].close()
        connections[alias].settings_dict["NAME"] = name
        settings.DATABASES[alias]["NAME"] = name


def _cost(item) -> tuple[int, str]:
    marker = item.get_closest_marker("django_db")
    transactional = bool(marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])))
    return (1 if transactional else 0), item.nodeid.split("::")[0]


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=_cost)  # stable: the file order and the order inside each file are kept
