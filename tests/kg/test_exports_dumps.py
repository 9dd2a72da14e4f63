"""RDF dumps of the whole store, read back with rdflib: the same triples, the same named graphs."""

from __future__ import annotations

import io
import json

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.errors import InputError
from kg.exports import EXPORT_FORMATS, write_export
from kg.formats import FORMATS, parse_rdf
from tests.kg.exports_data import (
    SOURCES,
    mapped_dataset,
    no_network,
    record_paths,
    store_of,
    stored,
    union,
)


@pytest.fixture(scope="module", params=sorted(SOURCES))
def data(request, seed_gold):
    ds = mapped_dataset(record_paths(seed_gold))
    # the store's contents: pyoxigraph keeps xsd:positiveInteger as xsd:integer, so a dump is
    # compared with what the store holds
    return stored(store_of(ds)), SOURCES[request.param](ds)


# rdflib's JSON-LD parser builds a ConjunctiveGraph inside (https://github.com/RDFLib/rdflib/issues/3475)
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize(
    ("name", "rdflib_format"), [("turtle", "turtle"), ("ntriples", "nt"), ("jsonld", "json-ld")]
)
def test_triple_dumps_hold_the_union_of_the_report_graphs(data, name, rdflib_format) -> None:
    ds, source = data
    out = io.BytesIO()
    assert write_export(source, name, out) == EXPORT_FORMATS[name].media_type
    got = Graph().parse(data=out.getvalue(), format=rdflib_format)
    assert isomorphic(got, union(ds))


def test_ntriples_dump_writes_each_triple_once(data) -> None:
    ds, source = data
    out = io.BytesIO()
    write_export(source, "ntriples", out)
    lines = [line for line in out.getvalue().decode().splitlines() if line.strip()]
    assert len(lines) == len(set(lines)) == len(union(ds))


# rdflib 7.6 warns about its own internal use of Dataset.default_context while parsing TriG and
# JSON-LD (https://github.com/RDFLib/rdflib/issues/3475), and its TriG and JSON-LD parsers still
# build a ConjunctiveGraph (the warning periodo/periodo-server#450 filters for the same reason)
@pytest.mark.filterwarnings("ignore:Dataset.default_context is deprecated:DeprecationWarning")
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
@pytest.mark.parametrize("name", ["trig"])
def test_quad_dumps_keep_one_named_graph_per_report(data, name, monkeypatch) -> None:
    ds, source = data
    out = io.BytesIO()
    write_export(source, name, out)
    with no_network(monkeypatch) as attempts:
        # kg.formats.parse_rdf is rdflib's parser behind the project's one error boundary
        got = parse_rdf(out.getvalue(), FORMATS[name])
    assert not attempts
    expected = {g.identifier: g for g in ds.graphs() if len(g)}
    found = {g.identifier: g for g in got.graphs() if len(g)}
    assert found.keys() == expected.keys()
    for name_, graph in expected.items():
        assert isomorphic(found[name_], graph), name_


def test_jsonld_dump_names_no_context_to_fetch(data) -> None:
    _, source = data
    out = io.BytesIO()
    write_export(source, "jsonld", out)
    assert "@context" not in out.getvalue().decode()
    assert json.loads(out.getvalue())


def test_unknown_format_is_an_input_error(data) -> None:
    with pytest.raises(InputError, match="unknown export format"):
        write_export(data[1], "xlsx", io.BytesIO())
