"""Export the city database's base-map features to a GeoPackage (pyogrio, EPSG:4490).

Layers (always written, possibly empty, so the styled project never lacks a source):

* ``green`` / ``water_areas`` — polygons (``base_feature`` kinds green / water);
* ``water_lines`` — rivers and canals drawn as lines (kind water, linear geometry);
* ``boundaries`` — district and street outlines from ``admin_area`` plus kind boundary,
  as lines with ``level`` (district / street);
* ``roads`` — lines with ``subkind`` (主干路 / 次干路 / 支路) and ``name``;
* ``places`` — label points with ``name`` and ``class`` (place / district / street).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

import numpy as np
import shapely
from pyogrio.raw import write as ogr_write
from sqlalchemy import select

from desktop.storage.database import CityDatabase
from desktop.storage.geometry import STORAGE_CRS
from desktop.storage.models import AdminArea, BaseFeature

log = logging.getLogger(__name__)

# layer name -> (OGR geometry type, attribute names)
LAYERS = {
    "green": ("MultiPolygon", ("name",)),
    "water_areas": ("MultiPolygon", ("name",)),
    "water_lines": ("MultiLineString", ("name",)),
    "boundaries": ("MultiLineString", ("name", "level")),
    "roads": ("MultiLineString", ("name", "subkind")),
    "places": ("Point", ("name", "class")),
}
_POLYGONAL = {"Polygon", "MultiPolygon"}
_LINEAR = {"LineString", "MultiLineString", "LinearRing"}


def _as_multi_line(geom: shapely.Geometry) -> shapely.Geometry:
    if geom.geom_type in _POLYGONAL:
        geom = geom.boundary
    parts = [g for g in shapely.get_parts(geom) if g.geom_type in _LINEAR]
    return shapely.MultiLineString([shapely.LineString(p.coords) for p in parts])


def _as_multi_polygon(geom: shapely.Geometry) -> shapely.Geometry:
    return shapely.MultiPolygon([p for p in shapely.get_parts(geom) if p.geom_type == "Polygon"])


def _route(kind: str, subkind: str | None, name: str | None, geom: shapely.Geometry):
    """The (layer, geometry, attributes) a base feature goes to, or None when unmapped."""
    polygonal = geom.geom_type in _POLYGONAL
    if kind == "road":
        return "roads", _as_multi_line(geom), {"name": name, "subkind": subkind or "支路"}
    if kind == "water":
        if polygonal:
            return "water_areas", _as_multi_polygon(geom), {"name": name}
        return "water_lines", _as_multi_line(geom), {"name": name}
    if kind == "green" and polygonal:
        return "green", _as_multi_polygon(geom), {"name": name}
    if kind == "boundary":
        return "boundaries", _as_multi_line(geom), {"name": name, "level": subkind or "street"}
    if kind == "place" and name:
        return "places", shapely.point_on_surface(geom), {"name": name, "class": subkind or "place"}
    return None


def _collect(db: CityDatabase) -> dict[str, list[tuple[shapely.Geometry, dict]]]:
    rows: dict[str, list] = defaultdict(list)
    with db.session() as session:
        features = session.execute(
            select(BaseFeature.kind, BaseFeature.subkind, BaseFeature.name, BaseFeature.geom_wkb)
            .where(BaseFeature.geom_wkb.is_not(None))
            .order_by(BaseFeature.id)
        )
        for kind, subkind, name, wkb in features:
            routed = _route(kind, subkind, name, shapely.from_wkb(wkb))
            if routed and not routed[1].is_empty:
                rows[routed[0]].append(routed[1:])
        areas = session.execute(
            select(AdminArea.name, AdminArea.level, AdminArea.geom_wkb, AdminArea.center_x, AdminArea.center_y)
            .where(AdminArea.level.in_(("district", "street")), AdminArea.geom_wkb.is_not(None))
            .order_by(AdminArea.code)
        )
        for name, level, wkb, cx, cy in areas:
            geom = shapely.from_wkb(wkb)
            rows["boundaries"].append((_as_multi_line(geom), {"name": name, "level": level}))
            label = shapely.Point(cx, cy) if cx is not None and cy is not None else shapely.point_on_surface(geom)
            rows["places"].append((label, {"name": name, "class": level}))
    return rows


def export_base_layers(city_db: str | Path, gpkg_path: str | Path) -> Path:
    """Write the base-map GeoPackage of a city database; returns its path."""
    gpkg_path = Path(gpkg_path)
    gpkg_path.parent.mkdir(parents=True, exist_ok=True)
    gpkg_path.unlink(missing_ok=True)
    db = CityDatabase(city_db)
    try:
        rows = _collect(db)
    finally:
        db.close()
    for layer, (geometry_type, fields) in LAYERS.items():
        items = rows.get(layer, [])
        geometry = np.array([shapely.to_wkb(g) for g, _ in items], dtype=object)
        field_data = [np.array([attrs.get(f) for _, attrs in items], dtype=object) for f in fields]
        ogr_write(
            gpkg_path,
            geometry,
            field_data,
            list(fields),
            layer=layer,
            driver="GPKG",
            geometry_type=geometry_type,
            crs=STORAGE_CRS,
            encoding="UTF-8",
            dataset_options={"VERSION": "1.2"},  # readable by the older GDAL of the system QGIS
        )
        log.info("底图图层 %s：%d 个要素", layer, len(items))
    return gpkg_path
