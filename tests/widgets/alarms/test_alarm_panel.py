"""The 告警 dock and its status-bar items, driven like a seat would."""

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QMainWindow

from desktop.feeds import alarm_store
from desktop.seat.live_feed import SEAT_KEY, live_feed
from tests.support.feed_events import CLIENT_TOKEN, LoopThread, alarm_event, new_gateway
from widgets.alarms.alarm_desk import FeedStateLabel, UnacknowledgedLabel
from widgets.alarms.alarm_panel import AlarmPanel


@pytest.fixture
def state(state):
    """The shared state at seat 坐席07; its live feed is stopped after the test."""
    QSettings().setValue(SEAT_KEY, "坐席07")
    yield state
    live_feed(state).stop()


@pytest.fixture
def panel(qtbot, state):
    panel = AlarmPanel(state)
    qtbot.addWidget(panel)
    rows = alarm_store.persist(
        state.database,
        [
            alarm_event(1, level=1),
            alarm_event(2, level=3),
            alarm_event(3, level=4, kind="燃气泄漏", age_s=600),
            alarm_event(4, level=2, drill=True),
        ],
    )
    alarm_store.StreetIndex(state.database).streets(rows)  # as the bridge does
    live_feed(state).model.add(rows)
    return panel


def _column(panel, column):
    model = panel.table_model
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_live_alarms_newest_first_with_levels_drill_marker_and_escalation(panel):
    assert _column(panel, 0) == ["较重", "特别严重", "严重", "一般"]
    assert _column(panel, 1)[0] == "【演练】井盖开启"
    assert _column(panel, 4)[1] == "未处理 · 超时"  # 特别严重 unacknowledged after 10 minutes
    assert _column(panel, 3) == ["测试街道"] * 4


def test_filters_by_type_street_status_and_level(panel):
    panel.set_filter("level", 4)
    assert _column(panel, 1) == ["燃气泄漏"]
    panel.set_filter("level", None)
    panel.set_filter("category", "管网")
    assert panel.table_model.rowCount() == 1
    panel.set_filter("category", None)
    panel.set_filter("street", "测试街道")
    assert panel.table_model.rowCount() == 4
    panel.set_filter("status", "已确认")
    assert panel.table_model.rowCount() == 0
    panel.acknowledge(panel.alarms.rows()[0].id)
    assert panel.table_model.rowCount() == 1


def test_acknowledge_false_alarm_and_close_update_the_database(panel, state):
    first, second, third, _ = (r.id for r in panel.alarms.rows())
    panel.table.setCurrentIndex(panel.table_model.index(3, 0))  # the oldest
    panel.ack_button.click()
    panel.mark_false(second)
    panel.close_alarm(third)
    stored = [alarm_store.get(state.database, i) for i in (first, second, third)]
    assert [(s.status, s.acked_by or s.closed_by) for s in stored] == [
        ("已确认", "坐席07"),
        ("误报", "坐席07"),
        ("已关闭", "坐席07"),
    ]
    assert "超时" not in _column(panel, 4)[1]


def test_double_click_selects_and_flies_to_the_alarm(qtbot, panel, state):
    index = panel.table_model.index(1, 0)
    row = panel.table_model.row(index)
    with qtbot.waitSignal(state.sig_fly_to) as fly:
        panel.table.doubleClicked.emit(index)
    assert state.selection == (("alarm", row.id),)
    box = fly.args[0]
    assert box[0] < row.x < box[2] and box[1] < row.y < box[3]


def test_status_bar_counts_real_unacknowledged_alarms_only(qtbot, panel):
    label = UnacknowledgedLabel(live_feed(panel._state))
    qtbot.addWidget(label)
    assert label.text() == "未确认告警 3 条"  # the drill alarm does not count
    panel.acknowledge(panel.alarms.rows()[0].id)
    assert label.text() == "未确认告警 2 条"


def test_create_case_opens_the_dispatch_dialog_or_says_why_not(qtbot, panel, monkeypatch):
    shown = []
    monkeypatch.setattr("widgets.alarms.alarm_panel.QMessageBox.information", lambda *a: shown.append(a))
    monkeypatch.setitem(__import__("sys").modules, "widgets.dispatch.register_dialog", None)
    panel.open_case(panel.alarms.rows()[0].id)
    assert shown and shown[0][2] == "案件派遣模块暂不可用。"


def test_window_desk_shows_connection_state_as_the_gateway_stops(qtbot, state, tmp_path):
    loop = LoopThread()
    gateway = new_gateway(tmp_path / "log.db")
    loop.run(gateway.start())
    feed = live_feed(state)
    label = FeedStateLabel(feed)
    qtbot.addWidget(label)
    feed.connect_to(gateway.url, CLIENT_TOKEN)
    qtbot.waitUntil(lambda: label.text() == "推送：已连接", timeout=10_000)
    loop.run(gateway.stop(graceful=False))
    qtbot.waitUntil(lambda: label.text().startswith("推送：重连中（自 "), timeout=10_000)
    feed.stop()
    assert label.text().startswith("推送：离线（自 ")
    loop.close()


def test_unconfigured_control_room_says_so(qtbot, state):
    feed = live_feed(state)
    label = FeedStateLabel(feed)
    qtbot.addWidget(label)
    feed.follow_database()  # not the demo city and no feed/url in the settings
    assert label.text() == "推送：未配置网关（设置 feed/url、feed/token）" and feed.bridge is None


def test_install_alarm_desk_adds_status_items_and_view_menu_actions(main_window):
    window = main_window
    assert window.statusBar().findChild(UnacknowledgedLabel) and window.statusBar().findChild(FeedStateLabel)
    assert isinstance(window.docks["alarms"].widget(), AlarmPanel)
    assert isinstance(window, QMainWindow) and Qt.DockWidgetArea.RightDockWidgetArea == window.dockWidgetArea(
        window.docks["alarms"]
    )
