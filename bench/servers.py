"""The SPARQL servers compared, each started as its own process on 127.0.0.1 and stopped after.

- ``kg``: ``kg serve`` over a read-only copy of the store folder (``KG_STORE_READ_ONLY``), with
  ``--workers N`` processes where asked; with ``source``, the kg of another source tree (an
  earlier commit, unpacked with ``git archive``), to measure a change before and after in one run;
- ``oxigraph``: ``oxigraph serve-read-only`` (PyPI ``oxigraph``, the engine's own Rust server) on
  the same folder, with the union default graph as kg has it;
- ``python-floor``: :mod:`bench.floor_app`, waitress and pyoxigraph with nothing between them
  (the least any Python server can do per request);
- ``rdflib-endpoint``: PyPI ``rdflib-endpoint`` (FastAPI under uvicorn, rdflib's in-memory store
  and SPARQL engine) serving the same quads from the N-Quads file.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO

__all__ = ["Server", "available_peers", "free_port", "start_server"]

PING = "ASK { ?s ?p ?o }"


@dataclass
class Server:
    """A started server: its name in the tables, its SPARQL URL, its process."""

    name: str
    sparql: str
    process: subprocess.Popen[bytes]
    root: str
    log: IO[bytes] | None = None

    def check_alive(self) -> None:
        """Raise, with the end of the server's own log, if its process has exited."""
        if self.process.poll() is None:
            return
        tail = ""
        if self.log is not None:
            self.log.flush()
            self.log.seek(0, os.SEEK_END)
            self.log.seek(max(0, self.log.tell() - 2000))
            tail = self.log.read().decode("utf-8", "replace")
        raise RuntimeError(
            f"{self.name} exited with status {self.process.returncode}; its log ends:\n{tail}"
        )

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def free_port() -> int:
    """A port the system has just given out (the servers here take a port number, not 0)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _bin(name: str) -> str | None:
    """A command of this virtualenv, else on the PATH."""
    candidate = Path(sys.executable).with_name(name)
    return str(candidate) if candidate.exists() else shutil.which(name)


def available_peers() -> dict[str, str | None]:
    """Which peers can run here: name → ``None``, or why not."""
    return {
        "oxigraph": None
        if _bin("oxigraph")
        else "the `oxigraph` command is missing (pip install oxigraph)",
        "rdflib-endpoint": None
        if _bin("rdflib-endpoint")
        else "the `rdflib-endpoint` command is missing (pip install -e '.[bench]')",
    }


def _wait(server: Server, timeout: float) -> None:
    url = f"{server.sparql}?{urllib.parse.urlencode({'query': PING})}"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        server.check_alive()
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - 127.0.0.1
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{server.name} did not answer within {timeout:.0f} s")


@contextlib.contextmanager
def start_server(
    kind: str,
    *,
    store: Path | None = None,
    nquads: Path | None = None,
    workers: int = 1,
    threads: int = 8,
    name: str | None = None,
    ready_timeout: float = 900,
    query_timeout: float = 120,
    source: Path | None = None,
    settings: dict[str, str] | None = None,
) -> Iterator[Server]:
    """Start a server of ``kind`` (``kg``, ``oxigraph``, ``rdflib-endpoint``) and stop it after.

    :param query_timeout: a kg server's ``KG_QUERY_TIMEOUT`` (Oxigraph gets none, see below)
    :param settings: more ``KG_*`` settings of a kg server (``{"KG_QUERY_WORKERS": "2"}``)
    """
    port = free_port()
    root = f"http://127.0.0.1:{port}"
    env = dict(os.environ)
    log = tempfile.TemporaryFile()
    cwd = None
    if kind == "kg":
        assert store is not None
        env.update(
            KG_STORE_PATH=str(store),
            KG_STORE_READ_ONLY="true",
            # every server sends the whole answer: kg's row limit would cut list_events short
            KG_MAX_RESULT_ROWS="10000000",
            KG_MAX_RESULT_BYTES=str(2**31),
            KG_QUERY_TIMEOUT=str(query_timeout),
        )
        env.update(settings or {})
        command = [
            sys.executable,
            "-c",
            "from kg.cli import cli; cli(prog_name='kg')",
            "serve",
            "--port",
            str(port),
            "--threads",
            str(threads),
        ]
        if workers > 1:
            command += ["--workers", str(workers)]
        if source is not None:
            # `python -c` puts the working folder first on sys.path: that tree's kg and server
            cwd = str(source)
            env["PYTHONPATH"] = str(source)
        sparql = f"{root}/sparql"
    elif kind == "oxigraph":
        assert store is not None
        command = [
            _bin("oxigraph") or "oxigraph",
            "serve-read-only",
            "--location",
            str(store),
            "--bind",
            f"127.0.0.1:{port}",
            "--union-default-graph",
            # no --timeout-s: in Oxigraph 0.5 it keeps one thread per query for the whole timeout
            # window, so at ~2,000 requests/s the server runs out of threads within seconds and
            # panics (the run of 7 December 2026 lost it so; OriginTrail/dkg#1757 reports the
            # same). A query left running after a client gave up is waited for by `drain`.
        ]
        sparql = f"{root}/query"
    elif kind == "python-floor":
        assert store is not None
        command = [sys.executable, "-m", "bench.floor_app", str(store), str(port)]
        sparql = f"{root}/sparql"
    elif kind == "rdflib-endpoint":
        assert nquads is not None
        command = [
            _bin("rdflib-endpoint") or "rdflib-endpoint",
            "serve",
            str(nquads),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ]
        sparql = f"{root}/"
    else:
        raise ValueError(kind)
    process = subprocess.Popen(command, env=env, stdout=log, stderr=log, cwd=cwd)
    server = Server(name or kind, sparql, process, root, log)
    try:
        _wait(server, ready_timeout)
        yield server
    finally:
        server.stop()
        log.close()
