"""The server's settings: each declared once, with its default and meaning, and loaded in one order.

Load order (later wins): the defaults below → the TOML file named by the ``KG_CONFIG``
environment variable → ``KG_*`` environment variables (``KG_QUERY_TIMEOUT=5``; values are read as
JSON when they parse, else as text) → the mapping given to ``create_app`` (tests, ``kg serve``).
``tests/test_docs.py`` fails when a setting is missing from the README's table.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from flask import Flask

from kg.errors import InputError
from kg.iris import DEFAULT_BASE


@dataclass(frozen=True)
class Setting:
    """One setting: its key (also ``KG_<NAME>`` in the environment), default, check and meaning."""

    name: str
    default: Any
    help: str
    check: Callable[[Any], Any]


def _text(value: Any) -> str:
    # KG_UPDATE_TOKEN=12345 arrives as the JSON number 12345; a text setting wants it as text
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValueError("must be text")
    return str(value)


def _optional_text(value: Any) -> str | None:
    return None if value in (None, "") else _text(value)


def _positive_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ValueError("must be a number greater than 0")
    return float(value)


def _positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise ValueError("must be a whole number greater than 0")
    return value


def _kilobytes_or_more(value: Any) -> int:
    # an answer must at least hold the head of a results document
    if _positive_int(value) < 4096:
        raise ValueError("must be at least 4096")
    return int(value)


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("must be a whole number, 0 or more")
    return value


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        # one URL, or several separated by spaces or commas, as people write them in env vars
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of URLs")
    return tuple(value)


def _name_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.replace(",", " ").split()
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise ValueError("must be a list of query names")
    return tuple(value)


def _flag(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def _language(value: Any) -> str:
    if value not in ("ky", "ru", "en"):
        raise ValueError("must be ky, ru or en")
    return str(value)


def _optional_base(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text = _text(value)
    if not text.startswith(("http://", "https://")) or not text.endswith("/"):
        raise ValueError("must be an http(s) URL ending in '/'")
    return text


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "STORE_PATH",
        "kg-data",
        "Folder of the embedded store (pyoxigraph); created when missing.",
        _text,
    ),
    Setting(
        "STORE_READ_ONLY",
        False,
        "Open the embedded store read-only: no updates, but several server processes may serve "
        "the same folder (while nothing writes to it).",
        _flag,
    ),
    Setting(
        "SPARQL_ENDPOINT",
        None,
        "URL of a remote SPARQL 1.1 query endpoint to serve instead of the embedded store.",
        _optional_text,
    ),
    Setting(
        "SPARQL_UPDATE_ENDPOINT",
        None,
        "URL of the remote endpoint's SPARQL Update service (default: none).",
        _optional_text,
    ),
    Setting(
        "GSP_ENDPOINT",
        None,
        "URL of the remote Graph Store Protocol service (default: none).",
        _optional_text,
    ),
    Setting(
        "BASE_IRI",
        DEFAULT_BASE,
        "Base IRI of the data; the server answers for the paths under it.",
        _text,
    ),
    Setting(
        "QUERY_TIMEOUT",
        10.0,
        "Seconds a query may run before the client gets a 503 (see 'Limits' for what it stops).",
        _positive_number,
    ),
    Setting(
        "PAGE_QUERY_TIMEOUT",
        10.0,
        "Seconds the queries of one page (or RDF document) may take together before the reader "
        "gets a 503 page; they run on the QUERY_WORKERS threads like the endpoint's queries.",
        _positive_number,
    ),
    Setting(
        "QUERY_WORKERS",
        4,
        "Threads that evaluate queries; more queries wait their turn within their own timeout. "
        "0 runs each query on its request's thread (see 'Limits').",
        _count,
    ),
    Setting(
        "MAX_RESULT_ROWS",
        10_000,
        "Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) returned at most; the rest is cut off "
        "and the response says so in X-SPARQL-MaxRows.",
        _positive_int,
    ),
    Setting(
        "MAX_RESULT_BYTES",
        32 * 1024 * 1024,
        "Bytes of one answer at most (whole rows only); a longer one is cut off and "
        "X-KG-MaxBytes says so.",
        _kilobytes_or_more,
    ),
    Setting(
        "MAX_QUERY_LENGTH",
        50_000,
        "Longest query accepted, in characters; longer ones get a 413.",
        _positive_int,
    ),
    Setting(
        "ALLOWED_SERVICES",
        (),
        "Endpoints a query may call with SERVICE (URL prefixes); empty refuses every SERVICE.",
        _text_list,
    ),
    Setting(
        "UPDATE_TOKEN",
        None,
        "Secret that enables SPARQL Update: clients send 'Authorization: Bearer <token>'. "
        "Unset, every update gets a 403.",
        _optional_text,
    ),
    Setting(
        "CORS_ORIGIN",
        "*",
        "Access-Control-Allow-Origin sent with query responses (reads only, never updates); "
        "empty sends none.",
        _optional_text,
    ),
    Setting(
        "MAX_CONTENT_LENGTH",
        10 * 1024 * 1024,
        "Largest request body accepted, in bytes (Flask's own setting); larger ones get a 413.",
        _positive_int,
    ),
    Setting(
        "EXAMPLE_QUERIES",
        (),
        "Names of kg/queries/*.rq to offer as examples on the query page, in order; empty offers "
        "every runnable query but the export_* ones.",
        _name_list,
    ),
    Setting(
        "DEFAULT_LANGUAGE",
        "ky",
        "Language of the pages (ky, ru or en) for readers whose browser asks for none of the "
        "three; a reader can switch with ?lang= (kept in a cookie).",
        _language,
    ),
    Setting(
        "PUBLIC_URL",
        None,
        "Public address of the site, ending in '/', as DCAT and VoID name the downloads and the "
        "endpoint (default: the address each request came to).",
        _optional_base,
    ),
    Setting(
        "SHOW_QUERY_UI",
        True,
        "Serve the YASGUI query page to browsers at GET /sparql.",
        _flag,
    ),
    Setting(
        "PAGE_CACHE_MB",
        64,
        "Megabytes of rendered pages kept until the data changes (embedded store only); "
        "0 renders every page every time.",
        _count,
    ),
    Setting(
        "SEARCH_INDEX_MB",
        64,
        "Megabytes the texts search looks in may take in memory, kept until the data changes "
        "(embedded store only); with more text, or 0, every search asks the store.",
        _count,
    ),
)

SETTINGS_BY_NAME: dict[str, Setting] = {s.name: s for s in SETTINGS}
CONFIG_ENV = "KG_CONFIG"
ENV_PREFIX = "KG"


def load_config(app: Flask, overrides: Mapping[str, Any] | None = None) -> None:
    """Fill ``app.config`` in the documented order, then check every setting.

    :param overrides: the mapping given to ``create_app``; wins over everything else
    :raises InputError: for a config file that cannot be read or a setting with a bad value
    """
    known = set(app.config) | set(SETTINGS_BY_NAME)  # Flask's own keys, and ours
    app.config.from_mapping({s.name: s.default for s in SETTINGS})
    path = os.environ.get(CONFIG_ENV)
    if path:
        try:
            with open(path, "rb") as file:
                data = tomllib.load(file)
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise InputError(
                f"{path}: cannot read the config file named by {CONFIG_ENV}: {exc}"
            ) from exc
        unknown = sorted(set(data) - known)
        if unknown:
            # a misspelt key would otherwise be ignored without a word
            raise InputError(f"{path}: unknown settings {', '.join(unknown)} (see the README)")
        app.config.from_mapping(data)
    app.config.from_prefixed_env(ENV_PREFIX)
    if overrides:
        app.config.update(overrides)
    for setting in SETTINGS:
        value = app.config[setting.name]
        try:
            app.config[setting.name] = setting.check(value)
        except ValueError as exc:
            raise InputError(
                f"setting {setting.name} (env {ENV_PREFIX}_{setting.name}): {exc}, got {value!r}"
            ) from exc
