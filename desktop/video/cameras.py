"""The cameras of the open city (with area and department names) and where incidents are."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, Alarm, Camera, Case, Department

INCIDENT_TABLES = {"alarm": Alarm, "case": Case}


@dataclass(frozen=True)
class CameraInfo:
    code: str
    name: str
    x: float  # longitude
    y: float  # latitude
    heading: float  # compass degrees, 0 = north, clockwise
    fov: float
    range_m: float
    stream_url: str | None
    area: str  # administrative area name ("" when unknown)
    department: str  # department name ("" when unknown)


def load_cameras(db: CityDatabase) -> list[CameraInfo]:
    with db.session() as session:
        rows = session.execute(
            select(Camera, AdminArea.name, Department.name)
            .outerjoin(AdminArea, AdminArea.code == Camera.admin_code)
            .outerjoin(Department, Department.id == Camera.department_id)
            .order_by(Camera.code)
        ).all()
    return [
        CameraInfo(c.code, c.name, c.x, c.y, c.heading, c.fov, c.range_m, c.stream_url, area or "", dept or "")
        for c, area, dept in rows
    ]


def incident_location(db: CityDatabase, table: str, key) -> tuple[float, float] | None:
    """Longitude/latitude of an alarm or case (None when it has none or is not an incident)."""
    model = INCIDENT_TABLES.get(table)
    if model is None:
        return None
    with db.session() as session:
        row = session.get(model, key)
    if row is None or row.x is None or row.y is None:
        return None
    return row.x, row.y


def selected_camera_code(db: CityDatabase, items: tuple) -> str | None:
    """The code of the first camera in a selection (items like ("camera", id)), or None."""
    ids = [key for table, key in items if table == "camera"]
    if not ids:
        return None
    with db.session() as session:
        camera = session.get(Camera, ids[0])
    return camera.code if camera is not None else None
