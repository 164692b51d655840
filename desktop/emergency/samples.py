"""The sample plans, resources and responsibility zones of the demo city (resources/emergency/).

Places in the sample files are metre offsets ``[east, north]`` from the city centre, so the
samples fit any generated city. :func:`install_sample_plans` is idempotent.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.emergency.geo import box_m, offset
from desktop.emergency.plans import read_plan_file, save_plan
from desktop.storage.changes import INSERT, Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, EmergencyPlan, EmergencyResource, ResponsibilityZone, UnitGrid


def sample_dir() -> Path:
    return Path(str(resources.files("resources") / "emergency"))


def city_centre(session: Session) -> tuple[float, float] | None:
    """The city's centre point (its admin area, else the middle of the unit grids), None for an empty database."""
    city = session.scalars(select(AdminArea).where(AdminArea.level == "city")).first()
    if city is not None and city.center_x is not None:
        return city.center_x, city.center_y
    box = session.execute(
        select(func.min(UnitGrid.min_x), func.min(UnitGrid.min_y), func.max(UnitGrid.max_x), func.max(UnitGrid.max_y))
    ).one()
    return None if box[0] is None else ((box[0] + box[2]) / 2, (box[1] + box[3]) / 2)


def install_sample_plans(db: CityDatabase) -> int:
    """Add the sample plans missing from ``db`` (and the sample resources and zones when it has none);
    returns the number of plans added."""
    with db.session() as session, session.begin():
        have = set(session.scalars(select(EmergencyPlan.code)))
        added = []
        for path in sorted((sample_dir() / "plans").glob("*.json")):
            data = read_plan_file(path)
            if data["code"] not in have:
                added.append(save_plan(session, data).id)
        centre = city_centre(session)
        places = _install_places(session, centre) if centre is not None else []
    if added:
        db.changes.announce(Change("plan", tuple(added), INSERT))
    for kind in places:
        db.changes.announce(Change(kind, (), INSERT))
    return len(added)


def _install_places(session: Session, centre: tuple[float, float]) -> list[str]:
    """The sample resources and zones where there are none; returns the kinds added."""
    data = json.loads((sample_dir() / "resources.json").read_text(encoding="utf-8"))
    added = []
    if session.scalar(select(func.count()).select_from(EmergencyResource)) == 0:
        for item in data["resources"]:
            x, y = offset(*centre, *item.pop("at_m"))
            session.add(EmergencyResource(x=x, y=y, **item))
        added.append("emergency_resource")
    if session.scalar(select(func.count()).select_from(ResponsibilityZone)) == 0:
        for item in data["zones"]:
            session.add(ResponsibilityZone(geometry=box_m(*centre, *item.pop("box_m")), **item))
        added.append("responsibility_zone")
    return added
