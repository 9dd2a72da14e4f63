"""Whole-dataset dumps: Turtle, N-Triples, JSON-LD and TriG, streamed from the store.

TriG keeps one named graph per report; Turtle, N-Triples and JSON-LD hold the union of the
graphs, each triple once. JSON-LD is written in expanded form (absolute IRIs, no ``@context`` at
all), so no reader ever needs to fetch a context.
"""

from __future__ import annotations

from typing import BinaryIO

from kg.errors import InputError
from kg.exports.source import ExportSource
from kg.formats import FORMATS, RDFFormat

DUMP_FORMATS = ("turtle", "ntriples", "jsonld", "trig")


def dump_format(name: str) -> RDFFormat:
    """The :class:`~kg.formats.RDFFormat` of a dump (its media type, extension, rdflib name).

    :raises InputError: for a format that is not a dump
    """
    if name not in DUMP_FORMATS:
        raise InputError(f"not a dump format: {name!r} (one of {', '.join(DUMP_FORMATS)})")
    return FORMATS[name]


def write_dump(source: ExportSource, name: str, out: BinaryIO) -> str:
    """Write every triple of ``source`` to ``out`` in the dump format ``name``.

    :returns: the media type of what was written (for a ``Content-Type`` header)
    :raises InputError: for a format that is not a dump
    :raises StoreError: when the store cannot be read
    """
    fmt = dump_format(name)
    source.dump(fmt, out)
    return fmt.media_type
