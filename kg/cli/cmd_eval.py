"""``kg eval --gold-dir DIR REPORT...``: extract reports and score them against gold records."""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from kg.errors import ExtractionError, RecordError, ReportParseError
from kg.evaluation import Score, score_records
from kg.extract import extract_file
from kg.record_yaml import record_to_data, slug_from_filename


def _gold(path: Path) -> dict:  # type: ignore[type-arg]
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise ReportParseError(f"cannot read the gold record: {exc}", path=str(path)) from exc
    except yaml.YAMLError as exc:
        raise ReportParseError(f"the gold record is not YAML: {exc}", path=str(path)) from exc
    if not isinstance(data, dict):
        raise RecordError("is not an event record (a YAML mapping)", path=str(path))
    return data


@click.command("eval")
@click.argument("reports", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--gold-dir", required=True, type=click.Path(file_okay=False, exists=True, path_type=Path),
              help="Folder of gold records, <slug>.yaml for each report.")
@click.option("--misses/--no-misses", default=False, help="Also print each fact that did not match.")
@click.option("--min-f1", type=float, help="Exit 1 when the overall F1 is below this.")
def command(reports: tuple[Path, ...], gold_dir: Path, misses: bool, min_f1: float | None) -> None:
    """Extract each REPORT and print precision, recall and F1 against DIR/<slug>.yaml.

    Scoring follows gold/SCHEMA.md and agrees with shared/tools/score-extraction. A report from
    which no event can be read scores as an empty record (every gold fact missed); the run goes on
    and exits 1 at the end.
    """
    total = Score()
    failed = []
    for report in reports:
        slug = slug_from_filename(report.name)
        gold_path = gold_dir / f"{slug}.yaml"
        if not gold_path.is_file():
            raise click.ClickException(f"{report}: no gold record {gold_path}")
        try:
            predicted = record_to_data(extract_file(report).record, with_spans=False)
        except ExtractionError as exc:
            # one unreadable report must not hide the scores of the others
            click.echo(f"Error: {exc}", err=True)
            failed.append(report)
            predicted = {}
        score = score_records(_gold(gold_path), predicted)
        if misses:
            for miss in score.misses:
                click.echo(f"{slug}: {miss}")
        click.echo(
            f"{slug}: facts gold={score.gold} got={score.predicted} matched={score.matched} "
            f"P={score.precision:.3f} R={score.recall:.3f} F1={score.f1:.3f}"
        )
        total.add(score)
    click.echo(f"overall: reports={len(reports)} P={total.precision:.3f} R={total.recall:.3f} F1={total.f1:.3f}")
    if failed:
        click.echo(f"no event could be read from {len(failed)} report(s)", err=True)
    if failed or (min_f1 is not None and total.f1 < min_f1):
        raise SystemExit(1)
