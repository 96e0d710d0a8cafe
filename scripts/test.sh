#!/usr/bin/env bash
# Set up (idempotent), then: ruff, the import-linter layering contract, the openapi.yaml and clients/python drift
# checks, pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
SETUP_BROWSER=1 bash scripts/setup.sh
PY=.venv/bin/python
say() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

say "ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .

say "import-linter"
.venv/bin/lint-imports

say "mypy (the domain packages)"
.venv/bin/mypy

say "openapi.yaml drift"
$PY manage.py spectacular --validate --fail-on-warn --file var/openapi.generated.yaml
if ! diff -u openapi.yaml var/openapi.generated.yaml; then
  echo "openapi.yaml is out of date: run 'make schema' and commit it." >&2
  exit 1
fi

say "clients/python drift"
rm -rf var/sdk-check
OPENAPI_SPEC=openapi.yaml bash scripts/sdk.sh var/sdk-check/python
# __pycache__: the tests import the SDK from clients/python, which leaves bytecode there (git ignores it).
if ! diff -r --exclude=__pycache__ clients/python var/sdk-check/python; then
  echo "clients/python is out of date: run 'make sdk' and commit it." >&2
  exit 1
fi

say "pytest"
# Locally the test database is reused between runs (fast); CI builds it from the migrations every time.
if [ "${CI:-}" = "true" ]; then set -- --create-db "$@"; fi
.venv/bin/pytest "$@"
