"""Coordinate reference systems of imported and exported data, relative to storage.

Storage is longitude/latitude in CGCS2000 (EPSG:4490), treated as equal to WGS-84 (the two
differ by centimetres). A CRS is named by:

* ``None``, ``EPSG:4326``, ``EPSG:4490``, ``CGCS2000``, ``WGS84`` — storage itself;
* ``GCJ02`` / ``GCJ-02`` and ``BD09`` / ``BD-09`` (any case) — the Chinese offset systems;
* anything else pyproj understands (``EPSG:3857``, Gauss–Krüger zones such as ``EPSG:4527``
  or ``EPSG:4549``, URNs, WKT …), always in x/y = east/north (lon/lat) axis order.

:func:`to_storage` and :func:`from_storage` return vectorised ``f(x, y) -> (x', y')``
functions; :func:`transform_geometry` applies one to shapely geometries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import numpy as np
import shapely
from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError, ProjError

from desktop.domain import coords
from desktop.domain.codes import CodeError

Transform = Callable[[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]

STORAGE_EPSG = 4490
_STORAGE_NAMES = {"", "EPSG:4326", "EPSG:4490", "CGCS2000", "WGS84", "WGS-84", "CRS84", "OGC:CRS84"}
_OFFSET_NAMES = {"GCJ02": "GCJ02", "GCJ-02": "GCJ02", "BD09": "BD09", "BD-09": "BD09"}
_OFFSET_TRANSFORMS = {
    "GCJ02": (coords.gcj02_to_wgs84, coords.wgs84_to_gcj02),
    "BD09": (coords.bd09_to_wgs84, coords.wgs84_to_bd09),
}


def _identity(x, y):
    if np.ndim(x) == 0 and np.ndim(y) == 0:
        return float(x), float(y)
    return np.asarray(x, dtype=float), np.asarray(y, dtype=float)


def normalize_crs(crs: str | CRS | None) -> str | CRS | None:
    """``None`` for storage, ``"GCJ02"``/``"BD09"``, or a pyproj :class:`CRS`; :class:`CodeError` if unknown."""
    if isinstance(crs, CRS):
        parsed = crs
    else:
        text = (crs or "").strip()
        key = text.upper().replace(" ", "")
        if key in _STORAGE_NAMES:
            return None
        if key in _OFFSET_NAMES:
            return _OFFSET_NAMES[key]
        try:
            parsed = CRS.from_user_input(text)
        except CRSError as exc:
            raise CodeError(
                f"坐标系“{text}”无法识别：请使用 EPSG 代码（如 EPSG:4490、EPSG:4527）、GCJ02 或 BD09"
            ) from exc
    if parsed.is_geographic and parsed.to_epsg(min_confidence=90) in (4326, 4490):
        return None
    if parsed.equals(CRS.from_user_input("OGC:CRS84")):
        return None
    return parsed


def crs_label(crs: str | CRS | None) -> str:
    """A short readable name (``EPSG:4490`` for storage, ``EPSG:3857``, ``GCJ02`` …)."""
    norm = normalize_crs(crs)
    if norm is None:
        return f"EPSG:{STORAGE_EPSG}"
    if isinstance(norm, str):
        return norm
    authority = norm.to_authority(min_confidence=90)
    return ":".join(authority) if authority else norm.name


@lru_cache(maxsize=32)
def _pyproj_transform(source: CRS, target: CRS) -> Transform:
    transformer = Transformer.from_crs(source, target, always_xy=True)

    def transform(x, y):
        return transformer.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float), errcheck=False)

    return transform


def _transform(crs, to_storage: bool) -> Transform:
    norm = normalize_crs(crs)
    if norm is None:
        return _identity
    if isinstance(norm, str):
        return _OFFSET_TRANSFORMS[norm][0 if to_storage else 1]
    storage = CRS.from_epsg(STORAGE_EPSG)
    try:
        return _pyproj_transform(norm, storage) if to_storage else _pyproj_transform(storage, norm)
    except ProjError as exc:
        raise CodeError(f"坐标系“{crs_label(norm)}”无法与 EPSG:{STORAGE_EPSG} 互相转换：{exc}") from exc


def to_storage(crs: str | CRS | None) -> Transform:
    """``f(x, y) -> (lon, lat)`` from ``crs`` to storage (EPSG:4490)."""
    return _transform(crs, to_storage=True)


def from_storage(crs: str | CRS | None) -> Transform:
    """``f(lon, lat) -> (x, y)`` from storage (EPSG:4490) to ``crs``."""
    return _transform(crs, to_storage=False)


def transform_geometry(geometry, transform: Transform):
    """Apply a vectorised transform to a shapely geometry or an array of geometries (2-D)."""

    def apply(xy: np.ndarray) -> np.ndarray:
        x, y = transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    return shapely.transform(geometry, apply)
