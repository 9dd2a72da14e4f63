"""Small statistics for the figures: percentiles, medians, geometric means."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence

__all__ = ["geomean", "median", "percentile"]


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (nearest rank) of ``values``; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def geomean(values: Sequence[float]) -> float:
    """The geometric mean of the positive ``values`` (NaN when there are none)."""
    positive = [v for v in values if v > 0 and math.isfinite(v)]
    if not positive:
        return math.nan
    return math.exp(sum(math.log(v) for v in positive) / len(positive))
