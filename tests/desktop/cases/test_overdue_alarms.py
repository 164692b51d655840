"""Overdue cases become one 案件超期 alarm per case and phase, idempotently."""

from datetime import timedelta

from sqlalchemy import func, select

from desktop.cases import overdue_alarms
from desktop.feeds import alarm_store
from desktop.storage.models import Alarm
from tests.desktop.cases.conftest import CALENDAR, INSPECTOR, LEAD

FIELDS = {"class_kind": "事项", "class_code": "0102", "x": 118.3, "y": 33.95}  # 立案/派遣: 10 natural minutes


def _count(db, stream=overdue_alarms.STREAM) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Alarm).where(Alarm.stream == stream))


def test_an_overdue_case_raises_one_alarm_with_its_details(service, clock):
    case = service.report(INSPECTOR, None, source="监督员上报", **FIELDS)
    drill = service.report(INSPECTOR, None, source="监督员上报", is_drill=True, **FIELDS)
    assert overdue_alarms.raise_alarms(service.db, CALENDAR, clock.now) == []
    clock.now += timedelta(minutes=11)
    rows = overdue_alarms.raise_alarms(service.db, CALENDAR, clock.now)
    assert sorted(r.payload["case_id"] for r in rows) == sorted([case.id, drill.id])
    row = next(r for r in rows if r.payload["case_id"] == case.id)
    assert (row.kind, row.level, row.source, row.status, row.is_drill) == ("案件超期", 2, "案件时限", "未处理", False)
    assert (row.x, row.y, row.payload["stage"], row.category) == (118.3, 33.95, "信息采集", "案件时限")
    assert case.case_no in row.message and "信息采集" in row.message
    assert next(r for r in rows if r.payload["case_id"] == drill.id).is_drill
    assert sorted(r.seq for r in rows) == [1, 2]


def test_the_check_is_idempotent_and_never_touches_the_feed_stream(service, clock, db):
    alarm_store.persist(db, [{"seq": 1, "alarm": {"kind": "井盖开启", "x": 118.3, "y": 33.95, "ts": 0}}])
    service.report(INSPECTOR, None, source="监督员上报", **FIELDS)
    clock.now += timedelta(minutes=11)
    assert len(overdue_alarms.raise_alarms(db, CALENDAR, clock.now)) == 1
    clock.now += timedelta(minutes=30)
    assert overdue_alarms.raise_alarms(db, CALENDAR, clock.now) == []  # e.g. after a restart
    assert _count(db) == 1 and alarm_store.last_seq(db) == 1


def test_a_new_phase_alarms_again_and_level_grows_past_twice_the_limit(service, clock, db):
    case = service.report(INSPECTOR, None, source="监督员上报", **FIELDS)
    clock.now += timedelta(minutes=11)
    overdue_alarms.raise_alarms(db, CALENDAR, clock.now)
    filed = service.file(case.id, LEAD, None, expected_version=case.version)  # now 案件建立: the 派遣 clock
    clock.now += timedelta(minutes=25)
    [row] = overdue_alarms.raise_alarms(db, CALENDAR, clock.now)
    assert (row.payload["case_id"], row.payload["stage"], row.payload["phase"]) == (filed.id, "案件建立", "派遣")
    assert row.level == overdue_alarms.GRAVE and row.seq == 2
