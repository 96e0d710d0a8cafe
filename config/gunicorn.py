"""Gunicorn settings, from the environment: WEB_WORKERS and WEB_THREADS size the pool."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"  # so that `gunicorn -c config/gunicorn.py` alone serves the API
# One process per core with threads (gthread), not sync workers: a sync worker closes the connection after every
# response and waits for the client's FIN, so a slow client holds it and nothing buffers in front of gunicorn here
# (docker-compose.yml); gthread keeps connections alive and its threads cover the waits on PostgreSQL. bench/nearby.py
# measured it ahead of 3, 4 and 6 sync workers on 2 cores, with fewer processes (memory).
workers = int(os.environ.get("WEB_WORKERS", max(2, multiprocessing.cpu_count())))
threads = int(os.environ.get("WEB_THREADS", 4))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
graceful_timeout = 10
keepalive = 5
accesslog = None  # api.middleware.RequestLogMiddleware writes one structured line per request
errorlog = "-"
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", 0))
