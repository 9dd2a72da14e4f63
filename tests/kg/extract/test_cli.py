"""``kg extract`` and ``kg eval`` through click's runner, errors included."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from kg.cli import cli

REPORTS = Path(__file__).resolve().parents[2] / "data" / "reports"


def test_extract_prints_yaml_with_spans() -> None:
    result = CliRunner().invoke(cli, ["extract", str(REPORTS / "uzgen-2024-03-12.ky.md")])
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.output)
    assert data["event"]["date"] == "2024-03-12"
    assert data["spans"]["event.city"][0] < data["spans"]["event.city"][1]
    assert data["source"]["slug"] == "uzgen-2024-03-12"


def test_extract_writes_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    result = CliRunner().invoke(cli, ["extract", str(REPORTS / "talas-2022-09-07.en.md"), "-o", str(out), "--no-spans"])
    assert result.exit_code == 0 and result.output == ""
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["event"]["city"] == "Talas" and "spans" not in data


def test_eval_prints_scores() -> None:
    reports = [str(REPORTS / "uzgen-2024-03-12.ky.md"), str(REPORTS / "karakol-2023-05-18.ru.md")]
    result = CliRunner().invoke(cli, ["eval", "--gold-dir", str(REPORTS), *reports])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith("uzgen-2024-03-12: facts gold=")
    assert lines[-1].startswith("overall: reports=2 ")
    assert "F1=" in lines[-1]


def test_eval_min_f1_fails(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "uzgen-2024-03-12.yaml").write_text("event: {kind: конференция, city: Нарын}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["eval", "--gold-dir", str(gold), "--min-f1", "0.9", str(REPORTS / "uzgen-2024-03-12.ky.md")]
    )
    assert result.exit_code == 1


def test_eval_goes_on_after_a_report_without_an_event(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "noevent-2024-01-01.yaml").write_text("event: {kind: training, city: Osh}\n", encoding="utf-8")
    (gold / "uzgen-2024-03-12.yaml").write_bytes((REPORTS / "uzgen-2024-03-12.yaml").read_bytes())
    empty = tmp_path / "noevent-2024-01-01.en.md"
    empty.write_text("Lorem ipsum dolor sit amet.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "--gold-dir", str(gold), str(empty), str(REPORTS / "uzgen-2024-03-12.ky.md")])
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("noevent-2024-01-01: facts gold=2 got=0 matched=0 ")
    assert lines[1].startswith("uzgen-2024-03-12: ") and "F1=0.000" not in lines[1]
    assert lines[-1].startswith("overall: reports=2 ")
    assert "noevent-2024-01-01.en.md" in result.stderr


def test_errors_name_the_file_and_exit_1(tmp_path: Path) -> None:
    cases = {
        "empty.md": b"",
        "binary.md": b"\x00\x01\x02\x03" * 20,
        "slides.pptx": b"PK\x03\x04junk",
        "latin.txt": b"\xff\xfe\xfa\xfb" + "текст".encode("koi8_r"),
        "noevent.en.md": b"Lorem ipsum dolor sit amet.\n",
    }
    runner = CliRunner()
    for name, content in cases.items():
        path = tmp_path / name
        path.write_bytes(content)
        result = runner.invoke(cli, ["extract", str(path)])
        assert result.exit_code == 1, (name, result.output)
        assert name in result.output and "Traceback" not in result.output
        assert result.exception is None or isinstance(result.exception, SystemExit)


def test_eval_without_gold_record(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["eval", "--gold-dir", str(tmp_path), str(REPORTS / "uzgen-2024-03-12.ky.md")])
    assert result.exit_code == 1 and "no gold record" in result.output
