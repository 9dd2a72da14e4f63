"""What the figures were measured on: processor, cores, memory, load, and the versions compared."""

from __future__ import annotations

import os
import platform
import subprocess
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.loadgen import generator_name
from bench.servers import _bin

PACKAGES = (
    "kg-events",
    "pyoxigraph",
    "oxigraph",
    "rdflib",
    "pyshacl",
    "Flask",
    "waitress",
    "rdflib-endpoint",
    "uvicorn",
    "fastapi",
)


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return None


def _version(package: str) -> str | None:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return None


def describe() -> dict[str, Any]:
    """The machine and the versions, for the head of the results."""
    oxigraph_cli = None
    if command := _bin("oxigraph"):
        done = subprocess.run([command, "--version"], capture_output=True, text=True, check=False)
        oxigraph_cli = done.stdout.strip() or None
    return {
        "cpu": _cpu(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
        "versions": {p: v for p in PACKAGES if (v := _version(p))},
        "oxigraph_cli": oxigraph_cli,
        "load_generator": generator_name(),
    }
