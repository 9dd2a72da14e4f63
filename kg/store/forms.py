"""The form of a SPARQL request (SELECT, ASK, CONSTRUCT, DESCRIBE or an update), told reliably.

SPARQLWrapper guesses the form with a regular expression whose comment stripping misses every
other comment line, so a ``#`` header that mentions "load" makes a query look like an update (and
it warns when it cannot tell). Here strings and IRIs are skipped first, comments are blanked out
with spaces (lines and columns stay where they were, so a server's error position still points at
the right place), and the first keyword after the prologue decides.

>>> query_form("# load the data\\nPREFIX ex: <http://ex.org/#>\\nASK { ?s ex:p '# no' }")
'ASK'
"""

from __future__ import annotations

import re

_TOKENS = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r"|<[^<>\"{}|^`\\\s]*>"
    r"|#[^\n]*"
)
_PROLOGUE = re.compile(r"\s*(PREFIX\s+[^\s:]*:\s*<[^>]*>|BASE\s*<[^>]*>)", re.IGNORECASE)
_FORM = re.compile(
    r"\s*(SELECT|CONSTRUCT|DESCRIBE|ASK|INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.IGNORECASE,
)
QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")


def blank_comments(text: str) -> str:
    """``text`` with every comment replaced by spaces (strings and IRIs keep their ``#``)."""
    return _TOKENS.sub(lambda m: " " * len(m[0]) if m[0].startswith("#") else m[0], text)


def query_form(text: str) -> str:
    """``SELECT``, ``CONSTRUCT``, ``DESCRIBE``, ``ASK``, or ``UPDATE`` for any update request;
    ``UNKNOWN`` when no form keyword follows the prologue (the server will say what is wrong)."""
    rest = blank_comments(text)
    while m := _PROLOGUE.match(rest):
        rest = rest[m.end() :]
    m = _FORM.match(rest)
    if m is None:
        return "UNKNOWN"
    form = m[1].upper()
    return form if form in QUERY_FORMS else "UPDATE"
