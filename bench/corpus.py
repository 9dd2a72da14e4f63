"""A synthetic archive of event reports: records and report texts in Kyrgyz, Russian and English.

Report ``i`` of an archive is drawn from its own seeded generator, so it is the same whatever the
size of the archive, and archives of 1k, 10k and 100k reports share their first reports. As in a
real archive, a few people and organisations come back often (a skewed draw from shared pools) and
events happen in the gazetteer's towns and districts, with places named in recommendations.

>>> archive = Archive()
>>> spec = archive.spec(7)
>>> spec.slug == archive.spec(7).slug
True
>>> spec.language in ("ky", "ru", "en")
True
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from anyascii import anyascii

from bench import topics, words
from kg.gazetteer import Place, load_gazetteer
from kg.iris import slugify
from kg.record import (
    Event,
    EventRecord,
    Issue,
    Moderator,
    Participants,
    PersonName,
    Recommendation,
    Source,
    Speaker,
)
from kg.record_yaml import dumps_record

__all__ = ["Archive", "Person", "ReportSpec"]

LANGUAGES = ("ky", "ru", "en")
PEOPLE = 12_000
ORGANISATIONS = 400


@dataclass(frozen=True)
class Person:
    """A person of the shared pool, with their name in Cyrillic and in Latin letters."""

    family: str
    given: str
    patronymic: str
    female: bool

    def name(self, lang: str) -> PersonName:
        if lang == "en":
            # anyascii gives the same slug, so the same IRI, as the Cyrillic name
            return PersonName(
                anyascii(self.family), anyascii(self.given), anyascii(self.patronymic)
            )
        return PersonName(self.family, self.given, self.patronymic)


@dataclass(frozen=True)
class ReportSpec:
    """What one synthetic report says; :meth:`Archive.record` and :meth:`Archive.text` render it."""

    index: int
    slug: str
    language: str
    layout: str
    kind: str
    topic: str
    date: str
    town: Place
    district: Place
    venue: str
    participants: Participants
    audience: tuple[str, ...]
    moderator: tuple[Person, str]
    speakers: tuple[tuple[Person, str, str], ...]
    presentations: tuple[str, ...]
    issues: tuple[str, ...]
    recommendations: tuple[tuple[str, tuple[str, ...]], ...]
    filler: int


class Archive:
    """Report specs, records and texts of a synthetic archive (see the module docstring)."""

    def __init__(self, seed: int = 2024) -> None:
        self.seed = seed
        gazetteer = load_gazetteer()
        self.towns = [
            p for p in gazetteer.places() if p.kind in ("town", "city", "village") and p.region
        ]
        districts: dict[str, list[Place]] = {}
        for place in gazetteer.places("district"):
            districts.setdefault(place.region or "", []).append(place)
        self.districts = districts
        self.all_districts = [p for ps in districts.values() for p in ps]

    @functools.lru_cache(maxsize=PEOPLE)  # noqa: B019 - one archive per run
    def person(self, j: int) -> Person:
        rng = random.Random(f"{self.seed}-person-{j}")
        female = rng.random() < 0.5
        stem = rng.choice(words.FAMILY_STEMS)
        given = rng.choice(words.FEMALE_NAMES if female else words.MALE_NAMES)
        father = rng.choice(words.MALE_NAMES)
        family = stem + ("ова" if female else "ов")
        patronymic = father + ("овна" if female else "ович")
        return Person(family, given, patronymic, female)

    def _pick(self, rng: random.Random, size: int) -> int:
        # a skewed draw: a few regulars take part in many events, most people in one or two
        if rng.random() < 0.15:
            return min(size - 1, int(rng.paretovariate(0.8)) - 1)
        return rng.randrange(size)

    def _organisation(self, rng: random.Random, lang: str) -> str:
        j = self._pick(rng, ORGANISATIONS)
        name = words.ORG_NAMES[j % len(words.ORG_NAMES)]
        if j >= len(words.ORG_NAMES):
            name = f"{name}-{j // len(words.ORG_NAMES)}"
        return words.ORG_FORMS[lang].format(name=name)

    def spec(self, i: int) -> ReportSpec:
        """The ``i``-th report of the archive."""
        rng = random.Random(f"{self.seed}-report-{i}")
        lang = LANGUAGES[rng.randrange(3)]
        town = rng.choice(self.towns)
        district = rng.choice(self.districts.get(town.region or "", self.all_districts))
        kind = rng.choice(words.KINDS[lang])
        topic, issues, recommendations = rng.choice(topics.TOPICS[lang])
        year, month, day = rng.randint(2018, 2025), rng.randint(1, 12), rng.randint(1, 28)
        women = rng.randint(5, 60)
        men = rng.randint(5, 60)
        people = {self._pick(rng, PEOPLE) for _ in range(rng.choice((1, 2, 2, 3, 3, 4, 6, 8)))}
        speakers = tuple(
            (self.person(j), rng.choice(words.POSTS[lang]), self._organisation(rng, lang))
            for j in sorted(people)
        )
        n_issues = rng.randint(1, len(issues))
        n_recs = rng.randint(1, len(recommendations))
        place = {"ky": town.labels["ky"], "ru": town.labels["ru"], "en": town.labels["en"]}[lang]
        recs = tuple(
            (
                text.format(district=district.labels[lang], town=place),
                (district.labels[lang] if "{district}" in text else place,),
            )
            for text in recommendations[:n_recs]
        )
        venue = rng.choice(words.AGENCIES[lang]).format(place=place)
        return ReportSpec(
            index=i,
            slug=f"{slugify(town.labels['en'])}-{year}-{month:02d}-{day:02d}-{i}",
            language=lang,
            layout=rng.choice(("fields", "fields", "narrative", "table")),
            kind=kind,
            topic=f"{topic} ({place})",
            date=f"{year}-{month:02d}-{day:02d}",
            town=town,
            district=district,
            venue=venue,
            participants=Participants(women + men, women, men),
            audience=tuple(rng.sample(words.AUDIENCES[lang], rng.randint(2, 5))),
            moderator=(self.person(self._pick(rng, PEOPLE)), self._organisation(rng, lang)),
            speakers=speakers,
            presentations=tuple(f"{topic}: {s[2]}" for s in speakers[: rng.randint(0, 2)]),
            issues=tuple(issues[:n_issues]),
            recommendations=recs,
            filler=rng.choice((0, 0, 1, 2, 5, 20)),
        )

    def record(self, spec: ReportSpec) -> EventRecord:
        """The event record of a report, as a person (or the extractor) would write it."""
        lang = spec.language
        moderator, moderator_org = spec.moderator
        return EventRecord(
            event=Event(
                kind=spec.kind,
                topic=spec.topic,
                date=spec.date,
                city=spec.town.labels[lang],
                region=spec.town.region,
                country="KG",
                venue=spec.venue,
                participants=spec.participants,
                language=lang,
                audience=spec.audience,
                goal=words.GOALS[lang],
            ),
            moderators=(Moderator(moderator.name(lang), (moderator_org,)),),
            speakers=tuple(Speaker(p.name(lang), post, org) for p, post, org in spec.speakers),
            presentations=spec.presentations,
            issues_raised=tuple(Issue(text) for text in spec.issues),
            recommendations=tuple(
                Recommendation(text, regions=regions) for text, regions in spec.recommendations
            ),
            outcome=words.OUTCOMES[lang],
            source=Source(slug=spec.slug, file=f"{spec.slug}.{lang}.md"),
        )

    def text(self, spec: ReportSpec) -> str:
        """The report as Markdown, in one of three layouts."""
        from bench.texts import render

        return render(spec)

    def write_records(self, folder: Path, n: int, start: int = 0) -> Iterator[Path]:
        """Write records ``start`` .. ``n - 1`` as ``<slug>.yaml`` in ``folder`` (kept if there)."""
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(start, n):
            spec = self.spec(i)
            path = folder / f"{spec.slug}.yaml"
            if not path.exists():
                path.write_text(dumps_record(self.record(spec)), encoding="utf-8")
            yield path

    def write_texts(self, folder: Path, n: int) -> Iterator[Path]:
        """Write report texts ``0 .. n - 1`` as ``<slug>.<lang>.md`` in ``folder``."""
        folder.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            spec = self.spec(i)
            path = folder / f"{spec.slug}.{spec.language}.md"
            if not path.exists():
                path.write_text(self.text(spec), encoding="utf-8")
            yield path
