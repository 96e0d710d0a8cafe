#!/usr/bin/env bash
# Set up (idempotent), load the demo once, then serve the API (gunicorn), a Celery worker and Celery beat together.
# Ctrl-C stops everything this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
PY=.venv/bin/python
PORT=${PORT:-8000}
# Local runs may send webhooks to receivers on this machine (production refuses private addresses).
export WEBHOOK_ALLOW_PRIVATE_ADDRESSES=${WEBHOOK_ALLOW_PRIVATE_ADDRESSES:-true}
DEMO_MERCHANTS=${DEMO_MERCHANTS:-2000}

$PY manage.py demo_load --merchants "$DEMO_MERCHANTS" --if-empty

mkdir -p var/log
pids=()
stop() {
  trap - INT TERM EXIT
  echo; echo "stopping..."
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT

.venv/bin/gunicorn config.wsgi:application -c config/gunicorn.py --bind "127.0.0.1:$PORT" &
pids+=($!)
.venv/bin/celery -A config worker --loglevel INFO --concurrency 2 >var/log/worker.log 2>&1 &
pids+=($!)
.venv/bin/celery -A config beat --loglevel INFO --schedule var/celerybeat-schedule >var/log/beat.log 2>&1 &
pids+=($!)

for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.2; done
cat <<MSG

  API            http://127.0.0.1:$PORT/api/v1/
  Swagger UI     http://127.0.0.1:$PORT/api/docs/
  ReDoc          http://127.0.0.1:$PORT/api/redoc/
  OpenAPI        http://127.0.0.1:$PORT/api/schema/
  Health         http://127.0.0.1:$PORT/healthz   http://127.0.0.1:$PORT/readyz
  Dashboard      http://127.0.0.1:$PORT/dashboard/
  Worker logs    var/log/worker.log, var/log/beat.log

$($PY manage.py demo_logins)

  Try:  curl 'http://127.0.0.1:$PORT/api/v1/merchants/nearby?lat=37.4786&lng=126.8646&radius=1000'
  Ctrl-C stops everything.
MSG
wait -n "${pids[@]}" || true
