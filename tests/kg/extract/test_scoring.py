"""The extractor on the development set and on our own reports, scored as the reference does."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from kg.evaluation import Score, score_records
from kg.extract import extract_file
from kg.record_yaml import dumps_record, record_to_data, slug_from_filename

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def _score(report: Path, gold_dir: Path) -> Score:
    gold = yaml.safe_load(
        (gold_dir / f"{slug_from_filename(report.name)}.yaml").read_text(encoding="utf-8")
    )
    return score_records(gold, record_to_data(extract_file(report).record, with_spans=False))


def test_seed_report_scores_at_least_095(shared_dir: Path) -> None:
    seed = shared_dir / "corpus" / "jalal-abad-2021-04-22.ky.md"
    score = _score(seed, shared_dir / "gold")
    assert score.f1 >= 0.95, score.misses


def test_development_set_scores_at_least_09(dev_reports: list[Path], shared_dir: Path) -> None:
    total = Score()
    for report in dev_reports:
        total.add(_score(report, shared_dir / "gold"))
    assert total.f1 >= 0.9, total.misses


def test_own_reports_score_at_least_09_each(own_reports: list[Path]) -> None:
    assert len(own_reports) >= 7
    for report in own_reports:
        score = _score(report, REPORTS)
        assert score.f1 >= 0.9, (report.name, score.misses)


def test_kyrgyz_and_russian_press_release_give_the_same_facts(shared_dir: Path) -> None:
    ky = extract_file(shared_dir / "corpus" / "bishkek-2022-06-14.ky.md").record
    ru = extract_file(shared_dir / "corpus" / "bishkek-2022-06-14-ru.ru.md").record

    def facts(record):  # type: ignore[no-untyped-def]
        e = record.event
        people = sorted((s.name.family, s.name.given) for s in record.speakers)
        return (
            e.date,
            e.city is not None,
            e.region,
            e.country,
            e.participants,
            people,
            len(e.audience),
        )

    assert facts(ky) == facts(ru)
    assert facts(ky)[0] == "2022-06-14"


def test_evaluation_agrees_with_the_reference_scorer(
    dev_reports: list[Path], own_reports: list[Path], shared_dir: Path, tmp_path: Path
) -> None:
    scorer = shared_dir / "tools" / "score-extraction"
    for reports, gold_dir in ((dev_reports, shared_dir / "gold"), (own_reports, REPORTS)):
        pred = tmp_path / gold_dir.name
        pred.mkdir()
        ours: dict[str, Score] = {}
        for report in reports:
            slug = slug_from_filename(report.name)
            record = extract_file(report).record
            (pred / f"{slug}.yaml").write_text(dumps_record(record), encoding="utf-8")
            ours[slug] = _score(report, gold_dir)
        golds = tmp_path / f"{gold_dir.name}-gold"
        golds.mkdir()
        for slug in ours:  # the reference scores every gold file in the folder
            (golds / f"{slug}.yaml").write_bytes((gold_dir / f"{slug}.yaml").read_bytes())
        run = subprocess.run(
            [
                sys.executable,
                str(scorer),
                "--gold-dir",
                str(golds),
                "--pred-dir",
                str(pred),
                "--quiet",
            ],
            capture_output=True,
            text=True,
            check=True,
        )
        lines = dict(line.split(": ", 1) for line in run.stdout.splitlines())
        for slug, score in ours.items():
            expected = (
                f"facts gold={score.gold} got={score.predicted} matched={score.matched} "
                f"P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
            )
            assert lines[slug] == expected, slug


@pytest.mark.parametrize("name", ["jalal-abad-2021-04-22.ky.md", "cholpon-ata-2024-07-22.ru.md"])
def test_every_span_points_at_its_fact(shared_dir: Path, name: str) -> None:
    extraction = extract_file(shared_dir / "corpus" / name)
    record, text = extraction.record, extraction.text
    assert record.spans
    for path, span in record.spans.items():
        assert 0 <= span.start < span.end <= len(text), path
    date = record.spans["event.date"]
    assert any(c.isdigit() for c in text[date.start : date.end])
    if record.event.topic:
        topic = record.spans["event.topic"]
        assert text[topic.start : topic.end].split()[0] == record.event.topic.split()[0]
