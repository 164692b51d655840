"""The case service: every workflow action as one transaction with its audit-log row.

Each action names the case version the seat last saw (``expected_version``); when another seat
got there first the action is refused with a :class:`ConcurrentUpdateError` carrying the fresh
state. Times are stored in UTC.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import shapely
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop.cases.calendar import LOCAL_TZ, WorkCalendar, as_utc, read_calendar
from desktop.cases.time_limits import PHASES, TimeLimit, TimeLimits, deadline, elapsed, used_seconds
from desktop.cases.transitions import APPROVE
from desktop.cases.workflow import (
    SOURCES,
    Actor,
    CaseState,
    ConcurrentUpdateError,
    WorkflowError,
    check,
    check_decision,
)
from desktop.storage.changes import INSERT, Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import Alarm, Case, CaseAudit, Component, Department, UnitGrid

DRILL_PREFIX = "YL"
_RETRIES = 3


def _now() -> datetime:
    return datetime.now(UTC)


class CaseService:
    """Workflow actions on the cases of one city database."""

    def __init__(
        self,
        db: CityDatabase,
        calendar: WorkCalendar | None = None,
        limits: TimeLimits | None = None,
        clock: Callable[[], datetime] = _now,
    ):
        self.db = db
        self.calendar = calendar or read_calendar()
        self.limits = limits or TimeLimits.read()
        self.clock = clock

    # -- new cases ---------------------------------------------------------------------------
    def report(
        self, actor: Actor, seat: str | None, *, source: str, comment: str = "", attachments=(), **fields
    ) -> CaseState:
        """上报: a new case in 信息采集 (fields: description, x, y, class_kind, class_code, …)."""
        return self._create("上报", actor, seat, source, comment, attachments, fields)

    def self_handle(self, actor: Actor, seat: str | None, *, comment: str = "", attachments=(), **fields) -> CaseState:
        """自处理: an inspector reports and closes on the spot, with photos."""
        return self._create("自处理", actor, seat, "监督员上报", comment, attachments, fields)

    def report_alarm(
        self, actor: Actor, seat: str | None, alarm_id: int, *, comment: str = "", attachments=(), **fields
    ) -> CaseState:
        """上报 from an alarm: location, component, grid and class copied; the alarm is marked 已转案件."""
        with self.db.session() as session:
            alarm = session.get(Alarm, alarm_id)
            if alarm is None:
                raise WorkflowError(f"报警 {alarm_id} 不存在")
            component = session.get(Component, alarm.component_code) if alarm.component_code else None
            copied = {
                "x": alarm.x,
                "y": alarm.y,
                "description": alarm.message,
                "alarm_id": alarm.id,
                "is_drill": alarm.is_drill,
            }
            if component is not None:
                copied.update(
                    component_code=component.code,
                    class_kind="部件",
                    class_code=component.class_code,
                    scheme=component.scheme,
                    grid_code=component.grid_code,
                )
        source = alarm.source if alarm.source in ("视频AI", "物联感知") else "物联感知"
        return self._create("上报", actor, seat, source, comment, attachments, {**copied, **fields})

    def _create(self, action, actor, seat, source, comment, attachments, fields) -> CaseState:
        if source not in SOURCES:
            raise WorkflowError(f"未知案件来源“{source}”（可选：{'、'.join(SOURCES)}）")
        if fields.get("class_code") and fields.get("class_kind") not in ("部件", "事项"):
            raise WorkflowError("有类别代码时须注明类型：部件 或 事项")
        transition = check(None, action, actor, attachments)
        fields = {**fields, "is_drill": bool(fields.get("is_drill"))}

        def work() -> CaseState:
            with self.db.session() as session, session.begin():
                now = self.clock()
                case = Case(
                    source=source,
                    reporter=actor.name,
                    reporter_id=actor.staff_id,
                    created_at=now,
                    stage=transition.target,
                    photos=list(attachments) or None,
                    **fields,
                )
                if case.grid_code is None and case.x is not None:
                    case.grid_code = _grid_at(session, case.x, case.y)
                case.case_no = _next_case_no(session, now, case.is_drill)
                if action == "自处理":
                    case.filed_at = case.closed_at = now
                    case.disposed_in_time = True
                self._restart_clock(case, now)
                session.add(case)
                session.flush()
                if case.alarm_id is not None:
                    session.get(Alarm, case.alarm_id).status = "已转案件"
                self._audit(session, case, now, actor, seat, action, None, comment, attachments)
            self.db.changes.announce(Change.of("case", (case.id,), INSERT, [(case.x, case.y)]))
            if case.alarm_id is not None:
                self.db.changes.announce(Change("alarm", (case.alarm_id,)))
            return CaseState.of(case)

        return _retrying(work, (IntegrityError, OperationalError))  # number taken / database busy

    # -- actions on a case -------------------------------------------------------------------
    def act(
        self,
        case_id: int,
        action: str,
        actor: Actor,
        seat: str | None,
        *,
        expected_version: int,
        comment: str = "",
        attachments=(),
        **params,
    ) -> CaseState:
        """Do ``action`` (or 批准/驳回 a pending request) on a case in one transaction."""

        def work() -> CaseState:
            with self.db.session() as session, session.begin():
                case = session.get(Case, case_id)
                if case is None:
                    raise WorkflowError(f"案件 {case_id} 不存在")
                if case.version != expected_version:
                    raise ConcurrentUpdateError(_conflict(case), CaseState.of(case))
                self._act(session, case, action, actor, seat, comment, attachments, params)
                session.flush()
            self.db.changes.announce(Change.of("case", (case.id,), points=[(case.x, case.y)]))
            return CaseState.of(case)

        try:
            return _retrying(work, (OperationalError,))  # SQLite busy: re-read, the version decides
        except StaleDataError:
            fresh = self.state(case_id)
            raise ConcurrentUpdateError(_conflict(fresh), fresh) from None

    def _act(self, session, case, action, actor, seat, comment, attachments, params) -> None:
        now, before = self.clock(), case.stage
        if action in ("批准", "驳回"):
            transition = check_decision(case, action, actor)
            params = dict(case.pending_payload or {})
            case.pending_action = case.pending_by = case.pending_payload = None
            if action != APPROVE:
                self._audit(session, case, now, actor, seat, f"{transition.action}驳回", before, comment, attachments)
                return
            label = f"{transition.action}批准"
        else:
            transition = check(case, action, actor, attachments)
            if transition.needs_approval:
                case.pending_action, case.pending_by, case.pending_payload = action, actor.name, params or None
                self._audit(session, case, now, actor, seat, f"{action}申请", before, comment, attachments)
                return
            label = action
        _EFFECTS.get(transition.action, _no_effect)(self, session, case, now, params)
        case.stage = transition.target
        if PHASES.get(before) != PHASES.get(case.stage):
            self._restart_clock(case, now)
        case.deadline = deadline(case, self.calendar)
        if attachments:
            case.photos = [*(case.photos or []), *attachments]
        self._audit(session, case, now, actor, seat, label, before, comment, attachments)

    def _restart_clock(self, case: Case, now: datetime) -> None:
        phase = PHASES.get(case.stage)
        limit = self.limits.limit(case.class_kind, case.class_code, phase) if phase else None
        case.phase_since = now if phase else None
        case.limit_s = limit.seconds(self.calendar) if limit else None
        case.limit_unit = limit.unit if limit else None
        case.suspended_since, case.suspended_total_s = None, 0.0
        case.deadline = deadline(case, self.calendar)

    @staticmethod
    def _audit(session, case, now, actor, seat, action, before, comment, attachments) -> None:
        session.add(
            CaseAudit(
                case_id=case.id,
                ts=now,
                actor=actor.name,
                seat=seat,
                action=action,
                from_stage=before,
                to_stage=case.stage,
                comment=comment,
                attachments=list(attachments) or None,
                is_drill=case.is_drill,
            )
        )

    # -- named actions (thin wrappers over :meth:`act`) ------------------------------------------
    def file(self, case_id, actor, seat, **kw):
        return self.act(case_id, "立案", actor, seat, **kw)

    def decline(self, case_id, actor, seat, **kw):
        return self.act(case_id, "不予立案", actor, seat, **kw)

    def void(self, case_id, actor, seat, **kw):
        return self.act(case_id, "作废", actor, seat, **kw)

    def send_back(self, case_id, actor, seat, **kw):
        return self.act(case_id, "退回", actor, seat, **kw)

    def accept(self, case_id, actor, seat, **kw):
        return self.act(case_id, "接收", actor, seat, **kw)

    def feedback(self, case_id, actor, seat, **kw):
        return self.act(case_id, "反馈", actor, seat, **kw)

    def verify(self, case_id, actor, seat, passed: bool, **kw):
        return self.act(case_id, "核查通过" if passed else "核查不通过", actor, seat, **kw)

    def close(self, case_id, actor, seat, **kw):
        return self.act(case_id, "结案", actor, seat, **kw)

    def suspend(self, case_id, actor, seat, **kw):
        return self.act(case_id, "挂账", actor, seat, **kw)

    def resume(self, case_id, actor, seat, **kw):
        return self.act(case_id, "恢复", actor, seat, **kw)

    def approve(self, case_id, actor, seat, **kw):
        return self.act(case_id, "批准", actor, seat, **kw)

    def reject(self, case_id, actor, seat, **kw):
        return self.act(case_id, "驳回", actor, seat, **kw)

    def dispatch(self, case_id, actor, seat, department_id: int, **kw):
        return self.act(case_id, "派遣", actor, seat, department_id=department_id, **kw)

    def request_extension(self, case_id, actor, seat, amount: float, **kw):
        """延期申请: ``amount`` more of the phase's own unit (工作时/工作日/分钟)."""
        return self.act(case_id, "延期", actor, seat, amount=amount, **kw)

    # -- reading -----------------------------------------------------------------------------
    def state(self, case_id: int) -> CaseState | None:
        with self.db.session() as session:
            case = session.get(Case, case_id)
            return CaseState.of(case) if case else None

    def history(self, case_id: int) -> list[CaseAudit]:
        with self.db.session() as session:
            return list(session.scalars(select(CaseAudit).where(CaseAudit.case_id == case_id).order_by(CaseAudit.id)))


# -- effects of actions beyond the stage change ----------------------------------------------
def _no_effect(service, session, case, now, params) -> None:
    return None


def _file(service, session, case, now, params) -> None:
    case.filed_at = now


def _dispatch(service, session, case, now, params) -> None:
    department = session.get(Department, params.get("department_id"))
    if department is None:
        raise WorkflowError("派遣须指定存在的处置部门")
    case.department_id = department.id
    case.dispatched_at = case.dispatched_at or now


def _send_back(service, session, case, now, params) -> None:
    case.department_id = None
    case.returned_count += 1


def _feedback(service, session, case, now, params) -> None:
    case.disposed_in_time = used_seconds(case, service.calendar, now) <= case.limit_s


def _rework(service, session, case, now, params) -> None:
    case.rework_count += 1


def _close(service, session, case, now, params) -> None:
    case.closed_at = now


def _extend(service, session, case, now, params) -> None:
    amount = float(params.get("amount") or 0)
    if amount <= 0:
        raise WorkflowError("延期时长须大于零")
    case.limit_s += TimeLimit(amount, case.limit_unit).seconds(service.calendar)
    case.extension_count += 1


def _suspend(service, session, case, now, params) -> None:
    case.suspended_since = now


def _resume(service, session, case, now, params) -> None:
    case.suspended_total_s += elapsed(service.calendar, case.limit_unit, case.suspended_since, now)
    case.suspended_since = None


_EFFECTS = {
    "立案": _file,
    "派遣": _dispatch,
    "退回": _send_back,
    "反馈": _feedback,
    "核查不通过": _rework,
    "结案": _close,
    "延期": _extend,
    "挂账": _suspend,
    "恢复": _resume,
}


def _retrying(work: Callable[[], CaseState], retry_on: tuple) -> CaseState:
    for attempt in range(_RETRIES):
        try:
            return work()
        except retry_on as exc:
            if isinstance(exc, IntegrityError) and "case_no" not in str(exc):
                raise WorkflowError(f"数据不一致，操作未生效：{exc.orig}") from exc
            if attempt == _RETRIES - 1:
                raise WorkflowError("数据库繁忙，操作未能完成，请稍后重试") from None
    raise AssertionError(_RETRIES)


def _conflict(case) -> str:
    return (
        f"案件 {case.case_no} 已被其他坐席处理（现为“{case.stage}”，版本 {case.version}），本次操作未生效，请刷新后重试"
    )


def _next_case_no(session: Session, now: datetime, drill: bool) -> str:
    """Per-day numbers: YYYYMMDD + 5-digit serial (local date); drill cases prefixed ``YL``."""
    prefix = (DRILL_PREFIX if drill else "") + as_utc(now).astimezone(LOCAL_TZ).strftime("%Y%m%d")
    last = session.scalar(
        select(func.max(Case.case_no)).where(
            Case.case_no.like(f"{prefix}%"), func.length(Case.case_no) == len(prefix) + 5
        )
    )
    return f"{prefix}{int(last[len(prefix) :]) + 1 if last else 1:05d}"


def _grid_at(session: Session, x: float, y: float) -> str | None:
    """The 单元网格 containing a point (bbox prefilter in SQL, exact test in shapely)."""
    point = shapely.Point(x, y)
    grids = session.scalars(
        select(UnitGrid).where(UnitGrid.min_x <= x, UnitGrid.max_x >= x, UnitGrid.min_y <= y, UnitGrid.max_y >= y)
    )
    return next((grid.code for grid in grids if grid.geometry.covers(point)), None)
