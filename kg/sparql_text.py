"""What kg reads from a SPARQL text before running it: its form, SERVICE and LOAD targets, nesting.

pyoxigraph exposes no query algebra to Python, and rdflib's parser is too slow for the query path,
so this is a small lexer: it skips comments, strings and IRIs the way the SPARQL grammar does
(https://www.w3.org/TR/sparql11-query/#grammar) and looks at the keywords left. It validates
nothing but the nesting depth (:func:`check_nesting`); the engine reports syntax errors itself.
It lives in ``kg`` so that the store and ``kg query`` refuse what the endpoint refuses.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urljoin

from kg.errors import QuerySyntaxError

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
UPDATE_VERBS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)

MAX_NESTING = 100
"""Brackets (``{``, ``(``, ``[``) open at once, at most. Oxigraph's parser recurses once per level,
and a few thousand levels overflow its stack, which ends the whole process (a segmentation fault,
not an exception): one 10 kB query of braces would stop the server. Real queries nest a few
levels."""

# Codepoint escapes are replaced before parsing, anywhere in the text (SPARQL 1.1, §19.2), so
# `\u0053ERVICE` is the keyword SERVICE: undo them first, as the engine does.
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
_TOKEN = re.compile(
    r"""
      (?P<comment>\#[^\r\n]*)
    | (?P<string>\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
               | '''(?:[^'\\]|\\.|'(?!''))*'''
               | "(?:[^"\\\r\n]|\\.)*"
               | '(?:[^'\\\r\n]|\\.)*')
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<var>[?$]\w+)
    | (?P<pname>(?:[^\W\d][\w.-]*)?:(?:[\w:%.-]|\\.)*)
    | (?P<word>[^\W\d]\w*)
    | (?P<other>\S)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class QueryText:
    """What :func:`read_query` found.

    :param form: ``SELECT``, ``CONSTRUCT``, ``DESCRIBE`` or ``ASK``; ``UPDATE`` for an update;
        ``None`` when no form keyword was found (the engine will say what is wrong)
    :param services: each ``SERVICE`` target as an absolute IRI where it could be resolved, else
        as written (a variable, or a relative IRI without ``BASE``)
    :param loads: each ``LOAD`` source of an update, resolved the same way (the engine would fetch
        it from the network)
    :param nesting: how deeply brackets nest outside strings, IRIs and comments, when that may be
        more than :data:`MAX_NESTING` (else 0: not counted)
    """

    form: str | None
    services: tuple[str, ...]
    loads: tuple[str, ...] = ()
    nesting: int = 0


def _unescape(match: re.Match[str]) -> str:
    return chr(int(match.group(1) or match.group(2), 16))


@lru_cache(maxsize=128)
def read_query(text: str) -> QueryText:
    """Find the form and the ``SERVICE`` targets of a query or update.

    >>> read_query('PREFIX e: <http://x/> SELECT * { SERVICE e:s { ?s ?p ?o } }')
    QueryText(form='SELECT', services=('http://x/s',), loads=())

    Clients send the same queries again and again (the examples, a page's queries), so the
    answers are remembered (at most 128 texts of at most ``MAX_QUERY_LENGTH`` characters).
    """
    if "\\" in text:
        # an escape of a code point that does not exist is left for the engine to reject
        with contextlib.suppress(ValueError):
            text = _CODEPOINT.sub(_unescape, text)
    # Most queries call no SERVICE and load nothing: then reading up to the form keyword is enough.
    lowered = text.lower()
    may_call = "service" in lowered or "load" in lowered
    form: str | None = None
    services: list[str] = []
    loads: list[str] = []
    prefixes: dict[str, str] = {}
    base = ""
    tokens = [(m.lastgroup, m.group()) for m in _tokens(text, stop_at_form=not may_call)]
    for i, (kind, value) in enumerate(tokens):
        if kind != "word":
            continue
        keyword = value.upper()
        following = tokens[i + 1 : i + 4]
        if keyword == "BASE" and following and following[0][0] == "iri":
            base = urljoin(base, following[0][1][1:-1])
        elif keyword == "PREFIX" and len(following) >= 2 and following[1][0] == "iri":
            prefixes[following[0][1].rstrip(":")] = urljoin(base, following[1][1][1:-1])
        elif form is None and keyword in QUERY_FORMS:
            form = keyword
        elif form is None and keyword in UPDATE_VERBS and keyword != "LOAD":
            form = "UPDATE"
        elif keyword == "SERVICE":
            silent = bool(following) and following[0][1].upper() == "SILENT"
            target = following[1:2] if silent else following[:1]
            services.append(_resolve(target[0] if target else ("other", ""), prefixes, base))
        elif keyword == "LOAD":
            form = form or "UPDATE"
            silent = bool(following) and following[0][1].upper() == "SILENT"
            source = following[1:2] if silent else following[:1]
            loads.append(_resolve(source[0] if source else ("other", ""), prefixes, base))
    opened = text.count("{") + text.count("(") + text.count("[")
    return QueryText(
        form, tuple(services), tuple(loads), _nesting(text) if opened > MAX_NESTING else 0
    )


def _nesting(text: str) -> int:
    """The deepest nesting of brackets among the tokens of ``text`` (codepoints already undone)."""
    depth = deepest = 0
    for match in _tokens(text, stop_at_form=False):
        if match.lastgroup != "other":
            continue
        char = match.group()
        if char in "{([":
            depth += 1
            deepest = max(deepest, depth)
        elif char in "})]":
            depth -= 1
    return deepest


def _tokens(text: str, *, stop_at_form: bool) -> Iterator[re.Match[str]]:
    """The tokens of ``text`` but comments; with ``stop_at_form``, up to the form keyword."""
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        if kind == "comment":
            continue
        yield match
        if stop_at_form and kind == "word":
            keyword = match.group().upper()
            if keyword in QUERY_FORMS or keyword in UPDATE_VERBS:
                return


def _resolve(token: tuple[str | None, str], prefixes: dict[str, str], base: str) -> str:
    kind, value = token
    if kind == "iri":
        return urljoin(base, value[1:-1]) if base else value[1:-1]
    if kind == "pname":
        prefix, _, local = value.partition(":")
        if prefix in prefixes:
            return prefixes[prefix] + local
    return value


def allowed_service(iri: str, allowed: tuple[str, ...]) -> bool:
    """Whether ``iri`` starts with one of the ``allowed`` URL prefixes."""
    return any(iri.startswith(prefix) for prefix in allowed if prefix)


def check_nesting(text: str) -> None:
    """Refuse a query or update whose brackets nest deeper than :data:`MAX_NESTING`, before any
    engine parses it (the embedded store, ``kg query``, the endpoint all pass here).

    :raises QuerySyntaxError: the text nests too deeply
    """
    depth = read_query(text).nesting
    if depth > MAX_NESTING:
        raise QuerySyntaxError(
            f"brackets nest {depth} levels deep; at most {MAX_NESTING} are accepted"
        )
