"""The bad-input corpus (tests/data/bad/) through kg map, validate, load and extract.

Every file gets a clear error that names it (and its line where one is known), exit status 1,
and nothing in the store. The 10 MB files are made at test time, not kept in git.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.store.embedded import EmbeddedStore

BAD = Path(__file__).resolve().parents[1] / "data" / "bad"
TEN_MB = 10 * 1024 * 1024 + 1024
"""A little over 10 MiB: also over the server's default MAX_CONTENT_LENGTH (10 MiB)."""


@dataclass(frozen=True)
class Bad:
    name: str
    message: str
    line: int | None = None


COMMITTED = [
    Bad("empty.yaml", "holds no record", 1),
    Bad("empty.md", "is empty"),
    Bad("empty.ttl", "is empty"),
    Bad("binary.yaml", "is not UTF-8 text", 1),
    Bad("binary.md", "is a binary file"),
    Bad("binary.ttl", "is not UTF-8 text", 1),
    Bad("windows-1251.yaml", "is not UTF-8 text", 1),
    Bad("windows-1251.ttl", "is not UTF-8 text", 2),
    Bad("deeply-nested.yaml", "nested too deeply", 2),
    # the alias on line 2 (*a), not the anchor it points back to
    Bad("billion-laughs.yaml", "uses a YAML alias", 2),
    Bad("bad-iris.ttl", "Invalid IRI", 3),
    Bad("remote-context.jsonld", "names a remote JSON-LD context (https://schema.org/)"),
    # JSON-LD processing drops an id that is no IRI and a term without a context
    Bad("no-triples.jsonld", "holds no RDF triples"),
]
BIG_TTL_LINES = 120_000
GENERATED = [
    Bad("ten-megabytes.yaml", "is too large for an event record"),
    # valid triples, then one broken line at the end: found, and named, after 10 MB
    Bad("ten-megabytes.ttl", "not valid turtle", BIG_TTL_LINES + 2),
]


def write_big_files(folder: Path) -> dict[str, Path]:
    """The 10 MB members of the corpus: a record, a Turtle file and a report text."""
    record = folder / "ten-megabytes.yaml"
    with record.open("w", encoding="utf-8") as out:
        out.write("event:\n  kind: round table\n  goal: ")
        out.write("a" * TEN_MB + "\n")
    turtle = folder / "ten-megabytes.ttl"
    with turtle.open("w", encoding="utf-8") as out:
        out.write("@prefix ex: <http://example.org/> .\n")
        pad = "x" * (TEN_MB // BIG_TTL_LINES)
        out.writelines(f'ex:s{i} ex:p "{pad}" .\n' for i in range(BIG_TTL_LINES))
        out.write("ex:broken ex:p .\n")
    report = folder / "ten-megabytes.ky.md"
    sentence = "Талас шаарында 2023-жылдын 18-майында тегерек стол өттү, ага 40 адам катышты. "
    report.write_text(sentence * (TEN_MB // len(sentence.encode()) + 1), encoding="utf-8")
    return {p.name: p for p in (record, turtle, report)}


@pytest.fixture(scope="session")
def big_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    return write_big_files(tmp_path_factory.mktemp("bad-big"))


def _path(bad: Bad, big_files: dict[str, Path]) -> Path:
    return big_files[bad.name] if bad.name in big_files else BAD / bad.name


def _commands(bad: Bad) -> list[str]:
    commands = ["map", "validate", "load"]
    return [*commands, "extract"] if bad.name.endswith(".md") else commands


CASES = [
    pytest.param(bad, command, id=f"{command}-{bad.name}")
    for bad in COMMITTED + GENERATED
    for command in _commands(bad)
]


def test_the_corpus_is_all_here() -> None:
    assert sorted(p.name for p in BAD.iterdir() if p.name != "README.md") == sorted(
        b.name for b in COMMITTED
    )


@pytest.mark.parametrize(("bad", "command"), CASES)
def test_a_bad_input_is_a_clear_error_and_exit_1(
    bad: Bad, command: str, big_files: dict[str, Path], tmp_path: Path
) -> None:
    path = _path(bad, big_files)
    args = [command, str(path)]
    store = tmp_path / "store"
    if command == "map":
        args += ["-o", str(tmp_path / "out.trig")]
    if command == "load":
        args += ["--store", str(store), "--no-vocabularies"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    where = f"{path}:{bad.line}:" if bad.line else f"{path}:"
    assert where in result.output
    assert bad.message in result.output
    assert "Traceback" not in result.output
    if command == "map":
        assert not any(tmp_path.iterdir())  # no output file, not even a partial one
    if command == "load":
        opened = EmbeddedStore(store)
        try:
            assert opened.quad_count() == 0
            assert opened.graphs() == []
        finally:
            opened.close()


def test_a_ten_megabyte_report_is_read_in_part_with_a_warning_naming_it(
    big_files: dict[str, Path], caplog: pytest.LogCaptureFixture
) -> None:
    # A report text is not refused for its size (MAX_FILE_BYTES is 16 MB): kg.sources reads the
    # first MAX_TEXT_CHARS characters and says so, so the extractor's time stays bounded.
    path = big_files["ten-megabytes.ky.md"]
    with caplog.at_level(logging.WARNING, logger="kg.sources"):
        result = CliRunner().invoke(cli, ["extract", "--no-spans", str(path)])
    assert result.exit_code == 0, result.output
    assert f"{path}: only the first 200,000 of" in caplog.text
    assert "date: '2023-05-18'" in result.output
