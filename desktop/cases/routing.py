"""Who disposes a case: the 处置网格 containing its location and the department kind of its class.

The class → department-kind table is data (``resources/codes/class_departments.csv``: kind,
code prefix, department kinds separated by ``|``); the longest matching prefix wins. When the
answer is not one department, the candidates are returned for the dispatcher to choose.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.storage.database import CityDatabase
from desktop.storage.models import Department, DisposalGrid


@dataclass(frozen=True)
class Candidate:
    department_id: int
    department_name: str
    department_kind: str
    grid_code: str | None = None


@dataclass(frozen=True)
class Route:
    """``department_id`` is set when exactly one department fits; ``reason`` says why in Chinese."""

    department_id: int | None
    candidates: tuple[Candidate, ...]
    reason: str


def read_class_departments(path: Path | str | None = None) -> dict[tuple[str, str], tuple[str, ...]]:
    """(部件/事项, code prefix) → responsible department kinds."""
    path = Path(path) if path else Path(str(resources.files("resources") / "codes" / "class_departments.csv"))
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {
            (row["kind"].strip(), row["code"].strip()): tuple(k.strip() for k in row["department_kind"].split("|"))
            for row in csv.DictReader(handle)
        }


def responsible_kinds(table: dict, kind: str | None, code: str | None) -> tuple[str, ...]:
    """The department kinds for a class (longest code prefix wins; empty when unknown)."""
    code = code or ""
    for length in range(len(code), 0, -1):
        if (kind, code[:length]) in table:
            return table[(kind, code[:length])]
    return ()


class Router:
    """Routes cases over the disposal grids of one database (an STRtree built once)."""

    def __init__(self, grids: list[Candidate], geometries, departments: list[Candidate], table: dict):
        self.grids, self.departments, self.table = grids, departments, table
        self.tree = shapely.STRtree(np.asarray(geometries, dtype=object))

    @classmethod
    def from_session(cls, session: Session, table: dict | None = None) -> Router:
        departments = [Candidate(d.id, d.name, d.kind) for d in session.scalars(select(Department))]
        by_id = {d.department_id: d for d in departments}
        rows = session.execute(
            select(DisposalGrid.code, DisposalGrid.department_id, DisposalGrid.geom_wkb).where(
                DisposalGrid.geom_wkb.is_not(None)
            )
        ).all()
        grids = [
            Candidate(dept, by_id[dept].department_name, by_id[dept].department_kind, code) for code, dept, _ in rows
        ]
        geometries = shapely.from_wkb([wkb for _, _, wkb in rows]) if rows else []
        return cls(grids, geometries, departments, table if table is not None else read_class_departments())

    def route(self, x: float | None, y: float | None, class_kind: str | None, class_code: str | None) -> Route:
        return self.route_many([(x, y, class_kind, class_code)])[0]

    def route_many(self, cases: list[tuple]) -> list[Route]:
        """Routes for (x, y, class_kind, class_code) tuples, with one vectorised tree query."""
        points = shapely.points([(x, y) if x is not None else (np.nan, np.nan) for x, y, _, _ in cases])
        containing: list[list[Candidate]] = [[] for _ in cases]
        for case_index, grid_index in self.tree.query(points, predicate="within").T:
            containing[case_index].append(self.grids[grid_index])
        return [
            self._decide(grids, responsible_kinds(self.table, kind, code))
            for grids, (_, _, kind, code) in zip(containing, cases)
        ]

    def _decide(self, containing: list[Candidate], kinds: tuple[str, ...]) -> Route:
        matching = _unique(g for g in containing if g.department_kind in kinds)
        if len(matching) == 1:
            return Route(matching[0].department_id, tuple(matching), "按处置网格与案件类别确定处置部门")
        if matching:
            return Route(None, tuple(matching), "多个部门的处置网格包含该位置，请派遣员选择")
        of_kind = [d for d in self.departments if d.department_kind in kinds]
        if of_kind:
            return Route(None, tuple(of_kind), f"该位置不在“{'、'.join(kinds)}”部门的处置网格内，请派遣员选择")
        if containing:
            return Route(None, tuple(_unique(containing)), "案件类别未对应处置部门类型，请从该位置的处置网格中选择")
        return Route(None, tuple(self.departments), "无法确定处置部门，请派遣员选择")


def _unique(candidates) -> list[Candidate]:
    """One candidate per department (the first grid found)."""
    seen: dict[int, Candidate] = {}
    for candidate in candidates:
        seen.setdefault(candidate.department_id, candidate)
    return list(seen.values())


def route_case(
    db: CityDatabase, x: float | None, y: float | None, class_kind: str | None, class_code: str | None
) -> Route:
    """The route of one case over the disposal grids of ``db``."""
    with db.session() as session:
        return Router.from_session(session).route(x, y, class_kind, class_code)
