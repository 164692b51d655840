"""One case as a seat shows it: plain frozen records read from the database, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from desktop.storage.database import CityDatabase
from desktop.storage.models import Case, CaseAudit


@dataclass(frozen=True)
class CaseRecord:
    """What the case list, the detail view and the workflow rules read of a case."""

    id: int
    case_no: str
    stage: str
    version: int
    source: str
    class_kind: str | None
    class_code: str | None
    description: str
    address: str | None
    x: float | None
    y: float | None
    grid_code: str | None
    department_id: int | None
    alarm_id: int | None
    created_at: datetime
    deadline: datetime | None
    phase_since: datetime | None
    limit_s: float | None
    limit_unit: str | None
    suspended_since: datetime | None
    suspended_total_s: float
    pending_action: str | None
    pending_by: str | None
    is_drill: bool

    @classmethod
    def of(cls, case: Case) -> CaseRecord:
        return cls(**{name: getattr(case, name) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class AuditEntry:
    """One row of a case's audit log."""

    ts: datetime
    action: str
    actor: str
    seat: str | None
    from_stage: str | None
    to_stage: str | None
    comment: str
    attachments: tuple[str, ...]


def read_case(db: CityDatabase, case_id: int) -> tuple[CaseRecord | None, list[AuditEntry]]:
    """The case and its audit log (oldest first); ``(None, [])`` when there is no such case."""
    with db.session() as session:
        case = session.get(Case, case_id)
        if case is None:
            return None, []
        audit = session.scalars(select(CaseAudit).where(CaseAudit.case_id == case_id).order_by(CaseAudit.id))
        return CaseRecord.of(case), [
            AuditEntry(a.ts, a.action, a.actor, a.seat, a.from_stage, a.to_stage, a.comment, tuple(a.attachments or ()))
            for a in audit
        ]
