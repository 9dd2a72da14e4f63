"""Record → RDF: the expected graph, the seed's facts, stable IRIs and provenance."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import RDF, XSD

from kg.mapping import map_record
from kg.mapping.context import no_themes
from kg.namespaces import KG, OA, SCHEMA
from kg.record import Span
from kg.record_yaml import load_record

DATA = Path(__file__).resolve().parents[1] / "data"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
BASE = "https://example.org/kg/"


def _diff(a: Graph, b: Graph) -> str:
    _, only_a, only_b = graph_diff(to_isomorphic(a), to_isomorphic(b))
    mapped, expected = only_a.serialize(format="nt"), only_b.serialize(format="nt")
    return f"only mapped:\n{mapped}\nonly expected:\n{expected}"


def test_minimal_record_maps_to_the_hand_written_graph() -> None:
    mapped = map_record(load_record(DATA / "mapping" / "minimal.yaml"), tagger=no_themes)
    expected = Graph().parse(DATA / "mapping" / "minimal.ttl")
    assert isomorphic(mapped.graph, expected), _diff(mapped.graph, expected)
    assert mapped.graph_iri == URIRef(f"{BASE}graph/minimal")


@pytest.fixture(scope="module")
def seed(seed_gold: Path):
    return map_record(load_record(seed_gold))


def test_seed_event_date_counts_and_language(seed) -> None:
    g, ev = seed.graph, seed.event
    assert (ev, RDF.type, SCHEMA.Event) in g
    assert (ev, SCHEMA.startDate, Literal("2021-04-22", datatype=XSD.date)) in g
    counts = {
        p: int(g.value(ev, p))
        for p in (KG.participantCount, KG.femaleParticipantCount, KG.maleParticipantCount)
    }
    assert counts == {
        KG.participantCount: 43,
        KG.femaleParticipantCount: 21,
        KG.maleParticipantCount: 22,
    }
    tags = {o.language for o in g.objects() if isinstance(o, Literal) and o.language}
    assert "ky" in tags
    assert "kg" not in tags


def test_seed_counts_form_a_data_cube_slice_by_sex(seed) -> None:
    rows = seed.graph.query(
        """SELECT ?sex ?n WHERE { ?obs a qb:Observation ; kg:event ?ev ;
               <http://metadata.un.org/sdg/codes/sex> ?sex ; kg:participants ?n }""",
        initBindings={"ev": seed.event},
    )
    got = {str(sex).rsplit("/", 1)[-1]: int(n) for sex, n in rows}
    assert got == {"_T": 43, "F": 21, "M": 22}


def test_seed_moderator_name_parts_and_five_speakers(seed) -> None:
    g, ev = seed.graph, seed.event
    moderator = g.value(ev, KG.moderator)
    parts = {str(g.value(moderator, p)) for p in (KG.familyName, KG.givenName, KG.patronymic)}
    assert parts == {"Абдыров", "Толонбек", "Шакирович"}
    assert len(set(g.objects(ev, KG.speaker))) == 5


def test_seed_recommendations_keep_their_order(seed, seed_gold: Path) -> None:
    g, ev = seed.graph, seed.event
    record = load_record(seed_gold)
    ordered = sorted(
        g.objects(ev, KG.recommendation), key=lambda r: int(g.value(r, SCHEMA.position))
    )
    texts = [str(next(t for t in g.objects(r, KG.text) if t.language == "ky")) for r in ordered]
    assert texts == [r.text for r in record.recommendations]


def test_seed_places_named_in_a_recommendation_are_linked(seed) -> None:
    g = seed.graph
    second = URIRef(f"{BASE}id/recommendation/jalal-abad-2021-04-22-2")
    named = {str(p).rsplit("/", 1)[-1] for p in g.objects(second, KG.namesPlace)}
    leilek, alai = "KG05236000000", "KG06207000000"
    assert {leilek, alai, "TJ"} <= named
    assert named & {"KG-N", "KG04245000000"}, "Naryn (oblast or district) is linked"
    assert (
        URIRef(f"{BASE}id/place/{leilek}"),
        SCHEMA.containedInPlace,
        URIRef(f"{BASE}id/place/KG-B"),
    ) in g


def test_seed_event_is_in_jalal_abad_oblast_and_city(seed) -> None:
    g, ev = seed.graph, seed.event
    assert g.value(ev, KG.region) == URIRef(f"{BASE}id/place/KG-J")
    city = g.value(ev, KG.settlement)
    assert city is not None
    assert city != URIRef(f"{BASE}id/place/KG-J")
    assert (city, SCHEMA.containedInPlace, URIRef(f"{BASE}id/place/KG-J")) in g


def test_mapping_twice_gives_the_same_graph(seed_gold: Path) -> None:
    first = map_record(load_record(seed_gold)).graph
    second = map_record(load_record(seed_gold)).graph
    assert set(first) == set(second)  # no blank nodes, so the triples themselves are equal


def test_a_person_in_two_reports_gets_one_iri() -> None:
    ky = load_record(EXAMPLES / "kara-balta-2022-05-17.yaml")
    ru = load_record(EXAMPLES / "kara-balta-2023-03-14.yaml")
    people = [
        {p for p in map_record(r, tagger=no_themes).graph.subjects(RDF.type, KG.Person)}
        for r in (ky, ru)
    ]
    shared = people[0] & people[1]
    assert URIRef(f"{BASE}id/person/zhoroev-asylbek") in shared


def test_base_iri_is_configurable(seed_gold: Path) -> None:
    mapped = map_record(load_record(seed_gold), base="https://data.example.kg/", tagger=no_themes)
    assert str(mapped.event) == "https://data.example.kg/id/event/jalal-abad-2021-04-22"
    assert not any(str(s).startswith(BASE) for s in mapped.graph.subjects())


def test_spans_become_quote_and_position_selectors() -> None:
    text = "On April 11, a round table."
    record = load_record(DATA / "mapping" / "minimal.yaml")
    kind = text.index("round table")
    record = replace(
        record,
        spans={"event.date": Span(3, 11), "event.kind": Span(kind, kind + len("round table"))},
    )
    g = map_record(record, source_text=text, tagger=no_themes).graph
    quotes = {
        str(g.value(sel, OA.exact)): (str(g.value(sel, OA.prefix)), str(g.value(sel, OA.suffix)))
        for sel in g.subjects(RDF.type, OA.TextQuoteSelector)
    }
    assert quotes == {
        "April 11": ("On ", ", a round table."),
        "round table": ("On April 11, a ", "."),
    }
    starts = sorted(int(o) for o in g.objects(None, OA.start))
    assert starts == [3, kind]
    fields = {str(f) for f in g.objects(None, KG.field)}
    assert fields == {"event.date", "event.kind"}


def test_an_english_gloss_of_an_english_report_adds_no_second_title() -> None:
    record = load_record(DATA / "mapping" / "minimal.yaml")
    record = replace(
        record, event=replace(record.event, topic_en="Clean water", kind_en="round table")
    )
    g = map_record(record, tagger=no_themes).graph
    ev = URIRef(f"{BASE}id/event/minimal")
    assert [str(t) for t in g.objects(ev, KG.title)] == ["Clean water for schools"]
    assert len(list(g.objects(ev, KG.kindLabel))) == 1
