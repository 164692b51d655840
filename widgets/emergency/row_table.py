"""An editable table of records (one dict per row) with add / remove / move buttons."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

CODE_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    """``key`` of the record, header text, and kind: ``text``, ``number``, ``check`` or ``choice``
    (``choices`` maps the stored code to the Chinese name shown and picked from a list)."""

    key: str
    title: str
    kind: str = "text"
    stretch: bool = False
    choices: tuple[tuple[str, str], ...] = ()


class _ChoiceDelegate(QStyledItemDelegate):
    """Edits a ``choice`` cell with a drop-down of names; the cell keeps the code in ``CODE_ROLE``."""

    def __init__(self, choices: tuple[tuple[str, str], ...], parent: QWidget):
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent, _option, _index):
        editor = QComboBox(parent)
        for code, name in self.choices:
            editor.addItem(name, code)
        return editor

    def setEditorData(self, editor: QComboBox, index) -> None:
        editor.setCurrentIndex(max(0, editor.findData(index.data(CODE_ROLE))))

    def setModelData(self, editor: QComboBox, model, index) -> None:
        code, name = editor.currentData(), editor.currentText()  # the first setData re-runs setEditorData
        model.setData(index, code, CODE_ROLE)
        model.setData(index, name, Qt.ItemDataRole.DisplayRole)


class RowTable(QWidget):
    def __init__(self, columns: list[Column], parent: QWidget | None = None):
        super().__init__(parent)
        self.columns = columns
        self.table = QTableWidget(0, len(columns))
        self.table.setHorizontalHeaderLabels([c.title for c in columns])
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for index, column in enumerate(columns):
            header.setSectionResizeMode(
                index, QHeaderView.ResizeMode.Stretch if column.stretch else QHeaderView.ResizeMode.ResizeToContents
            )
            if column.kind == "choice":
                self.table.setItemDelegateForColumn(index, _ChoiceDelegate(column.choices, self.table))
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add"), self.add_row),
            (self.tr("Remove"), self.remove_row),
            (self.tr("Up"), lambda: self.move_row(-1)),
            (self.tr("Down"), lambda: self.move_row(1)),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def set_rows(self, rows: list[dict]) -> None:
        self.table.setRowCount(0)
        for row in rows:
            self.add_row(row)

    def add_row(self, record: dict | None = None) -> None:
        record = record if isinstance(record, dict) else {}
        row = self.table.rowCount()
        self.table.insertRow(row)
        for index, column in enumerate(self.columns):
            self.table.setItem(row, index, self._item(column, record.get(column.key)))

    def remove_row(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def move_row(self, delta: int) -> None:
        row, rows = self.table.currentRow(), self.rows()
        if row >= 0 and 0 <= row + delta < len(rows):
            rows[row], rows[row + delta] = rows[row + delta], rows[row]
            self.set_rows(rows)
            self.table.setCurrentCell(row + delta, 0)

    def rows(self) -> list[dict]:
        return [
            {c.key: self._value(c, self.table.item(r, i)) for i, c in enumerate(self.columns)}
            for r in range(self.table.rowCount())
        ]

    @staticmethod
    def _item(column: Column, value) -> QTableWidgetItem:
        if column.kind == "check":
            item = QTableWidgetItem()
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            item.setCheckState(Qt.CheckState.Checked if value in (None, True) else Qt.CheckState.Unchecked)
            return item
        if column.kind == "choice":
            item = QTableWidgetItem(dict(column.choices).get(value, value or ""))
            item.setData(CODE_ROLE, value)
            return item
        return QTableWidgetItem("" if value is None else (f"{value:g}" if isinstance(value, float) else str(value)))

    @staticmethod
    def _value(column: Column, item: QTableWidgetItem | None):
        if column.kind == "check":
            return item is not None and item.checkState() == Qt.CheckState.Checked
        if column.kind == "choice":
            return (item.data(CODE_ROLE) or None) if item is not None else None
        text = item.text().strip() if item is not None else ""
        if column.kind == "number":
            try:
                return float(text)
            except ValueError:
                return 0.0
        return text or None
