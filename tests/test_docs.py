"""The README documents every setting and every CLI command (Datasette's docs test)."""

from __future__ import annotations

import re

import pytest

from kg.cli import cli
from server.config import ENV_PREFIX, SETTINGS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _section(title: str) -> str:
    match = re.search(
        rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", README, re.MULTILINE | re.DOTALL
    )
    assert match, f"README.md has no '## {title}' section"
    return match.group(1)


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme_table(setting):
    rows = [
        line
        for line in _section("Settings").splitlines()
        if line.startswith(f"| `{setting.name}` |")
    ]
    assert rows, f"README.md, Settings: add a row for {setting.name} ({setting.help})"
    cells = [cell.strip() for cell in rows[0].strip("|").split("|")]
    assert cells[1] == f"`{ENV_PREFIX}_{setting.name}`"
    assert cells[2] == _as_toml(setting.default), (
        f"README.md, Settings: the default of {setting.name}"
    )
    assert cells[3], f"README.md, Settings: say what {setting.name} means"


def _as_toml(value: object) -> str:
    """A default as the table writes it: as it would be written in the TOML file."""
    if value is None:
        return "unset"
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if isinstance(value, str):
        return f'`"{value}"`'
    if isinstance(value, tuple):
        return "`[" + ", ".join(f'"{v}"' for v in value) + "]`"
    return f"`{value}`"


def test_the_readme_table_lists_no_setting_that_does_not_exist():
    names = {s.name for s in SETTINGS}
    listed = re.findall(r"^\| `([A-Z_]+)` \|", _section("Settings"), re.MULTILINE)
    assert set(listed) <= names, f"README.md lists unknown settings: {set(listed) - names}"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_cli_command_is_in_the_cli_reference(name):
    assert f"| `kg {name}" in _section("CLI reference"), (
        f"README.md, CLI reference: add `kg {name}`"
    )
