"""Stable, readable IRIs for the data, all under one configurable base.

One path per kind of thing (architecture.md, "Identifiers")::

    {base}id/event/{slug}          {base}id/person/{slug}        {base}id/organization/{slug}
    {base}id/place/{code}          {base}id/venue/{slug}         {base}id/report/{slug}
    {base}id/recommendation/{event}-{n}   (also issue, presentation, participation, annotation, …)
    {base}graph/{report-slug}      one named graph per source report

IRIs are derived only from what the record says (names, codes, the report's slug), never from
counters or clocks, so the same person in two reports, or a report loaded twice, gets the same IRI.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

from anyascii import anyascii
from rdflib import URIRef

from kg.errors import InputError
from kg.record import PersonName

DEFAULT_BASE = "https://example.org/kg/"
MAX_SLUG = 80

KINDS = (
    "event",
    "person",
    "organization",
    "place",
    "venue",
    "report",
    "recommendation",
    "issue",
    "presentation",
    "participation",
    "observation",
    "annotation",
    "activity",
)
"""The path segments under ``id/``; the server routes exactly these."""


def slugify(text: str) -> str:
    """A lower-case ASCII slug of any text, transliterating Cyrillic (Kyrgyz letters included).

    >>> slugify("Абдыров Толонбек")
    'abdyrov-tolonbek'
    >>> slugify("Чоң-Алай")
    'chong-alay'

    Long texts are cut and given a short hash of the whole, so two long names that share a start
    still get different slugs.
    """
    ascii_text = anyascii(unicodedata.normalize("NFC", text)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]  # noqa: S324 - a name, not security
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + digest
    return slug


def person_key(name: PersonName) -> str:
    """The slug that identifies a person across reports: family name and given name (or initial).

    The patronymic is left out on purpose: reports often omit it, and "Абдыров Толонбек" and
    "Абдыров Толонбек Шакирович" are the same person. Initials keep their letter only, so
    "Ш." and "Ш" agree.
    """
    parts = [p.rstrip(".") for p in (name.family, name.given) if p]
    if not parts and name.patronymic:
        parts = [name.patronymic]
    return slugify(" ".join(parts))


def check_base(base: str) -> str:
    """Return ``base`` if it is an absolute http(s) IRI ending in ``/``.

    :raises InputError: for anything else, since every data IRI is built on it
    """
    if not re.match(r"^https?://[^\s/]+(/[^\s<>\"{}|\\^`]*)?$", base) or not base.endswith("/"):
        raise InputError(
            f"the base IRI must be an absolute http(s) IRI ending in '/', not {base!r}"
        )
    return base


@dataclass(frozen=True)
class IRIMinter:
    """Mints the data IRIs of one knowledge graph under ``base``."""

    base: str = DEFAULT_BASE

    def __post_init__(self) -> None:
        check_base(self.base)

    def of(self, kind: str, key: str) -> URIRef:
        if kind not in KINDS:
            raise ValueError(f"unknown kind of IRI: {kind}")
        if not key or "/" in key or not re.fullmatch(r"[A-Za-z0-9._-]+", key):
            raise ValueError(f"not a safe IRI key: {key!r}")
        return URIRef(f"{self.base}id/{kind}/{key}")

    def graph(self, report_slug: str) -> URIRef:
        return URIRef(f"{self.base}graph/{report_slug}")

    def event(self, slug: str) -> URIRef:
        return self.of("event", slug)

    def report(self, slug: str) -> URIRef:
        return self.of("report", slug)

    def person(self, name: PersonName) -> URIRef:
        return self.of("person", person_key(name) or "unnamed")

    def organization(self, name: str) -> URIRef:
        return self.of("organization", slugify(name) or "unnamed")

    def venue(self, name: str) -> URIRef:
        return self.of("venue", slugify(name) or "unnamed")

    def place(self, code: str) -> URIRef:
        # ISO and P-codes are kept as they are (KG-J, KG05236000000); other places get a slug
        key = code if re.fullmatch(r"[A-Z]{2}(-[A-Z0-9]{1,3})?|KG\d{11}", code) else slugify(code)
        if not key:
            # a name with no letter or digit to spell (":", "—"): a key from its hash, so the
            # same name still gives the same place
            key = "h-" + hashlib.sha1(code.encode("utf-8")).hexdigest()[:10]  # noqa: S324
        return self.of("place", key)

    def part(self, kind: str, event_slug: str, n: int | str) -> URIRef:
        """A numbered part of an event: ``recommendation``, ``issue``, ``participation`` ..."""
        return self.of(kind, f"{event_slug}-{n}")
