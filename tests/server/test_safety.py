"""Endpoint safety not covered by test_limits.py and test_sparql.py: paths outside the static
folder, bytes that are no text, and queries nested deeply enough to crash the engine.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from kg.sparql_text import MAX_NESTING
from kg.store import open_store
from tests.conftest import ROOT
from tests.server.http import fetch

pytestmark = pytest.mark.live

ASK = "ASK { ?s ?p ?o }"


def raw_get(base: str, path: str, *, follow: bool = True) -> int:
    """GET ``path`` exactly as written (urllib would normalise ``..`` and escapes away); a
    redirect within the server (Werkzeug merges ``//``) is followed once."""
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.endheaders()
        response = connection.getresponse()
        response.read()
        location = response.getheader("Location")
        if follow and response.status in (301, 302, 307, 308) and location:
            target = urlsplit(location)
            assert target.hostname in (None, parts.hostname), location  # never elsewhere
            return raw_get(base, target.path, follow=False)
        return response.status
    finally:
        connection.close()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../__init__.py",
        "/static/../../pyproject.toml",
        "/static/%2e%2e/__init__.py",
        "/static/%2E%2E%2F%2E%2E%2Fpyproject.toml",
        "/static/..%2f__init__.py",
        "/static/..%5c__init__.py",
        "/static//etc/passwd",
        "/static/%2fetc%2fpasswd",
        "/static/style.css%00.py",
        "/static/templates/base.html",
        "/static/../templates/base.html",
    ],
)
def test_paths_outside_the_static_folder_are_404(live_server: str, path: str) -> None:
    assert raw_get(live_server, "/static/style.css") == 200
    assert raw_get(live_server, path) == 404


@pytest.mark.parametrize(
    "query",
    ["%FF%FE", "%00", "SELECT%20*%20WHERE%20%7B%00%7D"],
    ids=["not-utf8", "nul", "nul-inside"],
)
def test_a_query_that_is_no_text_is_400(live_server: str, query: str) -> None:
    assert raw_get(live_server, f"/sparql?query={query}") == 400


def test_a_body_that_is_no_text_is_400(live_server: str) -> None:
    reply = fetch(
        f"{live_server}/sparql",
        method="POST",
        data=b"\xff\xfe\x00SELECT",
        headers={"Content-Type": "application/sparql-query", "Accept": "text/plain"},
    )
    assert reply.status == 400


# --- deeply nested queries ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def kg_serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`kg serve` as its own process: a crash of the engine ends it, not the test session."""
    folder = tmp_path_factory.mktemp("nested") / "data"
    with open_store(folder) as store:
        store.update("INSERT DATA { GRAPH <https://example.org/g> { <urn:a> <urn:b> <urn:c> } }")
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg), "serve", "--store", str(folder), "--port", "0"]
    env = {"KG_UPDATE_TOKEN": "s3cret"}
    with subprocess.Popen(
        command, cwd=ROOT, stderr=subprocess.PIPE, text=True, env={**_environ(), **env}
    ) as process:
        try:
            assert process.stderr is not None
            match = re.search(r"http://127\.0\.0\.1:\d+/", process.stderr.readline())
            assert match
            yield match.group(0).rstrip("/")
        finally:
            process.terminate()
            process.wait(timeout=30)


def _environ() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if not k.startswith("KG_")}


NESTED = {
    "braces": "SELECT * WHERE " + "{" * 5000 + "}" * 5000,
    "parentheses": "SELECT * WHERE { FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") }",
    "escaped braces": "SELECT * WHERE " + "\\u007B" * 5000 + "}" * 5000,
}


# text/plain goes through Flask's view; a results type is what server.fast_path answers itself
@pytest.mark.parametrize("accept", ["text/plain", "application/sparql-results+json"])
@pytest.mark.parametrize("name", sorted(NESTED))
def test_a_deeply_nested_query_is_400_and_the_server_lives(
    kg_serve: str, name: str, accept: str
) -> None:
    # 5,000 levels end pyoxigraph's parser in a segmentation fault: the query never reaches it
    reply = fetch(f"{kg_serve}/sparql", params={"query": NESTED[name]}, headers={"Accept": accept})
    assert reply.status == 400
    assert f"at most {MAX_NESTING}" in reply.text
    alive = fetch(f"{kg_serve}/sparql", params={"query": ASK})
    assert json.loads(alive.body)["boolean"] is True


def test_a_deeply_nested_update_is_400(kg_serve: str) -> None:
    update = "INSERT { <urn:x> <urn:y> <urn:z> } WHERE " + "{" * 5000 + "}" * 5000
    reply = fetch(
        f"{kg_serve}/sparql",
        method="POST",
        data=update.encode(),
        headers={
            "Content-Type": "application/sparql-update",
            "Authorization": "Bearer s3cret",
            "Accept": "text/plain",
        },
    )
    assert reply.status == 400
    assert fetch(f"{kg_serve}/sparql", params={"query": ASK}).status == 200


def test_nesting_as_deep_as_allowed_is_answered(kg_serve: str) -> None:
    text = "SELECT * WHERE " + "{" * MAX_NESTING + "}" * MAX_NESTING
    reply = fetch(f"{kg_serve}/sparql", params={"query": text})
    assert reply.status == 200, reply.text
