"""Reads a city database into layer models and a summary (SQLAlchemy Core, vectorised shapely)."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import func, select

from desktop.storage.database import CityDatabase
from desktop.storage.models import (
    Alarm,
    AdminArea,
    BaseFeature,
    Camera,
    Case,
    ClassCode,
    Component,
    Department,
    DisposalGrid,
    Meta,
    UnitGrid,
    Vehicle,
    VehiclePosition,
)
from layers import city_styles as styles
from layers.base import Layer
from layers.point_table import AlarmLayer, CameraLayer, CaseLayer, ComponentLayer
from layers.vector_layer import VectorLayer
from layers.vehicle_layer import VehicleLayer

CLOSED_STAGES = ("已结案", "作废")


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


def base_layers(db: CityDatabase) -> list[VectorLayer]:
    """Unit grids under the base map (green space, water, roads), district boundaries and place names."""
    grids = VectorLayer(QCoreApplication.translate("CityLayers", "Unit grids"), styles.GRID_SYMBOLS, styles.GRID_DEFAULT, table="unit_grid",
                        label_style=styles.GRID_LABELS)
    green = VectorLayer(QCoreApplication.translate("CityLayers", "Green space"), {}, styles.GREEN, base_map=True)
    water = VectorLayer(QCoreApplication.translate("CityLayers", "Water"), {}, styles.WATER, base_map=True)
    roads = VectorLayer(QCoreApplication.translate("CityLayers", "Roads"), styles.ROAD_SYMBOLS, styles.ROAD_DEFAULT, base_map=True)
    districts = VectorLayer(QCoreApplication.translate("CityLayers", "District boundaries"), {}, styles.DISTRICT, table="admin_area")
    places = VectorLayer(QCoreApplication.translate("CityLayers", "Place names"), {}, styles.PLACE, label_style=styles.PLACE_LABELS, base_map=True)

    def base(kind: str):
        return select(BaseFeature.geom_wkb, BaseFeature.subkind).where(BaseFeature.kind == kind)

    with db.engine.connect() as conn:
        geoms, zones, codes, names = _columns(
            conn, select(UnitGrid.geom_wkb, UnitGrid.zone_type, UnitGrid.code, UnitGrid.name)
            .where(UnitGrid.geom_wkb.is_not(None))
        )
        grids.set_features(shapely.from_wkb(geoms), zones, codes, np.where(names == None, codes, names))  # noqa: E711
        green.set_features(*_shapes(conn, base("green")))
        water.set_features(*_shapes(conn, base("water")))
        roads.set_features(*_shapes(conn, base("road")))
        districts.set_features(
            *_shapes(conn, select(AdminArea.geom_wkb, AdminArea.level).where(AdminArea.level == "district"))
        )
        geoms, kinds, labels = _columns(
            conn, select(BaseFeature.geom_wkb, BaseFeature.subkind, BaseFeature.name)
            .where(BaseFeature.kind == "place", BaseFeature.geom_wkb.is_not(None))
        )
        places.set_features(shapely.from_wkb(geoms), kinds, labels=labels)
    return [grids, green, water, roads, districts, places]


def component_layers(db: CityDatabase) -> list[ComponentLayer]:
    """管理部件 (one point layer; symbols by class, density marks at city zoom)."""
    components = ComponentLayer(QCoreApplication.translate("CityLayers", "Management components"), table="component")
    with db.engine.connect() as conn:
        _load_components(conn, components)
    return [components]


def live_layers(db: CityDatabase) -> list[Layer]:
    """Cameras, open cases, open alarms and vehicles (last stored positions until the feed takes over)."""
    cameras = CameraLayer(QCoreApplication.translate("CityLayers", "Video cameras"), table="camera")
    cases = CaseLayer(QCoreApplication.translate("CityLayers", "Cases"), table="case")
    alarms = AlarmLayer(QCoreApplication.translate("CityLayers", "Alarms"), table="alarm")
    vehicles = VehicleLayer(QCoreApplication.translate("CityLayers", "Vehicles"), styles.VEHICLE_KINDS)
    with db.engine.connect() as conn:
        keys, x, y, names, heading, fov, range_m = _columns(
            conn, select(Camera.id, Camera.x, Camera.y, Camera.name, Camera.heading, Camera.fov, Camera.range_m)
        )
        cameras.set_rows(keys, x, y, name=names, heading=heading, fov=fov, range_m=range_m)
        load_cases(conn, cases)
        keys, x, y, level, kind, message = _columns(
            conn, select(Alarm.id, Alarm.x, Alarm.y, Alarm.level, Alarm.kind, Alarm.message)
            .where(Alarm.status == "未处理", Alarm.is_drill.is_(False), Alarm.x.is_not(None))
        )
        alarms.set_rows(keys, x, y, level=level, kind=kind, message=message)
        _load_vehicles(conn, vehicles)
    return [cameras, cases, alarms, vehicles]


def disposal_layers(db: CityDatabase) -> list[VectorLayer]:
    """处置网格: one layer per department (hidden until switched on), labelled with the grid names."""
    with db.engine.connect() as conn:
        geoms, codes, names, departments = _columns(conn, (
            select(DisposalGrid.geom_wkb, DisposalGrid.code, DisposalGrid.name, Department.name)
            .join(Department, Department.id == DisposalGrid.department_id)
            .where(DisposalGrid.geom_wkb.is_not(None)).order_by(Department.name, DisposalGrid.code)
        ))
    title = QCoreApplication.translate("CityLayers", "Disposal grids")
    layers = []
    for index, department in enumerate(dict.fromkeys(departments)):
        mine = departments == department
        layer = VectorLayer(f"{title} · {department}", {}, styles.disposal_symbol(index), table="disposal_grid",
                            label_style=styles.DISPOSAL_LABELS, visible=False)
        layer.set_features(shapely.from_wkb(geoms[mine]), np.full(int(mine.sum()), department, dtype=object),
                           codes[mine], names[mine])
        layers.append(layer)
    return layers


def _load_components(conn, layer: ComponentLayer) -> None:
    """Positions are the centres of the bboxes (no WKB parsing for 10⁵ rows); symbols from the class table."""
    symbols = dict(conn.execute(
        select(ClassCode.code, ClassCode.symbol).where(ClassCode.kind == "部件", ClassCode.symbol.is_not(None))
    ).all())
    keys, x0, y0, x1, y1, classes = _columns(
        conn, select(Component.code, Component.min_x, Component.min_y, Component.max_x, Component.max_y,
                     Component.class_code).where(Component.min_x.is_not(None))
    )
    x, y = ((x0 + x1) / 2).astype(float), ((y0 + y1) / 2).astype(float)
    layer.set_rows(keys, x, y, class_code=classes, symbol=[symbols.get(c, "") for c in classes])


def load_cases(conn, layer: CaseLayer) -> None:
    """Open real cases with a location, by stage and time light (replaces the layer's rows)."""
    keys, x, y, stage, deadline = _columns(
        conn, select(Case.id, Case.x, Case.y, Case.stage, Case.deadline)
        .where(Case.x.is_not(None), Case.is_drill.is_(False), Case.stage.not_in(CLOSED_STAGES))
    )
    now = datetime.now(timezone.utc)
    layer.set_rows(keys, x, y, stage=stage, light=[_time_light(d, now) for d in deadline])


def reload_cases(db: CityDatabase, layers: Iterable[Layer]) -> None:
    """Re-read the cases into the :class:`CaseLayer` among ``layers`` (a case was created or moved on)."""
    layer = next((layer for layer in layers if isinstance(layer, CaseLayer)), None)
    if layer is not None:
        with db.engine.connect() as conn:
            load_cases(conn, layer)


def _time_light(deadline: datetime | None, now: datetime) -> str:
    """红灯 overdue, 黄灯 due within two hours, 绿灯 otherwise; no light without a deadline."""
    if deadline is None:
        return ""
    if deadline.tzinfo is None:
        deadline = deadline.replace(tzinfo=timezone.utc)
    left = (deadline - now).total_seconds()
    return "red" if left < 0 else "yellow" if left < 7200 else "green"


def _load_vehicles(conn, layer: VehicleLayer) -> None:
    """The last stored position of each vehicle (until the live feed takes over)."""
    latest = (
        select(VehiclePosition.vehicle_id, func.max(VehiclePosition.ts).label("ts"))
        .where(VehiclePosition.is_drill.is_(False)).group_by(VehiclePosition.vehicle_id).subquery()
    )
    ids, kinds, plates, x, y, heading, speed, ts = _columns(conn, (
        select(Vehicle.id, Vehicle.kind, Vehicle.plate, VehiclePosition.x, VehiclePosition.y,
               VehiclePosition.heading, VehiclePosition.speed_kmh, VehiclePosition.ts)
        .join(latest, latest.c.vehicle_id == Vehicle.id)
        .join(VehiclePosition, (VehiclePosition.vehicle_id == Vehicle.id) & (VehiclePosition.ts == latest.c.ts))
    ))
    ids, first = np.unique(ids.astype(np.int64), return_index=True)  # one row when two fixes share a time
    kind_index = {kind: i for i, kind in enumerate(layer.kinds)}
    layer.set_vehicles(
        ids, [kind_index.get(k, len(layer.kinds)) for k in kinds[first]], plates[first],
        x[first], y[first], heading[first], speed[first], [t.timestamp() for t in ts[first]],
    )
