"""Charts drawn on the server as inline SVG: no JavaScript library, nothing fetched from the internet, no inline style
(the Content-Security-Policy forbids it): sizes and colours are SVG attributes, tooltips are SVG <title> elements.

Text in an SVG scales with it, so one drawing cannot be readable both on a phone and on a desktop: `line_chart` draws
a wide and a narrow one, and the stylesheet shows the one that fits (each keeps its text at 11 px or more).
"""

import math
from dataclasses import dataclass

from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

COLORS = ("#2563eb", "#16a34a", "#ea580c", "#9333ea")
# The widest the stylesheet shows the narrow chart is the phone's width less the page and card padding (2 * 12 + 2 * 17
# at 390 px: 332 px); the wide one is shown from 700 px, where it gets at least 700 - 2 * 20 - 2 * 17 = 626 px.
NARROW_MIN_PX, WIDE_MIN_PX = 332, 626


@dataclass(frozen=True)
class Size:
    """A drawing's box in SVG units, its margins, its font size, and the narrowest it is shown at (CSS pixels)."""

    name: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    font: int
    shown_from_px: int

    def rendered_font_px(self) -> float:
        """The smallest rendered size of the drawing's text: the font scaled down to the narrowest width shown."""
        return self.font * self.shown_from_px / self.width


WIDE = Size("wide", 760, 300, 74, 16, 16, 40, font=14, shown_from_px=WIDE_MIN_PX)
NARROW = Size("narrow", 360, 280, 62, 10, 14, 40, font=13, shown_from_px=NARROW_MIN_PX)
SIZES = (WIDE, NARROW)


def count_ticks(peak: float, most: int = 5) -> list[int]:
    """Whole-number ticks from 0 to at least `peak`, at most `most` + 1 of them, a step of 1, 2, 2.5 or 5 times a power
    of ten (2.5 only where it is whole)."""
    if peak <= 0:
        return [0, 1]
    exponent = 0
    while True:
        for factor in (1, 2, 2.5, 5):
            step = factor * 10**exponent
            if step != int(step):
                continue
            intervals = math.ceil(peak / step)
            if intervals <= most:
                return [int(step * index) for index in range(intervals + 1)]
        exponent += 1


def _x_label_every(rows: list[dict], size: Size, plot_w: float) -> int:
    """Show every n-th x label so that they do not overlap (about 0.6 em per character, plus a gap)."""
    longest = max((len(str(row["label"])) for row in rows), default=1)
    fits = max(1, int(plot_w // (longest * size.font * 0.62 + size.font)))
    return max(1, math.ceil(len(rows) / fits))


def _tooltip(row: dict, series: list[tuple[str, str]], incomplete_note: str) -> str:
    figures = " · ".join(f"{label} {row[key]}" for key, label in series)
    note = f" ({incomplete_note})" if row.get("incomplete") else ""
    return f"{row['title']}{note}: {figures}"


def _drawing(rows, series, *, size: Size, y_title: str, incomplete_note: str, description: str) -> str:
    """One SVG drawing of the chart at one size."""
    plot_w = size.width - size.left - size.right
    plot_h = size.height - size.top - size.bottom
    ticks = count_ticks(max((row[key] for row in rows for key, _ in series), default=0))
    count = max(len(rows), 1)

    def x(index: int) -> float:
        return size.left + plot_w * (index + 0.5) / count

    def y(value: float) -> float:
        return size.top + plot_h - plot_h * value / ticks[-1]

    font = size.font
    parts = [
        f'<svg class="chart chart-{size.name}" viewBox="0 0 {size.width} {size.height}" '
        f'preserveAspectRatio="xMidYMid meet" role="img" aria-label="{escape(description)}">'
    ]
    for value in ticks:
        parts.append(
            f'<line x1="{size.left}" x2="{size.width - size.right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
            f'class="grid"/><text x="{size.left - 6}" y="{y(value) + font * 0.35:.1f}" class="axis" '
            f'font-size="{font}" text-anchor="end">{value}</text>'
        )
    middle = size.top + plot_h / 2
    parts.append(
        f'<text class="axis-title" font-size="{font}" text-anchor="middle" x="{font}" y="{middle:.1f}" '
        f'transform="rotate(-90 {font} {middle:.1f})">{escape(y_title)}</text>'
    )
    every = _x_label_every(rows, size, plot_w)
    for index, row in enumerate(rows):
        if index % every == 0:
            parts.append(
                f'<text x="{x(index):.1f}" y="{size.height - size.bottom + font + 6}" class="axis" '
                f'font-size="{font}" text-anchor="middle">{escape(row["label"])}</text>'
            )
    # A column per bucket, transparent: hovering anywhere above a bucket shows all its figures.
    column = plot_w / count
    for index, row in enumerate(rows):
        parts.append(
            f'<rect class="hit" x="{size.left + column * index:.1f}" y="{size.top}" width="{column:.1f}" '
            f'height="{plot_h}" fill="#000" fill-opacity="0"><title>{escape(_tooltip(row, series, incomplete_note))}'
            "</title></rect>"
        )
    for (key, label), color in zip(series, COLORS, strict=False):
        parts.append(_line(rows, key, label, color, x, y, incomplete_note))
    parts.append("</svg>")
    return "".join(parts)


def _line(rows, key, label, color, x, y, incomplete_note: str) -> str:
    """One series: a solid line over the complete buckets, dashed to an incomplete last one, a dot per bucket."""
    complete = len(rows) - 1 if rows and rows[-1].get("incomplete") else len(rows)
    points = [(x(i), y(row[key])) for i, row in enumerate(rows)]
    out = []
    if complete > 1:
        solid = " ".join(f"{px:.1f},{py:.1f}" for px, py in points[:complete])
        out.append(f'<polyline fill="none" stroke="{color}" stroke-width="2.5" points="{solid}"/>')
    if complete < len(rows) and complete > 0:
        (x1, y1), (x2, y2) = points[complete - 1], points[complete]
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" stroke="{color}" stroke-width="2.5" '
            'stroke-dasharray="6 4"/>'
        )
    for index, (row, (px, py)) in enumerate(zip(rows, points, strict=True)):
        fill = "#fff" if index >= complete else color
        note = f" ({incomplete_note})" if index >= complete else ""
        tooltip = escape(f"{label}, {row['title']}{note}: {row[key]}")
        out.append(
            f'<circle cx="{px:.1f}" cy="{py:.1f}" r="3.5" fill="{fill}" stroke="{color}" stroke-width="2">'
            f"<title>{tooltip}</title></circle>"
        )
    return "".join(out)


def line_chart(
    rows: list[dict], series: list[tuple[str, str]], *, y_title: str, incomplete_note: str, description: str
) -> SafeString:
    """An SVG line chart of `rows` (each with `label` for the x axis, `title` for tooltips, `incomplete` for a bucket
    not over yet, and a value per series key), one line per (key, legend label) of `series`, drawn wide and narrow,
    with an HTML legend. `description` is the drawing's accessible name (point it to the table of the same figures)."""
    legend = format_html_join(
        "",
        '<li><svg class="swatch" viewBox="0 0 12 12" aria-hidden="true"><rect width="12" height="12" fill="{}"/>'
        "</svg>{}</li>",
        ((color, label) for (_, label), color in zip(series, COLORS, strict=False)),
    )
    drawings = "".join(
        _drawing(rows, series, size=size, y_title=y_title, incomplete_note=incomplete_note, description=description)
        for size in SIZES
    )
    return format_html('<ul class="legend">{}</ul>{}', legend, mark_safe(drawings))  # noqa: S308 (escaped above)
