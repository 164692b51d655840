"""Working calendar: office hours, weekends, public holidays and adjusted working days (调休).

Times in the database are UTC (naive values read back from SQLite count as UTC); the calendar
works in local time (China, UTC+8, no daylight saving).
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from importlib import resources
from pathlib import Path

LOCAL_TZ = timezone(timedelta(hours=8))
DEFAULT_HOURS = ((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))
_DAY_TYPES = {"休": False, "班": True}


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime (naive values are taken as UTC)."""
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment.astimezone(timezone.utc)


@dataclass(frozen=True)
class WorkCalendar:
    """Office hours per working day; ``holidays`` are days off, ``workdays`` are 调休 working days."""

    hours: tuple[tuple[time, time], ...] = DEFAULT_HOURS
    weekend: frozenset[int] = frozenset({5, 6})
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)

    @property
    def day_seconds(self) -> float:
        """Working seconds of one working day (the length of a 工作日)."""
        return sum(_seconds(end) - _seconds(start) for start, end in self.hours)

    def is_workday(self, day: date) -> bool:
        if day in self.workdays:
            return True
        return day not in self.holidays and day.weekday() not in self.weekend

    def _intervals(self, day: date):
        if self.is_workday(day):
            for start, end in self.hours:
                yield datetime.combine(day, start, LOCAL_TZ), datetime.combine(day, end, LOCAL_TZ)

    def working_seconds(self, start: datetime, end: datetime) -> float:
        """Working seconds between two moments (0 when ``end`` is not after ``start``)."""
        start, end = as_utc(start).astimezone(LOCAL_TZ), as_utc(end).astimezone(LOCAL_TZ)
        total, day = 0.0, start.date()
        while day <= end.date():
            for lo, hi in self._intervals(day):
                total += max(0.0, (min(hi, end) - max(lo, start)).total_seconds())
            day += timedelta(days=1)
        return total

    def add_working(self, start: datetime, seconds: float) -> datetime:
        """The moment ``seconds`` of working time after ``start`` (UTC)."""
        moment, left = as_utc(start).astimezone(LOCAL_TZ), float(seconds)
        day = moment.date()
        for _ in range(3660):  # ten years of days at most
            for lo, hi in self._intervals(day):
                if hi <= moment:
                    continue
                begin = max(lo, moment)
                span = (hi - begin).total_seconds()
                if left <= span:
                    return (begin + timedelta(seconds=left)).astimezone(timezone.utc)
                left -= span
            day += timedelta(days=1)
        raise ValueError("工作日历中找不到足够的工作时间")


def _seconds(moment: time) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def read_calendar(path: Path | str | None = None, hours=DEFAULT_HOURS) -> WorkCalendar:
    """A calendar from a ``date,type,note`` table (type 休 = holiday, 班 = 调休 working day)."""
    path = Path(path) if path else Path(str(resources.files("resources") / "codes" / "work_calendar.csv"))
    days: dict[bool, set[date]] = {False: set(), True: set()}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind = _DAY_TYPES.get((row.get("type") or "").strip())
            if kind is None:
                raise ValueError(f"工作日历“{path.name}”第 {line} 行：类型应为 休 或 班")
            days[kind].add(date.fromisoformat(row["date"].strip()))
    return WorkCalendar(hours=tuple(hours), holidays=frozenset(days[False]), workdays=frozenset(days[True]))
