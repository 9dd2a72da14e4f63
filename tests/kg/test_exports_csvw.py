"""CSVW metadata read by the ``csvw`` package: the events CSV maps back to the graph's facts."""

from __future__ import annotations

import csvw
import pytest
from csvw.jsonld import Triple
from csvw.metadata_utils import qname2url
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, RDF, XSD

from kg.exports import ExportOptions, write_export_folder
from kg.exports.tables import EVENTS
from kg.namespaces import KG, SCHEMA
from tests.kg.exports_data import mapped_dataset, no_network, record_paths, store_of, stored, union

SDG = "http://metadata.un.org/sdg/"
EVENT_PROPERTIES = (
    SCHEMA.name,
    SCHEMA.startDate,
    SCHEMA.endDate,
    KG.region,
    KG.kindLabel,
    KG.participantCount,
    KG.femaleParticipantCount,
    KG.maleParticipantCount,
)


@pytest.fixture(scope="module")
def exported(seed_gold, tmp_path_factory):
    source = store_of(mapped_dataset(record_paths(seed_gold)))
    folder = tmp_path_factory.mktemp("csvw")
    write_export_folder(source, "hxl", folder, ExportOptions())
    return union(stored(source)), folder


def _triples(triple: Triple, subject: str) -> list[tuple]:
    """One cell's triple(s) as the package builds them (``Triple.as_rdflib_triple``), a list
    cell giving one triple per item."""
    about = triple.about or subject
    prop = qname2url(triple.property) or triple.property
    values = triple.value if isinstance(triple.value, list) else [triple.value]
    out = []
    for value in values:
        s, _, o = Triple(about=about, property=prop, value=value).as_rdflib_triple()
        if prop == str(RDF.type):
            o = URIRef(qname2url(str(o)) or str(o))
        out.append((s, URIRef(prop), o))
    return out


def csvw_graph(metadata) -> Graph:
    """The triples the csvw package derives from a CSV: its ``Triple.from_col`` per cell, as its
    csv2json does (the package's later grouping of a row's triples fails on integers when a row
    describes several subjects, so the triples are taken before that step)."""
    reader = csvw.CSVW(str(metadata))
    graph = Graph()
    for table in reader.tables:
        cols = {c.header: c for c in table.tableSchema.columns}
        about = table.tableSchema.inherit("aboutUrl")
        for rownum, row in enumerate(table.iterdicts(strict=True), start=1):
            subject = table.expand(about, row, _row=rownum)
            for key, value in row.items():
                col = cols.get(key)
                if col is None or col.suppressOutput or col.virtual or value in ("", None, []):
                    continue
                cell = Triple.from_col(table, col, row, key, value, rownum)
                for t in _triples(cell, subject):
                    graph.add(t)
            for col in table.tableSchema.columns:
                if col.virtual:
                    cell = Triple.from_col(table, col, row, col.header, None, rownum)
                    for t in _triples(cell, subject):
                        graph.add(t)
    return graph


def _plain(graph: Graph) -> Graph:
    """Literals as their lexical form: csv2json keeps values, not language tags or datatypes
    (which the metadata declares per column; checked below)."""
    out = Graph()
    for s, p, o in graph:
        out.add((s, p, Literal(str(o)) if isinstance(o, Literal) else o))
    return out


def test_csvw_reads_the_events_metadata_without_network(exported, monkeypatch) -> None:
    _, folder = exported
    with no_network(monkeypatch) as attempts:
        reader = csvw.CSVW(str(folder / "events.csv-metadata.json"), validate=True)
        assert reader.is_valid, [str(w.message) for w in reader.warnings]
    assert not attempts


def test_the_events_csv_carries_the_graphs_facts(exported) -> None:
    graph, folder = exported
    from_csv = _plain(csvw_graph(folder / "events.csv-metadata.json"))
    events = set(graph.subjects(RDF.type, KG.Event))
    # the same facts about the events, both ways
    expected = Graph()
    for event in events:
        for t in (SCHEMA.Event, KG.Event):
            expected.add((event, RDF.type, t))
        for p in EVENT_PROPERTIES:
            for o in graph.objects(event, p):
                if p == SCHEMA.name or not isinstance(o, Literal) or o.datatype != XSD.gMonthDay:
                    if p == KG.kindLabel and o.language != "en":
                        continue  # the table has the kind in English only
                    expected.add((event, p, o))
        for sdg in graph.objects(event, DCTERMS.subject):
            if str(sdg).startswith(SDG):
                expected.add((event, DCTERMS.subject, Literal(str(sdg).removeprefix(SDG))))
    about_events = Graph()
    for s, p, o in from_csv:
        if s in events:
            about_events.add((s, p, o))
    expected = _plain(expected)
    _, only_csv, only_graph = graph_diff(to_isomorphic(about_events), to_isomorphic(expected))
    assert isomorphic(about_events, expected), (
        only_csv.serialize(format="nt"),
        only_graph.serialize(format="nt"),
    )
    # and every other triple of the CSV (places, reports) is a fact of the graph
    for s, p, o in from_csv:
        if s not in events:
            assert (s, p, o) in _plain(graph), (s, p, o)


def test_column_languages_and_datatypes_match_the_graph(exported) -> None:
    graph, folder = exported
    [table] = csvw.CSVW(str(folder / "events.csv-metadata.json")).tables
    declared = {c.name: c for c in table.tableSchema.columns if c.name}
    for column in EVENTS.columns:
        if column.property is None:
            assert declared[column.name].suppressOutput
            continue
        literals = [
            o for o in graph.objects(None, URIRef(column.property)) if isinstance(o, Literal)
        ]
        if column.lang:
            assert declared[column.name].lang == column.lang
            assert any(o.language == column.lang for o in literals), column.name
        if column.datatype in ("date", "anyURI"):
            assert declared[column.name].datatype.base == column.datatype
