"""Named SPARQL queries and safe parameters: the ``.rq`` files of :mod:`kg.queries`.

Each query lives in ``kg/queries/<verb>_<object>.rq`` with its own ``PREFIX`` lines and a ``#``
header, so it runs unchanged in a SPARQL UI. The header reads ``# <name>: <what it answers>``,
then ``# Parameters: …`` and ``# Returns: …`` (continuation lines indented); the server's query
page titles its examples from it.
Code never assembles query text from strings: a parameter is bound by appending a SPARQL
``VALUES`` clause built from a term that pyoxigraph has checked (:func:`bind`), the same way for
the embedded store and for a remote one.

>>> q = load_query("describe_resource")
>>> q.title.split(":")[0]
'everything the knowledge graph says about one resource'
>>> bind(q.text, resource="https://example.org/kg/id/event/x").splitlines()[-1]
'VALUES (?resource) { (<https://example.org/kg/id/event/x>) }'
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import pyoxigraph as ox
from rdflib import Literal
from rdflib.term import Node

from kg.errors import InputError, NotFound, QuerySyntaxError
from kg.namespaces import PREFIXES
from kg.store.terms import to_ox, to_rdflib

__all__ = ["NamedQuery", "bind", "load_query", "parse_param", "query_names", "with_name"]

_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_VARIABLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TURTLE_PREFIXES = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())


@dataclass(frozen=True)
class NamedQuery:
    """A query of :mod:`kg.queries`: its name, its text, what it answers (``title``), and its
    whole header."""

    name: str
    text: str
    title: str
    header: str


def query_names() -> list[str]:
    """The names of every named query, sorted."""
    files = resources.files("kg.queries").iterdir()
    return sorted(f.name[: -len(".rq")] for f in files if f.name.endswith(".rq"))


@functools.cache
def load_query(name: str) -> NamedQuery:
    """The named query ``name`` (read once per process).

    :raises NotFound: there is no ``kg/queries/{name}.rq``
    """
    if not _NAME.match(name):
        raise NotFound(f"no named query {name!r} (names are lower_case_with_underscores)")
    resource = resources.files("kg.queries") / f"{name}.rq"
    if not resource.is_file():
        raise NotFound(f"no named query {name!r}; known: {', '.join(query_names())}")
    text = resource.read_text(encoding="utf-8")
    header_lines = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header_lines.append(line[1:].strip())
    header = "\n".join(header_lines).strip()
    # the first paragraph, up to "Parameters:", without the leading "name:"
    first = []
    for line in header_lines:
        if line.startswith(("Parameters:", "Returns:")):
            break
        first.append(line)
    title = " ".join(first).removeprefix(f"{name}:").strip() or name
    return NamedQuery(name=name, text=text, title=title, header=header)


def parse_param(value: str) -> Node:
    """A parameter value from the command line or a URL: an IRI, a literal, or a number.

    ``<iri>`` and ``https://…`` are IRIs; ``"text"@ky``, ``"1"^^xsd:integer`` or ``42`` are read as
    a Turtle term (strictly, by pyoxigraph: one term and nothing else); anything else is a plain
    string.

    :raises InputError: a value that is not exactly one valid term
    """
    text = value.strip()
    if re.match(r"^(https?|urn):", text):
        text = f"<{text}>"
    elif not text.startswith(("<", '"')) and not re.fullmatch(r"[-+]?\d+(\.\d+)?", text):
        return Literal(value)
    document = f"{_TURTLE_PREFIXES}<urn:kg:s> <urn:kg:p> {text} ."
    try:
        quads = list(ox.parse(document.encode("utf-8"), ox.RdfFormat.TURTLE))
    except SyntaxError as exc:
        raise InputError(f"not a valid parameter value: {value!r} ({exc})") from exc
    if len(quads) != 1 or str(quads[0].subject) != "<urn:kg:s>":
        raise InputError(f"a parameter value is one IRI or literal, not {value!r}")
    return to_rdflib(quads[0].object)


def bind(text: str, **params: Node | str) -> str:
    """``text`` with a trailing ``VALUES`` clause that binds each parameter.

    Values go through pyoxigraph's term constructors (which reject an IRI with a space or a
    ``>``), so a parameter can never change the shape of the query.

    :raises InputError: a parameter the query does not use, or a value that is not a valid term
    """
    if not params:
        return text
    names = []
    values = []
    for name, value in params.items():
        if not _VARIABLE.match(name):
            raise InputError(f"not a SPARQL variable name: {name!r}")
        if not re.search(rf"[?$]{name}\b", text):
            raise InputError(f"the query has no ?{name} to bind")
        term = parse_param(value) if isinstance(value, str) else value
        names.append(f"?{name}")
        values.append(str(to_ox(term)))
    return f"{text.rstrip()}\nVALUES ({' '.join(names)}) {{ ({' '.join(values)}) }}\n"


def with_name(exc: QuerySyntaxError, name: str) -> QuerySyntaxError:
    """The same syntax error, now naming the file or query it is in (``file.rq:3:2: ...``)."""
    message = re.sub(r"^line \d+(, column \d+)?: ", "", str(exc))
    return QuerySyntaxError(message, name=name, line=exc.line, column=exc.column)
