"""What the emergency map layers show: 应急资源 as points by kind, 分区分段包干 zones by plan type."""

from __future__ import annotations

import numpy as np
import shapely
from sqlalchemy import select

from desktop.storage.columns import Shapes, columns
from desktop.storage.database import CityDatabase
from desktop.storage.models import EmergencyResource, ResponsibilityZone


def read_resources(db: CityDatabase) -> Shapes:
    """Every emergency resource as a point; the category is its kind."""
    with db.engine.connect() as conn:
        x, y, kinds = columns(conn, select(EmergencyResource.x, EmergencyResource.y, EmergencyResource.kind))
    points = shapely.points(np.column_stack([x, y]).astype(float)) if len(x) else np.empty(0, dtype=object)
    return Shapes(points, kinds)


def read_zones(db: CityDatabase) -> Shapes:
    """Every responsibility zone (no geometry: None); the category is its plan type ("" for all plans)."""
    with db.engine.connect() as conn:
        wkb, plan_types = columns(conn, select(ResponsibilityZone.geom_wkb, ResponsibilityZone.plan_type))
    return Shapes(shapely.from_wkb(wkb), np.array([t or "" for t in plan_types], dtype=object))
