"""综合评价: scores along 干净、整洁、有序、安全、群众满意 from configurable indicators.

The indicators are a documented table (``resources/codes/comprehensive_evaluation.csv``): a
dimension, a class filter (kind + code prefix, ``*`` = all cases), a measure and a weight.
Measures score 0–100:

* ``on_time_rate`` / ``closing_rate`` — 按期结案数 / 结案数 over 应结案数 (as in :mod:`desktop.cases.kpi`);
* ``rework_free_rate`` — 100 − 返工率;
* ``public_share`` — 100 − the share of cases from the public (hotlines, 公众号 …);
* ``density`` — cases per km² per 30 days; ``target`` is the density that scores 0.

A dimension scores the weighted mean of its indicators with data; the index is the weighted
mean of all of them, graded with the KPI grade bands. Drill cases never count.
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
from desktop.cases.kpi import CONDITIONS, KpiTable, read_kpi_table
from desktop.cases.workflow import PUBLIC_SOURCES
from desktop.storage.models import Case, UnitGrid

DIMENSIONS = ("干净", "整洁", "有序", "安全", "群众满意")
#: measure → (numerator condition, denominator condition); ``density`` counts all matching cases.
MEASURES = {
    "on_time_rate": (CONDITIONS["closed_on_time"], CONDITIONS["due"]),
    "closing_rate": (CONDITIONS["closed"], CONDITIONS["due"]),
    "rework_free_rate": (CONDITIONS["reworked"], CONDITIONS["due"]),
    "public_share": (Case.source.in_(PUBLIC_SOURCES), true()),
    "density": (true(), true()),
}
INVERTED = frozenset({"rework_free_rate", "public_share"})
_DAYS = 30.0


@dataclass(frozen=True)
class Indicator:
    dimension: str
    key: str
    name: str
    class_kind: str  # 部件 / 事项 / *
    class_prefix: str
    measure: str
    target: float | None
    weight: float
    description: str = ""

    def condition(self):
        if self.class_kind == "*":
            return true()
        return and_(Case.class_kind == self.class_kind, Case.class_code.startswith(self.class_prefix))


def read_indicators(path: Path | str | None = None) -> tuple[Indicator, ...]:
    """The indicator table (the bundled one unless a path is given); ValueError names a bad line."""
    path = Path(path) if path else Path(str(resources.files("resources") / "codes" / "comprehensive_evaluation.csv"))
    indicators = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            try:
                indicator = Indicator(
                    row["dimension"].strip(),
                    row["key"].strip(),
                    row["name"].strip(),
                    row["class_kind"].strip(),
                    row["class_prefix"].strip(),
                    row["measure"].strip(),
                    float(row["target"]) if row["target"].strip() else None,
                    float(row["weight"]),
                    row.get("description", "").strip(),
                )
            except (KeyError, ValueError) as exc:
                raise ValueError(f"综合评价指标表“{path.name}”第 {line} 行无效：{exc}") from None
            if indicator.dimension not in DIMENSIONS or indicator.measure not in MEASURES:
                raise ValueError(f"综合评价指标表“{path.name}”第 {line} 行：维度或计算方法无效")
            if indicator.measure == "density" and not indicator.target:
                raise ValueError(f"综合评价指标表“{path.name}”第 {line} 行：密度指标须有目标值")
            indicators.append(indicator)
    return tuple(indicators)


@dataclass(frozen=True)
class EvaluationRow:
    key: str | None
    label: str
    scores: dict[str, float | None]  # indicator key → 0–100
    dimensions: dict[str, float | None]
    index: float | None
    grade: str | None


def _weighted(pairs) -> float | None:
    pairs = [(w, s) for w, s in pairs if s is not None and w > 0]
    total = sum(w for w, _ in pairs)
    return sum(w * s for w, s in pairs) / total if total else None


def score(indicator: Indicator, numerator: int, denominator: int, area_km2: float, days: float) -> float | None:
    """The 0–100 score of one indicator from its counts (None without data)."""
    if indicator.measure == "density":
        if area_km2 <= 0:
            return None
        density = numerator / area_km2 * _DAYS / max(days, 1e-9)
        return 100.0 * max(0.0, 1.0 - density / indicator.target)
    if not denominator:
        return None
    rate = numerator / denominator
    return 100.0 * (1.0 - rate if indicator.measure in INVERTED else rate)


def evaluate(
    session: Session,
    start: datetime,
    end: datetime,
    by_grid: bool = False,
    indicators: tuple[Indicator, ...] | None = None,
    table: KpiTable | None = None,
) -> list[EvaluationRow]:
    """综合评价 of the cases reported in [start, end): one row per 单元网格, or one row 全部."""
    indicators = indicators or read_indicators()
    table = table or read_kpi_table()
    sums = []
    for ind in indicators:
        numerator, denominator = MEASURES[ind.measure]
        matching = ind.condition()
        sums += [
            func.coalesce(func.sum(case((and_(matching, numerator), 1), else_=0)), 0),
            func.coalesce(func.sum(case((and_(matching, denominator), 1), else_=0)), 0),
        ]
    query = select(*([Case.grid_code] if by_grid else []), *sums).where(
        Case.created_at >= as_utc(start), Case.created_at < as_utc(end), Case.is_drill.is_(False)
    )
    if by_grid:
        query = query.where(Case.grid_code.is_not(None)).group_by(Case.grid_code).order_by(Case.grid_code)
    grids = {
        code: (name, area)
        for code, name, area in session.execute(select(UnitGrid.code, UnitGrid.name, UnitGrid.area_m2))
    }
    days = (as_utc(end) - as_utc(start)).total_seconds() / 86400
    rows = []
    for result in session.execute(query):
        key = result[0] if by_grid else None
        counts = list(result[1:] if by_grid else result)
        if not by_grid and not any(counts):
            continue
        name, area_m2 = grids.get(key, (None, 0.0)) if by_grid else ("全部", sum(a for _, a in grids.values()))
        scores = {
            ind.key: score(ind, counts[2 * i], counts[2 * i + 1], (area_m2 or 0.0) / 1e6, days)
            for i, ind in enumerate(indicators)
        }
        dimensions = {
            dim: _weighted((ind.weight, scores[ind.key]) for ind in indicators if ind.dimension == dim)
            for dim in DIMENSIONS
        }
        index = _weighted((ind.weight, scores[ind.key]) for ind in indicators)
        rows.append(EvaluationRow(key, name or str(key), scores, dimensions, index, table.grade(index)))
    return rows
