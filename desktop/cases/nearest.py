"""Recommend the nearest vehicles and staff of a department for a case, with an ETA.

Distances are geodesic on the CGCS2000 ellipsoid (GRS80); the ETA multiplies them by a
road-detour factor and divides by a typical speed per vehicle kind. A vehicle is placed at its
latest position when that is recent, otherwise at its depot; staff (who carry no tracker) are
placed at the centre of their administrative area.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.cases.calendar import as_utc
from desktop.domain.geodesy import GEOD
from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, Staff, Vehicle, VehiclePosition

DETOUR = 1.3
#: Typical speeds in km/h; 人员 = on foot or by e-bike.
SPEEDS_KMH = {"环卫": 20.0, "渣土": 25.0, "执法": 30.0, "市政抢修": 35.0, "人员": 12.0}
DEFAULT_SPEED_KMH = 20.0


@dataclass(frozen=True)
class Recommendation:
    kind: str  # 车辆 / 人员
    id: int
    name: str
    distance_m: float
    eta_min: float
    located_by: str  # 实时定位 / 停车场 / 辖区中心


def _latest_positions(session: Session, since: datetime, include_drill: bool) -> dict[int, tuple[float, float]]:
    latest = select(VehiclePosition.vehicle_id, func.max(VehiclePosition.ts).label("ts")).where(
        VehiclePosition.ts >= as_utc(since)
    )
    if not include_drill:
        latest = latest.where(VehiclePosition.is_drill.is_(False))
    latest = latest.group_by(VehiclePosition.vehicle_id).subquery()
    rows = session.execute(
        select(VehiclePosition.vehicle_id, VehiclePosition.x, VehiclePosition.y).join(
            latest, (VehiclePosition.vehicle_id == latest.c.vehicle_id) & (VehiclePosition.ts == latest.c.ts)
        )
    )
    return {vehicle_id: (x, y) for vehicle_id, x, y in rows}


def recommend(
    session: Session,
    department_id: int,
    x: float,
    y: float,
    now: datetime,
    limit: int = 5,
    max_age: timedelta = timedelta(minutes=30),
    include_drill: bool = False,
) -> list[Recommendation]:
    """The ``limit`` nearest vehicles and 处置人员 of a department, nearest first."""
    positions = _latest_positions(session, now - max_age, include_drill)
    found: list[tuple[str, int, str, float, float, str, str]] = []
    for vehicle in session.scalars(select(Vehicle).where(Vehicle.department_id == department_id)):
        if vehicle.id in positions:
            found.append(("车辆", vehicle.id, vehicle.plate, *positions[vehicle.id], "实时定位", vehicle.kind))
        elif vehicle.depot_x is not None:
            found.append(("车辆", vehicle.id, vehicle.plate, vehicle.depot_x, vehicle.depot_y, "停车场", vehicle.kind))
    staff = session.execute(
        select(Staff, AdminArea.center_x, AdminArea.center_y)
        .join(AdminArea, Staff.admin_code == AdminArea.code)
        .where(Staff.department_id == department_id, Staff.role == "处置人员", AdminArea.center_x.is_not(None))
    )
    found += [("人员", person.id, person.name, cx, cy, "辖区中心", "人员") for person, cx, cy in staff]
    if not found:
        return []
    xs, ys = np.array([f[3] for f in found]), np.array([f[4] for f in found])
    _, _, distances = GEOD.inv(xs, ys, np.full_like(xs, x), np.full_like(ys, y))
    speeds = np.array([SPEEDS_KMH.get(f[6], DEFAULT_SPEED_KMH) for f in found])
    etas = distances * DETOUR / (speeds * 1000 / 60)
    order = np.argsort(etas)[:limit]
    return [
        Recommendation(found[i][0], found[i][1], found[i][2], float(distances[i]), float(etas[i]), found[i][5])
        for i in order
    ]


def recommend_units(db: CityDatabase, department_id: int, x: float, y: float, now: datetime) -> list[Recommendation]:
    """:func:`recommend` on ``db``: the nearest units of a department, nearest first."""
    with db.session() as session:
        return recommend(session, department_id, x, y, now)
