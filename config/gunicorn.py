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
# gunicorn's runtime control socket lives at one shared path per user ($HOME/.gunicorn/gunicorn.ctl): several servers
# on one machine (the service, the tests' and the benchmarks' servers) would take it from each other, and nothing here
# uses it.
control_socket_disable = True

# Request limits, enforced by gunicorn before the application sees the request. Its answers are small HTML pages
# with `Connection: close`, not problem+json (see the README): a 414 for a request line over `limit_request_line`, a
# 431 for more header fields than `limit_request_fields` or one over `limit_request_field_size`, a 400 for a request
# it cannot parse.
# The longest line the API takes is a nearby search with a 100-character name (under 1 KB percent-encoded) or a
# page link with a cursor; 4094 bytes leaves room for every one of them and refuses the rest.
limit_request_line = 4094
# Apps and browsers send 10-20 header fields and a proxy adds a few: 50 leaves room and bounds the work per request.
limit_request_fields = 50
# The largest field we expect is a browser's Cookie (session and CSRF cookies, and whatever else the site sets) or
# the bearer token (about 300 bytes): 8 KB, as nginx's default large header buffer.
limit_request_field_size = 8190


def pre_request(worker, req):
    """Close the connection after a request whose body the application will not read: one declared larger than
    API_MAX_BODY_BYTES (api.middleware.BodySizeLimitMiddleware answers 413 first) or a chunked one (Django reads a
    body only by its Content-Length; the API answers 411). The next request on the connection would be parsed from
    the rest of that body, and draining it is the work the limit refuses. Marked before the response starts, the
    close is announced to the client (`Connection: close`); an application cannot say it itself (WSGI forbids
    hop-by-hop headers, and gunicorn drops them)."""
    from django.conf import settings  # the worker has loaded the application, and with it the settings

    worker.log.debug("%s %s", req.method, req.path)
    for name, value in req.headers:
        too_large = name == "CONTENT-LENGTH" and value.isdigit() and int(value) > settings.API_MAX_BODY_BYTES
        chunked = name == "TRANSFER-ENCODING" and "chunked" in value.lower()
        if too_large or chunked:
            req.force_close()
