"""Geodesic lengths and areas on the CGCS2000 ellipsoid (Qt-free).

CGCS2000 uses GRS80's parameters (its flattening differs by < 1e-10, 0.1 mm in b), so pyproj's
GRS80 ellipsoid stands for it.
"""

from __future__ import annotations

import numpy as np
from pyproj import Geod

GEOD = Geod(ellps="GRS80")


def path_length(lons, lats) -> float:
    """Geodesic length in metres of the polyline through the points."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    return float(GEOD.line_length(lons, lats)) if len(lons) > 1 else 0.0


def segment_lengths(lons, lats) -> np.ndarray:
    """Geodesic length in metres of each segment."""
    lons, lats = np.asarray(lons, dtype=float), np.asarray(lats, dtype=float)
    if len(lons) < 2:
        return np.empty(0)
    return np.asarray(GEOD.line_lengths(lons, lats), dtype=float)


def polygon_area(lons, lats) -> float:
    """Geodesic area in square metres of the polygon through the points (either orientation)."""
    if len(lons) < 3:
        return 0.0
    area, _ = GEOD.polygon_area_perimeter(np.asarray(lons, dtype=float), np.asarray(lats, dtype=float))
    return abs(float(area))
