"""The connection under a real gunicorn (config/gunicorn.py, as `make run` serves), spoken to with raw sockets on a
loopback port: a request whose body the API leaves unread closes its connection and says so, a body it reads (or a
small one gunicorn drains) keeps the connection for the next request, and gunicorn's own limits answer as the README
says.
"""

import json
import os
import socket
import subprocess

import pytest
from django.conf import settings

from tests.brokers import ROOT, VENV_BIN, free_port, wait_until

PROBLEM = "application/problem+json"


def _healthy(port: int) -> bool:
    try:
        answer, _ = _exchange(port, b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", timeout=2)
    except OSError:
        return False
    return answer.startswith(b"HTTP/1.1 200")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """gunicorn on a free loopback port: one gthread worker, its settings from config/gunicorn.py."""
    port = free_port()
    log_path = tmp_path_factory.mktemp("gunicorn") / "gunicorn.log"
    env = {**os.environ, "WEB_WORKERS": "1", "WEB_THREADS": "2", "LOG_LEVEL": "WARNING"}
    with open(log_path, "ab") as log:
        process = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "-c",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{port}",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_until(lambda: process.poll() is None and _healthy(port), timeout=60, what="gunicorn to answer")
        yield port
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(5)


def _exchange(port: int, data: bytes, timeout: float = 8) -> tuple[bytes, bool]:
    """Send `data` at once (pipelined requests), read until the server closes: (what came back, whether it closed
    the connection within `timeout`)."""
    received = []
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                return b"".join(received), False
            except ConnectionResetError:
                return b"".join(received), True
            if not chunk:
                return b"".join(received), True
            received.append(chunk)


def _responses(data: bytes) -> list[tuple[int, dict, bytes]]:
    """The HTTP/1.1 responses in `data`, framed by Content-Length or chunked: (status, headers by lower-case name,
    body)."""
    responses = []
    while data:
        head, _, data = data.partition(b"\r\n\r\n")
        status_line, *lines = head.decode("latin-1").split("\r\n")
        headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in lines)}
        if headers.get("transfer-encoding") == "chunked":
            body = b""
            while True:
                size, _, data = data.partition(b"\r\n")
                chunk, data = data[: int(size, 16)], data[int(size, 16) + 2 :]
                body += chunk
                if not chunk:
                    break
        else:
            length = int(headers.get("content-length", len(data)))
            body, data = data[:length], data[length:]
        responses.append((int(status_line.split()[1]), headers, body))
    return responses


def _request(method: str, path: str, body: bytes = b"", **headers: str) -> bytes:
    lines = [f"{method} {path} HTTP/1.1", "Host: 127.0.0.1"] + [
        f"{k.replace('_', '-')}: {v}" for k, v in headers.items()
    ]
    if body and "Transfer_Encoding" not in headers:
        lines.append(f"Content-Length: {len(body)}")
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


NEXT = _request("GET", "/healthz")


def test_a_body_over_the_limit_is_a_413_that_closes_the_connection_and_says_so(server):
    # The body is never read: had the connection stayed open, the next request would have been parsed from the rest
    # of it (or, as before, dropped without a word after a response that promised keep-alive).
    body = json.dumps({"username": "x" * (settings.API_MAX_BODY_BYTES + 100)}).encode()
    register = _request("POST", "/api/v1/auth/register", body, Content_Type="application/json")
    answer, closed = _exchange(server, register + NEXT)
    ((status, headers, problem),) = _responses(answer)
    assert status == 413
    assert headers["connection"] == "close"
    assert headers["content-type"] == PROBLEM
    assert json.loads(problem)["code"] == "payload_too_large"
    assert closed


def test_a_chunked_body_is_a_411_that_closes_the_connection(server):
    chunked = b"2\r\n{}\r\n0\r\n\r\n"
    register = _request(
        "POST", "/api/v1/auth/register", chunked, Content_Type="application/json", Transfer_Encoding="chunked"
    )
    answer, closed = _exchange(server, register + NEXT)
    ((status, headers, problem),) = _responses(answer)
    assert (status, headers["connection"], json.loads(problem)["code"]) == (411, "close", "length_required")
    assert closed


@pytest.mark.parametrize(
    ("first", "status"),
    [
        # A body the API reads and refuses.
        (_request("POST", "/api/v1/auth/register", b'{"username": ', Content_Type="application/json"), 400),
        # A body it never reads (anonymous): gunicorn drains it, as it is within the limit.
        (
            _request("POST", "/api/v1/checkins", b'{"a": "' + b"x" * 30_000 + b'"}', Content_Type="application/json"),
            401,
        ),
    ],
)
def test_a_body_within_the_limit_keeps_the_connection_for_the_next_request(server, first, status):
    answer, _ = _exchange(server, first + NEXT, timeout=3)
    (first_status, first_headers, _), (next_status, _, next_body) = _responses(answer)
    assert (first_status, first_headers["connection"]) == (status, "keep-alive")
    assert (next_status, json.loads(next_body)) == (200, {"status": "ok"})


@pytest.mark.parametrize(
    ("request_bytes", "status"),
    [
        (_request("GET", "/api/v1/merchants/nearby?q=" + "x" * 4100), 414),  # limit_request_line
        (_request("GET", "/healthz", **{f"X_Filler_{n}": "1" for n in range(60)}), 431),  # limit_request_fields
        (_request("GET", "/healthz", X_Big="x" * 9000), 431),  # limit_request_field_size
    ],
)
def test_gunicorn_answers_its_own_limits_before_the_application(server, request_bytes, status):
    # These answers are gunicorn's: small HTML pages, not problem details (the README says so).
    answer, closed = _exchange(server, request_bytes)
    ((answered, headers, _),) = _responses(answer)
    assert (answered, headers["connection"], headers["content-type"]) == (status, "close", "text/html")
    assert closed
