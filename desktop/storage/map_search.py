"""Find grids, components, vehicles, cases and places by code, plate, case number or name.

Prefix matches are index range scans (``code >= q AND code < q + U+10FFFF``), so they stay fast
on millions of components; substring matches (``LIKE '%q%'``, a scan) run on the component table
only for queries of at least :data:`COMPONENT_SUBSTRING_MIN` characters and stop at the limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Select, and_, select

from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, BaseFeature, Case, ClassCode, Component, UnitGrid, Vehicle
from desktop.storage.vehicle_place import VEHICLE_X, VEHICLE_Y

# Feature kinds, topmost first (identify order); the key is what the selection carries.
KINDS = ("vehicle", "case", "camera", "component", "grid", "disposal_grid", "place", "admin_area")
COMPONENT_SUBSTRING_MIN = 6
_TOP = "\U0010ffff"  # sorts after every character: the end of a prefix range


@dataclass(frozen=True)
class Match:
    kind: str  # one of KINDS
    key: object  # grid/component/admin code, vehicle/case/place id
    text: str  # what matched: the code, plate, case number or name
    detail: str | None  # class, zone type, stage …; the level code for an administrative area
    bbox: tuple[float, float, float, float]  # min_x, min_y, max_x, max_y (a point: min = max)


@dataclass(frozen=True)
class _Source:
    kind: str
    column: object  # the searched text column
    query: Select  # (key, text, detail, min_x, min_y, max_x, max_y)
    upper: bool = True  # codes and plates are upper case: "n0001" finds "苏N0001"
    substring_min: int = 1


def _sources() -> list[_Source]:
    component_class = and_(
        ClassCode.scheme == Component.scheme, ClassCode.kind == "部件", ClassCode.code == Component.class_code
    )
    return [
        _Source(
            "grid",
            UnitGrid.code,
            select(
                UnitGrid.code,
                UnitGrid.code,
                UnitGrid.zone_type,
                UnitGrid.min_x,
                UnitGrid.min_y,
                UnitGrid.max_x,
                UnitGrid.max_y,
            ),
        ),
        _Source(
            "component",
            Component.code,
            select(
                Component.code,
                Component.code,
                ClassCode.name,
                Component.min_x,
                Component.min_y,
                Component.max_x,
                Component.max_y,
            ).outerjoin(ClassCode, component_class),
            substring_min=COMPONENT_SUBSTRING_MIN,
        ),
        _Source(
            "vehicle",
            Vehicle.plate,
            select(Vehicle.id, Vehicle.plate, Vehicle.kind, VEHICLE_X, VEHICLE_Y, VEHICLE_X, VEHICLE_Y),
        ),
        _Source("case", Case.case_no, select(Case.id, Case.case_no, Case.stage, Case.x, Case.y, Case.x, Case.y)),
        _Source(
            "place",
            BaseFeature.name,
            select(
                BaseFeature.id,
                BaseFeature.name,
                BaseFeature.subkind,
                BaseFeature.min_x,
                BaseFeature.min_y,
                BaseFeature.max_x,
                BaseFeature.max_y,
            ).where(BaseFeature.kind == "place"),
            upper=False,
        ),
        _Source(
            "admin_area",
            AdminArea.name,
            select(
                AdminArea.code,
                AdminArea.name,
                AdminArea.level,
                AdminArea.min_x,
                AdminArea.min_y,
                AdminArea.max_x,
                AdminArea.max_y,
            ),
            upper=False,
        ),
    ]


class FeatureSearch:
    """Ranked search over a city database: exact, then prefix, then substring matches."""

    def __init__(self, database: CityDatabase):
        self._database = database
        self._sources = _sources()

    def search(self, text: str, limit: int = 20) -> list[Match]:
        text = text.strip()
        if not text:
            return []
        ranked: dict[tuple, tuple] = {}
        with self._database.engine.connect() as conn:
            for source in self._sources:
                query = text.upper() if source.upper else text
                statements = [(1, source.query.where(source.column >= query, source.column < query + _TOP))]
                if len(query) >= source.substring_min:
                    statements.append((2, source.query.where(source.column.contains(query, autoescape=True))))
                for match, statement in statements:
                    for row in conn.execute(statement.limit(limit)):
                        key, found, detail, x0, y0, x1, y1 = row
                        if x0 is None or y0 is None or (source.kind, key) in ranked:
                            continue
                        rank = (0 if found == query else match, KINDS.index(source.kind), len(found), found)
                        ranked[(source.kind, key)] = (rank, Match(source.kind, key, found, detail, (x0, y0, x1, y1)))
        return [found for _, found in sorted(ranked.values(), key=lambda item: item[0])[:limit]]
