"""The overdue watch puts 案件超期 alarms into the alarm model on start and on its timer, once each."""

from datetime import timedelta

from desktop.cases.service import CaseService
from desktop.cases.workflow import Actor
from desktop.seat.app_state import AppState
from desktop.seat.overdue_watch import OverdueWatch
from layers.alarms.alarm_model import AlarmModel
from plugins.registry import load_builtin_layers
from tests.desktop.cases.conftest import CALENDAR, Clock

FIELDS = {"class_kind": "事项", "class_code": "0102", "x": 118.2825, "y": 33.9525}  # 立案 within 10 minutes


def test_overdue_cases_reach_the_alarm_model_once(qtbot, state, small_city):
    clock = Clock()
    case = CaseService(small_city, calendar=CALENDAR, clock=clock).report(
        Actor("张伟", "监督员"), None, source="监督员上报", **FIELDS
    )
    model = AlarmModel()
    model.reset(small_city, [])
    watch = OverdueWatch(state, model, interval_ms=20, clock=clock)
    watch.start()
    assert len(model) == 0
    clock.now += timedelta(minutes=11)
    qtbot.waitUntil(lambda: len(model) == 1, timeout=5_000)
    [row] = model.rows()
    assert (row.kind, row.payload["case_id"], row.street) == ("案件超期", case.id, "测试街道")
    assert model.unacknowledged_count() == 1
    qtbot.wait(100)  # several more checks
    assert len(model) == 1
    restarted = AlarmModel()
    restarted.reset(small_city, [])
    OverdueWatch(state, restarted, clock=clock).start()  # a new session finds the alarm stored
    assert len(restarted) == 0
    state.deleteLater()


def test_a_calendar_about_to_run_out_is_reported_once(qtbot, small_city):
    state, clock = AppState(load_builtin_layers), Clock()
    clock.now = clock.now.replace(year=2026, month=12, day=15)  # the bundled table ends 2026-12-31
    messages = []
    state.sig_status_message.connect(messages.append)
    watch = OverdueWatch(state, AlarmModel(), clock=clock)
    watch.check()
    watch.check()
    assert len(messages) == 1 and "2026-12-31" in messages[0] and "work_calendar.csv" in messages[0]
    state.deleteLater()
