"""Incident command: activate a plan at a place and level, tick its steps, dispatch tasks through
:class:`~desktop.cases.service.CaseService`, change level, terminate, and keep the incident log.

Every action is one transaction with its log row; records of a drill carry ``is_drill``.
Times are UTC; ``clock`` is injectable so drills run on virtual time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.cases.service import CaseService
from desktop.cases.workflow import Actor, CaseState, WorkflowError
from desktop.emergency import cap
from desktop.emergency.criteria import drill_stream, trigger_of
from desktop.emergency.geo import circle, distance_m
from desktop.emergency.plans import LEVEL_NAMES
from desktop.storage.changes import INSERT, UPDATE, Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import (
    PLAN_LEVELS,
    ActivationStep,
    Alarm,
    Camera,
    Case,
    Department,
    EmergencyResource,
    IncidentLog,
    PlanActivation,
    PlanLevel,
)

DEFAULT_RADIUS_M = 500.0
ALARM_LOOKBACK = timedelta(hours=1)  # alarms this long before activation belong to the incident
TASK_SOURCE = "领导交办"


def _now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StepView:
    id: int
    seq: int
    level: str
    owner: str
    action: str
    department: str | None
    deadline_min: float
    due_at: datetime
    confirm: bool
    done_at: datetime | None
    done_by: str | None
    case_no: str | None

    def overdue(self, now: datetime) -> bool:
        """Not done by its deadline (or done late)."""
        return (as_utc(self.done_at) if self.done_at else as_utc(now)) > as_utc(self.due_at)


@dataclass(frozen=True)
class LogEntry:
    ts: datetime
    kind: str
    actor: str
    text: str


@dataclass(frozen=True)
class Nearby:
    """A resource or camera near the incident."""

    code: str
    name: str
    kind: str
    distance_m: float
    detail: str
    x: float
    y: float


@dataclass(frozen=True)
class IncidentView:
    """An activation as the incident panel shows it."""

    id: int
    plan_code: str
    plan_name: str
    plan_type: str
    title: str
    level: str
    started_at: datetime
    ended_at: datetime | None
    end_reason: str | None
    x: float
    y: float
    radius_m: float
    is_drill: bool
    steps: tuple[StepView, ...]
    command_group: tuple[dict, ...]
    log: tuple[LogEntry, ...]
    resources: tuple[Nearby, ...]
    cameras: tuple[Nearby, ...]

    @property
    def bbox(self) -> tuple[float, float, float, float]:
        return circle(self.x, self.y, self.radius_m).bounds

    def elapsed_s(self, now: datetime) -> float:
        return ((as_utc(self.ended_at) if self.ended_at else as_utc(now)) - as_utc(self.started_at)).total_seconds()


class IncidentService:
    """Command actions on the activations of one city database."""

    def __init__(self, db: CityDatabase, clock: Callable[[], datetime] = _now):
        self.db = db
        self.clock = clock
        self.cases = CaseService(db, clock=clock)

    # -- actions -----------------------------------------------------------------------------
    def activate(
        self,
        plan_id: int,
        level: str,
        x: float,
        y: float,
        actor: str,
        *,
        radius_m: float | None = None,
        title: str = "",
        reason: str = "",
        is_drill: bool = False,
        drill_run_id: int | None = None,
    ) -> int:
        """启动 a plan level at ``(x, y)``; copies the level's steps into the checklist."""
        with self.db.session() as session, session.begin():
            level_row = _level(session, plan_id, level)
            trigger = trigger_of(level_row.trigger) or {}
            radius = radius_m or trigger.get("radius_m") or DEFAULT_RADIUS_M
            now = self.clock()
            activation = PlanActivation(
                plan_id=plan_id,
                level=level,
                started_at=now,
                x=x,
                y=y,
                radius_m=radius,
                is_drill=is_drill,
                title=title or f"{level_row.plan.name}（{LEVEL_NAMES[level]}）",
                drill_run_id=drill_run_id,
                geometry=circle(x, y, radius),
            )
            session.add(activation)
            session.flush()
            self._add_steps(session, activation, level_row, now)
            _log(session, activation, now, "启动", actor, f"启动{activation.title}" + (f"：{reason}" if reason else ""))
        self._announce(activation, INSERT)
        return activation.id

    def tick(self, step_id: int, actor: str, note: str = "") -> None:
        """Mark a response step done by ``actor`` now."""
        with self.db.session() as session, session.begin():
            step = _get(session, ActivationStep, step_id, "响应步骤")
            if step.done_at is not None:
                raise WorkflowError(f"第 {step.seq} 步已由{step.done_by}完成")
            now = self.clock()
            step.done_at, step.done_by = now, actor
            late = "（超时）" if now > as_utc(step.due_at) else ""
            activation = step_activation(session, step)
            _log(
                session,
                activation,
                now,
                "步骤",
                actor,
                f"完成第 {step.seq} 步{late}：{step.action}" + (f"（{note}）" if note else ""),
                {"step": step.seq},
            )
        self._announce(activation)

    def dispatch(self, step_id: int, actor: str, department_id: int | None = None) -> CaseState:
        """A task for a step: a 领导交办 case reported, filed and dispatched to the step's department."""
        with self.db.session() as session:
            step = _get(session, ActivationStep, step_id, "响应步骤")
            activation = step_activation(session, step)
            department = (
                session.get(Department, department_id) if department_id else _department(session, step.department)
            )
            if department is None:
                raise WorkflowError(f"未找到第 {step.seq} 步的处置部门“{step.department or '未指定'}”")
            fields = {
                "description": f"【{activation.title}】{step.action}",
                "x": activation.x,
                "y": activation.y,
                "is_drill": activation.is_drill,
                "address": activation.title,
            }
            department_id, department_name = department.id, department.name
        commander = Actor(actor, "指挥长")
        state = self.cases.report(
            commander, "应急指挥", source=TASK_SOURCE, comment=f"应急响应第 {step.seq} 步", **fields
        )
        state = self.cases.file(state.id, commander, "应急指挥", expected_version=state.version)
        state = self.cases.dispatch(state.id, commander, "应急指挥", department_id, expected_version=state.version)
        with self.db.session() as session, session.begin():
            step = session.get(ActivationStep, step_id)
            step.case_id = state.id
            activation = step_activation(session, step)
            _log(
                session,
                activation,
                self.clock(),
                "派遣",
                actor,
                f"第 {step.seq} 步派遣案件 {state.case_no} 至{department_name}",
                {"step": step.seq, "case_no": state.case_no},
            )
        self._announce(activation)
        return state

    def change_level(self, activation_id: int, level: str, reason: str, actor: str) -> None:
        """升级 / 降级 with a reason; the new level's steps not yet on the checklist are added."""
        if not reason.strip():
            raise WorkflowError("调整响应级别须说明理由")
        with self.db.session() as session, session.begin():
            activation = self._open(session, activation_id)
            if level == activation.level:
                raise WorkflowError(f"已是{LEVEL_NAMES[level]}响应")
            now = self.clock()
            kind = "升级" if PLAN_LEVELS.index(level) < PLAN_LEVELS.index(activation.level) else "降级"
            _log(
                session,
                activation,
                now,
                kind,
                actor,
                f"{kind}：{LEVEL_NAMES[activation.level]} → {LEVEL_NAMES[level]}，理由：{reason}",
                {"from": activation.level, "to": level},
            )
            activation.level = level
            self._add_steps(session, activation, _level(session, activation.plan_id, level), now)
        self._announce(activation)

    def terminate(self, activation_id: int, reason: str, actor: str) -> None:
        """终止 the response with a reason."""
        if not reason.strip():
            raise WorkflowError("终止响应须说明理由")
        with self.db.session() as session, session.begin():
            activation = self._open(session, activation_id)
            activation.ended_at, activation.end_reason = self.clock(), reason
            _log(session, activation, activation.ended_at, "终止", actor, f"终止响应，理由：{reason}")
        self._announce(activation)

    def note(self, activation_id: int, text: str, actor: str, kind: str = "记录") -> None:
        with self.db.session() as session, session.begin():
            activation = session.get(PlanActivation, activation_id)
            _log(session, activation, self.clock(), kind, actor, text)
        self._announce(activation)

    def record_alarms(self, activation_id: int) -> int:
        """Log the alarms inside the area from shortly before activation (real ones, or the drill's own);
        returns how many were new."""
        with self.db.session() as session, session.begin():
            activation = session.get(PlanActivation, activation_id)
            logged = {
                row.data["alarm_id"]
                for row in session.scalars(
                    select(IncidentLog).where(IncidentLog.activation_id == activation_id, IncidentLog.kind == "告警")
                )
            }
            query = (
                select(Alarm)
                .where(
                    Alarm.ts >= as_utc(activation.started_at) - ALARM_LOOKBACK,
                    Alarm.x.is_not(None),
                    Alarm.is_drill.is_(activation.is_drill),
                )
                .order_by(Alarm.ts, Alarm.id)
            )
            if activation.drill_run_id:
                query = query.where(Alarm.stream == drill_stream(activation.drill_run_id))
            new = [
                a
                for a in session.scalars(query)
                if a.id not in logged and distance_m(activation.x, activation.y, a.x, a.y) <= activation.radius_m
            ]
            for alarm in new:
                _log(
                    session,
                    activation,
                    as_utc(alarm.ts),
                    "告警",
                    alarm.source,
                    f"{alarm.kind}：{alarm.message}",
                    {"alarm_id": alarm.id},
                )
        if new:
            self._announce(activation)
        return len(new)

    def issue_cap(self, activation_id: int, msg_type: str, actor: str, sender: str = cap.DEFAULT_SENDER) -> str:
        """A CAP 1.2 message (Alert / Update / Cancel) for the activation, logged as 预警."""
        view = self.view(activation_id)
        with self.db.session() as session:
            earlier = session.scalars(
                select(IncidentLog)
                .where(IncidentLog.activation_id == activation_id, IncidentLog.kind == "预警")
                .order_by(IncidentLog.id)
            ).all()
        references = [(sender, row.data["identifier"], row.data["sent"]) for row in earlier]
        message = cap.for_incident(view, msg_type, self.clock(), sender, references)
        with self.db.session() as session, session.begin():
            activation = session.get(PlanActivation, activation_id)
            _log(
                session,
                activation,
                self.clock(),
                "预警",
                actor,
                f"发布 CAP 预警（{cap.MSG_TYPE_NAMES[msg_type]}）",
                {"identifier": message.identifier, "sent": message.sent},
            )
        self._announce(activation)
        return message.xml

    # -- reading -----------------------------------------------------------------------------
    def activations(self, *, active_only: bool = True) -> list[tuple[int, str, str, bool]]:
        """``(id, title, level, is_drill)`` of the activations, newest first."""
        with self.db.session() as session:
            query = select(PlanActivation).order_by(PlanActivation.id.desc())
            if active_only:
                query = query.where(PlanActivation.ended_at.is_(None))
            return [(a.id, a.title, a.level, a.is_drill) for a in session.scalars(query)]

    def view(self, activation_id: int, nearest: int = 6) -> IncidentView:
        with self.db.session() as session:
            a = _get(session, PlanActivation, activation_id, "预案启动记录")
            steps = session.execute(
                select(ActivationStep, Case.case_no)
                .outerjoin(Case, Case.id == ActivationStep.case_id)
                .where(ActivationStep.activation_id == a.id)
                .order_by(ActivationStep.seq)
            ).all()
            log = session.scalars(
                select(IncidentLog).where(IncidentLog.activation_id == a.id).order_by(IncidentLog.ts, IncidentLog.id)
            )
            level = _level(session, a.plan_id, a.level)
            resources = sorted(
                (_resource(r, a) for r in session.scalars(select(EmergencyResource))), key=lambda n: n.distance_m
            )[:nearest]
            cameras = sorted(
                (n for n in (_camera(c, a) for c in session.scalars(select(Camera))) if n.distance_m <= a.radius_m),
                key=lambda n: n.distance_m,
            )
            return IncidentView(
                a.id,
                a.plan.code,
                a.plan.name,
                a.plan.plan_type,
                a.title,
                a.level,
                as_utc(a.started_at),
                a.ended_at and as_utc(a.ended_at),
                a.end_reason,
                a.x,
                a.y,
                a.radius_m,
                a.is_drill,
                tuple(
                    StepView(
                        s.id,
                        s.seq,
                        s.level,
                        s.owner,
                        s.action,
                        s.department,
                        s.deadline_min,
                        as_utc(s.due_at),
                        s.confirm,
                        s.done_at and as_utc(s.done_at),
                        s.done_by,
                        case_no,
                    )
                    for s, case_no in steps
                ),
                tuple(level.command_group),
                tuple(LogEntry(as_utc(r.ts), r.kind, r.actor, r.text) for r in log),
                tuple(resources),
                tuple(cameras),
            )

    def summary(self, activation_id: int) -> str:
        """后期处置: the after-incident summary generated from the log."""
        view = self.view(activation_id)
        now = view.ended_at or self.clock()
        done = [s for s in view.steps if s.done_at]
        late = [s for s in view.steps if s.overdue(now)]
        dispatched = [s.case_no for s in view.steps if s.case_no]
        changes = [e for e in view.log if e.kind in ("升级", "降级")]
        lines = [
            f"【后期处置总结】{view.title}" + ("（演练）" if view.is_drill else ""),
            f"预案：{view.plan_name}（{view.plan_code}，{view.plan_type}）",
            f"启动：{_local(view.started_at)}；"
            + (f"终止：{_local(view.ended_at)}（{view.end_reason}）" if view.ended_at else "尚未终止"),
            f"历时：{_duration(view.elapsed_s(now))}；最终响应级别：{LEVEL_NAMES[view.level]}",
            f"级别调整：{'；'.join(e.text for e in changes) if changes else '无'}",
            f"响应步骤：共 {len(view.steps)} 步，完成 {len(done)} 步，超时 {len(late)} 步"
            + (f"（{'、'.join(f'第 {s.seq} 步' for s in late)}）" if late else ""),
            f"派遣任务：{len(dispatched)} 件" + (f"（{'、'.join(dispatched)}）" if dispatched else ""),
            f"告警：{sum(e.kind == '告警' for e in view.log)} 条；事件记录 {len(view.log)} 条",
            "",
            "事件经过：",
            *(f"{_local(e.ts)} [{e.kind}] {e.actor}：{e.text}" for e in view.log),
        ]
        return "\n".join(lines)

    # -- helpers -----------------------------------------------------------------------------
    def _announce(self, activation: PlanActivation, action: str = UPDATE) -> None:
        """After the commit: the activation (its steps or log) changed, over its area."""
        bbox = (activation.min_x, activation.min_y, activation.max_x, activation.max_y)
        self.db.changes.announce(Change("incident", (activation.id,), action, bbox if None not in bbox else None))

    @staticmethod
    def _open(session: Session, activation_id: int) -> PlanActivation:
        activation = _get(session, PlanActivation, activation_id, "预案启动记录")
        if activation.ended_at is not None:
            raise WorkflowError(f"“{activation.title}”已终止")
        return activation

    @staticmethod
    def _add_steps(session: Session, activation: PlanActivation, level: PlanLevel, now: datetime) -> None:
        existing = {
            tuple(row)
            for row in session.execute(
                select(ActivationStep.owner, ActivationStep.action).where(ActivationStep.activation_id == activation.id)
            )
        }
        seq = (
            session.scalar(select(func.max(ActivationStep.seq)).where(ActivationStep.activation_id == activation.id))
            or 0
        )
        for step in level.steps:
            if (step["owner"], step["action"]) in existing:
                continue
            seq += 1
            session.add(
                ActivationStep(
                    activation_id=activation.id,
                    seq=seq,
                    level=level.level,
                    owner=step["owner"],
                    action=step["action"],
                    department=step.get("department"),
                    deadline_min=step["deadline_min"],
                    confirm=step.get("confirm", True),
                    due_at=now + timedelta(minutes=step["deadline_min"]),
                    is_drill=activation.is_drill,
                )
            )


def step_activation(session: Session, step: ActivationStep) -> PlanActivation:
    return session.get(PlanActivation, step.activation_id)


def _get(session: Session, model, key, label: str):
    row = session.get(model, key)
    if row is None:
        raise WorkflowError(f"{label} {key} 不存在")
    return row


def _level(session: Session, plan_id: int, level: str) -> PlanLevel:
    row = session.scalar(select(PlanLevel).where(PlanLevel.plan_id == plan_id, PlanLevel.level == level))
    if row is None:
        raise WorkflowError(f"预案没有{LEVEL_NAMES.get(level, level)}响应")
    return row


def _department(session: Session, name: str | None) -> Department | None:
    if not name:
        return None
    return session.scalars(
        select(Department).where(or_(Department.kind == name, Department.name == name)).order_by(Department.id)
    ).first()


def _log(
    session: Session,
    activation: PlanActivation,
    ts: datetime,
    kind: str,
    actor: str,
    text: str,
    data: dict | None = None,
) -> None:
    session.add(
        IncidentLog(
            activation_id=activation.id,
            drill_run_id=activation.drill_run_id,
            ts=ts,
            kind=kind,
            actor=actor,
            text=text,
            data=data,
            is_drill=activation.is_drill,
        )
    )


def _resource(r: EmergencyResource, a: PlanActivation) -> Nearby:
    detail = f"{r.quantity:g}{r.unit} · {r.owner} · {r.contact} {r.phone or ''}".strip()
    return Nearby(r.code, r.name, r.kind, distance_m(a.x, a.y, r.x, r.y), detail, r.x, r.y)


def _camera(c: Camera, a: PlanActivation) -> Nearby:
    return Nearby(c.code, c.name, "摄像机", distance_m(a.x, a.y, c.x, c.y), "", c.x, c.y)


def _local(ts: datetime) -> str:
    return as_utc(ts).astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M:%S")


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} 小时 {minutes} 分 {secs} 秒" if hours else f"{minutes} 分 {secs} 秒"
