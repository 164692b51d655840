"""Working calendar, time limits, traffic lights and the overdue list."""

from datetime import date, datetime, timedelta
from types import SimpleNamespace

import pytest

from desktop.cases.calendar import LOCAL_TZ, WorkCalendar, read_calendar
from desktop.cases.time_limits import GREEN, RED, YELLOW, TimeLimit, TimeLimits, deadline, overdue_cases, traffic_light
from tests.desktop.cases.conftest import INSPECTOR, LEAD

# 2026-10-01 (Thu) holiday; 2026-10-10 (Sat) 调休 working day.
CAL = WorkCalendar(holidays=frozenset({date(2026, 10, 1), date(2026, 10, 2)}), workdays=frozenset({date(2026, 10, 10)}))


def local(*args):
    return datetime(*args, tzinfo=LOCAL_TZ)


@pytest.mark.parametrize(
    "start, seconds, expected",
    [
        (local(2026, 9, 30, 9, 0), 2 * 3600, local(2026, 9, 30, 11, 0)),
        (local(2026, 9, 30, 11, 0), 2 * 3600, local(2026, 9, 30, 14, 30)),  # lunch break
        (local(2026, 9, 30, 17, 0), 3600, local(2026, 10, 5, 9, 0)),  # holiday Thu/Fri, weekend
        (local(2026, 10, 9, 17, 0), 3600, local(2026, 10, 10, 9, 0)),  # 调休 Saturday works
        (local(2026, 10, 10, 20, 0), 60, local(2026, 10, 12, 8, 31)),  # Sunday off
        (local(2026, 9, 30, 7, 0), 0, local(2026, 9, 30, 8, 30)),
    ],
)
def test_adding_working_time(start, seconds, expected):
    assert CAL.add_working(start, seconds) == expected
    assert CAL.working_seconds(start, expected) == seconds


def test_day_length_and_shipped_calendar():
    assert CAL.day_seconds == 7.5 * 3600
    shipped = read_calendar()
    assert not shipped.is_workday(date(2026, 10, 1)) and shipped.is_workday(date(2026, 10, 10))
    assert shipped.is_workday(date(2026, 11, 25)) and not shipped.is_workday(date(2026, 11, 28))


def test_most_specific_limit_wins():
    limits = TimeLimits.read()
    assert limits.limit("事项", "0102", "处置") == TimeLimit(2, "工作时")
    assert limits.limit("事项", "0199", "处置") == TimeLimit(1, "工作日")
    assert limits.limit("事项", "0505", "处置") == TimeLimit(60, "分钟")
    assert limits.limit(None, None, "处置") == TimeLimit(3, "工作日")
    assert TimeLimit(2, "工作日").seconds(CAL) == 15 * 3600


def _case(since, limit_s, unit="工作时", suspended_since=None, suspended_total_s=0.0):
    return SimpleNamespace(
        phase_since=since,
        limit_s=limit_s,
        limit_unit=unit,
        suspended_since=suspended_since,
        suspended_total_s=suspended_total_s,
    )


def test_traffic_light_thresholds_and_suspension():
    case = _case(local(2026, 9, 30, 9, 0), 10 * 3600)  # 10 working hours
    assert traffic_light(case, CAL, local(2026, 9, 30, 16, 30)) == GREEN  # 6 h = 60 %
    assert traffic_light(case, CAL, local(2026, 10, 5, 9, 30)) == GREEN  # holidays do not count: 8 h
    assert traffic_light(case, CAL, local(2026, 10, 5, 10, 30)) == YELLOW  # 9 h
    assert traffic_light(case, CAL, local(2026, 10, 5, 13, 45)) == RED  # 10.75 h
    suspended = _case(local(2026, 9, 30, 9, 0), 10 * 3600, suspended_since=local(2026, 9, 30, 10, 0))
    assert traffic_light(suspended, CAL, local(2026, 10, 20, 9, 0)) == GREEN
    resumed = _case(local(2026, 9, 30, 9, 0), 10 * 3600, suspended_total_s=3 * 3600)
    assert traffic_light(resumed, CAL, local(2026, 10, 5, 13, 45)) == GREEN  # 10.75 h − 3 h
    assert deadline(resumed, CAL) == CAL.add_working(local(2026, 9, 30, 9, 0), 13 * 3600)
    minutes = _case(local(2026, 9, 30, 23, 0), 3600, unit="分钟")
    assert traffic_light(minutes, CAL, local(2026, 9, 30, 23, 55)) == YELLOW


def test_overdue_list_excludes_suspended_closed_and_drill(service, clock):
    fields = {"class_kind": "事项", "class_code": "0102", "x": 118.3, "y": 33.95}
    real = service.report(INSPECTOR, None, source="监督员上报", **fields)
    service.report(INSPECTOR, None, source="监督员上报", is_drill=True, **fields)
    filed = service.report(INSPECTOR, None, source="监督员上报", **fields)
    service.file(filed.id, LEAD, None, expected_version=filed.version)
    service.self_handle(INSPECTOR, None, attachments=["p.jpg"], **fields)
    clock.now += timedelta(minutes=9)
    with service.db.session() as session:
        assert overdue_cases(session, clock.now) == []
    clock.now += timedelta(minutes=2)  # 立案 and 派遣 limits are 10 natural minutes
    with service.db.session() as session:
        overdue = overdue_cases(session, clock.now)
        assert {c.id for c in overdue} == {real.id, filed.id}
        assert traffic_light(overdue[0], CAL, clock.now) == RED
        assert len(overdue_cases(session, clock.now, include_drill=True)) == 3


def test_the_bundled_calendar_follows_the_2026_notice_and_local_rows_extend_it(tmp_path, monkeypatch):
    bundled = read_calendar()
    assert not bundled.is_workday(date(2026, 2, 23)) and bundled.is_workday(date(2026, 2, 28))  # 春节 9 天, 调休
    assert bundled.is_workday(date(2026, 9, 20)) and not bundled.is_workday(date(2026, 10, 7))
    assert bundled.through == date(2026, 12, 31) and bundled.shortfall_warning(date(2026, 11, 25)) is None
    assert "2026-12-31" in bundled.shortfall_warning(date(2026, 12, 15))
    monkeypatch.setenv("CITYOPS_HOME", str(tmp_path))
    (tmp_path / "work_calendar.csv").write_text(
        "date,type,note\n2027-01-01,休,元旦\n2026-10-10,休,改\n", encoding="utf-8"
    )
    extended = read_calendar()
    assert extended.through == date(2027, 12, 31) and not extended.is_workday(date(2027, 1, 1))
    assert not extended.is_workday(date(2026, 10, 10))  # the local row wins
    (tmp_path / "work_calendar.csv").write_text("date,type,note\n2027-13-01,休,元旦\n", encoding="utf-8")
    with pytest.raises(ValueError, match="第 2 行：日期"):
        read_calendar()
