"""The dialogs of workflow actions: a comment (and photos) for most, more for 派遣、反馈、延期.

A dialog does not act: OK emits ``sig_submitted`` and the case panel calls the service, then
closes the dialog or shows the refusal in it (:meth:`ActionDialog.show_error`).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.case_record import CaseRecord
from desktop.cases.nearest import recommend_units
from desktop.cases.routing import route_case
from desktop.cases.service import CaseService
from desktop.cases.time_limits import advance
from desktop.cases.transitions import BY_ACTION
from widgets.dialog_buttons import confirm_button, dialog_buttons
from widgets.dispatch.photo_list import PhotoList


class ActionDialog(QDialog):
    sig_submitted = Signal()

    def __init__(self, case: CaseRecord, action: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.case_id, self.case_version, self.action = case.id, case.version, action
        self.setWindowTitle(self.tr("%1 · case %2").replace("%1", action).replace("%2", case.case_no))
        self.form = QFormLayout()
        header = QLabel(self.tr("Case %1, now at %2").replace("%1", case.case_no).replace("%2", case.stage), self)
        self.form.addRow(header)
        self.comment = QPlainTextEdit(self)
        self.comment.setMaximumHeight(80)
        transition = BY_ACTION.get(action)
        self.photos = PhotoList(self) if transition and transition.needs_photos and action != "反馈" else None
        self.error = QLabel(self)
        self.error.setObjectName("dispatchError")
        self.error.setWordWrap(True)
        buttons = dialog_buttons(self, action, self.sig_submitted)
        self.ok_button = confirm_button(buttons)
        self.add_fields()
        self.form.addRow(self.tr("Notes"), self.comment)
        if self.photos is not None:
            self.form.addRow(self.tr("Photos"), self.photos)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def add_fields(self) -> None:
        """Rows of the action's own (none for plain actions)."""

    def params(self) -> dict:
        return {}

    def attachments(self) -> list[str]:
        return self.photos.paths() if self.photos is not None else []

    def comment_text(self) -> str:
        return self.comment.toPlainText().strip()

    def show_error(self, message: str) -> None:
        self.error.setText(message)


class DispatchDialog(ActionDialog):
    """派遣: the department (routed; a choice when ambiguous), the nearest units and the deadline."""

    def __init__(self, case: CaseRecord, service: CaseService, parent: QWidget | None = None):
        self.service, self.case = service, case
        super().__init__(case, "派遣", parent)

    def add_fields(self) -> None:
        route = route_case(self.service.db, self.case.x, self.case.y, self.case.class_kind, self.case.class_code)
        self.department = QComboBox(self)
        for candidate in route.candidates:
            self.department.addItem(candidate.department_name, candidate.department_id)
        if route.department_id is not None:
            self.department.setCurrentIndex(self.department.findData(route.department_id))
        reason = QLabel(route.reason, self)
        reason.setWordWrap(True)
        self.units = QTableWidget(0, 4, self)
        self.units.setHorizontalHeaderLabels(
            [self.tr("Unit"), self.tr("Located by"), self.tr("Distance"), self.tr("ETA")]
        )
        self.units.verticalHeader().hide()
        self.units.setMaximumHeight(150)
        self.deadline = QLabel(self._deadline_text(), self)
        self.form.addRow(self.tr("Department"), self.department)
        self.form.addRow(reason)
        self.form.addRow(self.tr("Nearest units"), self.units)
        self.form.addRow(self.tr("Disposal deadline"), self.deadline)
        self.department.currentIndexChanged.connect(self._recommend)
        self._recommend()

    def _recommend(self, *_args) -> None:
        self.units.setRowCount(0)
        department_id = self.department.currentData()
        if department_id is None or self.case.x is None:
            return
        found = recommend_units(self.service.db, department_id, self.case.x, self.case.y, self.service.clock())
        self.units.setRowCount(len(found))
        for row, unit in enumerate(found):
            cells = [
                f"{unit.kind} {unit.name}",
                unit.located_by,
                self.tr("%1 m").replace("%1", f"{unit.distance_m:,.0f}"),
                self.tr("%1 min").replace("%1", f"{unit.eta_min:.0f}"),
            ]
            for column, text in enumerate(cells):
                self.units.setItem(row, column, QTableWidgetItem(text))
        self.units.resizeColumnsToContents()

    def _deadline_text(self) -> str:
        limit = self.service.limits.limit(self.case.class_kind, self.case.class_code, "处置")
        now = self.service.clock()
        due = advance(self.service.calendar, limit.unit, now, limit.seconds(self.service.calendar))
        return (
            self.tr("%1 %2, due %3")
            .replace("%1", f"{limit.amount:g}")
            .replace("%2", limit.unit)
            .replace("%3", due.astimezone(LOCAL_TZ).strftime("%Y-%m-%d %H:%M"))
        )

    def params(self) -> dict:
        return {"department_id": self.department.currentData()}


class FeedbackDialog(ActionDialog):
    """处置反馈: photos before and after, and notes."""

    def __init__(self, case: CaseRecord, parent: QWidget | None = None):
        super().__init__(case, "反馈", parent)

    def add_fields(self) -> None:
        self.before, self.after = PhotoList(self), PhotoList(self)
        self.form.addRow(self.tr("Photos before"), self.before)
        self.form.addRow(self.tr("Photos after"), self.after)

    def attachments(self) -> list[str]:
        return self.before.paths() + self.after.paths()

    def comment_text(self) -> str:
        counts = (
            self.tr("(%1 photos before, %2 after)")
            .replace("%1", str(len(self.before.paths())))
            .replace("%2", str(len(self.after.paths())))
        )
        return f"{super().comment_text()} {counts}".strip()


class ExtensionDialog(ActionDialog):
    """延期申请: how much more of the phase's own unit."""

    def __init__(self, case: CaseRecord, parent: QWidget | None = None):
        self.unit = case.limit_unit or ""
        super().__init__(case, "延期", parent)

    def add_fields(self) -> None:
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1000)
        self.amount.setValue(1)
        self.amount.setSuffix(f" {self.unit}")
        self.form.addRow(self.tr("Extend by"), self.amount)

    def params(self) -> dict:
        return {"amount": self.amount.value()}


def dialog_for(case: CaseRecord, action: str, service: CaseService, parent: QWidget | None = None) -> ActionDialog:
    """The dialog of ``action`` on ``case``."""
    if action == "派遣":
        return DispatchDialog(case, service, parent)
    if action == "反馈":
        return FeedbackDialog(case, parent)
    if action == "延期":
        return ExtensionDialog(case, parent)
    return ActionDialog(case, action, parent)
