#!/usr/bin/env bash
# Mutation testing of the money paths (issuance, check-ins, idempotency, holdout): see mutation/run.py.
# Not part of `make test`: it takes tens of minutes. Runs at the lowest CPU priority in a copy of the tree under
# var/mutation/, against its own test database and cache prefix, so it can run beside other work.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/mutmut ] || bash scripts/setup.sh  # installs the dev packages, mutmut among them
export DATABASE_URL="${MUTATION_DATABASE_URL:-postgis://checkin:checkin@127.0.0.1:5432/checkin_mutation}"
export CACHE_KEY_PREFIX="${MUTATION_CACHE_KEY_PREFIX:-mutation}"
exec nice -n 19 .venv/bin/python mutation/run.py "$@"
