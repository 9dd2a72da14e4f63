"""Packaging: every package is installed, and the library imports without the web server."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_python_package_is_listed_in_pyproject() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"][
        "setuptools"
    ]
    listed = set(config["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for top in ("kg", "server")
        for init in (ROOT / top).rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert on_disk <= listed, f"add to [tool.setuptools] packages: {sorted(on_disk - listed)}"
    for name, folder in config["package-dir"].items():
        assert (ROOT / folder).is_dir(), f"{name} maps to a missing folder {folder}"


def test_kg_imports_without_flask() -> None:
    code = (
        "import sys, kg, kg.cli, kg.mapping, kg.inputs\n"
        "assert 'flask' not in sys.modules, 'kg imported flask'\n"
        "assert 'server' not in sys.modules, 'kg imported the server'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
