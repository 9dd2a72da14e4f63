"""Property tests of the mapper: any record maps, and what it makes is stored and read back whole.

A record reaches the mapper from the reader (any YAML a person wrote) or the extractor (any text a
report held), so its strings can hold anything: quotes, angle brackets, `<script>`, control
characters, any script. Every record maps without an exception, every IRI it mints is one the
store accepts, and the store holds exactly the graph's triples afterwards.
"""

from __future__ import annotations

from datetime import timedelta

import pyoxigraph as ox
from hypothesis import example, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef

from kg.gazetteer import load_gazetteer
from kg.iris import DEFAULT_BASE
from kg.mapping import map_record
from kg.record import (
    Event,
    EventRecord,
    Issue,
    Moderator,
    Participants,
    PersonName,
    Recommendation,
    Source,
    Speaker,
)
from kg.store.embedded import EmbeddedStore
from tests.conftest import examples

ANY = st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40)
"""Any text but lone surrogates (which no UTF-8 file holds and the reader refuses)."""
NASTY = st.sampled_from(
    [
        "<script>alert(1)</script>",
        '"quoted" \\ back',
        "a\nb\r\nc",
        "> < & ' \"",
        "\u200f\u202e",
        "Талас",
        "Кара-Балта",
        "Ош шаары",
        "]]>",
        "{{ x }}",
        "?s ?p ?o }",
        "\x00\x01\x7f",
    ]
)
TEXT = st.one_of(ANY, NASTY)
MAYBE = st.one_of(st.none(), TEXT)
CODES = sorted({p.code for p in load_gazetteer().places() if p.code})


def _codes(draw_from: st.SearchStrategy[str]) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(draw_from, max_size=3).map(tuple)


NAMES = st.builds(PersonName, TEXT, MAYBE, MAYBE)
COUNTS = st.one_of(st.none(), st.integers(min_value=0, max_value=10**9))
DATES = st.one_of(
    st.none(),
    st.dates().map(lambda d: d.isoformat()),
    st.dates().map(lambda d: d.strftime("--%m-%d")),
)
CODE_OR_TEXT = st.one_of(st.sampled_from(CODES), TEXT)
REGIONS = st.one_of(st.none(), CODE_OR_TEXT)
RECORDS = st.builds(
    EventRecord,
    event=st.builds(
        Event,
        kind=MAYBE,
        kind_en=MAYBE,
        topic=MAYBE,
        topic_en=MAYBE,
        date=DATES,
        end_date=DATES,
        city=MAYBE,
        region=REGIONS,
        country=st.one_of(st.none(), st.sampled_from(["KG", "KZ", "TJ", "XX"]), TEXT),
        venue=MAYBE,
        participants=st.builds(Participants, COUNTS, COUNTS, COUNTS),
        language=st.one_of(st.none(), st.sampled_from(["ky", "ru", "en"])),
        audience=st.lists(TEXT, max_size=3).map(tuple),
        goal=MAYBE,
    ),
    moderators=st.lists(st.builds(Moderator, NAMES, _codes(TEXT)), max_size=2).map(tuple),
    speakers=st.lists(st.builds(Speaker, NAMES, MAYBE, MAYBE), max_size=3).map(tuple),
    presentations=st.lists(TEXT, max_size=2).map(tuple),
    issues_raised=st.lists(st.builds(Issue, TEXT, MAYBE), max_size=3).map(tuple),
    recommendations=st.lists(
        st.builds(
            Recommendation, TEXT, MAYBE, _codes(CODE_OR_TEXT), _codes(st.sampled_from(["KG", "TJ"]))
        ),
        max_size=3,
    ).map(tuple),
    outcome=MAYBE,
    themes_discussed=st.lists(TEXT, max_size=2).map(tuple),
    source=st.builds(Source, slug=MAYBE, file=MAYBE, url=st.one_of(st.none(), TEXT)),
)


@settings(max_examples=examples(50), deadline=timedelta(seconds=3))
@given(RECORDS, st.one_of(st.none(), TEXT))
# a city with no letter to spell gave an empty IRI key (ValueError)
@example(EventRecord(event=Event(city=":")), None)
def test_any_record_maps_to_a_graph_the_store_takes_whole(record: EventRecord, slug) -> None:
    mapped = map_record(record, slug=slug)
    assert str(mapped.graph_iri).startswith(f"{DEFAULT_BASE}graph/")
    for triple in mapped.graph:
        for term in triple:
            if isinstance(term, URIRef):
                ox.NamedNode(str(term))  # raises ValueError for an IRI the store would refuse
            elif isinstance(term, Literal) and term.datatype is not None:
                ox.NamedNode(str(term.datatype))
    store = EmbeddedStore(None)
    written = store.replace_graph(str(mapped.graph_iri), mapped.graph)
    assert written == len(mapped.graph) == store.quad_count()
    assert store.graphs() == [mapped.graph_iri]
    # mapping is a function of the record: a reload replaces exactly the same triples
    again = map_record(record, slug=slug)
    store.replace_graph(str(again.graph_iri), again.graph)
    assert store.quad_count() == len(mapped.graph)
