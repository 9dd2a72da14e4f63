"""YAML read with the line of every field, and typed access whose errors name file, line and field.

The event-record reader (:mod:`kg.record_reader`) is built on it; so could any hand-written YAML
input. Anchors and aliases are refused (a record never needs them, and following them is how a
"billion laughs" document explodes), and nesting is bounded.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

import yaml

from kg.errors import RecordError, ReportParseError
from kg.record import PersonName, check_date

MAX_DEPTH = 20
MAX_NODES = 10_000
"""Values, keys and lists in one record at most (a full gold record has about 200): PyYAML is
pure Python, and composing a million-item list of 5 MB would take minutes."""

_SURROGATE = re.compile(r"[\ud800-\udfff]")

GLOSS_KEYS = ("en", "themes", "notes", "comment")
"""Readers' glosses allowed anywhere (SCHEMA.md: not scored); keys ending in ``_en`` are too."""


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing documents far larger or deeper than any record, early.

    PyYAML's composer recurses once per level, so ``[[[[…]]]]`` a few thousand levels deep would
    end in a RecursionError before :meth:`FieldReader._plain` could count the levels; and it
    composes about ten thousand nodes a second, so the count of nodes is capped
    (:data:`MAX_NODES`) as the document is read.
    """

    _depth = 0
    _nodes = 0
    path: str | None = None

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        problem = None
        if self._depth > 2 * MAX_DEPTH:
            problem = "nested too deeply to be an event record"
        elif self._nodes >= MAX_NODES:
            problem = f"more than {MAX_NODES:,} values: too large to be an event record"
        if problem:
            line = self.peek_event().start_mark.line + 1
            raise RecordError(problem, path=self.path, line=line)
        self._depth += 1
        self._nodes += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[no-any-return]
        finally:
            self._depth -= 1


FAST_MAX_CHARS = 200_000
"""Records up to this size are composed by libyaml first (:func:`_compose_in_c`)."""

_CSafeLoader = getattr(yaml, "CSafeLoader", None)


def _compose_in_c(text: str) -> tuple[yaml.Node, Any] | None:
    """The document composed by libyaml (PyYAML's C loader), or ``None`` to use :class:`_Loader`.

    PyYAML's own composer is pure Python and took as long as mapping the record and validating it
    together (``python -m bench --stages load``); libyaml composes a record in a tenth of the
    time. It is only the fast path: a document it refuses (bad YAML, a control character, nesting
    past libyaml's own limit of 1,000 levels) or one with more than :data:`MAX_NODES` values is
    read again by :class:`_Loader`, so every error and its line read as before, and a document
    larger than :data:`FAST_MAX_CHARS` is never given to it.
    """
    if _CSafeLoader is None or len(text) > FAST_MAX_CHARS:
        return None
    loader = _CSafeLoader(text)
    try:
        node = loader.get_single_node()
    except yaml.YAMLError:
        return None
    finally:
        loader.dispose()
    if node is None or _node_count(node) > MAX_NODES:
        return None
    return node, loader


def _node_count(root: yaml.Node) -> int:
    count, stack = 0, [root]
    while stack and count <= MAX_NODES:
        node = stack.pop()
        count += 1
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                stack.extend((key, value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return count


class FieldReader:
    """Turns a composed YAML node tree into plain data, remembering each field's line."""

    def __init__(self, text: str, path: str | None) -> None:
        self.path = path
        self.source_text = text
        self.lines: dict[str, int] = {}

    # -- YAML nodes to plain data, with line numbers per field path ------------------------------

    def load(self) -> Any:
        fast = _compose_in_c(self.source_text)
        if fast is not None:
            node, loader = fast
            return self._plain(node, "", loader, set(), 0)
        try:
            # PyYAML checks every character as the loader is made: a control character such as
            # U+0000 or U+001F raises a ReaderError here, before any node is read
            loader = _Loader(self.source_text)
        except yaml.reader.ReaderError as exc:
            line = self.source_text.count("\n", 0, max(exc.position, 0)) + 1
            char = exc.character
            shown = f"U+{char:04X}" if isinstance(char, int) else repr(char)
            raise ReportParseError(
                f"not valid YAML: the control character {shown} is not allowed",
                path=self.path,
                line=line,
            ) from exc
        loader.path = self.path
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = mark.line + 1 if mark else None
            raise ReportParseError(
                f"not valid YAML: {exc.problem or exc}", path=self.path, line=line
            ) from exc
        except yaml.YAMLError as exc:
            raise ReportParseError(f"not valid YAML: {exc}", path=self.path) from exc
        finally:
            loader.dispose()
        if node is None:
            raise RecordError("the file holds no record (it is empty)", path=self.path, line=1)
        seen: set[int] = set()
        return self._plain(node, "", loader, seen, 0)

    def _plain(self, node: yaml.Node, where: str, loader: Any, seen: set[int], depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._fail(where, "is nested too deeply to be an event record", node)
        # An alias makes two paths share one node. Records never need that, and following aliases
        # is how a "billion laughs" document explodes, so any shared node is refused.
        if id(node) in seen:
            # the line of the field holding the alias, not of the anchor it points back to
            self.fail(where, "uses a YAML alias (*anchor); write the value out instead")
        seen.add(id(node))
        self.lines.setdefault(where, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode):
                    self._fail(where, "has a key that is not a plain name", key_node)
                key = str(self._scalar(key_node, where, loader))
                child = f"{where}.{key}" if where else key
                # errors point at the key's line, where a reader looks for the field
                self.lines.setdefault(child, key_node.start_mark.line + 1)
                if key in out:
                    self._fail(child, "is given twice", key_node)
                out[key] = self._plain(value_node, child, loader, seen, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            return [
                self._plain(item, f"{where}[{i}]", loader, seen, depth + 1)
                for i, item in enumerate(node.value)
            ]
        return self._scalar(node, where, loader)

    def _scalar(self, node: yaml.Node, where: str, loader: Any) -> Any:
        """A key or a value, constructed by PyYAML's safe constructors."""
        try:
            value = loader.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            # e.g. a merge key "<<" outside a mapping, or a tag the safe loader does not know
            return self._fail(where, f"has a value YAML cannot read: {exc.problem}", node)
        except ValueError as exc:
            # e.g. an unquoted impossible date such as 2021-02-30, which YAML reads as a timestamp
            return self._fail(where, f"is not a valid value: {exc}", node)
        if isinstance(value, str) and _SURROGATE.search(value):
            # "\ud800" escapes give half a UTF-16 pair, which no UTF-8 output can hold
            message = "holds a \\u escape that is no character (a lone surrogate)"
            return self._fail(where, message, node)
        return value

    # -- errors ------------------------------------------------------------------------------------

    def line_of(self, where: str) -> int | None:
        """The line of a field, or of its nearest enclosing field that the file has."""
        while where:
            if where in self.lines:
                return self.lines[where]
            # drop the last step: ".name" or "[3]"; a bare top-level name leaves ""
            where = re.sub(r"(\.?[^.\[\]]+|\[\d+\])$", "", where)
        return self.lines.get("")

    def _fail(self, where: str, message: str, node: yaml.Node | None = None) -> Any:
        line = node.start_mark.line + 1 if node is not None else self.line_of(where)
        raise RecordError(message, path=self.path, line=line, field=where or None)

    def fail(self, where: str, message: str) -> Any:
        raise RecordError(message, path=self.path, line=self.line_of(where), field=where or None)

    # -- typed access ------------------------------------------------------------------------------

    def mapping(self, value: Any, where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(where, f"must be a mapping of fields, not {_kind(value)}")
        for key in value:
            if key in allowed or key in GLOSS_KEYS or key.endswith("_en") or key.startswith("x_"):
                continue
            hint = difflib.get_close_matches(key, allowed, n=1)
            also = (
                f"; did you mean {hint[0]!r}?" if hint else f"; known fields: {', '.join(allowed)}"
            )
            self.fail(f"{where}.{key}" if where else key, f"is not a field of the record{also}")
        return value

    def text(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.fail(where, f"must be text, not {_kind(value)}")
        text = str(value).strip()
        return text or None

    def texts(self, value: Any, where: str) -> tuple[str, ...]:
        items = self.sequence(value, where)
        out = []
        for i, item in enumerate(items):
            text = self.text(item, f"{where}[{i}]")
            if text is None:
                self.fail(f"{where}[{i}]", "is empty")
            out.append(text)
        return tuple(out)

    def sequence(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.fail(where, f"must be a list, not {_kind(value)}")
        return value

    def count(self, value: Any, where: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            self.fail(where, f"must be a whole number of people (0 or more), not {value!r}")
        return value

    def date(self, value: Any, where: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            value = value.date()
        if isinstance(value, dt.date):
            return value.isoformat()
        if not isinstance(value, str):
            self.fail(where, f"must be a date, not {_kind(value)}")
        try:
            return check_date(value.strip())
        except ValueError as exc:
            return self.fail(where, str(exc))

    def code(self, value: Any, where: str, pattern: re.Pattern[str], what: str) -> str | None:
        text = self.text(value, where)
        if text is not None and not pattern.match(text):
            self.fail(where, f"must be {what}, not {text!r}")
        return text

    def name(self, value: Any, where: str) -> PersonName:
        if not isinstance(value, list) or not 1 <= len(value) <= 3:
            self.fail(where, "must be a list [family, given, patronymic] (null for a missing part)")
        parts = [self.text(p, f"{where}[{i}]") for i, p in enumerate(value)]
        parts += [None] * (3 - len(parts))
        if not any(parts):
            self.fail(where, "has no part at all")
        return PersonName(*parts)


def _kind(value: Any) -> str:
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
