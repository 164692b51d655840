"""AlarmModel: rows from the store, status changes in the DB, escalation, the map's alarm layer."""

import subprocess
import sys

from desktop.feeds import alarm_store
from layers.alarms.alarm_model import AlarmModel
from layers.point_table import AlarmLayer
from tests.support.feed_events import alarm_event


def _model(db, events, layer=None):
    model = AlarmModel()
    model.reset(db, [], layer)
    model.add(alarm_store.persist(db, events))
    return model


def test_new_alarms_are_added_once_and_shown_on_the_map(qtbot, small_city):
    layer = AlarmLayer("告警", table="alarm")
    model = _model(small_city, [alarm_event(1), alarm_event(2, drill=True)], layer)
    with qtbot.assertNotEmitted(model.sig_alarms_added):
        model.add(model.rows())
    assert len(model) == 2 and list(layer.keys) == [model.rows()[0].id]  # drill alarms stay off the map
    assert model.unacknowledged_count() == 1


def test_acknowledge_close_and_false_alarm_are_written_with_who_and_when(qtbot, small_city):
    layer = AlarmLayer("告警", table="alarm")
    model = _model(small_city, [alarm_event(1), alarm_event(2), alarm_event(3)], layer)
    first, second, third = (r.id for r in model.rows())
    with qtbot.waitSignal(model.sig_alarm_changed):
        assert model.acknowledge(first, "坐席甲")
    model.acknowledge(first, "坐席乙")  # already acknowledged: the first seat stays on record
    assert model.mark_false(second, "坐席甲") and model.close(third, "坐席甲")
    stored = {i: alarm_store.get(small_city, i) for i in (first, second, third)}
    assert (stored[first].status, stored[first].acked_by) == ("已确认", "坐席甲") and stored[first].acked_at
    assert (stored[second].status, stored[third].status) == ("误报", "已关闭") and stored[third].closed_by == "坐席甲"
    assert len(layer) == 0 and model.unacknowledged_count() == 0
    assert [r.status for r in alarm_store.load(small_city)] == ["已关闭", "误报", "已确认"]


def test_unacknowledged_alarms_escalate_after_their_response_limit(qtbot, small_city):
    model = _model(small_city, [alarm_event(1, level=4, age_s=301), alarm_event(2, level=1, age_s=301)])
    severe, minor = (r.id for r in model.rows())
    assert model.is_escalated(severe) and not model.is_escalated(minor)
    with qtbot.waitSignal(model.sig_alarm_changed):
        model.check_escalation(now=model.get(minor).ts + 3601)
    assert model.is_escalated(minor)
    model.acknowledge(minor, "坐席甲")
    assert not model.is_escalated(minor)


def test_streets_come_from_the_grid_under_the_alarm(small_city):
    rows = alarm_store.persist(small_city, [alarm_event(1), alarm_event(2, row=5, col=5)])
    alarm_store.StreetIndex(small_city).streets(rows)
    assert [r.street for r in rows] == ["测试街道", ""]


def test_response_limits_cover_every_level():
    assert sorted(alarm_store.response_limits()) == [1, 2, 3, 4]


def test_alarm_model_loads_no_qtwidgets():
    script = (
        "import sys, layers.alarms.alarm_model; "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'widgets'))))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
