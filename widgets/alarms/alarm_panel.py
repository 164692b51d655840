"""The 告警 dock: live alarms with level colours, filters, acknowledge / 生成案件 / 误报 / 关闭, locate on the map."""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.feeds.alarm_store import ALARM_STATUSES, CATEGORIES, OPEN_STATUSES, AlarmRow
from desktop.seat.app_state import AppState
from desktop.seat.live_feed import live_feed, seat_name
from widgets.alarms.alarm_table import AlarmTableModel

log = logging.getLogger(__name__)

SOUND_KEY = "alarms/sound"
SOUND_LEVEL = 3  # 严重 and above
FLY_MARGIN = 0.002  # degrees around the alarm


def sound_enabled() -> bool:
    return QSettings().value(SOUND_KEY, True, type=bool)


class AlarmPanel(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("alarmPanel")
        self._state = state
        self.alarms = live_feed(state).model
        self.table_model = AlarmTableModel(self.alarms, self)
        self._last_beep = 0.0
        self.filters = {key: QComboBox(self) for key in ("category", "street", "status", "level")}
        self._fill_filters()
        self.table = QTableView(self)
        self.table.setObjectName("alarmTable")
        self.table.setModel(self.table_model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self._locate)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.ack_button = QPushButton(self.tr("Acknowledge"), self)
        self.ack_button.clicked.connect(lambda: self._act(self.acknowledge))
        filters = QGridLayout()  # two by two: the dock stays narrow
        for i, combo in enumerate(self.filters.values()):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(3)
            filters.addWidget(combo, i // 2, i % 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.ack_button, 0, Qt.AlignmentFlag.AlignRight)
        self.alarms.sig_alarms_added.connect(self._alarms_added)
        self.alarms.sig_reset.connect(self._refill_streets)

    # --- filters --------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        choices = {
            "category": [(self.tr("All types"), None)] + [(c, c) for c in CATEGORIES],
            "status": [(self.tr("All statuses"), None)] + [(s, s) for s in ALARM_STATUSES],
            "level": [(self.tr("All levels"), None)] + [(n, lv) for lv, n in self.table_model.level_names.items()],
        }
        for key, items in choices.items():
            for text, value in items:
                self.filters[key].addItem(text, value)
        for key, combo in self.filters.items():
            combo.currentIndexChanged.connect(
                lambda _=0, k=key: self.table_model.set_filter(k, self.filters[k].currentData())
            )
        self._refill_streets()

    def _refill_streets(self, rows: list[AlarmRow] | None = None) -> None:
        combo = self.filters["street"]
        known = {combo.itemData(i) for i in range(1, combo.count())}
        if combo.count() == 0:
            combo.addItem(self.tr("All streets"), None)
        for street in sorted({r.street for r in (rows if rows is not None else self.alarms.rows())} - known - {""}):
            combo.addItem(street, street)

    def set_filter(self, key: str, value) -> None:
        """Choose a filter value (None = all) as the seat would in the combo box."""
        combo = self.filters[key]
        combo.setCurrentIndex(max(0, combo.findData(value)))

    # --- live alarms ----------------------------------------------------------------------

    def _alarms_added(self, rows: list[AlarmRow]) -> None:
        self._refill_streets(rows)
        loud = any(r.level >= SOUND_LEVEL and not r.is_drill for r in rows)
        if loud and sound_enabled() and time.monotonic() - self._last_beep > 2.0:
            self._last_beep = time.monotonic()
            QApplication.beep()

    # --- actions --------------------------------------------------------------------------

    def selected(self) -> AlarmRow | None:
        return self.table_model.row(self.table.currentIndex())

    def _act(self, action) -> None:
        row = self.selected()
        if row is not None:
            action(row.id)

    def acknowledge(self, alarm_id: int) -> bool:
        return self.alarms.acknowledge(alarm_id, seat_name())

    def mark_false(self, alarm_id: int) -> bool:
        return self.alarms.mark_false(alarm_id, seat_name())

    def close_alarm(self, alarm_id: int) -> bool:
        return self.alarms.close(alarm_id, seat_name())

    def open_case(self, alarm_id: int) -> None:
        """生成案件 through the dispatch module; it marks the alarm 已转案件."""
        try:
            from widgets.dispatch.register_dialog import open_case_from_alarm
        except ImportError:
            QMessageBox.information(self, self.tr("Create case"), self.tr("Case dispatch is not available yet."))
            return
        dialog = open_case_from_alarm(self._state, alarm_id, self)
        dialog.finished.connect(lambda _result: self.alarms.refresh(alarm_id))

    def locate(self, alarm_id: int) -> None:
        """Select the alarm (the map makes it flash) and fly the map to it."""
        row = self.alarms.get(alarm_id)
        if row is None:
            return
        self._state.set_selection((("alarm", row.id),))
        if row.x is not None and row.y is not None:
            self._state.fly_to((row.x - FLY_MARGIN, row.y - FLY_MARGIN, row.x + FLY_MARGIN, row.y + FLY_MARGIN))

    def _locate(self, index: QModelIndex) -> None:
        row = self.table_model.row(index)
        if row is not None:
            self.locate(row.id)

    def _context_menu(self, pos: QPoint) -> None:
        row = self.table_model.row(self.table.indexAt(pos))
        if row is None:
            return
        menu = QMenu(self)
        for text, action in (
            (self.tr("Acknowledge"), self.acknowledge),
            (self.tr("Create case"), self.open_case),
            (self.tr("False alarm"), self.mark_false),
            (self.tr("Close"), self.close_alarm),
        ):
            item = menu.addAction(text)
            item.setEnabled(
                row.status in OPEN_STATUSES and (action != self.acknowledge or row.status == ALARM_STATUSES[0])
            )
            item.triggered.connect(lambda _=False, a=action, i=row.id: a(i))
        menu.exec(self.table.viewport().mapToGlobal(pos))
