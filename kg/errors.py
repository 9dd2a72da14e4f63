"""The errors kg raises; every one derives from :class:`KGError`.

::

    KGError
    ├── InputError (ValueError)            bad input a user can fix
    │   ├── ReportParseError               a file could not be read (path, line)
    │   ├── RecordError                    a record does not fit the schema (path, line, field)
    │   ├── ExtractionError                no event could be read from a report
    │   └── QuerySyntaxError               a SPARQL query does not parse (line, column)
    ├── NotFound (LookupError)             a resource, graph or named query that does not exist
    ├── ValidationFailed                   a graph does not conform to the shapes (holds the report)
    ├── QueryRefused                       a query the configuration forbids (SERVICE, limits)
    └── StoreError (OSError)               the store cannot be opened, read or written

Errors from third-party libraries are translated into these at one boundary per library, with
``raise ... from exc`` so that the cause stays visible in a traceback.
"""

from __future__ import annotations

from typing import Any


class KGError(Exception):
    """Base class of every error kg raises on purpose."""


class InputError(KGError, ValueError):
    """Input that kg cannot use; the message says what to fix."""


class ReportParseError(InputError):
    """A file could not be read or parsed.

    :param path: the file, or ``None`` for text that did not come from a file
    :param line: 1-based line where the problem is, when known
    """

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None) -> None:
        self.path = path
        self.line = line
        self.message = message
        super().__init__(_located(message, path, line))


class RecordError(ReportParseError):
    """An event record that does not fit the schema (``gold/SCHEMA.md``).

    :param field: the record path of the offending field, e.g. ``event.participants.total``
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.field = field
        text = f"{field}: {message}" if field else message
        super().__init__(text, path=path, line=line)


class ExtractionError(InputError):
    """A report was read, but no event could be extracted from it."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(_located(message, path, None))


class QuerySyntaxError(InputError):
    """A SPARQL query that does not parse."""

    def __init__(
        self,
        message: str,
        *,
        name: str | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        self.name = name
        self.line = line
        self.column = column
        super().__init__(_located(message, name, line, column))


class NotFound(KGError, LookupError):
    """Something that was asked for by name or IRI does not exist."""


class ValidationFailed(KGError):
    """A graph does not conform to the SHACL shapes; ``report`` holds the details."""

    def __init__(self, message: str, *, report: Any = None) -> None:
        self.report = report
        super().__init__(message)


class QueryRefused(KGError):
    """A query or update that the configuration does not allow."""


class StoreError(KGError, OSError):
    """The store could not be opened, read or written."""


def _located(message: str, path: str | None, line: int | None, column: int | None = None) -> str:
    """Prefix a message with ``path:line:column:`` as compilers do, so editors can jump there."""
    where = ""
    if path:
        where = str(path)
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
    elif line is not None:
        where = f"line {line}" + (f", column {column}" if column is not None else "")
    return f"{where}: {message}" if where else message
