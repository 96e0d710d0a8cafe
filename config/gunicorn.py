"""Gunicorn settings, from the environment: WEB_WORKERS and WEB_THREADS size the pool."""

import multiprocessing
import os

wsgi_app = "config.wsgi:application"  # so that `gunicorn -c config/gunicorn.py` alone serves the API
workers = int(os.environ.get("WEB_WORKERS", max(2, multiprocessing.cpu_count() * 2)))
threads = int(os.environ.get("WEB_THREADS", 1))
worker_class = "gthread" if threads > 1 else "sync"
timeout = int(os.environ.get("WEB_TIMEOUT", 30))
graceful_timeout = 10
keepalive = 5
accesslog = None  # api.middleware.RequestLogMiddleware writes one structured line per request
errorlog = "-"
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", 0))
