"""What is under the cursor: vehicles, cases, cameras, components, grids, disposal grids, administrative areas.

Candidates come from bbox range queries (``min_x``/``min_y`` are indexed), padded by the widest
feature of each table so extended features are found too; shapely decides the exact hits.
"""

from __future__ import annotations

import math
from collections import namedtuple
from dataclasses import dataclass

import numpy as np
import shapely
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
from desktop.storage.vehicle_place import VEHICLE_TS, VEHICLE_X, VEHICLE_Y

_ADMIN_ORDER = ("community", "street", "district", "city")  # smallest (topmost) first


@dataclass(frozen=True)
class _Table:
    """One kind of feature: stored as ``x``/``y`` columns, or with a geometry (``model`` a ``GeometryMixin``)."""

    kind: str
    query: object
    record: type  # the named tuple of the query's columns
    x: object = None
    y: object = None
    model: type | None = None

    def records(self, rows) -> list[tuple]:
        return [self.record._make(row) for row in rows]


def _table(kind: str, query, **where) -> _Table:
    return _Table(kind, query, namedtuple(kind, query.selected_columns.keys()), **where)


def _bbox(model) -> list:
    return [model.min_x, model.min_y, model.max_x, model.max_y, model.geom_wkb]


def _tables() -> list[_Table]:
    component_class = and_(
        ClassCode.scheme == Component.scheme, ClassCode.kind == "部件", ClassCode.code == Component.class_code
    )
    community = AdminArea.__table__.alias("community")
    return [
        _table(
            "vehicle",
            select(
                Vehicle.id,
                Vehicle.plate,
                Vehicle.kind,
                Vehicle.terminal_id,
                Department.name.label("department"),
                VEHICLE_TS.label("ts"),
                VEHICLE_X.label("x"),
                VEHICLE_Y.label("y"),
            ).outerjoin(Department, Department.id == Vehicle.department_id),
            x=VEHICLE_X,
            y=VEHICLE_Y,
        ),
        _table(
            "case",
            select(
                Case.id,
                Case.case_no,
                Case.stage,
                Case.source,
                Case.description,
                Case.address,
                Case.grid_code,
                Case.created_at,
                Case.x,
                Case.y,
            ).where(Case.stage.not_in(("已结案", "作废"))),
            x=Case.x,
            y=Case.y,
        ),
        _table(
            "camera",
            select(Camera.id, Camera.code, Camera.name, Camera.heading, Camera.fov, Camera.range_m, Camera.x, Camera.y),
            x=Camera.x,
            y=Camera.y,
        ),
        _table(
            "component",
            select(
                Component.code,
                Component.class_code,
                ClassCode.name.label("class_name"),
                ClassCode.major_name,
                Component.status,
                Component.name,
                Component.grid_code,
                Department.name.label("department"),
                *_bbox(Component),
            )
            .outerjoin(ClassCode, component_class)
            .outerjoin(Department, Department.id == Component.department_id),
            model=Component,
        ),
        _table(
            "grid",
            select(
                UnitGrid.code,
                UnitGrid.zone_type,
                UnitGrid.name,
                UnitGrid.area_m2,
                community.c.name.label("community"),
                *_bbox(UnitGrid),
            ).outerjoin(community, community.c.code == UnitGrid.community_code),
            model=UnitGrid,
        ),
        _table(
            "disposal_grid",
            select(
                DisposalGrid.code,
                DisposalGrid.name,
                Department.name.label("department"),
                Department.phone,
                *_bbox(DisposalGrid),
            ).join(Department, Department.id == DisposalGrid.department_id),
            model=DisposalGrid,
        ),
        _table(
            "admin_area", select(AdminArea.code, AdminArea.name, AdminArea.level, *_bbox(AdminArea)), model=AdminArea
        ),
    ]


class FeatureProbe:
    """``at(lon, lat, tolerance)``: ``(kind, record)`` of the features there, topmost first, nearest first
    within a kind; a record is a named tuple of the kind's columns."""

    def __init__(self, database: CityDatabase):
        self._database = database
        self._tables = _tables()
        self._extent: dict[type, tuple[float, float]] = {}  # widest feature per table, for the range pad

    def at(self, lon: float, lat: float, tolerance: float) -> list[tuple[str, tuple]]:
        tol_x = tolerance / max(math.cos(math.radians(lat)), 0.01)
        hits: list[tuple[str, tuple]] = []
        with self._database.engine.connect() as conn:
            for table in self._tables:
                find = self._points if table.model is None else self._shapes
                records = find(conn, table, lon, lat, tol_x, tolerance)
                hits += [(table.kind, record) for record in records]
        return hits

    def _points(self, conn, table: _Table, lon, lat, tol_x, tol) -> list[tuple]:
        rows = table.records(
            conn.execute(
                table.query.where(table.x.between(lon - tol_x, lon + tol_x), table.y.between(lat - tol, lat + tol))
            )
        )
        distance = [math.hypot((r.x - lon) / tol_x, (r.y - lat) / tol) for r in rows]
        return [r for d, r in sorted(zip(distance, rows), key=lambda p: p[0]) if d <= 1.0]

    def _shapes(self, conn, table: _Table, lon, lat, tol_x, tol) -> list[tuple]:
        model = table.model
        wide, high = self._widest(conn, model)
        rows = table.records(
            conn.execute(
                table.query.where(
                    model.min_x.between(lon - tol_x - wide, lon + tol_x),
                    model.min_y.between(lat - tol - high, lat + tol),
                    model.max_x >= lon - tol_x,
                    model.max_y >= lat - tol,
                    model.geom_wkb.is_not(None),
                )
            )
        )
        if not rows:
            return []
        geometries = shapely.from_wkb([r.geom_wkb for r in rows])
        point = shapely.Point(lon, lat)
        distance = shapely.distance(geometries, point)
        inside = shapely.dwithin(geometries, point, tol)
        size = shapely.area(shapely.envelope(geometries))
        order = (
            np.lexsort((size, distance))
            if model is not AdminArea
            else np.lexsort((size, [_ADMIN_ORDER.index(r.level) if r.level in _ADMIN_ORDER else 0 for r in rows]))
        )
        return [rows[i] for i in order if inside[i]]

    def _widest(self, conn, model) -> tuple[float, float]:
        if model not in self._extent:
            wide, high = conn.execute(
                select(func.max(model.max_x - model.min_x), func.max(model.max_y - model.min_y))
            ).one()
            self._extent[model] = (wide or 0.0, high or 0.0)
        return self._extent[model]
