"""Reading and writing event records: the gold files round-trip, bad records are located."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import RecordError, ReportParseError
from kg.record import PersonName
from kg.record_yaml import dumps_record, load_record, loads_record, slug_from_filename


def test_every_gold_record_loads(shared: Path) -> None:
    files = sorted((shared / "gold").glob("*.yaml"))
    assert len(files) >= 11
    for path in files:
        record = load_record(path)
        assert record.source.slug == path.stem


def test_seed_record_fields(seed_gold: Path) -> None:
    record = load_record(seed_gold)
    assert record.event.date == "2021-04-22"
    assert (record.event.participants.total, record.event.participants.women) == (43, 21)
    assert record.moderators[0].name == PersonName("Абдыров", "Толонбек", "Шакирович")
    assert record.speakers[4].name == PersonName("Искакова", "Жылдыз", None)
    assert [r.countries for r in record.recommendations][1] == ("TJ",)
    assert len(record.recommendations) == 4


def test_round_trip_keeps_every_fact(shared: Path) -> None:
    for path in sorted((shared / "gold").glob("*.yaml")):
        record = load_record(path)
        again = loads_record(dumps_record(record))
        assert again == record, path.name


def test_month_day_date_is_kept_without_a_year() -> None:
    record = loads_record("event: {kind: round table, date: '--04-11'}\n")
    assert record.event.date == "--04-11"


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("event:\n  kind: x\n  date: 2021-02-30\n", 3, "event.date", "date"),
        (
            "event:\n  kind: x\n  participants: {total: -4}\n",
            3,
            "event.participants.total",
            "whole",
        ),
        ("event:\n  kind: x\n  language: kg\n", 3, "event.language", "Kongo"),
        ("event:\n  kind: x\n  region: Jalal-Abad\n", 3, "event.region", "ISO 3166-2"),
        ("event:\n  kind: x\n  evnt_place: y\n", 3, "event.evnt_place", "not a field"),
        ("event:\n  kind: x\nspeakers:\n  - role: mayor\n", 4, "speakers[0]", "no name"),
        ("event:\n  kind: x\nspeakers:\n  - name: Ivanov\n", 4, "speakers[0].name", "family"),
        ("evnt:\n  kind: x\n", 1, "evnt", "did you mean 'event'"),
        ("event:\n  kind: [a, b]\n", 2, "event.kind", "text"),
        (
            "event:\n  kind: x\nrecommendations:\n  - text: a\n    countries: [Tajikistan]\n",
            5,
            "recommendations[0].countries[0]",
            "ISO 3166-1",
        ),
    ],
)
def test_bad_record_names_line_and_field(text: str, line: int, field: str, words: str) -> None:
    with pytest.raises(RecordError) as caught:
        loads_record(text, path="r.yaml")
    err = caught.value
    assert (err.path, err.line, err.field) == ("r.yaml", line, field)
    assert words in str(err)
    assert str(err).startswith(f"r.yaml:{line}: {field}:")


def test_a_missing_top_level_field_is_located_at_the_record() -> None:
    with pytest.raises(RecordError) as caught:
        loads_record("speakers: []\n", path="r.yaml")
    assert caught.value.line == 1


def test_malformed_yaml_names_the_line() -> None:
    with pytest.raises(ReportParseError) as caught:
        loads_record("event:\n  kind: [unclosed\n  date: x\n", path="bad.yaml")
    assert caught.value.line is not None
    assert "bad.yaml:" in str(caught.value)


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ",".join([f"*{prev}"] * 9) + "]")
    lines.append("event: {kind: *j}")
    with pytest.raises(RecordError, match="alias"):
        loads_record("\n".join(lines))


def test_empty_and_non_mapping_files(tmp_path: Path) -> None:
    empty = tmp_path / "empty.yaml"
    empty.write_text("")
    with pytest.raises(RecordError, match="empty"):
        load_record(empty)
    listing = tmp_path / "list.yaml"
    listing.write_text("- a\n- b\n")
    with pytest.raises(RecordError, match="mapping"):
        load_record(listing)


def test_non_utf8_file_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "cp1251.yaml"
    path.write_bytes("event:\n  kind: круглый стол\n".encode("cp1251"))
    with pytest.raises(ReportParseError) as caught:
        load_record(path)
    assert caught.value.line == 2
    assert "UTF-8" in str(caught.value)


def test_slug_from_filename() -> None:
    assert slug_from_filename("osh-xxxx-10-13.ru.md") == "osh-xxxx-10-13"
    assert slug_from_filename("Report 1.YAML") == "report-1"


def test_libyaml_and_pyyaml_read_every_record_alike(shared: Path, monkeypatch) -> None:
    """The C composer (the fast path) and PyYAML's own give the same record and the same lines."""
    import kg.yaml_fields as yf

    paths = sorted((shared / "gold").glob("*.yaml")) + sorted(
        (Path(__file__).resolve().parents[2] / "examples").glob("*.yaml")
    )
    assert yf._CSafeLoader is not None, "PyYAML was built without libyaml"

    def read(path: Path) -> tuple[object, dict[str, int]]:
        reader = yf.FieldReader(path.read_text(encoding="utf-8-sig"), str(path))
        return reader.load(), reader.lines

    fast = [read(p) for p in paths]
    assert all(yf._compose_in_c(p.read_text(encoding="utf-8-sig")) for p in paths)
    monkeypatch.setattr(yf, "_compose_in_c", lambda text: None)
    assert [read(p) for p in paths] == fast


def test_what_libyaml_refuses_is_read_again_for_the_same_error() -> None:
    # nesting past libyaml's limit, and a tab where YAML allows none: the messages are PyYAML's
    deep = "event: " + "[" * 1500 + "]" * 1500
    with pytest.raises(RecordError, match="nested too deeply"):
        loads_record(deep)
    with pytest.raises(ReportParseError, match=r"not valid YAML"):
        loads_record("event:\n\tkind: forum\n")
