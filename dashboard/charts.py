"""Charts drawn on the server as inline SVG: no JavaScript library, nothing fetched from the internet."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

COLORS = ("#2563eb", "#16a34a", "#ea580c", "#9333ea")


def _nice_ceiling(value: float) -> float:
    """The smallest of 1, 2, 2.5, 5 times a power of ten that is at least `value` (axis maxima people can read)."""
    if value <= 0:
        return 1
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if step * magnitude >= value:
            return step * magnitude
    return 10 * magnitude


def line_chart(
    rows: list[dict], series: list[tuple[str, str]], *, label_key: str, width: int = 760, height: int = 260
) -> SafeString:
    """An SVG line chart of `rows`: one line per (key, legend label) in `series`, x labels from `label_key`."""
    left, right, top, bottom = 44, 12, 28, 36
    plot_w, plot_h = width - left - right, height - top - bottom
    peak = _nice_ceiling(max((row[key] for row in rows for key, _ in series), default=0))
    count = max(len(rows), 1)

    def x(index: int) -> float:
        return left + (plot_w * (index + 0.5) / count)

    def y(value: float) -> float:
        return top + plot_h - plot_h * value / peak

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" preserveAspectRatio="xMidYMid meet" '
        f'aria-label="{escape(", ".join(label for _, label in series))} over time">'
    ]
    for step in range(5):
        value = peak * step / 4
        parts.append(
            f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" class="grid"/>'
            f'<text x="{left - 6}" y="{y(value) + 4:.1f}" class="axis" text-anchor="end">{value:g}</text>'
        )
    ticks = max(1, count // 6)
    for index, row in enumerate(rows):
        if index % ticks == 0:
            parts.append(
                f'<text x="{x(index):.1f}" y="{height - bottom + 16}" class="axis" text-anchor="middle">'
                f"{escape(row[label_key])}</text>"
            )
    for (key, label), color in zip(series, COLORS, strict=False):
        points = " ".join(f"{x(i):.1f},{y(row[key]):.1f}" for i, row in enumerate(rows))
        parts.append(
            f'<polyline fill="none" stroke="{color}" stroke-width="2" points="{points}">'
            f"<title>{escape(label)}</title></polyline>"
        )
        if len(rows) == 1:
            parts.append(f'<circle cx="{x(0):.1f}" cy="{y(rows[0][key]):.1f}" r="3" fill="{color}"/>')
    legend_x = left
    for (_, label), color in zip(series, COLORS, strict=False):
        parts.append(
            f'<rect x="{legend_x}" y="8" width="12" height="12" fill="{color}"/>'
            f'<text x="{legend_x + 16}" y="18" class="legend">{escape(label)}</text>'
        )
        legend_x += 24 + 8 * len(label)
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 (numbers and escaped labels only)
