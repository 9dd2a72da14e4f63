"""Write N event records for benchmarks: a seed record with names, places, dates and counts varied.

    python bench/generate_records.py 1000 /tmp/records [--seed-record examples/….yaml] [--seed 1]

Every record is valid (it passes the shapes) and different: people are drawn from pools of
family and given names (so some recur across records, as real speakers do), the settlement and
its oblast from the gazetteer, the date from 2019–2024, and the counts so that women + men =
total. The output is deterministic for a given --seed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from dataclasses import replace
from pathlib import Path

from kg.gazetteer import load_gazetteer
from kg.record import EventRecord, Moderator, Participants, PersonName, Recommendation
from kg.record_yaml import dumps_record, load_record

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEED_RECORD = ROOT / "examples" / "kara-balta-2023-03-14.yaml"
FAMILY = [
    "Абдыраев",
    "Асанов",
    "Бекова",
    "Жумабаев",
    "Исакова",
    "Касымов",
    "Мамытова",
    "Осмонов",
    "Рахимов",
    "Сатыбалдиева",
    "Токтогулов",
    "Усенова",
    "Шамшиев",
    "Эсенова",
    "Юсупов",
]
GIVEN = [
    "Айгерим",
    "Бакыт",
    "Гүлнара",
    "Данияр",
    "Жылдыз",
    "Замир",
    "Калыс",
    "Мээрим",
    "Нурлан",
    "Салтанат",
    "Талант",
    "Чолпон",
    "Эркин",
    "Асель",
    "Бектур",
]
PATRONYMIC = ["Асанович", "Бекович", "Маратовна", "Токтосуновна", None]


def settlements() -> list[tuple[str, str]]:
    """(Russian name, oblast code) of every town and city the gazetteer places in an oblast."""
    gazetteer = load_gazetteer()
    found = []
    for place in gazetteer.places():
        if place.kind in ("city", "town") and place.region and "ru" in place.labels:
            found.append((place.labels["ru"], place.region))
    return sorted(found)


def vary(
    seed: EventRecord, i: int, rng: random.Random, places: list[tuple[str, str]]
) -> EventRecord:
    city, region = rng.choice(places)
    total = rng.randint(10, 200)
    women = rng.randint(0, total)
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randint(0, 6 * 365))

    # distinct people within a record: one name with two patronymics would be two spellings of
    # one person, which the shapes rightly refuse
    names = iter(
        rng.sample(
            [(f, g) for f in FAMILY for g in GIVEN], len(seed.moderators) + len(seed.speakers)
        )
    )

    def person() -> PersonName:
        family, given = next(names)
        return PersonName(family, given, rng.choice(PATRONYMIC))

    event = replace(
        seed.event,
        topic=f"{seed.event.topic} ({i})",
        topic_en=None,
        date=day.isoformat(),
        city=city,
        region=region,
        venue=f"{seed.event.venue or 'зал'} № {rng.randint(1, 40)}",
        participants=Participants(total=total, women=women, men=total - women),
    )
    moderators = tuple(Moderator(person(), m.roles) for m in seed.moderators)
    speakers = tuple(replace(s, name=person()) for s in seed.speakers)
    recommendations = tuple(
        Recommendation(text=f"{r.text} ({i}.{n})", en=r.en)
        for n, r in enumerate(seed.recommendations, 1)
    )
    return replace(
        seed,
        event=event,
        moderators=moderators,
        speakers=speakers,
        recommendations=recommendations,
        spans={},
        source=replace(seed.source, slug=f"bench-{i:05d}", file=None, url=None, sha256=None),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed-record", type=Path, default=DEFAULT_SEED_RECORD)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    seed = load_record(args.seed_record)
    places = settlements()
    args.out.mkdir(parents=True, exist_ok=True)
    for i in range(1, args.count + 1):
        record = vary(seed, i, rng, places)
        (args.out / f"bench-{i:05d}.yaml").write_text(dumps_record(record), encoding="utf-8")


if __name__ == "__main__":
    main()
