#!/usr/bin/env bash
# The Python SDK: generates clients/python/ (or the folder given as $1) from openapi.yaml with openapi-python-client's
# default configuration (no config file). Fails when the generator fails or prints anything but its "Generating" line:
# a warning means an operation or a response was left out of the client, and that is a defect of the spec to fix.
# `make sdk` and the drift check in scripts/test.sh both run it, so the two can never generate differently.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-clients/python}
# OPENAPI_SPEC: another spec, to try one out before it is committed (the drift check passes openapi.yaml explicitly).
spec=${OPENAPI_SPEC:-openapi.yaml}
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# The generator formats its output with the `ruff` it finds on PATH (the pinned one in .venv; without it, it warns
# and leaves the code unformatted); RUFF_NO_CACHE keeps ruff's cache folder out of the generated tree.
status=0
PATH="$PWD/.venv/bin:$PATH" RUFF_NO_CACHE=true \
  .venv/bin/openapi-python-client generate --path "$spec" --output-path "$out" --overwrite >"$log" 2>&1 \
  || status=$?
if [ "$status" -ne 0 ] || grep -qv -e '^Generating ' -e '^[[:space:]]*$' "$log"; then
  cat "$log" >&2
  echo "openapi-python-client did not generate $out cleanly from $spec (see its output above)." >&2
  exit 1
fi
