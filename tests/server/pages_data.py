"""Stores for the linked-data page tests: the bundled examples, and the same data made hostile.

The examples' records are mapped as ``kg map`` maps them; one report (``HIGHLIGHTED``) goes
through the extractor instead, so its graph keeps the report's text and the offsets of every fact
read from it (the highlighted source on its event page). The vocabularies are loaded as ``kg load``
loads them.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal

from kg.inputs import read_inputs
from kg.loading import load_vocabularies
from tests.conftest import ROOT, memory_store

BASE = "https://example.org/kg/"
HIGHLIGHTED = "kara-balta-2023-03-14"
"""The example whose report text (Russian) is extracted rather than read from its record."""
HOSTILE = '<script>alert("kg")</script><img src=x onerror=alert(1)>'
"""Appended to every text of the hostile store."""

KG = "https://w3id.org/kg-events/ontology#"


def example_paths() -> list[Any]:
    examples = ROOT / "examples"
    records = [p for p in sorted(examples.glob("*.yaml")) if not p.name.startswith(HIGHLIGHTED)]
    return [*records, *sorted(examples.glob(f"{HIGHLIGHTED}.*.md"))]


def report_graphs() -> list[tuple[str, Graph]]:
    """``(graph IRI, graph)`` of every example report."""
    found = []
    for item in read_inputs(example_paths()):
        for report in item.reports:
            found.append((str(report.graph_iri), report.graph))
    return found


def pages_store(graphs: list[tuple[str, Graph]]) -> Any:
    store = memory_store()
    for iri, graph in graphs:
        store.replace_graph(iri, graph)
    load_vocabularies(store)
    return store


def hostile(graphs: list[tuple[str, Graph]]) -> list[tuple[str, Graph]]:
    """The graphs with :data:`HOSTILE` appended to every plain and language-tagged literal."""
    changed = []
    for iri, graph in graphs:
        new = Graph()
        for s, p, o in graph:
            if isinstance(o, Literal) and (o.language or o.datatype is None):
                o = Literal(f"{o}{HOSTILE}", lang=o.language)
            new.add((s, p, o))
        changed.append((iri, new))
    return changed


def first_of(store: Any, cls: str) -> str:
    """The first data IRI (in order) of the class ``kg:{cls}``."""
    found = store.store.query(
        f"SELECT ?s WHERE {{ GRAPH ?g {{ ?s a <{KG}{cls}> }} "
        f'FILTER(STRSTARTS(STR(?s), "{BASE}id/")) }} ORDER BY ?s LIMIT 1'
    )
    rows = [row["s"] for row in found]
    assert rows, f"the examples hold no kg:{cls}"
    assert isinstance(rows[0], ox.NamedNode)
    return rows[0].value


def path_of(iri: str) -> str:
    """The local path of a data IRI: ``https://example.org/kg/id/x`` → ``/kg/id/x``."""
    assert iri.startswith(BASE)
    return "/kg/" + iri[len(BASE) :]


CROWDED_REGION = f"{BASE}id/place/KG-CROWD"
BUSY_PERSON = f"{BASE}id/person/busy-speaker"


def crowded_trig(n: int) -> bytes:
    """``n`` small reports of events in one region, on ``n`` days, with one busy speaker at all.

    Each event is titled "Crowded meeting {i}", lists ``i + 1`` participants and has the speaker
    speak as "Speaker number {i}"; event 0 is the oldest.
    """
    lines = [
        f"@prefix kg: <{KG}> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
    ]
    for i in range(n):
        event = f"<{BASE}id/event/crowded-{i}>"
        part = f"<{BASE}id/participation/crowded-{i}-1>"
        day = f"{2000 + i // 336:04d}-{i // 28 % 12 + 1:02d}-{i % 28 + 1:02d}"
        lines.append(f"""<{BASE}graph/crowded-{i}> {{
  {event} a kg:Event ; rdfs:label "Crowded meeting {i}"@en ; kg:date "{day}"^^xsd:date ;
    kg:region <{CROWDED_REGION}> ; kg:participantCount {i + 1} ; kg:participation {part} .
  {part} a kg:Participation ; kg:agent <{BUSY_PERSON}> ; kg:roleKind kg:speakerRole ;
    kg:post "Speaker number {i}"@en .
  <{BUSY_PERSON}> a kg:Person ; rdfs:label "Busy Speaker"@en .
  <{CROWDED_REGION}> a kg:Region ; rdfs:label "Crowded Region"@en .
}}""")
    return "\n".join(lines).encode("utf-8")
