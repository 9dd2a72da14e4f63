"""pyshacl-turbo and pyshacl, the two SHACL engines kg runs, agree on every report kg can be given.

The engine kg runs by default (pyshacl-turbo, Rust) has to give what the reference (pyshacl) gives:
the same verdict and the same results, as a person reads them (message in English and Kyrgyz,
focus, path, value, record field and line). They are compared on the sample and held-out records
and on broken copies of them, each with one seeded random change of the kinds a hand-edited or
converted RDF file brings: a triple dropped, a language tag or datatype changed, a value added,
replaced by a string, an IRI or a blank node, a node's types removed.
"""

from __future__ import annotations

import json
import random

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from kg.errors import KGError
from kg.inputs import read_input
from kg.namespaces import KG, SCHEMA
from kg.shacl_runner import engine_name
from kg.validation import ValidationReport, validate_graph
from tests.conftest import ROOT

RECORDS = sorted((ROOT / "examples").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "data" / "heldout").glob("*.yaml")
)
MUTANTS_PER_RECORD = 8
DATATYPES = (XSD.integer, XSD.decimal, XSD.string, XSD.date, XSD.gMonthDay, XSD.nonNegativeInteger)
LANGUAGES = ("ky", "ru", "en", "kg", "de", None)


def _graphs() -> list[Graph]:
    return [report.graph for path in RECORDS for report in read_input(path).reports]


def _mutant(graph: Graph, rng: random.Random) -> Graph:
    """A copy of ``graph`` with one change; literals stay well-formed for their datatype (how an
    engine reads "-3"^^xsd:positiveInteger is rdflib's business, not a rule of ours)."""
    triples = sorted(graph)
    out = Graph()
    for t in triples:
        out.add(t)
    s, p, o = rng.choice(triples)
    kind = rng.randrange(8)
    if kind == 0:
        out.remove((s, p, o))
    elif kind == 1 and isinstance(o, Literal):
        out.remove((s, p, o))
        out.add((s, p, Literal(str(o), lang=rng.choice(LANGUAGES))))
    elif kind == 2 and isinstance(o, Literal):
        changed = Literal(str(o), datatype=rng.choice(DATATYPES))
        if not changed.ill_typed:
            out.remove((s, p, o))
            out.add((s, p, changed))
    elif kind == 3:
        # a second value: another node of the report, or a count one higher
        value = o.toPython() if isinstance(o, Literal) else None
        if isinstance(value, int) and not isinstance(value, bool):
            out.add((s, p, Literal(value + 1, datatype=o.datatype)))
        else:
            out.add((s, p, rng.choice(sorted({t[2] for t in triples}))))
    elif kind == 4:
        out.remove((s, p, o))
        out.add((s, p, Literal(str(o))))
    elif kind == 5:
        out.remove((s, p, o))
        out.add((s, p, URIRef(f"https://example.org/kg/id/x/{rng.randrange(3)}")))
    elif kind == 6:
        out.remove((s, p, o))
        out.add((s, p, BNode()))
    else:
        for t in list(out.triples((s, RDF.type, None))):
            out.remove(t)
    return out


def _read(report: ValidationReport) -> tuple[bool, list[str]]:
    """What a person reads of a report: its verdict and every result, in a set order."""
    results = sorted(
        json.dumps(r.to_json(), sort_keys=True, ensure_ascii=False) for r in report.results
    )
    return report.conforms, results


def test_the_engines_agree_on_good_and_broken_reports() -> None:
    rng = random.Random(8)
    graphs = _graphs()
    compared = broken = 0
    for graph in graphs:
        for candidate in [graph] + [_mutant(graph, rng) for _ in range(MUTANTS_PER_RECORD)]:
            reference = validate_graph(candidate, engine="pyshacl")
            fast = validate_graph(candidate, engine="turbo")
            assert _read(fast) == _read(reference), reference.text + "\n---\n" + fast.text
            compared += 1
            broken += not reference.conforms
    # the comparison is only worth something if both verdicts came up often
    assert compared == len(graphs) * (MUTANTS_PER_RECORD + 1)
    assert 0.25 * compared < broken < 0.85 * compared, (broken, compared)


def test_a_result_without_a_message_of_its_own_reads_the_same_from_both_engines() -> None:
    # the event's schema:name rule (a langString) has no sh:message: each engine would word it its
    # own way, so kg writes the message (kg.shacl_messages)
    graph = _graphs()[0]
    event = next(graph.subjects(RDF.type, KG.Event))
    changed = Graph()
    for t in graph:
        changed.add(t)
    changed.add((event, SCHEMA.name, Literal(7)))
    texts = set()
    for engine in ("pyshacl", "turbo"):
        report = validate_graph(changed, engine=engine)
        texts.add(tuple((r.message, r.message_ky) for r in report.results))
    assert len(texts) == 1
    (results,) = texts
    assert sorted(results) == [
        (
            "A value is not a literal of datatype rdf:langString",
            "Маани rdf:langString түрүндөгү литерал эмес",
        ),
        ("A value's language tag is not one of ky, ru, en", "Маанинин тили ky, ru, en эмес"),
    ]


def test_auto_is_turbo_where_it_is_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("KG_SHACL_ENGINE", raising=False)
    assert engine_name() == "turbo"
    assert engine_name("auto") == "turbo"
    monkeypatch.setenv("KG_SHACL_ENGINE", "pyshacl")
    assert engine_name() == "pyshacl"
    assert engine_name("turbo") == "turbo"


def test_an_unknown_engine_is_an_error_that_lists_the_engines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("KG_SHACL_ENGINE", "topbraid")
    with pytest.raises(KGError, match=r"'topbraid'.*auto, turbo, pyshacl"):
        engine_name()
