"""Working calendar: office hours, weekends, public holidays and adjusted working days (调休).

Times in the database are UTC (naive values read back from SQLite count as UTC); the calendar
works in local time (China, UTC+8, no daylight saving). The bundled table follows the State
Council's notice for each year (for 2026: the General Office's notice of 2025-11-04); a control room
adds the next year's days in ``work_calendar.csv`` in the data folder (same columns; its rows
win) as soon as the notice is out, and the seat warns when the calendar is about to run out.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta, timezone
from importlib import resources
from pathlib import Path

from desktop.paths import data_home

LOCAL_TZ = timezone(timedelta(hours=8))
DEFAULT_HOURS = ((time(8, 30), time(12, 0)), (time(13, 30), time(17, 30)))
_DAY_TYPES = {"休": False, "班": True}


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime (naive values are taken as UTC)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


@dataclass(frozen=True)
class WorkCalendar:
    """Office hours per working day; ``holidays`` are days off, ``workdays`` are 调休 working days."""

    hours: tuple[tuple[time, time], ...] = DEFAULT_HOURS
    weekend: frozenset[int] = frozenset({5, 6})
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)
    through: date | None = None  # last day the holiday table covers (None: no table)

    def covers(self, day: date) -> bool:
        """True when the holiday table is known to reach ``day``."""
        return self.through is not None and day <= self.through

    def shortfall_warning(self, today: date, ahead_days: int = 30) -> str | None:
        """A Chinese warning when the table ends within ``ahead_days`` of ``today`` (deadlines
        past its end would treat holidays as working days), else None."""
        if self.covers(today + timedelta(days=ahead_days)):
            return None
        end = f"只编到 {self.through:%Y-%m-%d}" if self.through else "没有节假日表"
        return (
            f"工作日历{end}：之后的时限按普通周末计算。请把国务院办公厅公布的新一年放假安排"
            f"写入 {local_calendar_path()}（列：date,type,note；type 为 休 或 班）"
        )

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
                    return (begin + timedelta(seconds=left)).astimezone(UTC)
                left -= span
            day += timedelta(days=1)
        raise ValueError("工作日历中找不到足够的工作时间")


def _seconds(moment: time) -> float:
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def local_calendar_path() -> Path:
    """The control room's own additions to the bundled calendar (optional)."""
    return data_home() / "work_calendar.csv"


def read_calendar(path: Path | str | None = None, hours=DEFAULT_HOURS) -> WorkCalendar:
    """A calendar from a ``date,type,note`` table (type 休 = holiday, 班 = 调休 working day).

    Without ``path``: the bundled table, then :func:`local_calendar_path` if it exists. A table
    covers every year it names, up to 31 December of the last one.
    """
    if path:
        paths = [Path(path)]
    else:
        paths = [Path(str(resources.files("resources") / "codes" / "work_calendar.csv")), local_calendar_path()]
        paths = paths[:1] + [p for p in paths[1:] if p.exists()]
    days: dict[date, bool] = {}
    for table in paths:
        days.update(_read_days(table))
    through = date(max(days).year, 12, 31) if days else None
    return WorkCalendar(
        hours=tuple(hours),
        holidays=frozenset(d for d, work in days.items() if not work),
        workdays=frozenset(d for d, work in days.items() if work),
        through=through,
    )


def _read_days(path: Path) -> dict[date, bool]:
    days: dict[date, bool] = {}
    with path.open(encoding="utf-8-sig", newline="") as handle:
        for line, row in enumerate(csv.DictReader(handle), start=2):
            kind = _DAY_TYPES.get((row.get("type") or "").strip())
            if kind is None:
                raise ValueError(f"工作日历“{path.name}”第 {line} 行：类型应为 休 或 班")
            try:
                days[date.fromisoformat((row.get("date") or "").strip())] = kind
            except ValueError:
                raise ValueError(f"工作日历“{path.name}”第 {line} 行：日期应为 YYYY-MM-DD") from None
    return days
