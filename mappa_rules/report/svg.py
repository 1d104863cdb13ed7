"""Inline SVG charts for the HTML report, drawn by hand (no script, no external file): small multiples of bar
charts (one panel per row of a table, a bar per column) and of line charts (one panel per figure, a point per
year). Each panel has its own scale, because Level 1 counts dwarf Level 2 and 3 counts.
"""

from __future__ import annotations

from html import escape
from itertools import pairwise

PALETTE = ("#2b6cb0", "#c53030", "#2f855a", "#b7791f", "#6b46c1", "#2c7a7b")
PANEL_W, PANEL_H = 300, 220
TOP, BOTTOM, LEFT, RIGHT = 34, 48, 40, 12


def _nice_max(value: int) -> int:
    """A round, even axis maximum at or above ``value`` (so that the middle tick is a whole number)."""
    if value <= 4:
        return 4
    step: int = 10 ** (len(str(value)) - 1)
    tops = [step * factor for factor in (1, 2, 4, 6, 8, 10)]
    return next(top for top in tops if top >= value and top % 2 == 0)


def _text(x: float, y: float, text: str, size: int = 11, anchor: str = "middle", weight: str = "normal") -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" text-anchor="{anchor}" font-weight="{weight}" '
            f'fill="#1a202c">{escape(text)}</text>')


def _title(x: float, y: float, text: str, size: int) -> str:
    """A panel title, wrapped onto two lines when it is too long for the panel."""
    limit = int(PANEL_W * 1.7 / size)
    if len(text) <= limit:
        return _text(x, y, text, size, weight="bold")
    cut = text.rfind(" ", 0, limit)
    cut = cut if cut > 0 else limit
    rest = text[cut:].strip()
    rest = rest if len(rest) <= limit else rest[: limit - 1] + "\N{HORIZONTAL ELLIPSIS}"
    return _text(x, y - size * 0.6, text[:cut], size, weight="bold") + _text(x, y + size * 0.6, rest, size,
                                                                             weight="bold")


def _axis(x0: float, y0: float, height: float, width: float, top: int) -> list[str]:
    parts = [f'<line x1="{x0}" y1="{y0}" x2="{x0 + width}" y2="{y0}" stroke="#4a5568"/>']
    for tick in (0, top // 2, top):
        y = y0 - height * tick / top
        parts.append(f'<line x1="{x0 - 3}" y1="{y:.1f}" x2="{x0 + width}" y2="{y:.1f}" stroke="#e2e8f0"/>')
        parts.append(_text(x0 - 5, y + 4, f"{tick:,}", 10, "end"))
    return parts


def bar_panels(title: str, panels: list[tuple[str, list[tuple[str, int]]]]) -> str:
    """One bar chart per panel: ``panels`` is [(panel title, [(bar label, value), ...]), ...]."""
    width = PANEL_W * max(1, len(panels))
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{PANEL_H + 24}" '
             f'viewBox="0 0 {width} {PANEL_H + 24}"><title>{escape(title)}</title>',
             f'<rect width="{width}" height="{PANEL_H + 24}" fill="#ffffff"/>']
    for p, (panel_title, bars) in enumerate(panels):
        x0, y0 = p * PANEL_W + LEFT, TOP + PANEL_H - BOTTOM
        plot_w, plot_h = PANEL_W - LEFT - RIGHT, PANEL_H - TOP - BOTTOM
        top = _nice_max(max((v for _, v in bars), default=0))
        parts.append(_title(p * PANEL_W + PANEL_W / 2, 18, panel_title, 13))
        parts += _axis(x0, y0, plot_h, plot_w, top)
        slot = plot_w / max(1, len(bars))
        for b, (label, value) in enumerate(bars):
            bar_h = plot_h * value / top
            x = x0 + b * slot + slot * 0.15
            parts.append(f'<rect x="{x:.1f}" y="{y0 - bar_h:.1f}" width="{slot * 0.7:.1f}" height="{bar_h:.1f}" '
                         f'fill="{PALETTE[b % len(PALETTE)]}"><title>{escape(f"{panel_title}, {label}: {value:,}")}'
                         '</title></rect>')
            parts.append(_text(x + slot * 0.35, y0 - bar_h - 4, f"{value:,}", 11, weight="bold"))
            parts.append(_text(x + slot * 0.35, y0 + 16, label, 10))
    parts.append("</svg>")
    return "".join(parts)


def line_panels(title: str, years: list[str], series: list[tuple[str, list[int | None]]]) -> str:
    """One line chart per figure across ``years``; a missing value leaves a gap."""
    columns = min(3, max(1, len(series)))
    rows = (len(series) + columns - 1) // columns
    width, height = PANEL_W * columns, PANEL_H * rows + 8
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
             f'<rect width="{width}" height="{height}" fill="#ffffff"/>']
    for s, (label, values) in enumerate(series):
        ox, oy = (s % columns) * PANEL_W, (s // columns) * PANEL_H
        x0, y0 = ox + LEFT, oy + TOP + PANEL_H - BOTTOM
        plot_w, plot_h = PANEL_W - LEFT - RIGHT, PANEL_H - TOP - BOTTOM
        top = _nice_max(max((v for v in values if v is not None), default=0))
        parts.append(_title(ox + PANEL_W / 2, oy + 18, label, 12))
        parts += _axis(x0, y0, plot_h, plot_w, top)
        step = plot_w / max(1, len(years))
        points: list[tuple[float, float] | None] = []
        for i, (year, value) in enumerate(zip(years, values, strict=True)):
            x = x0 + step * (i + 0.5)
            parts.append(_text(x, y0 + 16, year, 10))
            if value is None:
                points.append(None)
                continue
            y = y0 - plot_h * value / top
            points.append((x, y))
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{PALETTE[s % len(PALETTE)]}">'
                         f'<title>{escape(f"{label}, {year}: {value:,}")}</title></circle>')
            parts.append(_text(x, y - 8, f"{value:,}", 10, weight="bold"))
        for a, b in pairwise(points):
            if a is not None and b is not None:
                parts.append(f'<line x1="{a[0]:.1f}" y1="{a[1]:.1f}" x2="{b[0]:.1f}" y2="{b[1]:.1f}" '
                             f'stroke="{PALETTE[s % len(PALETTE)]}" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)


__all__ = ["PALETTE", "bar_panels", "line_panels"]
