"""The case list a dispatch seat works from: filtered, newest first, with counts per stage.

:class:`CaseFilter` holds the SQL-side filters (stage, department, grid, source, reporting
dates, case-number search); the traffic light is computed per case and filtered afterwards.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from sqlalchemy import Row, Select, func, select
from sqlalchemy.orm import Session

from desktop.cases.calendar import WorkCalendar, as_utc
from desktop.cases.case_record import CaseRecord
from desktop.cases.time_limits import PHASES, traffic_light
from desktop.storage.database import CityDatabase
from desktop.storage.models import CASE_STAGES, Case, CaseAudit

STAGES = CASE_STAGES  # every stage, in workflow order (the list's stage filter)
OPEN_STAGES = tuple(PHASES)
DEFAULT_LIMIT = 500


@dataclass(frozen=True)
class CaseFilter:
    stage: str | None = None
    department_id: int | None = None
    grid_code: str | None = None
    source: str | None = None
    reported_from: datetime | None = None  # inclusive
    reported_to: datetime | None = None  # exclusive
    number: str = ""  # part of the case number
    light: str | None = None  # 绿 / 黄 / 红


@dataclass(frozen=True)
class CaseRow:
    case: CaseRecord
    light: str | None


@dataclass(frozen=True)
class CaseListing:
    """The rows :func:`list_cases` gives and the counts :func:`stage_counts` gives, read together."""

    rows: list[CaseRow]
    counts: dict[str, int]


def _filtered(query: Select, f: CaseFilter) -> Select:
    conditions = [
        Case.stage == f.stage if f.stage else None,
        Case.department_id == f.department_id if f.department_id is not None else None,
        Case.grid_code == f.grid_code if f.grid_code else None,
        Case.source == f.source if f.source else None,
        Case.created_at >= as_utc(f.reported_from) if f.reported_from else None,
        Case.created_at < as_utc(f.reported_to) if f.reported_to else None,
        Case.case_no.contains(f.number.strip(), autoescape=True) if f.number.strip() else None,
        Case.stage.in_(OPEN_STAGES) if f.light else None,
    ]
    return query.where(*(c for c in conditions if c is not None))


def list_cases(
    session: Session, f: CaseFilter, calendar: WorkCalendar, now: datetime, limit: int = DEFAULT_LIMIT
) -> list[CaseRow]:
    """Cases matching ``f``, newest first (at most ``limit`` before the traffic-light filter)."""
    query = _filtered(select(Case), f).order_by(Case.created_at.desc(), Case.id.desc()).limit(limit)
    rows = [
        CaseRow(CaseRecord.of(case), traffic_light(case, calendar, now) if case.stage in PHASES else None)
        for case in session.scalars(query)
    ]
    return [row for row in rows if not f.light or row.light == f.light]


def stage_counts(session: Session, f: CaseFilter) -> dict[str, int]:
    """Cases per stage under every filter but the stage and the traffic light."""
    query = _filtered(select(Case.stage, func.count()), replace(f, stage=None, light=None)).group_by(Case.stage)
    return dict(session.execute(query).all())


def read_case_list(db: CityDatabase, f: CaseFilter, calendar: WorkCalendar, now: datetime) -> CaseListing:
    """The case list under ``f`` and its counts per stage, in one read."""
    with db.session() as session:
        return CaseListing(list_cases(session, f, calendar, now), stage_counts(session, f))


#: What an overview of open cases shows (plain rows: no ORM objects for thousands of cases).
OVERVIEW_COLUMNS = (
    Case.id,
    Case.case_no,
    Case.stage,
    Case.source,
    Case.department_id,
    Case.grid_code,
    Case.created_at,
    Case.deadline,
    Case.is_drill,
)


def open_cases_by(session: Session, column, key, now: datetime | None = None) -> list[Row]:
    """Open cases of one department or grid (``column == key``) as :data:`OVERVIEW_COLUMNS` rows,
    soonest deadline first; only overdue ones when ``now`` is given. Sorted here, not in SQL, so
    SQLite picks the (department or grid, stage) index over the deadline index."""
    query = select(*OVERVIEW_COLUMNS).where(column == key, Case.stage.in_(OPEN_STAGES))
    if now is not None:
        query = query.where(Case.deadline < as_utc(now), Case.suspended_since.is_(None))
    return sorted(session.execute(query), key=lambda c: (c.deadline is None, c.deadline and as_utc(c.deadline)))


def timeline(session: Session, case_id: int) -> list[CaseAudit]:
    """The audit log of one case, oldest first."""
    return list(session.scalars(select(CaseAudit).where(CaseAudit.case_id == case_id).order_by(CaseAudit.id)))
