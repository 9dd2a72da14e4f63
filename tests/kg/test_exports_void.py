"""VoID with statistics: counts that match the store, partitions, one subset per report graph."""

from __future__ import annotations

import io

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from kg.exports import ExportOptions, write_export
from kg.namespaces import KG, LIME, SCHEMA
from tests.kg.exports_data import SOURCES, mapped_dataset, record_paths, store_of, stored, union

DATASET = URIRef("https://example.org/kg/dataset")


@pytest.fixture(scope="module", params=sorted(SOURCES))
def described(request, seed_gold):
    ds = mapped_dataset(record_paths(seed_gold))
    source = SOURCES[request.param](ds)
    out = io.BytesIO()
    write_export(source, "void", out, ExportOptions(public_url="https://kg.example.net/"))
    return Graph().parse(data=out.getvalue(), format="turtle"), stored(store_of(ds))


def test_totals_match_the_store(described) -> None:
    void, data = described
    everything = union(data)
    assert int(void.value(DATASET, VOID.triples)) == len(everything)
    assert int(void.value(DATASET, VOID.distinctSubjects)) == len(set(everything.subjects()))
    assert int(void.value(DATASET, VOID.properties)) == len(set(everything.predicates()))
    assert int(void.value(DATASET, VOID.distinctObjects)) == len(set(everything.objects()))
    assert int(void.value(DATASET, VOID.classes)) > 10
    assert int(void.value(DATASET, VOID.entities)) > 100


def test_class_and_property_partitions(described) -> None:
    void, data = described
    classes = {
        void.value(p, VOID["class"]): int(void.value(p, VOID.entities))
        for p in void.objects(DATASET, VOID.classPartition)
    }
    assert classes[SCHEMA.Event] == 5
    assert classes[KG.Issue] == len(
        set(union(data).subjects(None, None))
        & set(union(data).subjects(predicate=None, object=KG.Issue))
    )
    properties = {
        void.value(p, VOID.property): int(void.value(p, VOID.triples))
        for p in void.objects(DATASET, VOID.propertyPartition)
    }
    assert properties[KG.participantCount] == 5


def test_one_subset_per_report_graph(described) -> None:
    void, data = described
    graphs = {g.identifier: len(g) for g in data.graphs() if len(g)}
    subsets = {
        s: int(void.value(s, VOID.triples))
        for s in void.objects(DATASET, VOID.subset)
        if void.value(s, VOID.triples) is not None
    }
    assert subsets == graphs
    labels = {
        str(void.value(s, LIME.language))
        for s in void.objects(DATASET, VOID.subset)
        if void.value(s, LIME.language) is not None
    }
    assert labels == {"ky", "ru", "en"}


def test_access_points(described) -> None:
    void, _ = described
    assert void.value(DATASET, VOID.sparqlEndpoint) == URIRef("https://kg.example.net/sparql")
    dumps = {str(d) for d in void.objects(DATASET, VOID.dataDump)}
    assert dumps == {
        f"https://kg.example.net/exports/kg-events.{e}" for e in ("ttl", "nt", "jsonld", "trig")
    }
    assert str(void.value(DATASET, VOID.uriSpace)) == "https://example.org/kg/id/"
    assert URIRef("https://example.org/kg/id/event/balykchy-2022-10-06") in set(
        void.objects(DATASET, VOID.exampleResource)
    )
