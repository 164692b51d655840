"""What lies around a case's place, for a small map: the unit grids and the roads in a box."""

from __future__ import annotations

import shapely
from sqlalchemy import select

from desktop.storage.changes import BBox
from desktop.storage.database import CityDatabase
from desktop.storage.models import BaseFeature, UnitGrid


def grids_and_roads(db: CityDatabase, box: BBox) -> tuple[list[shapely.Geometry], list[shapely.Geometry]]:
    """The unit grid polygons and road lines meeting ``box`` (min_lon, min_lat, max_lon, max_lat)."""
    with db.session() as session:
        return _near(session, UnitGrid, box), _near(session, BaseFeature, box, BaseFeature.kind == "road")


def _near(session, model, box, *conditions) -> list[shapely.Geometry]:
    min_x, min_y, max_x, max_y = box
    rows = session.scalars(
        select(model.geom_wkb).where(
            model.max_x >= min_x,
            model.min_x <= max_x,
            model.max_y >= min_y,
            model.min_y <= max_y,
            model.geom_wkb.is_not(None),
            *conditions,
        )
    )
    return [geom for geom in shapely.from_wkb(list(rows)) if geom.geom_type.endswith(("Polygon", "LineString"))]
