"""Starting the server: `kg serve` as a process, `flask --app server`, and over remote stores."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path

import pytest
from flask.cli import ScriptInfo
from rdflib.query import Result

from kg.store import open_store
from tests.conftest import ROOT
from tests.server.http import fetch

pytestmark = pytest.mark.live

ASK = "ASK { ?s ?p ?o }"


def test_kg_serve_serves_a_store_folder_on_loopback(tmp_path):
    kg = Path(sys.executable).with_name("kg")  # the installed command, beside this Python
    command = [str(kg), "serve", "--store", str(tmp_path / "data"), "--port", "0"]
    with subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True) as process:
        try:
            # the first line names the address the system gave; no polling, no sleep
            line = process.stderr.readline()
            match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
            assert match, line
            reply = fetch(f"{match.group(0)}sparql", params={"query": ASK})
            assert reply.status == 200
            assert json.loads(reply.body)["boolean"] is False  # a new, empty store
        finally:
            process.terminate()
            process.wait(timeout=30)


def test_kg_serve_refuses_a_store_and_an_endpoint_together():
    from click.testing import CliRunner

    from kg.cli import cli

    result = CliRunner().invoke(cli, ["serve", "--store", "x", "--endpoint", "http://127.0.0.1:9/"])
    assert result.exit_code == 2
    assert "not both" in result.output


def test_flask_finds_the_app_factory(tmp_path, monkeypatch):
    from tests.conftest import _clean_environ

    _clean_environ(monkeypatch)
    monkeypatch.setenv("KG_STORE_PATH", str(tmp_path / "data"))
    # what `flask --app server run` does to find the app
    app = ScriptInfo(app_import_path="server").load_app()
    assert app.config["STORE_PATH"] == str(tmp_path / "data")
    response = app.test_client().get("/sparql", query_string={"query": ASK})
    assert response.status_code == 200


@pytest.fixture
def remote_backend(serve):
    from tests.server.test_limits import numbered

    return serve({}, numbered(10, "a}},{b\r\n"))


@pytest.mark.parametrize(
    "accept", ["application/sparql-results+json", "application/sparql-results+xml", "text/csv"]
)
def test_a_server_over_a_remote_store_keeps_the_row_limit(serve, remote_backend, accept):
    # our own server as the remote store: the protocol end to end, on 127.0.0.1 only
    url = serve({"MAX_RESULT_ROWS": 3}, open_store(endpoint=f"{remote_backend}/sparql"))
    reply = fetch(
        f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"}, headers={"Accept": accept}
    )
    assert reply.status == 200
    assert reply.headers["X-SPARQL-MaxRows"] == "3"
    fmt = {"text/csv": "csv"}.get(accept, accept.rsplit("+", 1)[-1])
    rows = list(Result.parse(BytesIO(reply.body), format=fmt))
    assert len(rows) == 3
    # the literals hold `},{` and CRLF, which look like row breaks in JSON and CSV
    assert all(str(row["o"]).startswith("a}},{b") for row in rows)


def test_a_server_over_a_remote_store_answers_whole_results_unmarked(serve, remote_backend):
    url = serve({"MAX_RESULT_ROWS": 10}, open_store(endpoint=f"{remote_backend}/sparql"))
    reply = fetch(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert "X-SPARQL-MaxRows" not in reply.headers
    assert len(json.loads(reply.body)["results"]["bindings"]) == 10


def test_kg_serve_workers_share_one_port_over_a_read_only_store(tmp_path):
    folder = tmp_path / "data"
    with open_store(folder) as store:
        store.update("INSERT DATA { GRAPH <https://example.org/g> { <urn:a> <urn:b> <urn:c> } }")
    kg = Path(sys.executable).with_name("kg")
    command = [str(kg), "serve", "--store", str(folder), "--read-only", "--workers", "2",
               "--port", "0"]  # fmt: skip
    with subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True) as process:
        try:
            line = process.stderr.readline()
            match = re.search(r"http://127\.0\.0\.1:(\d+)/.*2 processes", line)
            assert match, line
            for _ in range(4):  # the socket is shared: whichever worker accepts answers
                reply = fetch(f"{match.group(0).split(' ')[0]}sparql", params={"query": ASK})
                assert reply.status == 200
                assert json.loads(reply.body)["boolean"] is True
            refused = fetch(
                f"{match.group(0).split(' ')[0]}sparql",
                method="POST",
                form={"update": "CLEAR ALL"},
                headers={"Authorization": "Bearer x"},
            )
            assert refused.status == 403  # read-only: no updates
        finally:
            process.terminate()
            assert process.wait(timeout=30) == 0
    # the workers are gone with the parent: the folder can be opened for writing again
    open_store(folder).close()


def test_kg_serve_workers_need_a_read_only_store(tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import cli
    from tests.conftest import _clean_environ

    _clean_environ(monkeypatch)
    result = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path), "--workers", "2"])
    assert result.exit_code == 2
    assert "--read-only" in result.output
