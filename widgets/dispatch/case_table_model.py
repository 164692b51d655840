"""The case list as a Qt table model (one row per :class:`desktop.cases.case_list.CaseRow`)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.cases.case_list import CaseRow

LIGHT_COLOURS = {"绿": "#22c55e", "黄": "#facc15", "红": "#f43f5e"}
DRILL_COLOUR = "#fb923c"


class CaseTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.rows: list[CaseRow] = []
        self.departments: dict[int, str] = {}
        self.headers = [
            self.tr("Case no."),
            self.tr("Stage"),
            self.tr("Time limit"),
            self.tr("Source"),
            self.tr("Department"),
            self.tr("Reported"),
        ]

    def set_rows(self, rows: list[CaseRow], departments: dict[int, str]) -> None:
        self.beginResetModel()
        self.rows, self.departments = rows, departments
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: QModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        case, column = row.case, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == 0 and case.is_drill:
                return QColor(DRILL_COLOUR)
            if column == 2 and row.light:
                return QColor(LIGHT_COLOURS[row.light])
        if role == Qt.ItemDataRole.UserRole:
            return case.id
        return None

    def _text(self, row: CaseRow, column: int) -> str:
        case = row.case
        if column == 0:
            return self.tr("[Drill] %1").replace("%1", case.case_no) if case.is_drill else case.case_no
        if column == 1:
            return case.stage + (f"（{case.pending_action}待批）" if case.pending_action else "")
        if column == 2:
            return f"● {row.light}" if row.light else "—"
        if column == 3:
            return case.source
        if column == 4:
            return self.departments.get(case.department_id, "—")
        return as_utc(case.created_at).astimezone(LOCAL_TZ).strftime("%m-%d %H:%M")

    def row_of(self, case_id: int) -> int:
        return next((i for i, row in enumerate(self.rows) if row.case.id == case_id), -1)
