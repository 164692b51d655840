"""What the city map shows, read in bulk as numpy columns (SQLAlchemy Core, vectorised shapely)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from sqlalchemy import func, select

from desktop.storage.columns import Points, Shapes, columns, shapes
from desktop.storage.database import CityDatabase
from desktop.storage.models import (
    AdminArea,
    Alarm,
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

CLOSED_STAGES = ("已结案", "作废")


@dataclass(frozen=True)
class CitySummary:
    city_name: str | None
    grids: int
    components: int
    vehicles: int
    cameras: int


@dataclass(frozen=True)
class BaseMap:
    """Unit grids (keyed by code, labelled by name), the base map's features and the district boundaries."""

    grids: Shapes
    green: Shapes
    water: Shapes
    roads: Shapes
    districts: Shapes
    places: Shapes


@dataclass(frozen=True)
class Fleet:
    """The last stored position of each vehicle; ``ts`` in Unix seconds."""

    ids: np.ndarray
    kinds: np.ndarray
    plates: np.ndarray
    x: np.ndarray
    y: np.ndarray
    heading: np.ndarray
    speed: np.ndarray
    ts: list[float]


@dataclass(frozen=True)
class LiveRows:
    cameras: Points
    cases: Points  # columns stage, deadline
    alarms: Points  # open real alarms with a position: columns level, kind, message
    vehicles: Fleet


def read_city_summary(db: CityDatabase) -> CitySummary:
    with db.engine.connect() as conn:
        name = conn.execute(select(Meta.value).where(Meta.key == "city_name")).scalar()

        def count(model) -> int:
            return conn.execute(select(func.count()).select_from(model)).scalar_one()

        return CitySummary(name, count(UnitGrid), count(Component), count(Vehicle), count(Camera))


def read_base_map(db: CityDatabase) -> BaseMap:
    def base(kind: str):
        return select(BaseFeature.geom_wkb, BaseFeature.subkind).where(BaseFeature.kind == kind)

    with db.engine.connect() as conn:
        geoms, zones, codes, names = columns(
            conn,
            select(UnitGrid.geom_wkb, UnitGrid.zone_type, UnitGrid.code, UnitGrid.name).where(
                UnitGrid.geom_wkb.is_not(None)
            ),
        )
        grids = Shapes(shapely.from_wkb(geoms), zones, codes, np.where(names == None, codes, names))  # noqa: E711
        districts = shapes(conn, select(AdminArea.geom_wkb, AdminArea.level).where(AdminArea.level == "district"))
        geoms, kinds, labels = columns(
            conn,
            select(BaseFeature.geom_wkb, BaseFeature.subkind, BaseFeature.name).where(
                BaseFeature.kind == "place", BaseFeature.geom_wkb.is_not(None)
            ),
        )
        return BaseMap(
            grids,
            shapes(conn, base("green")),
            shapes(conn, base("water")),
            shapes(conn, base("road")),
            districts,
            Shapes(shapely.from_wkb(geoms), kinds, labels=labels),
        )


def read_disposal_grids(db: CityDatabase) -> Shapes:
    """Every department's disposal grids, by department name then code; the category is the department name."""
    with db.engine.connect() as conn:
        geoms, codes, names, departments = columns(
            conn,
            (
                select(DisposalGrid.geom_wkb, DisposalGrid.code, DisposalGrid.name, Department.name)
                .join(Department, Department.id == DisposalGrid.department_id)
                .where(DisposalGrid.geom_wkb.is_not(None))
                .order_by(Department.name, DisposalGrid.code)
            ),
        )
    return Shapes(shapely.from_wkb(geoms), departments, codes, names)


def read_components(db: CityDatabase) -> Points:
    """Components at the centres of their bboxes (no WKB parsing), with class code and the class's symbol."""
    with db.engine.connect() as conn:
        symbols = dict(
            conn.execute(
                select(ClassCode.code, ClassCode.symbol).where(ClassCode.kind == "部件", ClassCode.symbol.is_not(None))
            ).all()
        )
        keys, x0, y0, x1, y1, classes = columns(
            conn,
            select(
                Component.code, Component.min_x, Component.min_y, Component.max_x, Component.max_y, Component.class_code
            ).where(Component.min_x.is_not(None)),
        )
    x, y = ((x0 + x1) / 2).astype(float), ((y0 + y1) / 2).astype(float)
    return Points(keys, x, y, {"class_code": classes, "symbol": [symbols.get(c, "") for c in classes]})


def read_live(db: CityDatabase) -> LiveRows:
    """Cameras, open cases, open alarms and the vehicles' last stored positions."""
    with db.engine.connect() as conn:
        keys, x, y, names, heading, fov, range_m = columns(
            conn, select(Camera.id, Camera.x, Camera.y, Camera.name, Camera.heading, Camera.fov, Camera.range_m)
        )
        cameras = Points(keys, x, y, {"name": names, "heading": heading, "fov": fov, "range_m": range_m})
        cases = _open_cases(conn)
        keys, x, y, level, kind, message = columns(
            conn,
            select(Alarm.id, Alarm.x, Alarm.y, Alarm.level, Alarm.kind, Alarm.message).where(
                Alarm.status == "未处理", Alarm.is_drill.is_(False), Alarm.x.is_not(None)
            ),
        )
        alarms = Points(keys, x, y, {"level": level, "kind": kind, "message": message})
        return LiveRows(cameras, cases, alarms, _fleet(conn))


def read_open_cases(db: CityDatabase) -> Points:
    """Open real cases with a location: columns stage and deadline."""
    with db.engine.connect() as conn:
        return _open_cases(conn)


def read_grid_component_counts(db: CityDatabase) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(codes, geometries, component counts)`` of the unit grids with a geometry."""
    counts = select(Component.grid_code, func.count().label("n")).group_by(Component.grid_code).subquery()
    with db.engine.connect() as conn:
        codes, wkb, n = columns(
            conn,
            select(UnitGrid.code, UnitGrid.geom_wkb, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.grid_code == UnitGrid.code)
            .where(UnitGrid.geom_wkb.is_not(None)),
        )
    return codes, shapely.from_wkb(wkb), n.astype(float)


def _open_cases(conn) -> Points:
    keys, x, y, stage, deadline = columns(
        conn,
        select(Case.id, Case.x, Case.y, Case.stage, Case.deadline).where(
            Case.x.is_not(None), Case.is_drill.is_(False), Case.stage.not_in(CLOSED_STAGES)
        ),
    )
    return Points(keys, x, y, {"stage": stage, "deadline": deadline})


def _fleet(conn) -> Fleet:
    latest = (
        select(VehiclePosition.vehicle_id, func.max(VehiclePosition.ts).label("ts"))
        .where(VehiclePosition.is_drill.is_(False))
        .group_by(VehiclePosition.vehicle_id)
        .subquery()
    )
    ids, kinds, plates, x, y, heading, speed, ts = columns(
        conn,
        (
            select(
                Vehicle.id,
                Vehicle.kind,
                Vehicle.plate,
                VehiclePosition.x,
                VehiclePosition.y,
                VehiclePosition.heading,
                VehiclePosition.speed_kmh,
                VehiclePosition.ts,
            )
            .join(latest, latest.c.vehicle_id == Vehicle.id)
            .join(VehiclePosition, (VehiclePosition.vehicle_id == Vehicle.id) & (VehiclePosition.ts == latest.c.ts))
        ),
    )
    ids, first = np.unique(ids.astype(np.int64), return_index=True)  # one row when two fixes share a time
    return Fleet(
        ids,
        kinds[first],
        plates[first],
        x[first],
        y[first],
        heading[first],
        speed[first],
        [t.timestamp() for t in ts[first]],
    )
