"""Machine-readable activation criteria, evaluated on recent alarms.

A level's ``trigger`` is ``{"alarm_kinds": [...], "metric": str|None, "threshold": float|None,
"min_count": int, "radius_m": float, "window_min": float}``: at least ``min_count`` alarms of those
kinds (with a payload ``{"metric": metric, "value": v}``, v ≥ ``threshold``, when given; the
sensor rules of :mod:`desktop.feeds.rules` write that payload) within ``radius_m`` of one of them and in
the last ``window_min`` minutes. Real and drill alarms are never mixed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from desktop.cases.calendar import as_utc
from desktop.emergency.geo import distance_m
from desktop.storage.models import PLAN_LEVELS, Alarm, EmergencyPlan, PlanActivation

TRIGGER_DEFAULTS = {
    "alarm_kinds": [],
    "metric": None,
    "threshold": None,
    "min_count": 1,
    "radius_m": 1000.0,
    "window_min": 60.0,
}


@dataclass(frozen=True)
class Proposal:
    """A plan level whose criteria are met around ``(x, y)`` by ``alarm_ids``."""

    plan_id: int
    plan_name: str
    level: str
    x: float
    y: float
    radius_m: float
    alarm_ids: tuple[int, ...] = field(default=())
    is_drill: bool = False

    @property
    def reason(self) -> str:
        return f"{len(self.alarm_ids)} 条告警满足 {self.level} 级启动条件"


def drill_stream(run_id: int) -> str:
    """The alarm stream of a drill run (its alarms are told apart from other runs' by it)."""
    return f"drill-{run_id}"


def trigger_of(raw: dict | None) -> dict | None:
    """The trigger with defaults filled in; None when it names no alarm kind."""
    if not raw or not raw.get("alarm_kinds"):
        return None
    return {**TRIGGER_DEFAULTS, **{k: v for k, v in raw.items() if v is not None}}


def matching(trigger: dict, alarms: list[Alarm], now: datetime) -> list[Alarm]:
    """The largest cluster of ``alarms`` meeting ``trigger`` at ``now`` (empty when it is not met)."""
    now = as_utc(now)
    since = now - timedelta(minutes=trigger["window_min"])
    hits = [
        a
        for a in alarms
        if a.kind in trigger["alarm_kinds"] and a.x is not None and since <= as_utc(a.ts) <= now and _over(a, trigger)
    ]
    best: list[Alarm] = []
    for centre in hits:
        near = [a for a in hits if distance_m(centre.x, centre.y, a.x, a.y) <= trigger["radius_m"]]
        if len(near) > len(best):
            best = near
    return best if len(best) >= trigger["min_count"] else []


def _over(alarm: Alarm, trigger: dict) -> bool:
    if trigger["threshold"] is None:
        return True
    payload = alarm.payload or {}
    if trigger["metric"] and payload.get("metric") not in (None, trigger["metric"]):
        return False
    value = payload.get("value")
    return isinstance(value, (int, float)) and value >= trigger["threshold"]


def propose_activations(session: Session, now: datetime, drill_stream: str | None = None) -> list[Proposal]:
    """Plan levels (the most severe per plan) met by recent alarms and not already in force there.

    Real alarms only, unless ``drill_stream`` names the alarm stream of a drill run.
    """
    now = as_utc(now)
    plans = session.scalars(select(EmergencyPlan).options(selectinload(EmergencyPlan.levels))).all()
    triggers = [(plan, lv, t) for plan in plans for lv in plan.levels if (t := trigger_of(lv.trigger))]
    if not triggers:
        return []
    longest = max(t["window_min"] for _, _, t in triggers)
    query = select(Alarm).where(Alarm.ts >= now - timedelta(minutes=longest), Alarm.ts <= now)
    query = query.where(Alarm.stream == drill_stream) if drill_stream else query.where(Alarm.is_drill.is_(False))
    alarms = list(session.scalars(query))
    active = session.scalars(
        select(PlanActivation).where(
            PlanActivation.ended_at.is_(None), PlanActivation.is_drill.is_(drill_stream is not None)
        )
    ).all()
    proposals: dict[int, Proposal] = {}
    for plan, level, trigger in sorted(triggers, key=lambda item: -PLAN_LEVELS.index(item[1].level)):
        cluster = matching(trigger, alarms, now)
        if not cluster:
            continue
        x, y = sum(a.x for a in cluster) / len(cluster), sum(a.y for a in cluster) / len(cluster)
        if any(a.plan_id == plan.id and distance_m(a.x, a.y, x, y) <= a.radius_m for a in active if a.x is not None):
            continue
        proposals[plan.id] = Proposal(
            plan.id,
            plan.name,
            level.level,
            x,
            y,
            trigger["radius_m"],
            tuple(sorted(a.id for a in cluster)),
            drill_stream is not None,
        )
    return list(proposals.values())
