"""The 告警 desk: its dock, status-bar items (unacknowledged count, feed connection) and menu entries."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QLabel, QMainWindow, QWidget

from desktop.feeds.client import CONNECTED, RECONNECTING
from desktop.seat.live_feed import SEAT_KEY, LiveFeed, live_feed, seat_name
from widgets.alarms.alarm_panel import SOUND_KEY, AlarmPanel, sound_enabled
from widgets.window_host import VIEW, Feature, WindowHost


class UnacknowledgedLabel(QLabel):
    """未确认告警 N (drill alarms never count)."""

    def __init__(self, feed: LiveFeed, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("unacknowledgedAlarms")
        self._model = feed.model
        for signal in (self._model.sig_reset, self._model.sig_alarms_added, self._model.sig_alarm_changed):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        count = self._model.unacknowledged_count()
        self.setText(self.tr("Unacknowledged alarms: {count}").format(count=count))
        self.setToolTip(self.text())
        self.setStyleSheet("color: #fb7185; font-weight: bold;" if count else "")


class FeedStateLabel(QLabel):
    """推送：已连接 / 重连中（自 hh:mm:ss） / 离线（自 hh:mm:ss） / 未配置."""

    def __init__(self, feed: LiveFeed, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("feedState")
        self._feed = feed
        feed.sig_state.connect(self.show_state)
        feed.sig_configured.connect(lambda _: self.show_state(*feed.connection))
        self.show_state(*feed.connection)

    def show_state(self, state: str, since: float) -> None:
        at = time.strftime("%H:%M:%S", time.localtime(since))
        if not self._feed.configured:
            text = self.tr("Feed: no gateway configured (settings feed/url, feed/token)")
        elif state == CONNECTED:
            text = self.tr("Feed: connected")
        elif state == RECONNECTING:
            text = self.tr("Feed: reconnecting since {time}").format(time=at)
        else:
            text = self.tr("Feed: offline since {time}").format(time=at)
        self.setText(text)
        self.setToolTip(text)


def _ask_seat_name(window: QMainWindow) -> None:
    name, ok = QInputDialog.getText(
        window,
        QCoreApplication.translate("AlarmDesk", "Seat name"),
        QCoreApplication.translate("AlarmDesk", "Name of this seat:"),
        text=seat_name(),
    )
    if ok and name.strip():
        QSettings().setValue(SEAT_KEY, name.strip())


class AlarmDesk(Feature):
    """The 告警 dock, the status-bar items, and 告警提示音 / 坐席名称 in the 视图 menu."""

    KEY = "alarms"

    def install(self, host: WindowHost) -> None:
        host.create_dock(
            self.KEY,
            QCoreApplication.translate("AlarmDesk", "Alarms"),
            AlarmPanel(host.state),
            Qt.DockWidgetArea.RightDockWidgetArea,
            size=360,
        )
        feed = live_feed(host.state)
        for label in (UnacknowledgedLabel(feed), FeedStateLabel(feed)):
            label.setMinimumWidth(1)  # never widens the window; the tooltip has the whole text
            host.add_status_item(label)
        window = host.window
        sound = QAction(QCoreApplication.translate("AlarmDesk", "Alarm &sound"), window)
        sound.setCheckable(True)
        sound.setChecked(sound_enabled())
        sound.toggled.connect(lambda on: QSettings().setValue(SOUND_KEY, on))
        seat = QAction(QCoreApplication.translate("AlarmDesk", "Seat &name…"), window)
        seat.triggered.connect(lambda: _ask_seat_name(window))
        for action in (sound, seat):
            host.add_action(action, VIEW, "alarms")
