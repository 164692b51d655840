"""Reads a city database into layer models and a summary (SQLAlchemy Core, vectorised shapely)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select

from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, BaseFeature, Camera, Component, Meta, UnitGrid, Vehicle
from layers import city_styles as styles
from layers.vector_layer import VectorLayer


@dataclass(frozen=True)
class CitySummary:
    city_name: str | None
    grids: int
    components: int
    vehicles: int
    cameras: int


def read_city_summary(db: CityDatabase) -> CitySummary:
    with db.engine.connect() as conn:
        name = conn.execute(select(Meta.value).where(Meta.key == "city_name")).scalar()

        def count(model) -> int:
            return conn.execute(select(func.count()).select_from(model)).scalar_one()

        return CitySummary(name, count(UnitGrid), count(Component), count(Vehicle), count(Camera))


def _columns(conn, statement) -> list[np.ndarray]:
    rows = conn.execute(statement).all()
    width = len(statement.selected_columns)
    if not rows:
        return [np.empty(0, dtype=object) for _ in range(width)]
    return [np.asarray(column, dtype=object) for column in zip(*rows)]


def _shapes(conn, statement) -> tuple[np.ndarray, np.ndarray]:
    """``(geometries, categories)`` from a select of ``(geom_wkb, category)``; rows without geometry dropped."""
    wkb, categories = _columns(conn, statement.where(statement.selected_columns[0].is_not(None)))
    return shapely.from_wkb(wkb), categories


def load_city_layers(db: CityDatabase) -> list[VectorLayer]:
    """The base-map layers of a city, bottom first."""
    grids = VectorLayer(QCoreApplication.translate("CityLayers", "Unit grids"), styles.GRID_SYMBOLS, styles.GRID_DEFAULT)
    green = VectorLayer(QCoreApplication.translate("CityLayers", "Green space"), {}, styles.GREEN)
    water = VectorLayer(QCoreApplication.translate("CityLayers", "Water"), {}, styles.WATER)
    roads = VectorLayer(QCoreApplication.translate("CityLayers", "Roads"), styles.ROAD_SYMBOLS, styles.ROAD_DEFAULT)
    districts = VectorLayer(QCoreApplication.translate("CityLayers", "District boundaries"), {}, styles.DISTRICT)
    components = VectorLayer(
        QCoreApplication.translate("CityLayers", "Management components"),
        styles.COMPONENT_SYMBOLS,
        styles.COMPONENT_DEFAULT,
    )
    cameras = VectorLayer(QCoreApplication.translate("CityLayers", "Video cameras"), {}, styles.CAMERA)

    def base(kind: str):
        return select(BaseFeature.geom_wkb, BaseFeature.subkind).where(BaseFeature.kind == kind)

    with db.engine.connect() as conn:
        grids.set_features(*_shapes(conn, select(UnitGrid.geom_wkb, UnitGrid.zone_type)))
        green.set_features(*_shapes(conn, base("green")))
        water.set_features(*_shapes(conn, base("water")))
        roads.set_features(*_shapes(conn, base("road")))
        districts.set_features(
            *_shapes(conn, select(AdminArea.geom_wkb, AdminArea.level).where(AdminArea.level == "district"))
        )
        # Component positions are the centres of their bboxes: no WKB parsing for 10⁵ rows.
        x0, y0, x1, y1, classes = _columns(
            conn,
            select(Component.min_x, Component.min_y, Component.max_x, Component.max_y, Component.class_code).where(
                Component.min_x.is_not(None)
            ),
        )
        xy = np.column_stack([(x0 + x1) / 2, (y0 + y1) / 2]).astype(float) if len(x0) else np.empty((0, 2))
        components.set_features(shapely.points(xy), np.array([c[:2] for c in classes], dtype=object))
        cx, cy = _columns(conn, select(Camera.x, Camera.y))
        camera_xy = np.column_stack([cx, cy]).astype(float) if len(cx) else np.empty((0, 2))
        cameras.set_features(shapely.points(camera_xy), np.full(len(camera_xy), "", dtype=object))
    return [grids, green, water, roads, districts, components, cameras]
