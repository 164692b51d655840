"""Time limits per class and phase, traffic lights and the overdue list.

The limits are a documented table (``resources/codes/time_limits.csv``: kind, code prefix or
``*``, phase, amount, unit); the most specific row wins. Units: 工作时 and 工作日 run on the
working calendar (a 工作日 is one day's office hours), 分钟 are natural minutes, day and night.
A phase's clock starts when the case enters the phase; suspension (挂账) time is excluded.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime, timedelta
from importlib import resources
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cases.calendar import WorkCalendar, as_utc
from desktop.storage.models import Case

#: The stage a case is in → the phase whose clock runs (stages not listed have no clock).
PHASES = {
    "信息采集": "立案",
    "案件建立": "派遣",
    "任务派遣": "处置",
    "任务处理": "处置",
    "挂账": "处置",
    "处理反馈": "核查",
    "核查结案": "结案",
}
UNITS = ("工作时", "工作日", "分钟")
GREEN, YELLOW, RED = "绿", "黄", "红"
YELLOW_AT, RED_AT = 0.8, 1.0


@dataclass(frozen=True)
class TimeLimit:
    amount: float
    unit: str

    def seconds(self, calendar: WorkCalendar) -> float:
        """The limit in seconds of its own clock (working seconds for 工作时/工作日)."""
        per_unit = {"工作时": 3600.0, "工作日": calendar.day_seconds, "分钟": 60.0}
        return self.amount * per_unit[self.unit]


def elapsed(calendar: WorkCalendar, unit: str, start: datetime, end: datetime) -> float:
    """Seconds between two moments on the clock of ``unit``."""
    if unit == "分钟":
        return max(0.0, (as_utc(end) - as_utc(start)).total_seconds())
    return calendar.working_seconds(start, end)


def advance(calendar: WorkCalendar, unit: str, start: datetime, seconds: float) -> datetime:
    """The moment ``seconds`` on the clock of ``unit`` after ``start``."""
    if unit == "分钟":
        return as_utc(start) + timedelta(seconds=seconds)
    return calendar.add_working(start, seconds)


@dataclass(frozen=True)
class _Rule:
    kind: str
    code: str
    phase: str
    limit: TimeLimit

    def matches(self, kind: str | None, code: str | None, phase: str) -> bool:
        return (
            self.phase == phase
            and self.kind in ("*", kind)
            and (self.code == "*" or (code or "").startswith(self.code))
        )

    @property
    def specificity(self) -> tuple[bool, int]:
        return self.kind != "*", 0 if self.code == "*" else len(self.code)


class TimeLimits:
    """The time-limit table; :meth:`limit` picks the most specific matching row."""

    def __init__(self, rules: list[_Rule]):
        self.rules = rules

    @classmethod
    def read(cls, path: Path | str | None = None) -> TimeLimits:
        path = Path(path) if path else Path(str(resources.files("resources") / "codes" / "time_limits.csv"))
        rules = []
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                unit, phase = row["unit"].strip(), row["phase"].strip()
                if unit not in UNITS or phase not in PHASES.values():
                    raise ValueError(f"时限表“{path.name}”第 {line} 行：单位或阶段无效（{unit}，{phase}）")
                limit = TimeLimit(float(row["amount"]), unit)
                rules.append(_Rule(row["kind"].strip(), row["code"].strip(), phase, limit))
        return cls(rules)

    def limit(self, kind: str | None, code: str | None, phase: str) -> TimeLimit:
        matches = [rule for rule in self.rules if rule.matches(kind, code, phase)]
        if not matches:
            raise ValueError(f"时限表中没有“{phase}”阶段的时限")
        return max(matches, key=lambda rule: rule.specificity).limit


def used_seconds(case: Case, calendar: WorkCalendar, now: datetime) -> float:
    """Clock seconds used in the current phase, suspension excluded."""
    end = case.suspended_since or now
    return max(0.0, elapsed(calendar, case.limit_unit, case.phase_since, end) - (case.suspended_total_s or 0.0))


def deadline(case: Case, calendar: WorkCalendar) -> datetime | None:
    """When the current phase's limit runs out (None while suspended or without a clock)."""
    if case.limit_s is None or case.suspended_since is not None:
        return None
    return advance(calendar, case.limit_unit, case.phase_since, case.limit_s + (case.suspended_total_s or 0.0))


def traffic_light(case: Case, calendar: WorkCalendar, now: datetime) -> str | None:
    """绿 (≤80 % of the limit used), 黄 (≤100 %), 红 (over); None when no clock runs."""
    if not case.limit_s:
        return None
    ratio = used_seconds(case, calendar, now) / case.limit_s
    return GREEN if ratio <= YELLOW_AT else YELLOW if ratio <= RED_AT else RED


def overdue_cases(session: Session, now: datetime, include_drill: bool = False) -> list[Case]:
    """Open, not suspended cases whose current phase is past its deadline, most overdue first."""
    query = select(Case).where(Case.deadline < as_utc(now), Case.suspended_since.is_(None))
    query = query.where(Case.stage.in_(PHASES))
    if not include_drill:
        query = query.where(Case.is_drill.is_(False))
    return list(session.scalars(query.order_by(Case.deadline)))
