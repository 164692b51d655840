"""Everything the 考核 window shows for a period, read in one session: KPIs, evaluation, series."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from desktop.cases.evaluation import EvaluationRow, evaluate
from desktop.cases.kpi import KpiRow, KpiTable, compute_kpis
from desktop.cases.kpi_series import class_distribution, daily_counts
from desktop.storage.database import CityDatabase


@dataclass(frozen=True)
class KpiOverview:
    overall: list[KpiRow]  # the whole city (one row, none without cases)
    rows: list[KpiRow]  # per ``by`` group
    departments: list[KpiRow]  # per department (the ranking chart)
    evaluation: list[EvaluationRow]  # per department, then per grid
    days: list[tuple[date, int, int]]
    classes: list[tuple[str, str, int]]


def read_kpi_overview(db: CityDatabase, start: datetime, end: datetime, by: str, table: KpiTable) -> KpiOverview:
    """The KPIs of ``[start, end)`` grouped ``by`` department, grid or inspector; ValueError for a bad grouping."""
    with db.session() as session:
        rows = compute_kpis(session, start, end, by, table)
        return KpiOverview(
            overall=compute_kpis(session, start, end, None, table),
            rows=rows,
            departments=rows if by == "department" else compute_kpis(session, start, end, "department", table),
            evaluation=evaluate(session, start, end) + evaluate(session, start, end, by_grid=True),
            days=daily_counts(session, start, end),
            classes=class_distribution(session, start, end),
        )
