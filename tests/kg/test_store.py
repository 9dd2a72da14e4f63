"""The store contract, run on the embedded store and on a live `oxigraph serve` alike."""

from __future__ import annotations

import base64
import csv
import io
import json
import socket
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import XSD

from kg.errors import InputError, QuerySyntaxError, StoreError
from kg.mapping import MappedReport, map_record
from kg.mapping.context import no_themes
from kg.record_yaml import load_record
from kg.store import EmbeddedStore, Store, open_store
from kg.store.forms import blank_comments, query_form
from kg.store.remote import RemoteStore
from tests.kg.stores import as_stored

DATA = Path(__file__).resolve().parents[1] / "data"
EX = "http://example.org/"


@pytest.fixture(scope="module")
def minimal() -> MappedReport:
    return map_record(load_record(DATA / "mapping" / "minimal.yaml"), tagger=no_themes)


def _graph(n: int, tag: str = "a") -> Graph:
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(f"{tag}{i}", lang="ky")))
    return g


def test_replace_graph_stores_the_graph_in_its_named_graph(any_store: Store, minimal) -> None:
    written = any_store.replace_graph(minimal.graph_iri, minimal.graph)
    assert written == len(minimal.graph)
    assert any_store.graphs() == [minimal.graph_iri]
    assert any_store.quad_count() == len(minimal.graph)
    back = any_store.query(
        "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
        named_graph_uris=[minimal.graph_iri],
    ).to_graph()
    assert isomorphic(back, as_stored(minimal.graph))


def test_reloading_a_graph_leaves_the_quad_count_unchanged(any_store: Store, minimal) -> None:
    any_store.replace_graph(minimal.graph_iri, minimal.graph)
    before = any_store.quad_count()
    any_store.replace_graph(minimal.graph_iri, minimal.graph)
    assert any_store.quad_count() == before


def test_replace_graph_drops_the_old_triples(any_store: Store) -> None:
    any_store.replace_graph(f"{EX}g", _graph(5, "old"))
    any_store.replace_graph(f"{EX}g", _graph(3, "new"))
    rows = list(any_store.query(f"SELECT ?o WHERE {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }}").rows())
    assert sorted(str(r["o"]) for r in rows) == ["new0", "new1", "new2"]


def test_delete_graph_removes_it_and_tolerates_a_missing_graph(any_store: Store) -> None:
    any_store.replace_graph(f"{EX}g", _graph(2))
    any_store.delete_graph(f"{EX}g")
    any_store.delete_graph(f"{EX}never-there")
    assert any_store.graphs() == []
    assert any_store.quad_count() == 0


def test_default_graph_is_the_union_of_the_report_graphs(any_store: Store) -> None:
    any_store.replace_graph(f"{EX}g1", _graph(2, "a"))
    any_store.replace_graph(f"{EX}g2", _graph(3, "b"))
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    assert int(next(any_store.query(count).rows())["n"]) == 5
    only_g2 = any_store.query(count, default_graph_uris=[f"{EX}g2"])
    assert int(next(only_g2.rows())["n"]) == 3


@pytest.mark.parametrize(
    ("media_type", "check"),
    [
        ("application/sparql-results+json", lambda b: json.loads(b)["head"]["vars"] == ["o"]),
        ("application/sparql-results+xml", lambda b: b.startswith(b"<?xml")),
        ("text/csv", lambda b: next(csv.reader(io.StringIO(b.decode()))) == ["o"]),
        ("text/tab-separated-values", lambda b: b.split(b"\n")[0].strip() == b"?o"),
    ],
)
def test_select_results_serialize_to_each_results_format(
    any_store: Store, media_type, check
) -> None:
    any_store.replace_graph(f"{EX}g", _graph(2))
    data = any_store.query("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o").serialize(media_type)
    assert check(data)


@pytest.mark.parametrize(
    "media_type",
    ["text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml"],
)
def test_construct_results_serialize_to_each_rdf_format(any_store: Store, media_type) -> None:
    any_store.replace_graph(f"{EX}g", _graph(3))
    data = any_store.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }").serialize(media_type)
    parsed = Graph().parse(
        data=data,
        format={
            "text/turtle": "turtle",
            "application/n-triples": "nt",
            "application/ld+json": "json-ld",
            "application/rdf+xml": "xml",
        }[media_type],
    )
    assert isomorphic(parsed, _graph(3))


def test_ask_answers_a_boolean(any_store: Store) -> None:
    any_store.replace_graph(f"{EX}g", _graph(1))
    assert any_store.query(f"ASK {{ <{EX}s0> ?p ?o }}").boolean is True
    assert any_store.query(f"ASK {{ <{EX}s9> ?p ?o }}").boolean is False
    data = any_store.query("ASK { ?s ?p ?o }").serialize("application/sparql-results+json")
    assert json.loads(data)["boolean"] is True


def test_a_result_cannot_be_read_twice(any_store: Store) -> None:
    result = any_store.query("SELECT * WHERE { ?s ?p ?o }")
    result.serialize("text/csv")
    with pytest.raises(StoreError, match="only once"):
        result.serialize("text/csv")


def test_a_result_refuses_a_media_type_of_the_wrong_kind(any_store: Store) -> None:
    with pytest.raises(InputError, match="cannot be written"):
        any_store.query("SELECT * WHERE { ?s ?p ?o }").serialize("text/turtle")


def test_malformed_query_gives_line_and_column(any_store: Store) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        any_store.query("SELECT ?s WHERE {\n  ?s ?p\n}")
    assert caught.value.line == 3


def test_update_inserts_and_a_malformed_update_is_refused(any_store: Store) -> None:
    any_store.update(f'INSERT DATA {{ GRAPH <{EX}g> {{ <{EX}a> <{EX}b> "c" }} }}')
    assert any_store.quad_count() == 1
    with pytest.raises(QuerySyntaxError):
        any_store.update("INSERT DATA { <a> <b> }")
    assert any_store.quad_count() == 1


@pytest.mark.parametrize(
    ("fmt", "rdflib_format"),
    [("trig", "trig"), ("nquads", "nquads"), ("turtle", "turtle"), ("ntriples", "nt")],
)
def test_dump_writes_the_whole_dataset(any_store: Store, minimal, fmt, rdflib_format) -> None:
    from rdflib import Dataset

    any_store.replace_graph(minimal.graph_iri, minimal.graph)
    out = io.BytesIO()
    any_store.dump(fmt, out)
    ds = Dataset()
    ds.parse(data=out.getvalue(), format=rdflib_format)
    union = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        union.add((s, p, o))
    assert isomorphic(union, as_stored(minimal.graph))
    if fmt in ("trig", "nquads"):
        assert URIRef(minimal.graph_iri) in {g.identifier for g in ds.graphs()}


# ---- embedded only -------------------------------------------------------------------------


def _sizes_seen_while(store: EmbeddedStore, write: Callable[[], None]) -> set[int]:
    """The sizes of graph ``{EX}g`` a reader thread counts, over and over, while ``write`` runs."""
    seen: set[int] = set()
    stop = threading.Event()

    def read() -> None:
        query = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{EX}g> {{ ?s ?p ?o }} }}"
        while not stop.is_set():
            seen.add(int(next(store.query(query).rows())["n"]))

    reader = threading.Thread(target=read)
    reader.start()
    try:
        write()
    finally:
        stop.set()
        reader.join()
    return seen


def test_replace_graph_is_atomic_for_a_concurrent_reader(tmp_path: Path) -> None:
    """A reader thread counts the graph while it is replaced over and over: it must only ever see
    the old size or the new one, never an empty or half-written graph."""
    with EmbeddedStore(tmp_path / "store") as store:
        store.replace_graph(f"{EX}g", _graph(200, "a"))

        def write() -> None:
            for k in range(12):
                store.replace_graph(f"{EX}g", _graph(200 if k % 2 else 300, f"b{k}"))

        seen = _sizes_seen_while(store, write)
        assert seen <= {200, 300}
        assert seen


def test_a_new_graph_appears_whole_to_a_concurrent_reader(tmp_path: Path) -> None:
    """A graph the store does not hold is written by Store.load, not by the update: a reader
    must see it absent or whole, never part of it."""
    with EmbeddedStore(tmp_path / "store") as store:

        def write() -> None:
            for k in range(12):
                store.delete_graph(f"{EX}g")
                store.replace_graph(f"{EX}g", _graph(300, f"c{k}"))

        seen = _sizes_seen_while(store, write)
        assert seen <= {0, 300}
        assert 300 in seen


def test_writing_a_graph_again_unchanged_writes_nothing(tmp_path: Path, minimal) -> None:
    # the minimal record's counts are xsd:nonNegativeInteger, which Oxigraph keeps as xsd:integer:
    # the graph read back differs in datatype and is still the same graph to the store
    with EmbeddedStore(tmp_path / "store") as store:
        store.replace_graph(minimal.graph_iri, minimal.graph)
        before = store.generation()
        assert store.replace_graph(minimal.graph_iri, minimal.graph) == len(minimal.graph)
        assert store.generation() == before
        changed = Graph()
        for t in minimal.graph:
            changed.add(t)
        changed.add((URIRef(f"{EX}e"), URIRef(f"{EX}p"), Literal("one more", lang="en")))
        store.replace_graph(minimal.graph_iri, changed)
        assert store.generation() != before
        assert store.quad_count() == len(minimal.graph) + 1
        back = store.query(
            "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }",
            named_graph_uris=[minimal.graph_iri],
        ).to_graph()
        assert isomorphic(back, as_stored(changed))


def test_store_persists_across_reopening(tmp_path: Path, minimal) -> None:
    with open_store(tmp_path / "kg-data") as store:
        store.replace_graph(minimal.graph_iri, minimal.graph)
    with open_store(tmp_path / "kg-data", read_only=True) as store:
        assert store.quad_count() == len(minimal.graph)
        with pytest.raises(StoreError, match="read-only"):
            store.delete_graph(minimal.graph_iri)


def test_a_folder_open_in_another_store_is_refused_with_a_hint(tmp_path: Path) -> None:
    with open_store(tmp_path / "kg-data"), pytest.raises(StoreError, match="has it open"):
        open_store(tmp_path / "kg-data")


def test_a_query_past_its_timeout_raises_store_error() -> None:
    with EmbeddedStore(None) as store:
        store.replace_graph(f"{EX}g", _graph(300))
        # a triple cross product: 27 million rows to count, far more than 50 ms of work
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"
        with pytest.raises(StoreError, match="ran out of time"):
            store.query(slow, timeout=0.05).serialize("text/csv")
        fast = store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", timeout=5)
        assert [int(r["n"]) for r in fast.rows()] == [300]


def test_oxigraph_stores_derived_integer_types_as_xsd_integer() -> None:
    """Recorded so that we notice when pyoxigraph changes: see kg.store.embedded, "Datatypes"."""
    g = Graph()
    g.add((URIRef(f"{EX}e"), URIRef(f"{EX}n"), Literal(43, datatype=XSD.nonNegativeInteger)))
    with EmbeddedStore(None) as store:
        store.replace_graph(f"{EX}g", g)
        (row,) = store.query("SELECT ?n WHERE { ?e ?p ?n }").rows()
    assert row["n"].datatype == XSD.integer


def test_endpoint_and_path_together_are_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="not both"):
        open_store(tmp_path, endpoint="http://127.0.0.1:1/sparql")
    with pytest.raises(InputError, match="need --endpoint"):
        open_store(update_endpoint="http://127.0.0.1:1/update")


# ---- remote only ---------------------------------------------------------------------------


def test_an_unreachable_endpoint_is_a_store_error() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # nothing listens on the port once the probe is closed
    store = open_store(endpoint=f"http://127.0.0.1:{port}/query")
    with pytest.raises(StoreError, match="cannot reach"):
        store.quad_count()


@pytest.mark.live
def test_a_read_only_remote_store_refuses_writes(oxigraph_server: str) -> None:
    store = open_store(endpoint=f"{oxigraph_server}/query", read_only=True)
    with pytest.raises(StoreError, match="read-only"):
        store.replace_graph(f"{EX}g", _graph(1))
    with pytest.raises(StoreError, match="read-only"):
        store.update("DROP ALL")


def test_remote_urls_must_be_http() -> None:
    with pytest.raises(InputError, match="http"):
        open_store(endpoint="file:///etc/passwd")


@pytest.mark.parametrize(
    ("text", "form"),
    [
        (
            "# load and drop are words in a comment\n# here too\nSELECT * WHERE { ?s ?p ?o }",
            "SELECT",
        ),
        ("PREFIX ex: <http://ex.org/#load>\nASK { ?s ex:p 'DROP # not a comment' }", "ASK"),
        ("BASE <http://ex.org/>\nCONSTRUCT WHERE { ?s ?p ?o }", "CONSTRUCT"),
        ("describe <http://ex.org/a>", "DESCRIBE"),
        ("DROP SILENT GRAPH <http://ex.org/g> ; INSERT DATA { <a:b> <a:c> <a:d> }", "UPDATE"),
        ("WITH <http://ex.org/g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "UPDATE"),
        ("{ ?s ?p ?o }", "UNKNOWN"),
    ],
)
def test_query_form_is_told_past_comments_strings_and_iris(text: str, form: str) -> None:
    assert query_form(text) == form


def test_blanking_comments_keeps_lines_and_columns() -> None:
    text = "# a\nSELECT ?s # b\nWHERE { ?s ?p '#c' }"
    blanked = blank_comments(text)
    assert len(blanked) == len(text)
    assert blanked.splitlines() == ["   ", "SELECT ?s    ", "WHERE { ?s ?p '#c' }"]


def test_a_query_refuses_an_update_and_an_update_refuses_a_query(any_store: Store) -> None:
    # remote: kg tells the forms apart before sending; embedded: pyoxigraph's parser refuses
    with pytest.raises(InputError):
        any_store.query("DROP ALL")
    with pytest.raises(InputError):
        any_store.update("SELECT * WHERE { ?s ?p ?o }")


class _RecordingHandler(BaseHTTPRequestHandler):
    """A graph store that wants credentials: basic, or digest after one 401 challenge."""

    scheme = "Basic"
    seen: list[str] = []  # noqa: RUF012 - the test reads what the handler heard

    def do_PUT(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        auth = self.headers.get("Authorization", "")
        type(self).seen.append(auth)
        if not auth.startswith(self.scheme):
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Digest realm="kg", nonce="abc123", qop="auth"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(204)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the test reads `seen` instead."""


@pytest.mark.parametrize(("scheme", "prefix"), [("basic", "Basic "), ("digest", "Digest ")])
def test_graph_store_requests_carry_the_credentials(scheme: str, prefix: str) -> None:
    handler = type("Handler", (_RecordingHandler,), {"scheme": prefix.strip(), "seen": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}"
        store = RemoteStore(
            f"{url}/query", gsp_endpoint=f"{url}/store", auth=("kg", "secret"), auth_scheme=scheme
        )
        store.replace_graph(f"{EX}g", _graph(1))
    finally:
        server.shutdown()
        thread.join()
        server.server_close()
    assert handler.seen[-1].startswith(prefix)
    if scheme == "basic":
        assert handler.seen == [f"Basic {base64.b64encode(b'kg:secret').decode()}"]
    else:
        assert 'username="kg"' in handler.seen[-1]
