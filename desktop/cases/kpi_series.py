"""Series for the 考核 charts: cases reported and closed per day, cases per major class."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.storage.models import Case


def _days(start: datetime, end: datetime) -> list[date]:
    first, last = (
        as_utc(start).astimezone(LOCAL_TZ).date(),
        (as_utc(end) - timedelta(microseconds=1)).astimezone(LOCAL_TZ).date(),
    )
    return [first + timedelta(days=i) for i in range((last - first).days + 1)]


def daily_counts(session: Session, start: datetime, end: datetime) -> list[tuple[date, int, int]]:
    """(local day, cases reported, cases closed) for each day of [start, end); drills left out."""

    def per_day(column) -> Counter:
        moments = session.scalars(
            select(column).where(column >= as_utc(start), column < as_utc(end), Case.is_drill.is_(False))
        )
        return Counter(as_utc(m).astimezone(LOCAL_TZ).date() for m in moments)

    reported, closed = per_day(Case.created_at), per_day(Case.closed_at)
    return [(day, reported[day], closed[day]) for day in _days(start, end)]


def class_distribution(session: Session, start: datetime, end: datetime) -> list[tuple[str, str, int]]:
    """(部件/事项, major class code, cases) reported in [start, end), most frequent first."""
    major = func.substr(Case.class_code, 1, 2)
    rows = session.execute(
        select(Case.class_kind, major, func.count())
        .where(
            Case.created_at >= as_utc(start),
            Case.created_at < as_utc(end),
            Case.is_drill.is_(False),
            Case.class_code.is_not(None),
        )
        .group_by(Case.class_kind, major)
        .order_by(func.count().desc())
    )
    return [(kind, code, count) for kind, code, count in rows]
