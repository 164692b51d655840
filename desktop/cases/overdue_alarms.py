"""Overdue cases as alarms for the alarm desk (Qt-free).

Each time a case runs past the limit of its current phase, one 案件超期 alarm is written to the
alarm table in its own stream (``cases-overdue``, so its seqs never meet the gateway's). An alarm
is keyed by case, phase and the moment the phase began: a check repeated after a restart or by a
second seat finds it stored and adds nothing, while a case sent back into the phase alarms anew.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.cases.calendar import WorkCalendar, as_utc
from desktop.cases.time_limits import PHASES, overdue_cases, used_seconds
from desktop.feeds import alarm_store
from desktop.feeds.alarm_store import UNHANDLED, AlarmRow
from desktop.storage.database import CityDatabase
from desktop.storage.models import Alarm, Case

STREAM = "cases-overdue"
KIND = "案件超期"
SOURCE = alarm_store.SEAT_KINDS[KIND]
SERIOUS, GRAVE = 2, 3  # 较重; 严重 once more than twice the limit is used
GRAVE_RATIO = 2.0


def _since(moment: datetime | None) -> str:
    return as_utc(moment).isoformat() if moment else ""


def level(case: Case, calendar: WorkCalendar, now: datetime) -> int:
    """较重, or 严重 when more than twice the phase's limit is used."""
    used = used_seconds(case, calendar, now)
    return GRAVE if case.limit_s and used > GRAVE_RATIO * case.limit_s else SERIOUS


def alarmed(session: Session) -> set[tuple[int, str, str]]:
    """``(case_id, phase, phase_since)`` of every overdue alarm stored."""
    payloads = session.scalars(select(Alarm.payload).where(Alarm.stream == STREAM))
    return {(p["case_id"], p.get("phase"), p.get("phase_since", "")) for p in payloads if p and "case_id" in p}


def pending(session: Session, calendar: WorkCalendar, now: datetime) -> list[dict]:
    """Alarm column values for the overdue cases (drills included) not alarmed yet, most overdue first."""
    done = alarmed(session)
    values = []
    for case in overdue_cases(session, now, include_drill=True):
        phase = PHASES[case.stage]
        since = _since(case.phase_since)
        if (case.id, phase, since) in done:
            continue
        values.append(
            {
                "stream": STREAM,
                "kind": KIND,
                "level": level(case, calendar, now),
                "source": SOURCE,
                "x": case.x,
                "y": case.y,
                "ts": as_utc(now),
                "status": UNHANDLED,
                "is_drill": bool(case.is_drill),
                "message": f"案件 {case.case_no} 在“{case.stage}”阶段超过{phase}时限",
                "payload": {"case_id": case.id, "stage": case.stage, "phase": phase, "phase_since": since},
            }
        )
    return values


def raise_alarms(db: CityDatabase, calendar: WorkCalendar, now: datetime) -> list[AlarmRow]:
    """Store an alarm for each newly overdue case; returns the rows stored (empty when none)."""
    with db.session() as session:
        values = pending(session, calendar, now)
    if not values:
        return []
    first = alarm_store.last_seq(db, STREAM) + 1
    for seq, value in enumerate(values, start=first):
        value["seq"] = seq
    ids = alarm_store.insert_new(db, values)  # a seq another seat took in between is skipped: next check
    return alarm_store.fetch(db, list(ids.values())) if ids else []
