"""WGS-84 ⇄ GCJ-02 ⇄ BD-09 conversions, vectorised with numpy.

Every function takes longitude and latitude in degrees, as scalars or arrays of any shape,
and returns ``(lon, lat)`` of the same shape (plain floats for scalar input).

* GCJ-02 (国测局坐标, 高德/腾讯) is the usual published obfuscation; outside the
  ``out_of_china`` box it equals WGS-84.
* GCJ-02 → WGS-84 is an iterative inverse of the forward transform (residual < 1e-12°,
  i.e. well under a millimetre); :func:`gcj02_to_wgs84_approx` is the one-step inverse
  (off by up to a few metres), kept for comparison with other implementations.
* BD-09 (百度) uses the common ``x_pi = π·3000/180`` convention. BD-09 → GCJ-02 starts
  from the widely used closed-form inverse (:func:`bd09_to_gcj02_approx`, off by up to
  ~0.2 m) and refines it the same way, so exports and re-imports round-trip exactly.
"""

from __future__ import annotations

import numpy as np

_A = 6378245.0  # Krasovsky 1940 semi-major axis used by GCJ-02
_EE = 0.00669342162296594323  # its first eccentricity squared
X_PI = np.pi * 3000.0 / 180.0
_MAX_ITERATIONS = 30
_TOLERANCE_DEG = 1e-12


def _arrays(lon, lat) -> tuple[np.ndarray, np.ndarray, bool]:
    scalar = np.ndim(lon) == 0 and np.ndim(lat) == 0
    lon, lat = np.broadcast_arrays(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
    return lon, lat, scalar


def _result(lon: np.ndarray, lat: np.ndarray, scalar: bool):
    return (float(lon), float(lat)) if scalar else (lon, lat)


def out_of_china(lon, lat):
    """True where a point lies outside the box in which GCJ-02 differs from WGS-84."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return (lon < 72.004) | (lon > 137.8347) | (lat < 0.8293) | (lat > 55.8271)


def _offset(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 minus WGS-84 at a WGS-84 point (zero outside China)."""
    x, y = lon - 105.0, lat - 35.0
    root = np.sqrt(np.abs(x))
    common = (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
    dlat = (
        -100.0
        + 2.0 * x
        + 3.0 * y
        + 0.2 * y * y
        + 0.1 * x * y
        + 0.2 * root
        + common
        + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
        + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0
    )
    dlon = (
        300.0
        + x
        + 2.0 * y
        + 0.1 * x * x
        + 0.1 * x * y
        + 0.1 * root
        + common
        + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
        + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0
    )
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = (dlon * 180.0) / (_A / sqrt_magic * np.cos(rad) * np.pi)
    outside = out_of_china(lon, lat)
    return np.where(outside, 0.0, dlon), np.where(outside, 0.0, dlat)


def wgs84_to_gcj02(lon, lat):
    """WGS-84 → GCJ-02."""
    lon, lat, scalar = _arrays(lon, lat)
    dlon, dlat = _offset(lon, lat)
    return _result(lon + dlon, lat + dlat, scalar)


def gcj02_to_wgs84_approx(lon, lat):
    """GCJ-02 → WGS-84 in one step (error up to a few metres)."""
    lon, lat, scalar = _arrays(lon, lat)
    dlon, dlat = _offset(lon, lat)
    return _result(lon - dlon, lat - dlat, scalar)


def _invert(forward, lon: np.ndarray, lat: np.ndarray, guess) -> tuple[np.ndarray, np.ndarray]:
    """Solve ``forward(p) = (lon, lat)`` by fixed-point iteration from ``guess``.

    Converges fast because both transforms are the identity plus a slowly varying offset.
    """
    plon, plat = guess
    for _ in range(_MAX_ITERATIONS):
        flon, flat = forward(plon, plat)
        rlon, rlat = flon - lon, flat - lat
        plon, plat = plon - rlon, plat - rlat
        if not np.any((np.abs(rlon) >= _TOLERANCE_DEG) | (np.abs(rlat) >= _TOLERANCE_DEG)):
            break
    return plon, plat


def gcj02_to_wgs84(lon, lat):
    """GCJ-02 → WGS-84, iterating the forward transform until it reproduces the input."""
    lon, lat, scalar = _arrays(lon, lat)
    return _result(*_invert(wgs84_to_gcj02, lon, lat, (lon, lat)), scalar)


def gcj02_to_bd09(lon, lat):
    """GCJ-02 → BD-09."""
    lon, lat, scalar = _arrays(lon, lat)
    z = np.hypot(lon, lat) + 0.00002 * np.sin(lat * X_PI)
    theta = np.arctan2(lat, lon) + 0.000003 * np.cos(lon * X_PI)
    return _result(z * np.cos(theta) + 0.0065, z * np.sin(theta) + 0.006, scalar)


def bd09_to_gcj02_approx(lon, lat):
    """BD-09 → GCJ-02 with the common closed-form inverse (error up to ~0.2 m)."""
    lon, lat, scalar = _arrays(lon, lat)
    x, y = lon - 0.0065, lat - 0.006
    z = np.hypot(x, y) - 0.00002 * np.sin(y * X_PI)
    theta = np.arctan2(y, x) - 0.000003 * np.cos(x * X_PI)
    return _result(z * np.cos(theta), z * np.sin(theta), scalar)


def bd09_to_gcj02(lon, lat):
    """BD-09 → GCJ-02, refined until :func:`gcj02_to_bd09` reproduces the input."""
    lon, lat, scalar = _arrays(lon, lat)
    return _result(*_invert(gcj02_to_bd09, lon, lat, bd09_to_gcj02_approx(lon, lat)), scalar)


def wgs84_to_bd09(lon, lat):
    """WGS-84 → BD-09 (via GCJ-02)."""
    return gcj02_to_bd09(*wgs84_to_gcj02(lon, lat))


def bd09_to_wgs84(lon, lat):
    """BD-09 → WGS-84 (via GCJ-02, with the exact iterative GCJ-02 inverse)."""
    return gcj02_to_wgs84(*bd09_to_gcj02(lon, lat))
