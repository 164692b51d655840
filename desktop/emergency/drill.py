"""Running a drill: injects become drill-flagged records on virtual time; a scripted participant
(headless) or the operator (GUI) responds. :class:`DrillClock` gives time acceleration and pause.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.cases.workflow import WorkflowError
from desktop.emergency.criteria import Proposal, drill_stream, propose_activations
from desktop.emergency.geo import offset
from desktop.emergency.incident import IncidentService
from desktop.emergency.report import build_report
from desktop.emergency.samples import city_centre, install_sample_plans
from desktop.emergency.scenarios import INJECT_TYPES, ScenarioError
from desktop.storage.changes import INSERT, Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import ActivationStep, Alarm, DrillRun, EmergencyPlan, IncidentLog

DIRECTOR = "导演组"


class DrillClock:
    """Scenario time in seconds: real time × ``speed``, stopped while paused."""

    def __init__(self, speed: float = 1.0, monotonic: Callable[[], float] = time.monotonic):
        self._monotonic = monotonic
        self._speed = speed
        self._base = 0.0
        self._since: float | None = monotonic()

    def elapsed(self) -> float:
        running = (self._monotonic() - self._since) * self._speed if self._since is not None else 0.0
        return self._base + running

    @property
    def paused(self) -> bool:
        return self._since is None

    @property
    def speed(self) -> float:
        return self._speed

    @speed.setter
    def speed(self, value: float) -> None:
        self._base, self._speed = self.elapsed(), value
        if self._since is not None:
            self._since = self._monotonic()

    def pause(self) -> None:
        self._base, self._since = self.elapsed(), None

    def resume(self) -> None:
        if self._since is None:
            self._since = self._monotonic()


class DrillRunner:
    """One run of a scenario on ``db``; :meth:`advance_to` plays the timeline up to a scenario time.

    With ``auto_participant`` the scenario's scripted responses are played too (headless drills).
    """

    def __init__(
        self,
        db: CityDatabase,
        scenario: dict,
        *,
        speed: float = 1.0,
        auto_participant: bool = True,
        start: datetime | None = None,
    ):
        self.db, self.scenario, self.auto = db, scenario, auto_participant
        install_sample_plans(db)
        with db.session() as session, session.begin():
            plan = session.scalar(select(EmergencyPlan).where(EmergencyPlan.code == scenario["plan"]))
            if plan is None:
                raise ScenarioError(f"演练脚本引用的预案“{scenario['plan']}”不存在")
            self.plan_id = plan.id
            self.origin = city_centre(session) or tuple(scenario.get("origin") or (0.0, 0.0))
            self.start = start or _start_time(scenario)
            run = DrillRun(scenario=scenario["code"], name=scenario["name"], started_at=self.start, speed=speed)
            session.add(run)
            session.flush()
            self.run_id = run.id
        db.changes.announce(Change("drill", (self.run_id,), INSERT))
        self.stream = drill_stream(self.run_id)
        self.now = self.start
        self.service = IncidentService(db, clock=lambda: self.now)
        self.activation_id: int | None = None
        self.proposals: list[Proposal] = []
        self.ended = False
        events = [(i["t_min"], 0, n, "inject", i) for n, i in enumerate(scenario["injects"])]
        if auto_participant:
            events += [(a["t_min"], 1, n, "act", a) for n, a in enumerate(scenario["participant"])]
        self._events = sorted(events, key=lambda e: e[:3])
        self._next = 0
        self._log(DIRECTOR, "演练", f"开始演练：{scenario['name']}")

    @property
    def elapsed_s(self) -> float:
        return (self.now - self.start).total_seconds()

    @property
    def duration_s(self) -> float:
        return max((e[0] for e in self._events), default=0) * 60

    @property
    def event_times_s(self) -> list[float]:
        """The distinct scenario times (seconds) at which something happens."""
        return sorted({e[0] * 60 for e in self._events})

    @property
    def finished(self) -> bool:
        return self.ended or self._next >= len(self._events)

    def advance_to(self, t_s: float) -> None:
        """Play every event due by scenario time ``t_s`` (seconds), then move the clock there."""
        while not self.ended and self._next < len(self._events) and self._events[self._next][0] * 60 <= t_s:
            t_min, _, _, what, item = self._events[self._next]
            self._next += 1
            self.now = self.start + timedelta(minutes=t_min)
            self._inject(item) if what == "inject" else self._act(item)
        if not self.ended:
            self.now = max(self.now, self.start + timedelta(seconds=t_s))

    # -- injects -----------------------------------------------------------------------------
    def _inject(self, inject: dict) -> None:
        source, _ = INJECT_TYPES[inject["type"]]
        x, y = offset(*self.origin, *inject.get("at_m", (0, 0)))
        with self.db.session() as session, session.begin():
            seq = session.scalar(select(Alarm.seq).where(Alarm.stream == self.stream).order_by(Alarm.seq.desc())) or 0
            alarm = Alarm(
                stream=self.stream,
                seq=seq + 1,
                kind=inject["kind"],
                level=inject.get("level", 2),
                source=inject.get("source", source),
                x=x,
                y=y,
                ts=self.now,
                is_drill=True,
                message=inject.get("message", ""),
                payload=inject.get("payload"),
            )
            session.add(alarm)
            session.flush()
        self.db.changes.announce(Change.of("alarm", (alarm.id,), INSERT, [(x, y)]))
        self._log(source, "注入", f"{inject['kind']}：{inject.get('message', '')}")
        if self.activation_id is not None:
            self.service.record_alarms(self.activation_id)
        self._propose()

    def _propose(self) -> None:
        with self.db.session() as session:
            found = [p for p in propose_activations(session, self.now, self.stream) if p.plan_id == self.plan_id]
        for proposal in found:
            if all((p.level, p.alarm_ids) != (proposal.level, proposal.alarm_ids) for p in self.proposals):
                self.proposals.append(proposal)
                self._log(
                    "系统",
                    "提议",
                    f"建议启动{proposal.plan_name} {proposal.level} 级响应：{proposal.reason}",
                    {"level": proposal.level},
                )

    # -- the scripted participant ------------------------------------------------------------
    def _act(self, item: dict) -> None:
        actor = item.get("actor") or DIRECTOR
        try:
            getattr(self, f"_do_{item['action']}")(item, actor)
        except WorkflowError as exc:
            self._log(actor, "失败", f"{item['action']}：{exc}")

    def _do_acknowledge(self, item: dict, actor: str) -> None:
        with self.db.session() as session, session.begin():
            acked = session.scalars(
                update(Alarm)
                .where(Alarm.stream == self.stream, Alarm.status == "未处理")
                .values(status="已确认")
                .returning(Alarm.id)
            ).all()
        count = len(acked)
        if acked:
            self.db.changes.announce(Change("alarm", tuple(acked)))
        self._log(actor, "确认", f"确认 {count} 条演练告警")

    def _do_activate(self, item: dict, actor: str) -> None:
        self.activate(item["level"], actor, self.proposals[-1] if self.proposals else None)

    def activate(self, level: str, actor: str, proposal: Proposal | None = None) -> int:
        """Activate the scenario's plan (at the proposal's place, else at the first inject)."""
        if proposal is not None:
            x, y, reason = proposal.x, proposal.y, proposal.reason
        else:
            x, y = offset(
                *self.origin, *(self.scenario["injects"][0].get("at_m", (0, 0)) if self.scenario["injects"] else (0, 0))
            )
            reason = "演练导演组指令"
        self.activation_id = self.service.activate(
            self.plan_id, level, x, y, actor, reason=reason, is_drill=True, drill_run_id=self.run_id
        )
        self.service.record_alarms(self.activation_id)
        return self.activation_id

    def _do_tick(self, item: dict, actor: str) -> None:
        self.service.tick(self._step(item["step"]), actor)

    def _do_dispatch(self, item: dict, actor: str) -> None:
        self.service.dispatch(self._step(item["step"]), actor)

    def _do_change_level(self, item: dict, actor: str) -> None:
        self.service.change_level(self._activation(), item["level"], item.get("reason", ""), actor)

    def _do_note(self, item: dict, actor: str) -> None:
        self.service.note(self._activation(), item.get("text", ""), actor)

    def _do_cap(self, item: dict, actor: str) -> None:
        self.service.issue_cap(self._activation(), item.get("msg_type", "Alert"), actor)

    def _do_terminate(self, item: dict, actor: str) -> None:
        self.service.terminate(self._activation(), item.get("reason", ""), actor)

    def _do_end(self, item: dict, actor: str) -> None:
        self.end(actor)

    def _activation(self) -> int:
        if self.activation_id is None:
            raise WorkflowError("预案尚未启动")
        return self.activation_id

    def _step(self, seq: int) -> int:
        with self.db.session() as session:
            step_id = session.scalar(
                select(ActivationStep.id).where(
                    ActivationStep.activation_id == self._activation(), ActivationStep.seq == seq
                )
            )
        if step_id is None:
            raise WorkflowError(f"没有第 {seq} 步")
        return step_id

    # -- ending ------------------------------------------------------------------------------
    def end(self, actor: str = DIRECTOR) -> dict:
        """End the drill (terminating a response still in force) and store the after-action report."""
        if not self.ended:
            if self.activation_id is not None and any(a[0] == self.activation_id for a in self.service.activations()):
                self.service.terminate(self.activation_id, "演练结束", actor)
            self._log(actor, "演练", "演练结束")
            self.ended = True
            with self.db.session() as session, session.begin():
                run = session.get(DrillRun, self.run_id)
                run.ended_at = self.now
                run.report = build_report(session, self.run_id)
            self.db.changes.announce(Change("drill", (self.run_id,)))
        return self.report()

    def report(self) -> dict:
        with self.db.session() as session:
            run = session.get(DrillRun, self.run_id)
            return run.report or build_report(session, self.run_id)

    def _log(self, actor: str, kind: str, text: str, data: dict | None = None) -> None:
        """A drill-level log row (the incident's own rows are written by the incident service)."""
        with self.db.session() as session, session.begin():
            session.add(
                IncidentLog(
                    drill_run_id=self.run_id, ts=self.now, kind=kind, actor=actor, text=text, data=data, is_drill=True
                )
            )
        self.db.changes.announce(Change("drill", (self.run_id,)))


def _start_time(scenario: dict) -> datetime:
    """Now, or today at the scenario's local ``start_local`` time (e.g. a night-time drill at 23:40)."""
    now = datetime.now(UTC)
    if not scenario.get("start_local"):
        return now.replace(microsecond=0)
    hour, minute = map(int, scenario["start_local"].split(":"))
    return as_utc(now.astimezone(LOCAL_TZ).replace(hour=hour, minute=minute, second=0, microsecond=0))


def run_headless(db: CityDatabase, scenario: dict, speed: float, sleep: Callable[[float], None] = time.sleep) -> dict:
    """Play the whole scenario with its scripted participant; real time waited is scenario time / ``speed``."""
    if speed <= 0:
        raise ScenarioError("演练倍速须大于零")
    runner = DrillRunner(db, scenario, speed=speed)
    for t_s in runner.event_times_s:
        sleep(max(0.0, t_s - runner.elapsed_s) / speed)
        runner.advance_to(t_s)
    return runner.end()
