"""Store fixtures (embedded, and a live `oxigraph serve`) and what a graph looks like stored."""

from __future__ import annotations

import select
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kg.store import EmbeddedStore, Store
from kg.store.remote import RemoteStore

# Oxigraph keeps the value of integer-derived literals but stores them as xsd:integer
# (see kg.store.embedded, "Datatypes"); a graph read back is compared with that in mind.
_INTEGER_TYPES = {XSD.positiveInteger, XSD.nonNegativeInteger, XSD.int, XSD.long, XSD.short}


def as_stored(graph: Graph) -> Graph:
    """``graph`` with integer-derived datatypes written as xsd:integer, as Oxigraph returns them."""
    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype in _INTEGER_TYPES:
            o = Literal(str(o), datatype=XSD.integer)
        out.add((s, p, o))
    return out


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real `oxigraph serve` on 127.0.0.1 at a port the OS chose; yields its base URL.

    Its default graph is the union of the named graphs (``--union-default-graph``), as
    kg.store.base asks of every store.
    """
    binary = shutil.which("oxigraph", path=str(Path(sys.executable).parent)) or shutil.which(
        "oxigraph"
    )
    if binary is None:
        pytest.skip("no `oxigraph` binary: install the test extra (PyPI package oxigraph)")
    with socket.socket() as probe:
        # the OS picks a free port; oxigraph binds it right after (it prints no port of its own)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    location = tmp_path_factory.mktemp("oxigraph")
    command = [
        binary,
        "serve",
        "--location",
        str(location),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        _wait_until_listening(process, port, deadline=time.monotonic() + 30)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
        assert process.stdout is not None
        process.stdout.close()


def _wait_until_listening(process: subprocess.Popen[bytes], port: int, *, deadline: float) -> None:
    """Read the server's output until it says it listens, then make sure a connection opens."""
    assert process.stdout is not None
    seen = b""
    while b"Listening" not in seen:
        remaining = deadline - time.monotonic()
        ready, _, _ = select.select([process.stdout], [], [], max(0.0, remaining))
        line = process.stdout.readline() if ready else b""
        if not line:
            raise RuntimeError(f"oxigraph serve did not start: {seen.decode(errors='replace')}")
        seen += line
    with socket.create_connection(
        ("127.0.0.1", port), timeout=max(0.1, deadline - time.monotonic())
    ):
        pass


@pytest.fixture(
    params=[
        "embedded",
        pytest.param("remote", marks=pytest.mark.live),
        pytest.param("remote-gsp", marks=pytest.mark.live),
    ]
)
def any_store(request: pytest.FixtureRequest) -> Iterator[Store]:
    """A fresh, empty store of each kind: embedded (in memory; persistence has its own tests), and
    the live Oxigraph server written through SPARQL Update or through the Graph Store Protocol."""
    if request.param == "embedded":
        with EmbeddedStore(None) as store:
            yield store
        return
    yield from _remote(
        request.getfixturevalue("oxigraph_server"), gsp=request.param == "remote-gsp"
    )


def _remote(url: str, *, gsp: bool) -> Iterator[Store]:
    store = RemoteStore(
        f"{url}/query",
        update_endpoint=f"{url}/update",
        gsp_endpoint=f"{url}/store" if gsp else None,
    )
    store.update("DROP ALL")  # the server lives for the session; each test starts empty
    with store:
        yield store
