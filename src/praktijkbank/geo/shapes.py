"""The province outlines of the Netherlands, in RD New metres, and point-in-polygon."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import load_data

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # outer ring first, then holes


@dataclass(frozen=True)
class Province:
    key: str  # as in taxonomy.yml
    detail: tuple[Polygon, ...]  # as published by Natural Earth
    coarse: tuple[Polygon, ...]  # simplified, for small maps

    def contains(self, point: Point) -> bool:
        """``inside(point, self.detail)``, counting only the edges that can cross the point's ray.

        An edge counts only when the point's y lies from its lower end up to (not including)
        its upper end; the edges are sorted once into horizontal bands by the y they span,
        so only the band of the point's y is tried (a check asks this for every card with
        coordinates, up to twelve provinces each; 9 % of the check at 1,000 cards, bench/README.md, B11).
        """
        x, y = point
        bottom, top, bands = self._bands
        if not bottom <= y < top:  # no edge spans it (nor a y that is not a number)
            return False
        height = (top - bottom) / len(bands)
        crossings = 0
        for x1, y1, x2, y2 in bands[_band(y, bottom, height, len(bands))]:
            if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                crossings += 1
        return crossings % 2 == 1

    @functools.cached_property
    def _bands(self) -> tuple[float, float, tuple[tuple[tuple[float, float, float, float], ...], ...]]:
        """(lowest y, highest y, the edges (x1, y1, x2, y2) in each band), as ``inside`` walks them."""
        edges = [(x1, y1, x2, y2) for polygon in self.detail for ring in polygon
                 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])]
        ys = [y for _, y1, _, y2 in edges for y in (y1, y2)]
        bottom, top, count = min(ys), max(ys), max(1, len(edges) // _EDGES_PER_BAND)
        height = (top - bottom) / count
        bands: list[list] = [[] for _ in range(count)]
        for edge in edges:  # in every band from its lower to its upper end (rounding cannot skip one)
            low, high = sorted((edge[1], edge[3]))
            for band in range(_band(low, bottom, height, count), _band(high, bottom, height, count) + 1):
                bands[band].append(edge)
        return bottom, top, tuple(map(tuple, bands))


_EDGES_PER_BAND = 8


def _band(y: float, bottom: float, height: float, count: int) -> int:
    """The band of ``y``: never smaller for a larger y, so an edge's band range holds its y's bands."""
    return min(max(int((y - bottom) / height), 0), count - 1) if height > 0 else 0


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: drawings of it are cached
class Outlines:
    provinces: dict[str, Province]
    about: dict[str, str]

    def province_at(self, point: Point) -> str | None:
        """The key of the province whose outline holds ``point`` (RD metres), if any."""
        return next((key for key, province in self.provinces.items() if province.contains(point)), None)

    def bounds(self) -> tuple[float, float, float, float]:
        """(min x, min y, max x, max y) of the whole country."""
        xs = [x for p in self.provinces.values() for poly in p.detail for ring in poly for x, _ in ring]
        ys = [y for p in self.provinces.values() for poly in p.detail for ring in poly for _, y in ring]
        return min(xs), min(ys), max(xs), max(ys)


def inside(point: Point, polygons: tuple[Polygon, ...]) -> bool:
    """Even-odd rule over every ring: inside an outer ring and not in one of its holes."""
    x, y = point
    crossings = 0
    for polygon in polygons:
        for ring in polygon:
            for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
                    crossings += 1
    return crossings % 2 == 1


def _polygons(flat: list) -> tuple[Polygon, ...]:
    return tuple(
        tuple(tuple(zip(ring[0::2], ring[1::2])) for ring in polygon) for polygon in flat
    )


# Loaded once: 75 % of the build, 91 % of the check at 1,000 cards (bench/README.md, B11).
@functools.cache
def load_outlines() -> Outlines:
    raw = load_data("provinces.json")
    provinces = {
        key: Province(key, _polygons(value["detail"]), _polygons(value["coarse"]))
        for key, value in raw["provinces"].items()
    }
    return Outlines(provinces, raw["about"])
