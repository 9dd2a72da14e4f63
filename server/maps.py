"""A map of Kyrgyzstan drawn offline: a simplified outline and dots at the gazetteer's centroids.

No tiles and no script: the outline (Natural Earth 1:110m, public domain, shipped in
``kyrgyzstan-outline.json``) and the dots are projected here and drawn by the template as inline
SVG. The projection is equirectangular with the longitude scaled by the cosine of the middle
latitude, which is close enough for a country this size.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

WIDTH = 640.0
PAD = 12.0
WEST, EAST, SOUTH, NORTH = 69.2, 80.4, 39.1, 43.4
_COS = math.cos(math.radians((SOUTH + NORTH) / 2))
_SCALE = (WIDTH - 2 * PAD) / ((EAST - WEST) * _COS)
HEIGHT = round((NORTH - SOUTH) * _SCALE + 2 * PAD, 1)


@dataclass(frozen=True)
class Marker:
    """A dot: where, how big, what it stands for and where it links."""

    x: float
    y: float
    r: float
    label: str
    count: int
    href: str | None
    current: bool = False


@dataclass(frozen=True)
class Map:
    width: float
    height: float
    outline: str  # the SVG path of the border
    markers: tuple[Marker, ...]
    source: str


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude and latitude → SVG x and y (y grows southwards).

    >>> x, y = project(WEST, NORTH)
    >>> (round(x), round(y))
    (12, 12)
    """
    return (round(PAD + (lon - WEST) * _COS * _SCALE, 1), round(PAD + (NORTH - lat) * _SCALE, 1))


def inside(lon: float, lat: float) -> bool:
    """Whether a point falls within the map's frame (neighbouring countries' centroids do not)."""
    return WEST <= lon <= EAST and SOUTH <= lat <= NORTH


@functools.cache
def _outline() -> tuple[str, str]:
    data = json.loads(
        (resources.files("server") / "kyrgyzstan-outline.json").read_text(encoding="utf-8")
    )
    points = [project(lon, lat) for lon, lat in data["coordinates"]]
    path = "M" + " L".join(f"{x},{y}" for x, y in points) + " Z"
    return path, str(data["source"])


def draw(points: list[tuple[tuple[float, float], int, str, str | None, bool]]) -> Map:
    """A map with a dot per ``(centroid, count, label, href, current)``; points outside left out.

    A dot's area grows with its count, so one big town does not hide the rest; the biggest dots
    are drawn first, under the small ones.
    """
    markers = []
    for (lon, lat), count, label, href, current in points:
        if not inside(lon, lat):
            continue
        x, y = project(lon, lat)
        r = round(4.0 + 3.0 * math.sqrt(max(count, 0)), 1)
        markers.append(Marker(x, y, min(r, 40.0), label, count, href, current))
    markers.sort(key=lambda m: -m.r)
    path, source = _outline()
    return Map(WIDTH, HEIGHT, path, tuple(markers), source)
