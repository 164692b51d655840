"""Builds the city's layer models from what :mod:`desktop.storage.city_queries` reads."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

import numpy as np
from PySide6.QtCore import QCoreApplication

from desktop.storage.city_queries import read_base_map, read_components, read_disposal_grids, read_live, read_open_cases
from desktop.storage.columns import Points, Shapes
from desktop.storage.database import CityDatabase
from layers import city_styles as styles
from layers.base import Layer
from layers.point_table import AlarmLayer, CameraLayer, CaseLayer, ComponentLayer
from layers.vector_layer import VectorLayer
from layers.vehicle_layer import VehicleLayer


def _set_shapes(layer: VectorLayer, shapes: Shapes) -> None:
    layer.set_features(shapes.geometries, shapes.categories, shapes.keys, shapes.labels)


def _set_points(layer, points: Points) -> None:
    layer.set_rows(points.keys, points.x, points.y, **points.columns)


def base_layers(db: CityDatabase) -> list[VectorLayer]:
    """Unit grids under the base map (green space, water, roads), district boundaries and place names."""
    grids = VectorLayer(
        QCoreApplication.translate("CityLayers", "Unit grids"),
        styles.GRID_SYMBOLS,
        styles.GRID_DEFAULT,
        table="unit_grid",
        label_style=styles.GRID_LABELS,
    )
    green = VectorLayer(QCoreApplication.translate("CityLayers", "Green space"), {}, styles.GREEN, base_map=True)
    water = VectorLayer(QCoreApplication.translate("CityLayers", "Water"), {}, styles.WATER, base_map=True)
    roads = VectorLayer(
        QCoreApplication.translate("CityLayers", "Roads"), styles.ROAD_SYMBOLS, styles.ROAD_DEFAULT, base_map=True
    )
    districts = VectorLayer(
        QCoreApplication.translate("CityLayers", "District boundaries"), {}, styles.DISTRICT, table="admin_area"
    )
    places = VectorLayer(
        QCoreApplication.translate("CityLayers", "Place names"),
        {},
        styles.PLACE,
        label_style=styles.PLACE_LABELS,
        base_map=True,
    )
    base_map = read_base_map(db)
    for layer, shapes in (
        (grids, base_map.grids),
        (green, base_map.green),
        (water, base_map.water),
        (roads, base_map.roads),
        (districts, base_map.districts),
        (places, base_map.places),
    ):
        _set_shapes(layer, shapes)
    return [grids, green, water, roads, districts, places]


def component_layers(db: CityDatabase) -> list[ComponentLayer]:
    """管理部件 (one point layer; symbols by class, density marks at city zoom)."""
    components = ComponentLayer(QCoreApplication.translate("CityLayers", "Management components"), table="component")
    _set_points(components, read_components(db))
    return [components]


def live_layers(db: CityDatabase) -> list[Layer]:
    """Cameras, open cases, open alarms and vehicles (last stored positions until the feed takes over)."""
    cameras = CameraLayer(QCoreApplication.translate("CityLayers", "Video cameras"), table="camera")
    cases = CaseLayer(QCoreApplication.translate("CityLayers", "Cases"), table="case")
    alarms = AlarmLayer(QCoreApplication.translate("CityLayers", "Alarms"), table="alarm")
    vehicles = VehicleLayer(QCoreApplication.translate("CityLayers", "Vehicles"), styles.VEHICLE_KINDS)
    live = read_live(db)
    _set_points(cameras, live.cameras)
    _set_cases(cases, live.cases)
    _set_points(alarms, live.alarms)
    fleet = live.vehicles
    kind_index = {kind: i for i, kind in enumerate(vehicles.kinds)}
    vehicles.set_vehicles(
        fleet.ids,
        [kind_index.get(k, len(vehicles.kinds)) for k in fleet.kinds],
        fleet.plates,
        fleet.x,
        fleet.y,
        fleet.heading,
        fleet.speed,
        fleet.ts,
    )
    return [cameras, cases, alarms, vehicles]


def disposal_layers(db: CityDatabase) -> list[VectorLayer]:
    """处置网格: one layer per department (hidden until switched on), labelled with the grid names."""
    grids = read_disposal_grids(db)
    departments = grids.categories
    title = QCoreApplication.translate("CityLayers", "Disposal grids")
    layers = []
    for index, department in enumerate(dict.fromkeys(departments)):
        mine = departments == department
        layer = VectorLayer(
            f"{title} · {department}",
            {},
            styles.disposal_symbol(index),
            table="disposal_grid",
            label_style=styles.DISPOSAL_LABELS,
            visible=False,
        )
        layer.set_features(
            grids.geometries[mine],
            np.full(int(mine.sum()), department, dtype=object),
            grids.keys[mine],
            grids.labels[mine],
        )
        layers.append(layer)
    return layers


def _set_cases(layer: CaseLayer, cases: Points) -> None:
    """Open real cases by stage and time light (replaces the layer's rows)."""
    now = datetime.now(UTC)
    layer.set_rows(
        cases.keys,
        cases.x,
        cases.y,
        stage=cases.columns["stage"],
        light=[_time_light(d, now) for d in cases.columns["deadline"]],
    )


def reload_cases(db: CityDatabase, layers: Iterable[Layer]) -> None:
    """Re-read the cases into the :class:`CaseLayer` among ``layers`` (a case was created or moved on)."""
    layer = next((layer for layer in layers if isinstance(layer, CaseLayer)), None)
    if layer is not None:
        _set_cases(layer, read_open_cases(db))


def _time_light(deadline: datetime | None, now: datetime) -> str:
    """红灯 overdue, 黄灯 due within two hours, 绿灯 otherwise; no light without a deadline."""
    if deadline is None:
        return ""
    if deadline.tzinfo is None:
        deadline = deadline.replace(tzinfo=UTC)
    left = (deadline - now).total_seconds()
    return "red" if left < 0 else "yellow" if left < 7200 else "green"
