"""Live vehicle positions kept in the city database at a low rate (Qt-free).

The seat stores the latest fix per vehicle every half minute, so what reads ``vehicle_position``
(nearest-unit recommendations, the map on the next start) sees where the fleet is now.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from sqlalchemy import insert, select

from desktop.storage.changes import INSERT, Change, batch_bbox
from desktop.storage.database import CityDatabase
from desktop.storage.models import Vehicle, VehiclePosition

log = logging.getLogger(__name__)

STORE_EVERY_S = 30.0


def vehicle_ids(db: CityDatabase) -> frozenset[int]:
    with db.engine.connect() as conn:
        return frozenset(conn.execute(select(Vehicle.id)).scalars())


def _values(item: dict) -> dict:
    """Column values of a feed position (``id, x, y, speed, heading, ts``); KeyError/TypeError/ValueError
    when malformed."""
    return {
        "vehicle_id": int(item["id"]),
        "ts": datetime.fromtimestamp(float(item["ts"]), UTC),
        "x": float(item["x"]),
        "y": float(item["y"]),
        "speed_kmh": float(item.get("speed") or 0.0),
        "heading": float(item.get("heading") or 0.0),
        "is_drill": False,
    }


def persist(db: CityDatabase, items: list[dict], known: frozenset[int]) -> int:
    """Insert the fixes of vehicles in ``known`` in one transaction (one ``vehicle_position`` change, ids
    the vehicles'); malformed ones are skipped. Returns the count."""
    rows = []
    for item in items:
        try:
            values = _values(item)
        except (KeyError, TypeError, ValueError, OverflowError, OSError):
            log.warning("忽略格式错误的车辆位置：%.200r", item)
            continue
        if values["vehicle_id"] in known:
            rows.append(values)
    if rows:
        with db.engine.begin() as conn:
            conn.execute(insert(VehiclePosition), rows)
        vehicles = tuple(dict.fromkeys(row["vehicle_id"] for row in rows))
        db.changes.announce(Change("vehicle_position", vehicles, INSERT, batch_bbox(rows)))
    return len(rows)
