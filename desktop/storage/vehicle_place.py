"""Where a vehicle is, as SQL expressions: its last reported position, else its depot."""

from __future__ import annotations

from sqlalchemy import func, select

from desktop.storage.models import Vehicle, VehiclePosition


def _latest_position(column):
    return (
        select(column)
        .where(VehiclePosition.vehicle_id == Vehicle.id)
        .order_by(VehiclePosition.ts.desc())
        .limit(1)
        .correlate(Vehicle)
        .scalar_subquery()
    )


VEHICLE_X = func.coalesce(_latest_position(VehiclePosition.x), Vehicle.depot_x)
VEHICLE_Y = func.coalesce(_latest_position(VehiclePosition.y), Vehicle.depot_y)
VEHICLE_TS = _latest_position(VehiclePosition.ts)
