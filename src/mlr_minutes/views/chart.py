"""A focus area's activity as an inline SVG bar chart, with its table equivalent.

The geometry is computed here so that the template only draws rectangles and labels; a
chart has at most :data:`CHART_MAX_BARS` bars however long the archive gets.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..archive import FocusArea

CHART_MAX_BARS = 40
"""Most bars in a focus area's chart: beyond this many quarters it counts years (or spans
of years), so that the chart stays the same size however long the archive gets."""


@dataclass(frozen=True, slots=True)
class Bar:
    """A bar of the activity chart (SVG coordinates precomputed)."""

    x: int
    """Left edge."""
    y: int
    """Top edge."""
    width: int
    """Width."""
    height: int
    """Height."""
    label: str
    """Period (``2016 kv. 2``)."""
    value: int
    """Activity count."""


@dataclass(frozen=True, slots=True)
class AxisLabel:
    """A text label on the chart."""

    x: int
    """Anchor x."""
    y: int
    """Baseline y."""
    text: str
    """The label."""


@dataclass(frozen=True, slots=True)
class ChartRow:
    """A period in the chart's table equivalent."""

    period: str
    """``2016 kv. 2``."""
    meetings: int
    """Meetings that dealt with the area."""
    decisions: int
    """Decisions on it."""
    actions: int
    """Action items on it."""
    total: int
    """The bar's value."""


@dataclass(frozen=True, slots=True)
class Chart:
    """An inline SVG bar chart of activity per quarter, with its table equivalent."""

    width: int
    """SVG width."""
    height: int
    """SVG height."""
    title: str
    """Accessible title."""
    description: str
    """Accessible description summarising the data."""
    bars: tuple[Bar, ...]
    """Bars."""
    x_labels: tuple[AxisLabel, ...]
    """Year labels under the bars."""
    y_labels: tuple[AxisLabel, ...]
    """Value labels."""
    gridlines: tuple[int, ...]
    """y of horizontal gridlines."""
    baseline: int
    """y of the x axis."""
    rows: tuple[ChartRow, ...]
    """The table equivalent."""
    period: str = "kvartal"
    """What a bar counts: ``kvartal``, ``år`` or ``period`` (spans of years)."""


def activity_chart(area: FocusArea) -> Chart | None:
    """The area's meetings, decisions and actions per quarter (or year, or span of years);
    None when no dated meeting dealt with it yet."""
    if not area.entries or any(e.meeting.date is None for e in area.entries):
        dated = [e for e in area.entries if e.meeting.date is not None]
    else:
        dated = list(area.entries)
    if not dated:
        return None
    periods: dict[tuple[int, int], list[int]] = {}
    first = dated[0].meeting.date
    last = dated[-1].meeting.date
    assert first is not None and last is not None
    year, quarter = first.year, (first.month - 1) // 3 + 1
    while (year, quarter) <= (last.year, (last.month - 1) // 3 + 1):
        periods[(year, quarter)] = [0, 0, 0]
        year, quarter = (year, quarter + 1) if quarter < 4 else (year + 1, 1)
    for entry in dated:
        date = entry.meeting.date
        assert date is not None
        counts = periods[(date.year, (date.month - 1) // 3 + 1)]
        counts[0] += 1
        counts[1] += len(entry.decisions)
        counts[2] += len(entry.actions)
    period = "kvartal"
    if len(periods) > CHART_MAX_BARS:
        # Years, or spans of years when even those would be too many bars.
        span = -(-(last.year - first.year + 1) // CHART_MAX_BARS)
        period = "år" if span == 1 else "period"
        merged: dict[tuple[int, int], list[int]] = {}
        for (y, _), counts in periods.items():
            start = first.year + (y - first.year) // span * span
            total = merged.setdefault((start, 1), [0, 0, 0])
            for index, value in enumerate(counts):
                total[index] += value
        periods = merged

    def label(y: int, q: int) -> str:
        if period == "kvartal":
            return f"{y} kv. {q}"
        return str(y) if period == "år" else f"{y}–{min(y + span - 1, last.year)}"

    rows = tuple(ChartRow(label(y, q), c[0], c[1], c[2], sum(c)) for (y, q), c in periods.items())
    peak = max(r.total for r in rows) or 1
    # Wide enough to read on a desktop, a fixed slot per quarter beyond that (the SVG scales
    # down on a phone; the table below carries the exact numbers).
    left, top, plot_height = 40, 20, 160
    slot = max(24, min(90, 600 // len(rows)))
    width = left + slot * len(rows) + 10
    baseline = top + plot_height
    bars = []
    x_labels = []
    for index, ((y, q), row) in enumerate(zip(periods, rows, strict=True)):
        height = round(plot_height * row.total / peak)
        x = left + index * slot + slot // 6
        bar_width = slot - 2 * (slot // 6)
        bars.append(Bar(x, baseline - height, bar_width, height, row.period, row.total))
        if period == "kvartal" and slot >= 40:
            x_labels.append(AxisLabel(x, baseline + 16, f"kv. {q}"))
        if period == "kvartal" and (q == 1 or index == 0):
            x_labels.append(AxisLabel(x, baseline + 34, str(y)))
        elif period != "kvartal" and (index % 5 == 0 or slot >= 40):
            # Every fifth year under narrow bars: the labels must not overlap.
            x_labels.append(AxisLabel(x, baseline + 34, str(y)))
    steps = sorted({0, peak, peak // 2} if peak > 1 else {0, 1})
    y_labels = tuple(
        AxisLabel(left - 6, baseline - round(plot_height * s / peak) + 4, str(s)) for s in steps
    )
    busiest = max(rows, key=lambda r: r.total)
    description = (
        f"Stapeldiagram med aktivitet per {period if period != 'period' else 'flerårsperiod'} "
        f"från {rows[0].period} till {rows[-1].period}: "
        f"möten, beslut och åtgärder om {area.name} sammanlagt. "
        f"Mest aktivitet {busiest.period} ({busiest.total})."
    )
    return Chart(
        width=width,
        height=baseline + 42,
        title=f"Aktivitet över tid: {area.name}",
        description=description,
        bars=tuple(bars),
        x_labels=tuple(x_labels),
        y_labels=y_labels,
        gridlines=tuple(baseline - round(plot_height * s / peak) for s in steps),
        baseline=baseline,
        rows=rows,
        period=period,
    )
