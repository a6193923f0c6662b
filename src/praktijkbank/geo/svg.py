"""The map of the Netherlands as inline SVG: province outlines and one marker per practice.

Drawn at build time from the outlines in RD New metres, so the page needs no map
tiles and no script, works offline and prints. One SVG unit is 100 metres; north
is up because RD's y axis is flipped into SVG's.
"""

from __future__ import annotations

import functools
import html
import math
from dataclasses import dataclass, field

from .shapes import Outlines, Polygon

METRES_PER_UNIT = 100.0
MARGIN_UNITS = 40
HIT_FACTOR = 2  # the clickable area around a marker, as a multiple of its radius


@dataclass(frozen=True)
class Marker:
    key: str  # the card's slug
    x: float  # RD metres
    y: float
    label: str  # the accessible name: what a screen reader says and a tooltip shows
    href: str | None = None  # a link to the card; None draws a plain dot
    attributes: dict[str, str] = field(default_factory=dict)  # extra attributes, e.g. for the filters


@dataclass(frozen=True)
class Frame:
    """RD metres to SVG units for one country outline."""

    min_x: float
    max_y: float
    width: int
    height: int

    @classmethod
    @functools.cache
    def around(cls, outlines: Outlines) -> "Frame":
        min_x, min_y, max_x, max_y = outlines.bounds()
        return cls(
            min_x - MARGIN_UNITS * METRES_PER_UNIT,
            max_y + MARGIN_UNITS * METRES_PER_UNIT,
            math.ceil((max_x - min_x) / METRES_PER_UNIT) + 2 * MARGIN_UNITS,
            math.ceil((max_y - min_y) / METRES_PER_UNIT) + 2 * MARGIN_UNITS,
        )

    def point(self, x: float, y: float) -> tuple[float, float]:
        return (x - self.min_x) / METRES_PER_UNIT, (self.max_y - y) / METRES_PER_UNIT

    def rd(self, sx: float, sy: float) -> tuple[float, float]:
        """Back from SVG units to RD metres (tests check markers against the outlines)."""
        return sx * METRES_PER_UNIT + self.min_x, self.max_y - sy * METRES_PER_UNIT


def path_data(polygons: tuple[Polygon, ...], frame: Frame) -> str:
    """Compact SVG path: absolute start, relative whole-unit steps, closed rings."""
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [tuple(round(c) for c in frame.point(x, y)) for x, y in ring]
            (x0, y0), steps = points[0], []
            previous = points[0]
            for point in points[1:]:
                if point != previous:
                    steps.append(f"{point[0] - previous[0]} {point[1] - previous[1]}")
                    previous = point
            parts.append(f"M{x0} {y0}l" + " ".join(steps) + "z")
    return "".join(parts)


@functools.cache
def _province_paths(outlines: Outlines, detailed: bool) -> dict[str, str]:
    """Path data per province: the same on every page, so drawn once per build."""
    frame = Frame.around(outlines)
    return {key: path_data(p.detail if detailed else p.coarse, frame) for key, p in outlines.provinces.items()}


def _spread(markers: list[Marker], frame: Frame, radius: float,
            outlines: Outlines | None = None) -> list[tuple[Marker, float, float]]:
    """Markers on (nearly) the same spot are fanned out around it, so each stays visible and clickable.

    A sunflower pattern packs any number of dots evenly around the spot; it is scaled so
    neighbouring dots keep a small gap between them. Near a border (the city of Groningen
    lies by Drenthe) the pattern is turned until every dot stays in its own province.
    """
    placed = [(m, *frame.point(m.x, m.y)) for m in sorted(markers, key=lambda m: m.key)]
    groups: list[list[tuple[Marker, float, float]]] = []
    for item in placed:
        group = next((g for g in groups if math.dist(g[0][1:], item[1:]) < radius * 2.5), None)
        if group is None:
            groups.append([item])
        else:
            group.append(item)
    result = []
    for group in groups:
        cx, cy = group[0][1], group[0][2]
        offsets = _sunflower(len(group), spacing=radius * 2.5)
        fanned = [(marker, cx + dx, cy + dy) for (marker, _, _), (dx, dy) in zip(group, offsets)]
        if outlines is not None and len(group) > 1:
            for turn in range(12):
                angle = turn * math.pi / 6
                turned = [(m, cx + dx * math.cos(angle) - dy * math.sin(angle),
                           cy + dx * math.sin(angle) + dy * math.cos(angle)) for (m, _, _), (dx, dy) in zip(group, offsets)]
                if all(_in_own_province(m, sx, sy, frame, outlines) for m, sx, sy in turned):
                    fanned = turned
                    break
        result.extend(fanned)
    return result


def _in_own_province(marker: Marker, sx: float, sy: float, frame: Frame, outlines: Outlines) -> bool:
    own = marker.attributes.get("data-provincie")  # one province: each marker is in one place
    return not own or " " in own or outlines.province_at(frame.rd(sx, sy)) == own


def _sunflower(count: int, spacing: float) -> list[tuple[float, float]]:
    if count == 1:
        return [(0.0, 0.0)]
    golden = math.pi * (3 - math.sqrt(5))
    unit = [(math.sqrt(i + 0.5) * math.cos(i * golden), math.sqrt(i + 0.5) * math.sin(i * golden)) for i in range(count)]
    closest = min(math.dist(a, b) for i, a in enumerate(unit) for b in unit[i + 1:])
    return [(x * spacing / closest, y * spacing / closest) for x, y in unit]


def _marker(marker: Marker, sx: float, sy: float, radius: float) -> str:
    label = html.escape(marker.label, quote=True)
    extra = "".join(f' {name}="{html.escape(value, quote=True)}"' for name, value in marker.attributes.items())
    circle = f'<circle cx="{sx:.0f}" cy="{sy:.0f}" r="{radius:.0f}"/>'
    if marker.href is None:
        return f'<g class="pb-marker" data-slug="{html.escape(marker.key)}"{extra} aria-hidden="true">{circle}</g>'
    # An invisible ring around the dot makes it easier to hit with a finger.
    target = f'<circle cx="{sx:.0f}" cy="{sy:.0f}" r="{radius * HIT_FACTOR:.0f}" fill="transparent" stroke="none"/>'
    return (
        f'<a class="pb-marker" href="{html.escape(marker.href, quote=True)}" data-slug="{html.escape(marker.key)}"'
        f'{extra} aria-label="{label}"><title>{label}</title>{target}{circle}</a>'
    )


def draw_map(
    outlines: Outlines,
    markers: list[Marker],
    *,
    label: str | None,
    detailed: bool = True,
    highlight: str | None = None,
    marker_radius: float = 42,
    css_class: str = "pb-map-svg",
) -> str:
    """One SVG element, on one line, so Markdown passes it through untouched.

    ``label`` names the map for screen readers; None hides a map whose caption says it all.
    """
    frame = Frame.around(outlines)
    provinces = []
    for key, d in _province_paths(outlines, detailed).items():
        classes = "pb-province pb-province--here" if key == highlight else "pb-province"
        fill = "#b2dfdb" if key == highlight else "#eef2f1"
        provinces.append(
            f'<path class="{classes}" data-province="{key}" fill="{fill}" stroke="#7b8a88" '
            f'stroke-width="{3 if detailed else 8}" stroke-linejoin="round" d="{d}"/>'
        )
    dots = "".join(_marker(m, sx, sy, marker_radius) for m, sx, sy in _spread(markers, frame, marker_radius, outlines))
    named = f'role="group" aria-label="{html.escape(label, quote=True)}"' if label else 'aria-hidden="true"'
    return (
        f'<svg class="{css_class}" viewBox="0 0 {frame.width} {frame.height}" {named} '
        'xmlns="http://www.w3.org/2000/svg">'
        f'<g class="pb-provinces" aria-hidden="true">{"".join(provinces)}</g>'
        f'<g class="pb-markers" fill="#bf360c" stroke="#ffffff" stroke-width="{max(4, marker_radius / 5):.0f}">{dots}</g>'
        "</svg>"
    )
