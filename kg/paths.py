"""Where the project's data files are: the ontology, vocabularies and SHACL shapes.

They live in ``ontology/`` and ``shapes/`` at the top of the repository and are installed as the
resource packages ``kg.ontology_files`` and ``kg.shapes_files`` (see pyproject.toml), so the same
code finds them in a checkout, an editable install and a wheel.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable


def ontology_dir() -> Traversable:
    """The folder of the ontology, vocabularies and gazetteer (``ontology/``)."""
    return resources.files("kg.ontology_files")


def shapes_dir() -> Traversable:
    """The folder of the SHACL shapes (``shapes/``)."""
    return resources.files("kg.shapes_files")


def ontology_file(name: str) -> Traversable:
    """One file of ``ontology/`` by name, e.g. ``ontology_file("kg.ttl")``."""
    return ontology_dir() / name


def shapes_file(name: str) -> Traversable:
    """One file of ``shapes/`` by name."""
    return shapes_dir() / name
