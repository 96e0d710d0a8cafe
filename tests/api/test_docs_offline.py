"""The documentation pages load nothing from another host, and what they load is sent compressed: the schema (YAML,
hundreds of kB) and the docs' scripts and styles, gzipped for clients that accept it."""

import gzip
import re

import pytest
import yaml

pytestmark = pytest.mark.django_db

PAGES = ["/api/docs/", "/api/redoc/"]
URL = re.compile(rb"""https?://[^\s"'`)<>\\]+""")
# Strings in the bundles that are names, not addresses anything is loaded from: XML namespaces (React makes SVG and
# MathML elements with them) and JSON Schema / OpenAPI dialect identifiers (validators compare them as strings).
NAMES = re.compile(
    rb"^https?://(www\.w3\.org/(2000/svg|1999/(xhtml|xlink)|1998/Math/MathML|XML/1998/namespace|2000/xmlns)"
    rb"|json-schema\.org/|spec\.openapis\.org/oas/)"
)
# How a script or a style would load something: an element's src (ReDoc's logo was `src:"https://cdn.redoc.ly/..."`),
# CSS url() and @import, fetch and workers. (Links a reader may follow, such as ReDoc's "API docs by Redocly", load
# nothing; Swagger UI's validator badge is switched off in its settings, tested below.)
_ADDRESS = rb"""(?P<url>https?://[^\s"'`)<>\\]+)"""
LOADS = [
    re.compile(prefix + _ADDRESS)
    for prefix in (
        rb"""src\s*[:=]\s*["'`]""",
        rb"""url\(\s*["']?""",
        rb"""@import\s+["']?""",
        rb"""(?:fetch|importScripts|Worker)\(\s*["'`]""",
    )
]


def _body(answer) -> bytes:
    return b"".join(answer.streaming_content) if answer.streaming else answer.content


def _assets(client, page: str) -> dict[str, bytes]:
    """The page and everything it references (scripts, styles, icons), by URL."""
    html = _body(client.get(page))
    found = {page: html}
    for reference in re.findall(rb"""(?:src|href)="([^"]+)\"""", html):
        url = reference.decode()
        answer = client.get(url)
        assert answer.status_code == 200, url
        found[url] = _body(answer)
    return found


@pytest.mark.parametrize("page", PAGES)
def test_the_pages_reference_only_this_server(client, page):
    assets = _assets(client, page)
    assert len(assets) >= 2
    for url, body in assets.items():
        if url == page or url.startswith("/api/docs/?"):
            assert not URL.findall(body), (url, URL.findall(body)[:5])


@pytest.mark.parametrize("page", PAGES)
def test_their_scripts_and_styles_load_nothing_from_elsewhere(client, page):
    for url, body in _assets(client, page).items():
        for pattern in LOADS:
            loads = [match["url"] for match in pattern.finditer(body) if not NAMES.match(match["url"])]
            assert not loads, (url, loads[:5])


def test_redoc_is_served_without_its_cdn_logo(client):
    page = _body(client.get("/api/redoc/")).decode()
    bundle_url = re.search(r'<script src="([^"]+redoc[^"]*\.js)"', page).group(1)
    bundle = _body(client.get(bundle_url))
    assert b"cdn.redoc.ly" not in bundle and b"Redoc" in bundle and len(bundle) > 500_000


def test_swagger_ui_has_no_online_validator(client):
    script = _body(client.get("/api/docs/?script=")).decode()
    assert '"validatorUrl": null' in script


def test_the_schema_is_gzipped_when_the_client_accepts_it(client):
    plain = client.get("/api/schema/")
    assert plain.status_code == 200 and not plain.has_header("Content-Encoding")
    packed = client.get("/api/schema/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert packed["Content-Encoding"] == "gzip" and "Accept-Encoding" in packed["Vary"]
    unpacked = gzip.decompress(_body(packed))
    assert unpacked == _body(plain)
    assert len(_body(packed)) * 5 < len(unpacked)
    assert yaml.safe_load(unpacked)["openapi"].startswith("3.")


@pytest.mark.parametrize(
    "url",
    [
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-standalone-preset.js",
        "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui.css",
        "/api/redoc/redoc.standalone.js",
    ],
)
def test_the_docs_assets_are_gzipped_when_the_client_accepts_it(client, url):
    plain = client.get(url)
    packed = client.get(url, HTTP_ACCEPT_ENCODING="gzip")
    assert plain.status_code == packed.status_code == 200
    assert packed["Content-Encoding"] == "gzip" and not plain.has_header("Content-Encoding")
    assert gzip.decompress(_body(packed)) == _body(plain)
    assert "Accept-Encoding" in packed["Vary"]
