"""The queries behind the pages (``kg/queries/page_*.rq``), run with bound parameters.

A page's parameters (the resource's IRI, a search pattern) are bound, never pasted into the text:
they go into a ``VALUES`` block built from terms pyoxigraph has checked, placed first in the
query's outer ``WHERE`` group. That is the one way for every store. pyoxigraph's own
``substitutions`` (SEP-0007) would do for the embedded store, but its optimiser then plans as if
the resource were unknown: a two-pattern join took 660 ms instead of 20 ms on a million triples
(pyoxigraph 0.5.13). A query keeps three rules, which ``tests/server/test_page_queries.py``
checks for every ``page_*.rq``:

* its outer group opens on a line of its own, ``WHERE {``;
* a parameter is used in that outer group (its patterns, its FILTERs), not only inside a
  sub-select, which SPARQL evaluates first, unbound;
* the group is patterns and OPTIONALs rather than a UNION of patterns that each name the
  parameter: pyoxigraph evaluates UNION branches on their own, without the bound value.

Rows are dicts of pyoxigraph terms (``row["label"]``, ``None`` when unbound). Every query runs
on the app's query workers (:mod:`server.execution`) within the page's budget,
``PAGE_QUERY_TIMEOUT`` seconds for all the queries of one request together; past it they raise
:class:`~server.errors.PageTimedOut`, which the pages answer with a 503. The result is read on
the worker: pyoxigraph's result iterators must not cross threads (see :mod:`kg.store.embedded`).
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from typing import Any, TypeVar

import pyoxigraph as ox
from flask import current_app, g

from kg.errors import StoreError
from kg.store import EmbeddedStore, Store
from kg.store.base import syntax_error
from kg.store.terms import to_ox
from server import execution
from server.errors import PageTimedOut, QueryTimedOut
from server.store import get_store

Term = ox.NamedNode | ox.BlankNode | ox.Literal
Row = Mapping[str, Any]
"""One solution: variable name → pyoxigraph term, or ``None`` when the variable is unbound."""


WHERE = "\nWHERE {"
"""The outer group of a page query: ``WHERE {`` at the start of a line."""
CHECK_EVERY = 256
"""Rows read between two looks at the page's deadline."""
T = TypeVar("T")


@functools.cache
def query_text(name: str) -> str:
    """The text of ``kg/queries/{name}.rq`` (read once)."""
    return (resources.files("kg.queries") / f"{name}.rq").read_text(encoding="utf-8")


def select(name: str, **params: Term) -> list[Row]:
    """The solutions of the SELECT query ``name`` with ``params`` bound."""
    return _select(name, bind(query_text(name), params))


def for_each(name: str, action: Callable[[Row], None], **params: Term) -> None:
    """Call ``action`` with each solution of the SELECT query ``name``, keeping none of them.

    For a query over the whole store whose rows are only looked at once (the search index): its
    rows never all sit in memory. ``action`` runs on the query worker's thread, outside the
    request: it must not use Flask's context. An exception it raises stops the query.
    """
    _select(name, bind(query_text(name), params), action=action)


def select_each(name: str, params: Sequence[str], rows: Sequence[Sequence[Term]]) -> list[Row]:
    """The solutions of the SELECT query ``name`` for each row of values of ``params``, at once."""
    if not rows:
        return []
    return _select(name, bind_rows(query_text(name), params, rows))


def labels_any(nodes: Iterable[ox.NamedNode]) -> dict[ox.NamedNode, list[ox.Literal]]:
    """The labels ``nodes`` have in any graph, every language (``page_labels_any``), in one query.

    Pages ask for the labels of what they show in this second, bound query: looked up in the
    pattern that found the nodes, graph by graph, they made busy pages take seconds.
    """
    found: dict[ox.NamedNode, list[ox.Literal]] = {}
    rows = [(node,) for node in sorted(set(nodes), key=str)]
    for row in select_each("page_labels_any", ("resource",), rows):
        found.setdefault(row["resource"], []).append(row["label"])
    return found


def _select(name: str, bound: str, action: Callable[[Row], None] | None = None) -> list[Row]:
    store = get_store()
    if isinstance(store, EmbeddedStore):

        def read(job: Any) -> list[Row]:
            solutions = _evaluate(job, store, bound)
            if not isinstance(solutions, ox.QuerySolutions):
                raise StoreError(f"the page query {name} is not a SELECT")
            names = [variable.value for variable in solutions.variables]
            rows: list[Row] = []
            for n, solution in enumerate(solutions):
                if not n % CHECK_EVERY:
                    job.check()
                row = dict(zip(names, solution, strict=True))
                if action is None:
                    rows.append(row)
                else:
                    action(row)
            return rows

        return _on_worker(read)
    result = _remote(store, bound)
    names = result.variables
    converted = ({n: to_ox(row[n]) if n in row else None for n in names} for row in result.rows())
    if action is None:
        return list(converted)
    for row in converted:
        action(row)
    return []


def ask(name: str, **params: Term) -> bool:
    """The answer of the ASK query ``name`` with ``params`` bound."""
    store = get_store()
    text = bind(query_text(name), params)
    if isinstance(store, EmbeddedStore):
        return _on_worker(lambda job: bool(_evaluate(job, store, text)))
    return _remote(store, text).boolean


def construct(name: str, media_type: str, **params: Term) -> bytes:
    """The graph of the CONSTRUCT query ``name`` with ``params`` bound, serialized natively."""
    return serialize(construct_triples(name, **params), media_type)


def construct_triples(name: str, **params: Term) -> list[ox.Triple]:
    """The triples of the CONSTRUCT query ``name`` with ``params`` bound."""
    store = get_store()
    text = bind(query_text(name), params)
    if isinstance(store, EmbeddedStore):

        def read(job: Any) -> list[ox.Triple]:
            triples = []
            for n, triple in enumerate(_evaluate(job, store, text)):
                if not n % CHECK_EVERY:
                    job.check()
                triples.append(triple)
            return triples

        return _on_worker(read)
    return [
        ox.Triple(to_ox(s), to_ox(p), to_ox(o))  # type: ignore[arg-type]
        for s, p, o in _remote(store, text).triples()
    ]


def serialize(triples: Sequence[ox.Triple], media_type: str) -> bytes:
    """``triples`` written as ``media_type`` by pyoxigraph, with the project's prefixes."""
    fmt = ox.RdfFormat.from_media_type(media_type)
    if fmt is None:  # pragma: no cover - the callers offer only RDF media types
        raise StoreError(f"cannot write {media_type}")
    return ox.serialize(triples, format=fmt, prefixes=_prefixes()) or b""


def construct_over(
    quads: Sequence[ox.Quad], names: Sequence[str], **params: Term
) -> list[ox.Triple]:
    """The triples of the CONSTRUCT queries ``names`` run over ``quads`` alone, in memory.

    For a page that needs only a few graphs (an event's report): the same CONSTRUCT over the whole
    store was planned as a scan and took seconds at a million triples; over a copy of the few
    hundred quads it takes milliseconds (so it runs on the request's thread, without a deadline).
    """
    small = ox.Store()
    small.extend(quads)
    triples: list[ox.Triple] = []
    for name in names:
        text = bind(query_text(name), params)
        triples += small.query(text, use_default_graph_as_union=True)  # type: ignore[arg-type]
    return triples


def remaining() -> float:
    """Seconds left of the request's page budget (``PAGE_QUERY_TIMEOUT``), from its first query.

    :raises PageTimedOut: when none are left
    """
    budget = current_app.config["PAGE_QUERY_TIMEOUT"]
    deadline = g.setdefault("kg_page_deadline", time.monotonic() + budget)
    left = deadline - time.monotonic()
    if left <= 0:
        raise PageTimedOut(budget)
    return float(left)


def _on_worker(read: Callable[[Any], T]) -> T:
    """``read(job)`` on one of the app's query workers, within what is left of the budget.

    pyoxigraph cannot interrupt a query (https://github.com/oxigraph/oxigraph/issues/1926): the
    worker stops at its next ``job.check()`` between rows, and the request stops waiting at the
    deadline whatever the worker is doing (as for the endpoint, :mod:`server.execution`). Rows
    are turned into dicts of terms on the worker: pyoxigraph's result iterators must stay on the
    thread that made them, its terms need not.
    """
    runner = current_app.extensions[execution.EXTENSION]
    try:
        return runner.run(read, remaining())  # type: ignore[no-any-return]
    except QueryTimedOut as exc:
        raise PageTimedOut(current_app.config["PAGE_QUERY_TIMEOUT"]) from exc


def _evaluate(job: Any, store: EmbeddedStore, text: str) -> Any:
    job.check()  # the deadline may have passed while the job waited for a worker
    try:
        return store.store.query(text, use_default_graph_as_union=True)
    except SyntaxError as exc:  # a page query that does not parse is our bug: a 500
        raise syntax_error(exc, name="page query") from exc
    except OSError as exc:
        raise StoreError(f"the store failed: {exc}") from exc


def _remote(store: Store, text: str) -> Any:
    """The remote store's result of ``text``, within what is left of the budget."""
    left = remaining()
    try:
        return store.query(text, timeout=left)
    except StoreError as exc:
        # SPARQLWrapper says "timed out" in its own words: the clock says it plainly
        if time.monotonic() >= g.kg_page_deadline:
            raise PageTimedOut(current_app.config["PAGE_QUERY_TIMEOUT"]) from exc
        raise


def bind(text: str, params: Mapping[str, Term]) -> str:
    r"""``text`` with a ``VALUES`` block for ``params`` first in its outer ``WHERE`` group.

    The values are written by pyoxigraph from checked terms (an IRI with a space or a ``>`` is
    refused when the term is made), so a parameter cannot change the shape of the query.

    >>> print(bind("SELECT ?r\nWHERE {\n  ?r ?p ?o\n}", {"r": ox.NamedNode("https://e.org/x")}))
    SELECT ?r
    WHERE {
      VALUES (?r) { (<https://e.org/x>) }
      ?r ?p ?o
    }
    """
    if not params:
        return text
    return bind_rows(text, tuple(params), [tuple(params.values())])


def bind_rows(text: str, names: Sequence[str], rows: Sequence[Sequence[Term]]) -> str:
    """:func:`bind` with a ``VALUES`` block of several rows (the query runs for each)."""
    head, found, tail = text.partition(WHERE)
    if not found:
        raise StoreError("a page query has no 'WHERE {' line to bind its parameters in")
    variables = " ".join(f"?{name}" for name in names)
    values = " ".join("(" + " ".join(str(term) for term in row) + ")" for row in rows)
    return f"{head}{WHERE}\n  VALUES ({variables}) {{ {values} }}{tail}"


@functools.cache
def _prefixes() -> dict[str, str]:
    from kg.namespaces import PREFIXES

    return {prefix: str(ns) for prefix, ns in PREFIXES.items()}


def iri(value: str) -> ox.NamedNode:
    """A parameter IRI (pyoxigraph checks it).

    :raises ValueError: for text that is not a valid IRI
    """
    return ox.NamedNode(value)


def text(value: str, lang: str | None = None) -> ox.Literal:
    """A parameter literal."""
    return ox.Literal(value, language=lang) if lang else ox.Literal(value)


def values(rows: Sequence[Row], name: str) -> list[Any]:
    """The values of one variable over ``rows``, unbound ones left out."""
    return [row[name] for row in rows if row[name] is not None]
