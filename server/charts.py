"""The participants-by-sex chart: one stacked bar, drawn as inline SVG by the template.

Only the geometry is computed here (widths in percent of the bar), so the chart needs no script
and no library, scales with the page, and prints. Counts the report does not split by sex show
as "not stated" rather than being guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.messages import translate


@dataclass(frozen=True)
class Bar:
    """One part of the bar: its name, count, share and where it starts (percent of the width)."""

    key: str  # women, men, unknown: the CSS class that colours it
    label: str
    count: int
    share: float
    x: float


@dataclass(frozen=True)
class SexChart:
    total: int
    bars: tuple[Bar, ...]
    caption: str


def sex_chart(
    total: int | None, women: int | None, men: int | None, *, lang: str
) -> SexChart | None:
    """The chart for an event's counts, or ``None`` when the report gives no counts at all.

    >>> chart = sex_chart(37, 24, 13, lang="en")
    >>> [(b.key, b.count, round(b.share, 1)) for b in chart.bars]
    [('women', 24, 64.9), ('men', 13, 35.1)]
    >>> [b.key for b in sex_chart(40, 24, None, lang="en").bars]
    ['women', 'unknown']
    """
    known = (women or 0) + (men or 0)
    whole = max(total or 0, known)
    if whole <= 0:
        return None
    parts = [("women", women or 0), ("men", men or 0), ("unknown", whole - known)]
    bars = []
    x = 0.0
    for key, count in parts:
        if count <= 0:
            continue
        share = 100.0 * count / whole
        label = translate("not_stated" if key == "unknown" else key, lang)
        bars.append(Bar(key, label, count, share, x))
        x += share
    caption = ", ".join(f"{b.label}: {b.count}" for b in bars)
    return SexChart(
        total=whole, bars=tuple(bars), caption=f"{translate('total', lang)}: {whole}; {caption}"
    )
