"""A real HTTP receiver on loopback for webhook tests: it records every request (headers and body bytes) and answers
with the status codes a test chooses, in turn (the last one repeats), optionally after a delay."""

import json
import ssl
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def webhook_id(self) -> str:
        return self.headers["webhook-id"]


class Receiver:
    def __init__(self, statuses=(200,), *, delay_s: float = 0.0, host: str = "127.0.0.1", tls: tuple | None = None):
        self.statuses = list(statuses)
        self.delay_s = delay_s
        self.requests: list[Received] = []
        self._lock = threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with receiver._lock:
                    receiver.requests.append(Received(self.path, {k.lower(): v for k, v in self.headers.items()}, body))
                    status = receiver.statuses.pop(0) if len(receiver.statuses) > 1 else receiver.statuses[0]
                time.sleep(receiver.delay_s)
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", "/elsewhere")
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        if tls is not None:  # (certificate file, key file): an https receiver
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(*tls)
            self.server.socket = context.wrap_socket(self.server.socket, server_side=True)
        self.port = self.server.server_address[1]
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks/in"

    def answer(self, *statuses: int) -> None:
        with self._lock:
            self.statuses = list(statuses)

    def __enter__(self) -> "Receiver":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def of_type(self, event_type: str) -> list[Received]:
        return [r for r in list(self.requests) if _type_of(r) == event_type]

    def verified(self, secret: str) -> list[dict]:
        """Every request's body, each signature checked by the Standard Webhooks library (raises if one fails)."""
        return [Webhook(secret).verify(r.body, r.headers) for r in list(self.requests)]


def _type_of(request: Received) -> str | None:
    return json.loads(request.body).get("type")
