"""GB/T 30428.4-style evaluation (绩效考核) per department, grid or inspector and period.

Definitions, composite-index weights (per grouping) and grade bands are documented tables
(``resources/codes/kpi_definitions.csv`` and ``kpi_grades.csv``). The cohort is the cases
reported in the period; drill cases never count. Counts are one SQL aggregate query; each count
key of the table has its condition in :data:`CONDITIONS`.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from importlib import resources
from pathlib import Path

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session

from desktop.cases.calendar import as_utc
from desktop.storage.models import Case, Department, Staff, UnitGrid

_DISPATCHED = Case.dispatched_at.is_not(None)
_DUE = and_(_DISPATCHED, Case.stage.not_in(("作废", "挂账")))
_CLOSED = and_(_DUE, Case.stage == "已结案")
CONDITIONS = {
    "reported": true(),
    "inspector_reported": Case.source == "监督员上报",
    "inspector_valid": and_(Case.source == "监督员上报", Case.filed_at.is_not(None)),
    "filed": Case.filed_at.is_not(None),
    "dispatched": _DISPATCHED,
    "due": _DUE,
    "closed": _CLOSED,
    "closed_on_time": and_(_CLOSED, Case.disposed_in_time.is_(True)),
    "disposed": and_(_DISPATCHED, Case.stage.in_(("处理反馈", "核查结案", "已结案"))),
    "reworked": and_(_DISPATCHED, Case.rework_count > 0),
    "extended": and_(_DISPATCHED, Case.extension_count > 0),
}
#: Grouping → (case column, key and label columns of the named table). The overall row uses the department weights.
GROUPINGS = {
    "department": (Case.department_id, Department.id, Department.name),
    "grid": (Case.grid_code, UnitGrid.code, UnitGrid.name),
    "inspector": (Case.reporter_id, Staff.id, Staff.name),
}


@dataclass(frozen=True)
class Definition:
    key: str
    name: str
    type: str  # count / rate
    numerator: str = ""
    denominator: str = ""
    invert: bool = False
    weights: dict | None = None  # grouping → weight in the composite index
    description: str = ""


@dataclass(frozen=True)
class KpiTable:
    definitions: tuple[Definition, ...]
    grades: tuple[tuple[str, float], ...]  # (grade, lowest index), highest first

    @property
    def counts(self) -> list[Definition]:
        return [d for d in self.definitions if d.type == "count"]

    @property
    def rates(self) -> list[Definition]:
        return [d for d in self.definitions if d.type == "rate"]

    def grade(self, index: float | None) -> str | None:
        return None if index is None else next((g for g, low in self.grades if index >= low), None)


def _resource(name: str) -> Path:
    return Path(str(resources.files("resources") / "codes" / name))


def read_kpi_table(definitions: Path | str | None = None, grades: Path | str | None = None) -> KpiTable:
    """The KPI definitions and grade bands (the bundled tables unless paths are given)."""
    with Path(definitions or _resource("kpi_definitions.csv")).open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    parsed = tuple(
        Definition(
            key=row["key"],
            name=row["name"],
            type=row["type"],
            numerator=row["numerator"],
            denominator=row["denominator"],
            invert=row["invert"] == "1",
            description=row["description"],
            weights={g: float(row[f"w_{g}"] or 0) for g in GROUPINGS} if row["type"] == "rate" else None,
        )
        for row in rows
    )
    unknown = [d.key for d in parsed if d.type == "count" and d.key not in CONDITIONS]
    if unknown:
        raise ValueError(f"指标定义表中的计数指标没有统计口径：{'、'.join(unknown)}")
    with Path(grades or _resource("kpi_grades.csv")).open(encoding="utf-8-sig", newline="") as handle:
        bands = sorted(((r["grade"], float(r["min_index"])) for r in csv.DictReader(handle)), key=lambda b: -b[1])
    return KpiTable(parsed, tuple(bands))


@dataclass(frozen=True)
class KpiRow:
    key: object
    label: str
    counts: dict[str, int]
    rates: dict[str, float | None]  # 0–1, None when the denominator is 0
    index: float | None  # composite index 0–100
    grade: str | None


def composite_index(rates: dict[str, float | None], table: KpiTable, grouping: str) -> float | None:
    """Weighted mean of the rate scores (0–100; inverted rates score 100 − rate); rates without data are left out."""
    scored = [
        (d.weights[grouping], 100 * (1 - rates[d.key] if d.invert else rates[d.key]))
        for d in table.rates
        if d.weights[grouping] > 0 and rates[d.key] is not None
    ]
    total = sum(weight for weight, _ in scored)
    return sum(weight * score for weight, score in scored) / total if total else None


def compute_kpis(
    session: Session, start: datetime, end: datetime, by: str | None = None, table: KpiTable | None = None
) -> list[KpiRow]:
    """KPIs of the cases reported in [start, end), one row per group (or one row 全部)."""
    table = table or read_kpi_table()
    column = GROUPINGS[by][0] if by else None
    sums = [func.coalesce(func.sum(case((CONDITIONS[d.key], 1), else_=0)), 0).label(d.key) for d in table.counts]
    query = select(*([column] if by else []), *sums).where(
        Case.created_at >= as_utc(start), Case.created_at < as_utc(end), Case.is_drill.is_(False)
    )
    if by:
        query = query.where(column.is_not(None)).group_by(column).order_by(column)
    labels = _labels(session, by)
    rows = []
    for result in session.execute(query).mappings():
        counts = {d.key: int(result[d.key]) for d in table.counts}
        if by is None and counts["reported"] == 0:
            continue
        rates = {
            d.key: counts[d.numerator] / counts[d.denominator] if counts[d.denominator] else None for d in table.rates
        }
        key = result[column.key] if by else None
        index = composite_index(rates, table, by or "department")
        rows.append(KpiRow(key, labels.get(key) or str(key or "全部"), counts, rates, index, table.grade(index)))
    return rows


def _labels(session: Session, by: str | None) -> dict:
    if by is None:
        return {}
    _, key, label = GROUPINGS[by]
    return dict(session.execute(select(key, label)).all())
