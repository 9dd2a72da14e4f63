"""The bad-input corpus (tests/data/bad/) sent to /sparql as updates (with the token) and queries.

Every one gets a 4xx, never a 5xx, with the parser's line where there is one, and the store holds
exactly what it held before. LOAD, the update that would make the server fetch a URL, is refused
before anything is fetched.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import ClassVar

import pyoxigraph as ox
import pytest

from tests.conftest import memory_store
from tests.kg.test_bad_inputs import BAD, write_big_files
from tests.server.http import Reply, fetch

pytestmark = pytest.mark.live

TOKEN = "s3cret-for-tests"
SAMPLE = b'<http://example.org/s> <http://example.org/p> "kept" <http://example.org/g> .\n'
PREFIXES = "PREFIX e: <http://example.org/> "
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    found = {p.name: p for p in BAD.iterdir() if p.name != "README.md"}
    big = write_big_files(tmp_path_factory.mktemp("bad-big"))
    return found | {name: path for name, path in big.items() if not name.endswith(".md")}


@pytest.fixture
def server(serve) -> str:
    store = memory_store()
    store.store.load(SAMPLE, format=ox.RdfFormat.N_QUADS)
    return serve({"UPDATE_TOKEN": TOKEN}, store)


def _count(url: str) -> int:
    reply = fetch(f"{url}/sparql", params={"query": COUNT})
    return int(json.loads(reply.body)["results"]["bindings"][0]["n"]["value"])


def _post(url: str, body: bytes, media_type: str, token: str | None = TOKEN) -> Reply:
    headers = {"Content-Type": media_type, "Accept": "text/plain"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return fetch(f"{url}/sparql", method="POST", data=body, headers=headers)


def test_every_bad_file_is_a_4xx_as_update_and_as_query(server: str, files: dict[str, Path]):
    assert _count(server) == 1
    statuses: dict[tuple[str, str], int] = {}
    for name, path in sorted(files.items()):
        body = path.read_bytes()
        for media_type in ("application/sparql-update", "application/sparql-query"):
            reply = _post(server, body, media_type)
            statuses[name, media_type] = reply.status
            if not body and media_type == "application/sparql-update":
                # the empty update is a valid request that changes nothing (SPARQL 1.1 Update §3)
                assert reply.status == 204
                continue
            expected = 413 if len(body) > 10 * 1024 * 1024 else 400
            assert reply.status == expected, (name, media_type, reply.text)
            if expected == 400 and body.strip() and media_type.endswith("update"):
                # the parser's position; or, for the deep YAML, the nesting refused before parsing
                # (5,000 levels would crash the engine)
                assert "line " in reply.text or "levels deep" in reply.text, (name, reply.text)
    assert _count(server) == 1, statuses
    assert len(statuses) == 2 * len(files) >= 2 * 14


@pytest.mark.parametrize(
    "update",
    [
        # bad IRIs: a space, a brace, a relative IRI with no base
        PREFIXES + 'INSERT DATA { GRAPH e:g { <http://example.org/a b> e:p "x" } }',
        PREFIXES + 'INSERT DATA { GRAPH e:g { <http://example.org/{a}> e:p "x" } }',
        PREFIXES + 'INSERT DATA { GRAPH e:g { <a> e:p "x" } }',
        # two operations, the second broken: the first must not be applied alone
        PREFIXES + 'INSERT DATA { GRAPH e:g { e:a e:p "x" } } ; INSERT DATA { <b }',
        # a lone surrogate from an escape
        PREFIXES + 'INSERT DATA { GRAPH e:g { e:a e:p "\\uD800" } }',
    ],
    ids=["space", "brace", "relative", "half-broken", "surrogate"],
)
def test_a_malformed_update_is_400_and_changes_nothing(server: str, update: str):
    reply = _post(server, update.encode(), "application/sparql-update")
    assert reply.status == 400, reply.text
    assert _count(server) == 1


def test_an_update_without_the_token_is_refused_before_it_is_read(server: str, files):
    reply = _post(
        server, files["ten-megabytes.ttl"].read_bytes()[:1000], "application/sparql-update", None
    )
    assert reply.status == 403
    assert _count(server) == 1


class _Recorder(BaseHTTPRequestHandler):
    hits: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.hits.append(self.path)
        body = b'<http://example.org/x> <http://example.org/p> "fetched" .\n'
        self.send_response(200)
        self.send_header("Content-Type", "application/n-triples")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that serves N-Triples and remembers every request it gets."""
    hits: list[str] = []
    handler = type("Handler", (_Recorder,), {"hits": hits})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    finally:
        httpd.shutdown()
        thread.join()
        httpd.server_close()


@pytest.mark.parametrize(
    "template",
    [
        "LOAD <{url}/data.nt>",
        "LOAD SILENT <{url}/data.nt> INTO GRAPH <http://example.org/g>",
        "PREFIX r: <{url}/> LOAD r:data.nt",
        "CLEAR SILENT GRAPH <http://example.org/none> ; load <{url}/data.nt>",
    ],
    ids=["load", "silent-into", "prefixed", "second-operation"],
)
def test_load_is_refused_and_nothing_is_fetched(server: str, recorder, template: str):
    url, hits = recorder
    reply = _post(server, template.format(url=url).encode(), "application/sparql-update")
    assert reply.status == 403, reply.text
    assert "LOAD" in reply.text
    assert hits == []
    assert _count(server) == 1
