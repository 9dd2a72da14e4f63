"""RDF file formats: names, extensions and media types, and safe parsing and writing.

Parsing goes through one function so that third-party errors are translated in one place, with the
file and line, and so that JSON-LD never reaches the network for a remote ``@context``.
"""

from __future__ import annotations

import json
import re
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax

from kg.errors import InputError, ReportParseError
from kg.namespaces import bind_prefixes

MAX_RDF_BYTES = 200_000_000


@dataclass(frozen=True)
class RDFFormat:
    name: str
    rdflib: str
    media_type: str
    extensions: tuple[str, ...]
    quads: bool = False


FORMATS: dict[str, RDFFormat] = {
    f.name: f
    for f in (
        RDFFormat("turtle", "turtle", "text/turtle", (".ttl",)),
        RDFFormat("ntriples", "nt", "application/n-triples", (".nt",)),
        RDFFormat("jsonld", "json-ld", "application/ld+json", (".jsonld", ".json")),
        RDFFormat("rdfxml", "xml", "application/rdf+xml", (".rdf", ".owl", ".xml")),
        RDFFormat("trig", "trig", "application/trig", (".trig",), quads=True),
        RDFFormat("nquads", "nquads", "application/n-quads", (".nq",), quads=True),
    )
}
RDF_EXTENSIONS = {ext: f for f in FORMATS.values() for ext in f.extensions}


def format_for(path: str | Path | None, name: str | None = None) -> RDFFormat:
    """The format named ``name``, else the one ``path``'s extension implies, else Turtle.

    :raises InputError: for an unknown name or extension
    """
    if name:
        if name not in FORMATS:
            raise InputError(f"unknown RDF format {name!r}; known: {', '.join(FORMATS)}")
        return FORMATS[name]
    if path is None or str(path) == "-":
        return FORMATS["turtle"]
    suffix = Path(path).suffix.lower()
    if suffix not in RDF_EXTENSIONS:
        known = ", ".join(sorted(RDF_EXTENSIONS))
        raise InputError(
            f"{path}: cannot tell the RDF format from {suffix or 'no extension'!r} ({known})"
        )
    return RDF_EXTENSIONS[suffix]


def is_rdf_file(path: Path) -> bool:
    return path.suffix.lower() in RDF_EXTENSIONS and path.suffix.lower() != ".xml"


def _remote_contexts(value: Any) -> list[str]:
    """Every ``@context`` given by address anywhere in a JSON-LD document."""
    found: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "@context":
                items = item if isinstance(item, list) else [item]
                found += [c for c in items if isinstance(c, str)]
            found += _remote_contexts(item)
    elif isinstance(value, list):
        for item in value:
            found += _remote_contexts(item)
    return found


def parse_rdf(data: bytes, fmt: RDFFormat, *, path: str = "<data>") -> Dataset:
    """Parse RDF bytes into a Dataset (triples of a triple format land in the default graph).

    :raises ReportParseError: the data does not parse; the message names ``path`` and the line
    """
    if len(data) > MAX_RDF_BYTES:
        raise ReportParseError(f"is larger than {MAX_RDF_BYTES // 1_000_000} MB", path=path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ReportParseError("is not UTF-8 text", path=path, line=line) from exc
    if fmt.name == "jsonld":
        _check_jsonld(text, path)
    else:
        _check_strictly(data, fmt, path)
    ds = Dataset(default_union=True)
    bind_prefixes(ds)
    try:
        ds.parse(data=text, format=fmt.rdflib, publicID=None)
    except BadSyntax as exc:
        raise ReportParseError(
            f"not valid {fmt.name}: {exc.message}", path=path, line=exc.lines + 1
        ) from exc
    except (SyntaxError, ValueError, TypeError, AttributeError, KeyError, IndexError) as exc:
        # rdflib's other parsers raise a variety of built-in errors for malformed input
        line = _line_in_message(str(exc))
        raise ReportParseError(f"not valid {fmt.name}: {exc}", path=path, line=line) from exc
    except Exception as exc:  # XML parsers raise their own types; all are translated here
        raise ReportParseError(f"not valid {fmt.name}: {exc}", path=path) from exc
    if fmt.name == "jsonld":
        _check_iris(ds, text, path)
    if len(ds) == 0 and not any(len(g) for g in ds.graphs()):
        # JSON-LD processing drops what does not expand to an IRI (an unknown term, a relative
        # "@id" without a base) without a word; an input with nothing left must not pass as done
        hint = (
            " (JSON-LD drops keys and ids that do not expand to IRIs)"
            if fmt.name == "jsonld"
            else ""
        )
        raise ReportParseError(f"holds no RDF triples{hint}", path=path)
    return ds


_OX_FORMATS = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "rdfxml": ox.RdfFormat.RDF_XML,
}


def _check_strictly(data: bytes, fmt: RDFFormat, path: str) -> None:
    """Parse once with Oxigraph's strict parser, which rdflib's lenient one is not.

    rdflib takes ``<http://example.org/a b>`` and ``"x"^^<bad iri>`` (it only logs) and resolves a
    relative ``<event>`` against the working folder (``file:///home/…/event``); the store then
    refuses the first when the report is written, half-way through a run, and keeps the second.
    Oxigraph refuses both with the line and column, before anything is mapped or written.
    """
    ox_format = _OX_FORMATS.get(fmt.name)
    if ox_format is None:
        return
    try:
        for _ in ox.parse(data, format=ox_format):
            pass
    except SyntaxError as exc:
        message = re.sub(r"^Parser error at line \d+ between columns \d+ and \d+: ", "", str(exc))
        message = re.sub(r"\s*\(line \d+\)$", "", message)
        raise ReportParseError(
            f"not valid {fmt.name}: {message}", path=path, line=exc.lineno or None
        ) from exc


def _check_iris(ds: Dataset, text: str, path: str) -> None:
    """Every IRI of a parsed dataset is one the store accepts (JSON-LD: rdflib's parser is the
    only one that honours kg's offline document loader)."""
    seen: set[str] = set()
    for quad in ds.quads((None, None, None, None)):
        for term in quad:
            iri = getattr(term, "datatype", None) or term
            if not isinstance(iri, URIRef) or str(iri) in seen:
                continue
            seen.add(str(iri))
            try:
                ox.NamedNode(str(iri))
            except ValueError as exc:
                at = text.find(str(iri))
                line = text.count("\n", 0, at) + 1 if at >= 0 else None
                raise ReportParseError(
                    f"not a valid IRI: <{iri}> ({exc})", path=path, line=line
                ) from exc


def _check_jsonld(text: str, path: str) -> None:
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportParseError(f"not valid JSON: {exc.msg}", path=path, line=exc.lineno) from exc
    remote = _remote_contexts(doc)
    if remote:
        raise ReportParseError(
            f"names a remote JSON-LD context ({remote[0]}); kg never fetches from the network, "
            "so give the context inline",
            path=path,
        )


def _line_in_message(message: str) -> int | None:
    m = re.search(r"line (\d+)", message)
    return int(m[1]) if m else None


def parse_rdf_file(path: Path) -> Dataset:
    """Parse an RDF file, the format chosen by its extension."""
    fmt = format_for(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ReportParseError(f"cannot read the file: {exc.strerror}", path=str(path)) from exc
    if not data.strip():
        raise ReportParseError("is empty", path=str(path))
    return parse_rdf(data, fmt, path=str(path))


def serialize(graph: Graph | Dataset, fmt: RDFFormat) -> bytes:
    """Serialise ``graph`` in ``fmt``; a triple format gets the union of a dataset's graphs."""
    if fmt.quads and not isinstance(graph, Dataset):
        ds = Dataset()
        bind_prefixes(ds)
        for triple in graph:
            ds.add(triple)
        graph = ds
    if not fmt.quads and isinstance(graph, Dataset):
        union = bind_prefixes(Graph())
        for s, p, o, _ in graph.quads((None, None, None, None)):
            union.add((s, p, o))
        graph = union
    with warnings.catch_warnings():
        # rdflib 7's TriG and N-Quads serializers call their own deprecated Dataset.contexts
        # (https://github.com/RDFLib/rdflib/issues/2939); the output is right
        warnings.simplefilter("ignore", DeprecationWarning)
        out = graph.serialize(format=fmt.rdflib, encoding="utf-8")
    return out if isinstance(out, bytes) else out.encode("utf-8")
