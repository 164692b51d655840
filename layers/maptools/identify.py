"""What is under the cursor: vehicles, cases, cameras, components, grids, disposal grids, administrative areas.

Candidates come from bbox range queries (``min_x``/``min_y`` are indexed), padded by the widest
feature of each table so extended features are found too; shapely decides the exact hits.
"""
from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication
from sqlalchemy import and_, func, select

from desktop.storage.database import CityDatabase
from desktop.storage.models import (
    AdminArea,
    Camera,
    Case,
    ClassCode,
    Component,
    Department,
    DisposalGrid,
    UnitGrid,
    Vehicle,
)
from layers.maptools.features import VEHICLE_TS, VEHICLE_X, VEHICLE_Y, Feature, level_name, view_box
from layers.maptools.measure import format_area

_ADMIN_ORDER = ("community", "street", "district", "city")  # smallest (topmost) first
translate = QCoreApplication.translate


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _card(*pairs) -> tuple[tuple[str, str], ...]:
    return tuple((label, _value(value)) for label, value in pairs)


@dataclass(frozen=True)
class _PointTable:
    """Features stored as x/y columns; ``make(row)`` turns a row into a :class:`Feature`."""

    query: object
    x: object
    y: object
    make: Callable


@dataclass(frozen=True)
class _ShapeTable:
    """Features with a geometry (``GeometryMixin``)."""

    model: type
    query: object
    make: Callable


def _vehicle(r) -> Feature:
    attributes = _card((translate("Identify", "Plate"), r.plate), (translate("Identify", "Vehicle type"), r.kind), (translate("Identify", "Terminal"), r.terminal_id),
                       (translate("Identify", "Department"), r.department), (translate("Identify", "Position time"), r.ts))
    return Feature("vehicle", r.id, r.plate, r.kind, view_box(r.x, r.y), attributes)


def _case(r) -> Feature:
    attributes = _card((translate("Identify", "Case number"), r.case_no), (translate("Identify", "Stage"), r.stage), (translate("Identify", "Source"), r.source),
                       (translate("Identify", "Description"), r.description), (translate("Identify", "Address"), r.address),
                       (translate("Identify", "Unit grid"), r.grid_code), (translate("Identify", "Reported"), r.created_at))
    return Feature("case", r.id, r.case_no, r.stage, view_box(r.x, r.y), attributes)


def _camera(r) -> Feature:
    attributes = _card((translate("Identify", "Code"), r.code), (translate("Identify", "Name"), r.name), (translate("Identify", "Heading"), f"{r.heading:.0f}°"),
                       (translate("Identify", "Field of view"), f"{r.fov:.0f}°"), (translate("Identify", "Range"), f"{r.range_m:.0f} m"))
    return Feature("camera", r.id, r.name, r.code, view_box(r.x, r.y), attributes)


def _component(r) -> Feature:
    attributes = _card((translate("Identify", "Component code"), r.code), (translate("Identify", "Major class"), r.major_name),
                       (translate("Identify", "Class"), f"{r.class_name or ''} {r.class_code}".strip()), (translate("Identify", "Status"), r.status),
                       (translate("Identify", "Name"), r.name), (translate("Identify", "Unit grid"), r.grid_code), (translate("Identify", "Department"), r.department))
    return Feature("component", r.code, r.code, r.class_name or r.class_code, view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes)


def _grid(r) -> Feature:
    attributes = _card((translate("Identify", "Grid code"), r.code), (translate("Identify", "Zone type"), r.zone_type), (translate("Identify", "Name"), r.name),
                       (translate("Identify", "Area"), format_area(r.area_m2)), (translate("Identify", "Community"), r.community))
    return Feature("grid", r.code, r.code, r.zone_type, view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes)


def _disposal_grid(r) -> Feature:
    attributes = _card((translate("Identify", "Disposal grid"), r.name), (translate("Identify", "Code"), r.code),
                       (translate("Identify", "Department"), r.department), (translate("Identify", "Phone"), r.phone))
    return Feature("disposal_grid", r.code, r.name, r.department, view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes)


def _admin_area(r) -> Feature:
    attributes = _card((translate("Identify", "Name"), r.name), (translate("Identify", "Administrative code"), r.code),
                       (translate("Identify", "Level"), level_name(r.level)))
    return Feature("admin_area", r.code, r.name, level_name(r.level), view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes)


def _bbox(model) -> list:
    return [model.min_x, model.min_y, model.max_x, model.max_y, model.geom_wkb]


def _tables() -> list:
    component_class = and_(
        ClassCode.scheme == Component.scheme, ClassCode.kind == "部件", ClassCode.code == Component.class_code
    )
    community = AdminArea.__table__.alias("community")
    return [
        _PointTable(select(Vehicle.id, Vehicle.plate, Vehicle.kind, Vehicle.terminal_id, Department.name.label("department"),
                           VEHICLE_TS.label("ts"), VEHICLE_X.label("x"), VEHICLE_Y.label("y"))
                    .outerjoin(Department, Department.id == Vehicle.department_id), VEHICLE_X, VEHICLE_Y, _vehicle),
        _PointTable(select(Case.id, Case.case_no, Case.stage, Case.source, Case.description, Case.address, Case.grid_code,
                           Case.created_at, Case.x, Case.y).where(Case.stage.not_in(("已结案", "作废"))),
                    Case.x, Case.y, _case),
        _PointTable(select(Camera.id, Camera.code, Camera.name, Camera.heading, Camera.fov, Camera.range_m, Camera.x, Camera.y),
                    Camera.x, Camera.y, _camera),
        _ShapeTable(Component, select(Component.code, Component.class_code, ClassCode.name.label("class_name"),
                                      ClassCode.major_name, Component.status, Component.name, Component.grid_code,
                                      Department.name.label("department"), *_bbox(Component))
                    .outerjoin(ClassCode, component_class)
                    .outerjoin(Department, Department.id == Component.department_id), _component),
        _ShapeTable(UnitGrid, select(UnitGrid.code, UnitGrid.zone_type, UnitGrid.name, UnitGrid.area_m2,
                                     community.c.name.label("community"), *_bbox(UnitGrid))
                    .outerjoin(community, community.c.code == UnitGrid.community_code), _grid),
        _ShapeTable(DisposalGrid, select(DisposalGrid.code, DisposalGrid.name, Department.name.label("department"),
                                         Department.phone, *_bbox(DisposalGrid))
                    .join(Department, Department.id == DisposalGrid.department_id), _disposal_grid),
        _ShapeTable(AdminArea, select(AdminArea.code, AdminArea.name, AdminArea.level, *_bbox(AdminArea)), _admin_area),
    ]


class Identifier:
    """``at(lon, lat, tolerance)``: the features there, topmost first, nearest first within a kind."""

    def __init__(self, database: CityDatabase):
        self.database = database
        self._tables = _tables()
        self._extent: dict[type, tuple[float, float]] = {}  # widest feature per table, for the range pad

    def at(self, lon: float, lat: float, tolerance: float) -> list[Feature]:
        tol_x = tolerance / max(math.cos(math.radians(lat)), 0.01)
        hits: list[Feature] = []
        with self.database.engine.connect() as conn:
            for table in self._tables:
                if isinstance(table, _PointTable):
                    hits += self._points(conn, table, lon, lat, tol_x, tolerance)
                else:
                    hits += self._shapes(conn, table, lon, lat, tol_x, tolerance)
        return hits

    def _points(self, conn, table: _PointTable, lon, lat, tol_x, tol) -> list[Feature]:
        rows = conn.execute(table.query.where(table.x.between(lon - tol_x, lon + tol_x),
                                              table.y.between(lat - tol, lat + tol))).all()
        distance = [math.hypot((r.x - lon) / tol_x, (r.y - lat) / tol) for r in rows]
        return [table.make(r) for d, r in sorted(zip(distance, rows), key=lambda p: p[0]) if d <= 1.0]

    def _shapes(self, conn, table: _ShapeTable, lon, lat, tol_x, tol) -> list[Feature]:
        model = table.model
        wide, high = self._widest(conn, model)
        rows = conn.execute(table.query.where(
            model.min_x.between(lon - tol_x - wide, lon + tol_x), model.min_y.between(lat - tol - high, lat + tol),
            model.max_x >= lon - tol_x, model.max_y >= lat - tol, model.geom_wkb.is_not(None))).all()
        if not rows:
            return []
        geometries = shapely.from_wkb([r.geom_wkb for r in rows])
        point = shapely.Point(lon, lat)
        distance = shapely.distance(geometries, point)
        inside = shapely.dwithin(geometries, point, tol)
        size = shapely.area(shapely.envelope(geometries))
        order = np.lexsort((size, distance)) if model is not AdminArea else np.lexsort(
            (size, [_ADMIN_ORDER.index(r.level) if r.level in _ADMIN_ORDER else 0 for r in rows]))
        return [table.make(rows[i]) for i in order if inside[i]]

    def _widest(self, conn, model) -> tuple[float, float]:
        if model not in self._extent:
            wide, high = conn.execute(select(func.max(model.max_x - model.min_x), func.max(model.max_y - model.min_y))).one()
            self._extent[model] = (wide or 0.0, high or 0.0)
        return self._extent[model]
