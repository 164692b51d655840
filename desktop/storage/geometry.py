"""Geometry columns kept portable: WKB bytes plus bbox columns for range queries.

SQLite stores them as BLOB and REAL; PostgreSQL as BYTEA and DOUBLE PRECISION
(PostGIS can index ``ST_GeomFromWKB(geom_wkb)`` without changing the model).
Coordinates are longitude/latitude in CGCS2000 (EPSG:4490, metre-level equal to WGS-84).
"""

from __future__ import annotations

import shapely
from sqlalchemy import Float, LargeBinary
from sqlalchemy.orm import Mapped, mapped_column

STORAGE_CRS = "EPSG:4490"


class GeometryMixin:
    """Adds ``geom_wkb`` and ``min_x/min_y/max_x/max_y`` and a shapely ``geometry`` property."""

    geom_wkb: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    min_x: Mapped[float | None] = mapped_column(Float, nullable=True, index=True)
    min_y: Mapped[float | None] = mapped_column(Float, nullable=True, index=True)
    max_x: Mapped[float | None] = mapped_column(Float, nullable=True)
    max_y: Mapped[float | None] = mapped_column(Float, nullable=True)

    @property
    def geometry(self) -> shapely.Geometry | None:
        return None if self.geom_wkb is None else shapely.from_wkb(self.geom_wkb)

    @geometry.setter
    def geometry(self, geom: shapely.Geometry | None) -> None:
        for key, value in geometry_columns(geom).items():
            setattr(self, key, value)


def geometry_columns(geom: shapely.Geometry | None) -> dict:
    """Column values for a geometry (used by ORM objects and bulk inserts alike)."""
    if geom is None or geom.is_empty:
        return {"geom_wkb": None, "min_x": None, "min_y": None, "max_x": None, "max_y": None}
    min_x, min_y, max_x, max_y = geom.bounds
    return {"geom_wkb": shapely.to_wkb(geom), "min_x": min_x, "min_y": min_y, "max_x": max_x, "max_y": max_y}


def bulk_geometry_columns(geoms) -> list[dict]:
    """Vectorised :func:`geometry_columns` for an array of geometries."""
    wkbs = shapely.to_wkb(geoms)
    bounds = shapely.bounds(geoms)
    return [
        {"geom_wkb": w, "min_x": float(b[0]), "min_y": float(b[1]), "max_x": float(b[2]), "max_y": float(b[3])}
        for w, b in zip(wkbs, bounds)
    ]
