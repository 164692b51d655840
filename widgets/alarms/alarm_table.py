"""The alarm list as a Qt table model: newest first, filtered, at most :data:`MAX_ROWS` rows."""

from __future__ import annotations

import itertools
import time
from operator import attrgetter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor, QFont

from desktop.feeds.alarm_store import AlarmRow
from layers.alarms.alarm_model import AlarmModel

MAX_ROWS = 2000
LEVEL_COLOURS = {1: "#1d4ed8", 2: "#a16207", 3: "#c2410c", 4: "#b91c1c"}  # 一般 → 特别严重
ESCALATED = "#fb7185"
DRILL = "#a78bfa"
ID_ROLE = Qt.ItemDataRole.UserRole
FILTER_KEYS = ("category", "street", "status", "level")
_VALUE = {key: attrgetter(key) for key in FILTER_KEYS}


class AlarmTableModel(QAbstractTableModel):
    """Rows of an :class:`AlarmModel` that pass the filters (``None`` = any)."""

    def __init__(self, alarms: AlarmModel, parent: QObject | None = None):
        super().__init__(parent)
        self._alarms = alarms
        self._rows: list[AlarmRow] = []
        self.filters: dict[str, object] = dict.fromkeys(FILTER_KEYS)
        self._headers = (
            self.tr("Level"),
            self.tr("Type"),
            self.tr("Time"),
            self.tr("Street"),
            self.tr("Status"),
            self.tr("Details"),
        )
        self.level_names = {1: self.tr("Minor"), 2: self.tr("Major"), 3: self.tr("Severe"), 4: self.tr("Critical")}
        alarms.sig_reset.connect(self.reload)
        alarms.sig_alarms_added.connect(self._added)
        alarms.sig_alarm_changed.connect(self._changed)
        self.reload()

    def set_filter(self, key: str, value) -> None:
        self.filters[key] = value
        self.reload()

    def accepts(self, row: AlarmRow) -> bool:
        return all(wanted is None or _VALUE[key](row) == wanted for key, wanted in self.filters.items())

    def row(self, index: QModelIndex) -> AlarmRow | None:
        return self._rows[index.row()] if index.isValid() and index.row() < len(self._rows) else None

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = [r for r in reversed(self._alarms.rows()) if self.accepts(r)][:MAX_ROWS]
        self.endResetModel()

    def _added(self, rows: list[AlarmRow]) -> None:
        newest = reversed(rows)
        if any(wanted is not None for wanted in self.filters.values()):
            newest = filter(self.accepts, newest)
        fresh = list(itertools.islice(newest, MAX_ROWS))  # O(shown)
        if not fresh:
            return
        self.beginInsertRows(QModelIndex(), 0, len(fresh) - 1)
        self._rows[:0] = fresh
        self.endInsertRows()
        if len(self._rows) > MAX_ROWS:
            self.beginRemoveRows(QModelIndex(), MAX_ROWS, len(self._rows) - 1)
            del self._rows[MAX_ROWS:]
            self.endRemoveRows()

    def _changed(self, row: AlarmRow) -> None:
        at = next((i for i, r in enumerate(self._rows) if r.id == row.id), None)
        if at is None:
            if self.accepts(row):
                self.reload()
        elif self.accepts(row):
            self.dataChanged.emit(self.index(at, 0), self.index(at, len(self._headers) - 1))
        else:
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self.endRemoveRows()

    # --- QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        row = self.row(index)
        if row is None:
            return None
        column, escalated = index.column(), self._alarms.is_escalated(row.id)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column, escalated)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.BackgroundRole and column == 0:
            return QColor(LEVEL_COLOURS.get(row.level, LEVEL_COLOURS[1]))
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 1 and row.is_drill:
                return QColor(DRILL)
            return QColor(ESCALATED) if escalated and column == 4 else None
        if role == Qt.ItemDataRole.FontRole and escalated:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row)
        return None

    def _text(self, row: AlarmRow, column: int, escalated: bool) -> str:
        if column == 0:
            return self.level_names.get(row.level, str(row.level))
        if column == 1:
            return self.tr("[Drill] {kind}").format(kind=row.kind) if row.is_drill else row.kind
        if column == 2:
            return time.strftime("%m-%d %H:%M:%S", time.localtime(row.ts))
        if column == 3:
            return row.street
        if column == 4:
            return self.tr("{status} · overdue").format(status=row.status) if escalated else row.status
        return row.message or row.device_id or ""

    def _tooltip(self, row: AlarmRow) -> str:
        lines = [f"{row.kind} · {row.device_id or ''} {row.component_code or ''}".strip(), row.message]
        if row.acked_by:
            lines.append(
                self.tr("Acknowledged by {who} at {when}").format(
                    who=row.acked_by, when=time.strftime("%H:%M:%S", time.localtime(row.acked_at))
                )
            )
        if row.closed_by:
            lines.append(
                self.tr("{status} by {who} at {when}").format(
                    status=row.status, who=row.closed_by, when=time.strftime("%H:%M:%S", time.localtime(row.closed_at))
                )
            )
        return "\n".join(line for line in lines if line)
