"""The event record: a small typed model of ``gold/SCHEMA.md``.

One report becomes one :class:`EventRecord`. The extractor builds it from text, a person may write
it by hand as YAML, and the mapper turns it into RDF. Every class here is a frozen dataclass, so a
record can be shared, hashed and compared; lists are tuples.

Reading and writing YAML is in :mod:`kg.record_yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

LANGUAGES = ("ky", "ru", "en")
"""Languages of reports and labels. Never ``kg``, which is ISO 639-1 for Kongo."""

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
MONTH_DAY_RE = re.compile(r"^--(\d{2})-(\d{2})$")
"""A date without a year, as xsd:gMonthDay writes it (``--04-11``)."""


def check_date(value: str) -> str:
    """Return ``value`` if it is an ISO date (``2021-04-22``) or a month-day (``--04-11``).

    >>> check_date("--04-11")
    '--04-11'

    :raises ValueError: for anything else, including impossible days such as ``2021-02-30``
    """
    if m := DATE_RE.match(value):
        dt.date(int(m[1]), int(m[2]), int(m[3]))
        return value
    if m := MONTH_DAY_RE.match(value):
        # 2000 is a leap year, so --02-29 is accepted as xsd:gMonthDay allows it
        dt.date(2000, int(m[1]), int(m[2]))
        return value
    raise ValueError(f"{value!r} is not a date (YYYY-MM-DD, or --MM-DD when the year is unknown)")


@dataclass(frozen=True)
class PersonName:
    """A person's name in parts; a part the report does not give is ``None``.

    Word order in the text does not matter: the parts are what they are (family name, given name
    or initial, patronymic).
    """

    family: str | None = None
    given: str | None = None
    patronymic: str | None = None

    def parts(self) -> tuple[str | None, str | None, str | None]:
        return (self.family, self.given, self.patronymic)

    def display(self) -> str:
        """The name as a reader expects it: given, patronymic, family."""
        return " ".join(p for p in (self.given, self.patronymic, self.family) if p)


@dataclass(frozen=True)
class Participants:
    """Participant counts as stated; a count the report does not state is ``None``."""

    total: int | None = None
    women: int | None = None
    men: int | None = None

    def is_empty(self) -> bool:
        return self.total is None and self.women is None and self.men is None


@dataclass(frozen=True)
class Event:
    """The event itself: kind, topic, when, where, who came and why."""

    kind: str | None = None
    kind_en: str | None = None
    topic: str | None = None
    topic_en: str | None = None
    date: str | None = None
    end_date: str | None = None
    city: str | None = None
    region: str | None = None
    country: str | None = None
    venue: str | None = None
    participants: Participants = field(default_factory=Participants)
    language: str | None = None
    audience: tuple[str, ...] = ()
    goal: str | None = None


@dataclass(frozen=True)
class Moderator:
    name: PersonName
    roles: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    name: PersonName
    role: str | None = None
    organisation: str | None = None


@dataclass(frozen=True)
class Issue:
    """A problem or question raised at the event, as the report words it."""

    text: str
    en: str | None = None


@dataclass(frozen=True)
class Recommendation:
    """One numbered or bulleted recommendation, with the places and countries it names."""

    text: str
    en: str | None = None
    regions: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class Span:
    """Character offsets of a fact in the NFC-normalised source text (end exclusive)."""

    start: int
    end: int


@dataclass(frozen=True)
class Source:
    """Where the record came from: the report file and, optionally, its public address."""

    slug: str | None = None
    file: str | None = None
    url: str | None = None
    sha256: str | None = None


def _frozen(mapping: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return MappingProxyType(dict(mapping or {}))


@dataclass(frozen=True)
class EventRecord:
    """Everything one report says about one event.

    ``spans`` maps a fact's path (``event.date``, ``speakers[1].role``, ``recommendations[0]``) to
    where it was read in the source text. ``extra`` keeps what a curated record holds outside the
    schema (organiser, headline, ...), unscored and unmapped beyond a note.
    """

    event: Event = field(default_factory=Event)
    moderators: tuple[Moderator, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    presentations: tuple[str, ...] = ()
    issues_raised: tuple[Issue, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    outcome: str | None = None
    themes_discussed: tuple[str, ...] = ()
    spans: Mapping[str, Span] = field(default_factory=lambda: _frozen({}))
    source: Source = field(default_factory=Source)
    extra: Mapping[str, Any] = field(default_factory=lambda: _frozen({}))

    def __post_init__(self) -> None:
        # frozen dataclasses cannot assign normally; mappings are wrapped read-only once here
        object.__setattr__(self, "spans", _frozen(self.spans))
        object.__setattr__(self, "extra", _frozen(self.extra))

    def __hash__(self) -> int:
        return hash((self.event, self.moderators, self.speakers, self.presentations, self.outcome))

    def people(self) -> Iterator[PersonName]:
        """Every named person of the record: moderators first, then speakers."""
        for moderator in self.moderators:
            yield moderator.name
        for speaker in self.speakers:
            yield speaker.name
