"""WGS84 latitude/longitude to the Dutch national grid, RD New (EPSG:28992), and back.

RD New is an oblique stereographic projection centred on Amersfoort, so distances
and shapes in the Netherlands come out true: the right projection for a map of
the country. We use the published approximation polynomials of Schreutelkamp and
Strang van Hees ("Benaderingsformules voor de transformatie tussen RD- en
WGS84-kaartcoördinaten", 2001): accurate to about a metre inside the
Netherlands, far finer than a map drawn a few hundred pixels wide, and without a
dependency on a projection library.
"""

from __future__ import annotations

# Amersfoort, the origin of the grid, in WGS84 degrees and in RD metres.
PHI0, LAM0 = 52.15517440, 5.38720621
X0, Y0 = 155000.0, 463000.0

# (p, q, coefficient): X = X0 + sum(R * dphi^p * dlam^q), and the same for Y with S.
_R = ((0, 1, 190094.945), (1, 1, -11832.228), (2, 1, -114.221), (0, 3, -32.391), (1, 0, -0.705),
      (3, 1, -2.340), (1, 3, -0.608), (0, 2, -0.008), (2, 3, 0.148))
_S = ((1, 0, 309056.544), (0, 2, 3638.893), (2, 0, 73.077), (1, 2, -157.984), (3, 0, 59.788),
      (0, 1, 0.433), (2, 2, -6.439), (1, 1, -0.032), (0, 4, 0.092), (1, 4, -0.054))
# The inverse: latitude and longitude in seconds of arc from (dx, dy) in units of 100 km.
_K = ((0, 1, 3235.65389), (2, 0, -32.58297), (0, 2, -0.24750), (2, 1, -0.84978), (0, 3, -0.06550),
      (2, 2, -0.01709), (1, 0, -0.00738), (4, 0, 0.00530), (2, 3, -0.00039), (4, 1, 0.00033),
      (1, 1, -0.00012))
_L = ((1, 0, 5260.52916), (1, 1, 105.94684), (1, 2, 2.45656), (3, 0, -0.81885), (1, 3, 0.05594),
      (3, 1, -0.05607), (0, 1, 0.01199), (3, 2, -0.00256), (1, 4, 0.00128), (0, 2, 0.00022),
      (2, 0, -0.00022), (5, 0, 0.00026))


def _series(terms, a: float, b: float) -> float:
    return sum(c * a**p * b**q for p, q, c in terms)


def to_rd(lat: float, lon: float) -> tuple[float, float]:
    """RD New (x east, y north, in metres) of a WGS84 position."""
    dphi = 0.36 * (lat - PHI0)
    dlam = 0.36 * (lon - LAM0)
    return X0 + _series(_R, dphi, dlam), Y0 + _series(_S, dphi, dlam)


def to_wgs84(x: float, y: float) -> tuple[float, float]:
    """WGS84 (latitude, longitude) of an RD New position."""
    dx = (x - X0) * 1e-5
    dy = (y - Y0) * 1e-5
    return PHI0 + _series(_K, dx, dy) / 3600, LAM0 + _series(_L, dx, dy) / 3600
