"""Fixtures shared by the whole suite."""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from werkzeug.serving import make_server

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
"""The read-only material beside the repository: corpus, gold records, the reference scorer."""
DATA = Path(__file__).resolve().parent / "data"

# store fixtures (`any_store`, `oxigraph_server`) shared by the store, load and query tests
pytest_plugins = ["tests.kg.stores"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--runslow", action="store_true", help="also run the long variants")


RUNSLOW = False
"""Whether ``--runslow`` was given (set before test modules are imported)."""


def pytest_configure(config: pytest.Config) -> None:
    global RUNSLOW
    RUNSLOW = bool(config.getoption("--runslow"))


def examples(n: int) -> int:
    """Hypothesis examples for a property test: ``n`` in CI, ten times more with ``--runslow``."""
    return n * 10 if RUNSLOW else n


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="long variant: run with --runslow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared``; tests that need it skip when the checkout has no such sibling."""
    if not (SHARED / "gold").is_dir():
        pytest.skip("../shared (corpus and gold records) is not beside this checkout")
    return SHARED


@pytest.fixture(scope="session")
def seed_gold(shared: Path) -> Path:
    return shared / "gold" / "jalal-abad-2021-04-22.yaml"


# --- The web server: the app, a test client, and real servers on 127.0.0.1 -----------------------

SAMPLE_TRIG = DATA / "server" / "sample.trig"


def _clean_environ(monkeypatch: pytest.MonkeyPatch) -> None:
    # the settings read KG_* variables; a developer's own must not change what the tests see
    for name in list(os.environ):
        if name.startswith("KG_"):
            monkeypatch.delenv(name)


def memory_store(trig: bytes = b"") -> Any:
    """An embedded store in memory, holding ``trig``."""
    import pyoxigraph as ox

    from kg.store.embedded import EmbeddedStore

    store = EmbeddedStore(None)
    if trig:
        store.store.load(trig, format=ox.RdfFormat.TRIG)
    return store


def _sample_store() -> Any:
    return memory_store(SAMPLE_TRIG.read_bytes())


def make_app(overrides: dict[str, Any] | None = None, store: Any = None) -> Any:
    """An app over the sample data (or ``store``), with ``overrides`` on top of the defaults."""
    from server import create_app

    config = {"TESTING": True, **(overrides or {})}
    return create_app(config, store=store if store is not None else _sample_store())


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """Serve ``app`` on 127.0.0.1 at a port the OS picks; yields the base URL.

    Werkzeug's make_server binds and listens in its constructor, so the URL works at once: no
    polling, no sleep.
    """
    server = make_server("127.0.0.1", 0, app, threaded=True)
    # a short poll interval: shutdown() waits up to one interval (0.5 s by default)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        server.shutdown()
        thread.join()
        server.server_close()


@pytest.fixture
def app(monkeypatch: pytest.MonkeyPatch) -> Any:
    _clean_environ(monkeypatch)
    return make_app()


@pytest.fixture
def client(app: Any) -> Any:
    return app.test_client()


@pytest.fixture
def runner(app: Any) -> Any:
    return app.test_cli_runner()


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    """One real server over the sample data for the whole session (read-only tests only)."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        _clean_environ(monkeypatch)
        app = make_app()
    with serving(app) as url:
        yield url


@pytest.fixture
def serve(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Start a real server for an app with its own settings: ``url = serve({"KEY": value})``."""
    _clean_environ(monkeypatch)
    with contextlib.ExitStack() as stack:

        def start(overrides: dict[str, Any] | None = None, store: Any = None) -> str:
            return stack.enter_context(serving(make_app(overrides, store)))

        yield start


@pytest.fixture(scope="session")
def examples_store() -> Any:
    """A store holding the bundled sample reports (examples/*.yaml) as kg map writes them."""
    from kg.inputs import read_inputs

    store = memory_store()
    for item in read_inputs(sorted((ROOT / "examples").glob("*.yaml"))):
        for report in item.reports:
            store.replace_graph(str(report.graph_iri), report.graph)
    return store
