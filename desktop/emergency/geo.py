"""Metre-scale geometry around a point (local equirectangular; good to a few metres within a city)."""

from __future__ import annotations

import math

import shapely

_M_PER_DEG_LAT = 111_320.0


def _m_per_deg_lon(lat: float) -> float:
    return _M_PER_DEG_LAT * math.cos(math.radians(lat))


def offset(lon: float, lat: float, dx_m: float, dy_m: float) -> tuple[float, float]:
    """The point ``dx_m`` east and ``dy_m`` north of ``(lon, lat)``."""
    return lon + dx_m / _m_per_deg_lon(lat), lat + dy_m / _M_PER_DEG_LAT


def distance_m(lon1: float, lat1: float, lon2: float, lat2: float) -> float:
    mid = (lat1 + lat2) / 2
    return math.hypot((lon2 - lon1) * _m_per_deg_lon(mid), (lat2 - lat1) * _M_PER_DEG_LAT)


def circle(lon: float, lat: float, radius_m: float, segments: int = 32) -> shapely.Polygon:
    """A circle of ``radius_m`` around a point, as a lon/lat polygon."""
    angles = [2 * math.pi * i / segments for i in range(segments)]
    return shapely.Polygon([offset(lon, lat, radius_m * math.cos(a), radius_m * math.sin(a)) for a in angles])


def box_m(lon: float, lat: float, dx0: float, dy0: float, dx1: float, dy1: float) -> shapely.Polygon:
    """The rectangle between two metre offsets from ``(lon, lat)``."""
    return shapely.box(*offset(lon, lat, dx0, dy0), *offset(lon, lat, dx1, dy1))
