"""案件登记: a new case from a map click, an alarm (prefilled) or a hotline call."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.directory import class_entries
from desktop.cases.service import CaseService
from desktop.cases.workflow import SOURCES, WorkflowError
from desktop.feeds import alarm_store
from desktop.seat.app_state import AppState
from desktop.storage.database import StorageError
from widgets.dialog_buttons import confirm_button, dialog_buttons
from widgets.dispatch.class_picker import ClassPicker
from widgets.dispatch.mini_map import MiniMap
from widgets.dispatch.photo_list import PhotoList
from widgets.dispatch.seat_selector import SeatSelector

log = logging.getLogger(__name__)


class RegisterDialog(QDialog):
    """Fill in and 上报 a case; the new case becomes the selection."""

    sig_case_created = Signal(object)  # CaseState

    def __init__(
        self,
        state: AppState,
        lon: float | None = None,
        lat: float | None = None,
        alarm_id: int | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("registerDialog")
        self.setWindowTitle(self.tr("Register a case"))
        self.state, self.alarm_id = state, alarm_id
        self.seat = SeatSelector(state, self)
        self.source = QComboBox(self)
        self.source.addItems(SOURCES)
        self.drill = QCheckBox(self.tr("Drill case"), self)
        self.classes = ClassPicker(class_entries(state.database), self)
        self.description = QPlainTextEdit(self)
        self.description.setMaximumHeight(70)
        self.address = QLineEdit(self)
        self.location = QGroupBox(self.tr("Location"), self)
        self.location.setCheckable(True)
        self.lon, self.lat = self._coordinate(-180, 180), self._coordinate(-90, 90)
        self.mini_map = MiniMap(self)
        self.photos = PhotoList(self)
        self.error = QLabel(self)
        self.error.setObjectName("dispatchError")
        self.error.setWordWrap(True)
        buttons = dialog_buttons(self, self.tr("Report"), self.submit)
        self.ok_button = confirm_button(buttons)
        self._lay_out(buttons)
        self.lon.valueChanged.connect(self._moved)
        self.lat.valueChanged.connect(self._moved)
        self.location.toggled.connect(self._moved)
        self._place(lon, lat)
        if alarm_id is not None:
            self._prefill_from_alarm(alarm_id)

    def _coordinate(self, low: float, high: float) -> QDoubleSpinBox:
        box = QDoubleSpinBox(self)
        box.setRange(low, high)
        box.setDecimals(6)
        box.setSingleStep(0.0001)
        return box

    def _lay_out(self, buttons: QDialogButtonBox) -> None:
        where = QFormLayout(self.location)
        coordinates = QHBoxLayout()
        coordinates.addWidget(QLabel(self.tr("Lon"), self))
        coordinates.addWidget(self.lon)
        coordinates.addWidget(QLabel(self.tr("Lat"), self))
        coordinates.addWidget(self.lat)
        where.addRow(coordinates)
        where.addRow(self.mini_map)
        form = QFormLayout()
        form.addRow(self.tr("Current seat"), self.seat)
        source = QHBoxLayout()
        source.addWidget(self.source, 1)
        source.addWidget(self.drill)
        form.addRow(self.tr("Source"), source)
        form.addRow(self.tr("Class"), self.classes)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Photos"), self.photos)
        left = QVBoxLayout()
        left.addLayout(form)
        right = QVBoxLayout()
        right.addWidget(self.location)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(860, 520)

    def _place(self, lon: float | None, lat: float | None) -> None:
        self.location.setChecked(lon is not None and lat is not None)
        if lon is not None and lat is not None:
            self.lon.setValue(lon)
            self.lat.setValue(lat)
        self._moved()

    def _moved(self, *_args) -> None:
        located = self.location.isChecked()
        self.mini_map.show_point(
            self.state.database, self.lon.value() if located else None, self.lat.value() if located else None
        )

    def _prefill_from_alarm(self, alarm_id: int) -> None:
        alarm = alarm_store.get(self.state.database, alarm_id) if self.state.database is not None else None
        if alarm is None:
            self.show_error(self.tr("Alarm %1 does not exist.").replace("%1", str(alarm_id)))
            self.ok_button.setEnabled(False)
            return
        self.setWindowTitle(self.tr("Register a case from alarm %1").replace("%1", str(alarm_id)))
        self.source.setCurrentText(alarm.source if alarm.source in ("视频AI", "物联感知") else "物联感知")
        self.source.setEnabled(False)
        self.description.setPlainText(alarm.message or alarm.kind)
        self.drill.setChecked(alarm.is_drill)
        self._place(alarm.x, alarm.y)

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def fields(self) -> dict:
        """The case fields as the service takes them."""
        entry = self.classes.selected()
        fields = {
            "description": self.description.toPlainText().strip(),
            "address": self.address.text().strip() or None,
            "is_drill": self.drill.isChecked(),
        }
        if entry is not None:
            fields.update(scheme=entry.scheme, class_kind=entry.kind, class_code=entry.code)
        if self.location.isChecked():
            fields.update(x=self.lon.value(), y=self.lat.value())
        return fields

    def submit(self) -> None:
        actor, fields = self.seat.actor(), self.fields()
        if actor is None:
            self.show_error(self.tr("Choose the current seat first."))
            return
        if not fields["description"] and "class_code" not in fields:
            self.show_error(self.tr("Describe the problem or choose its class."))
            return
        if "x" not in fields and not fields["address"]:
            self.show_error(self.tr("Give a location on the map or an address."))
            return
        service = CaseService(self.state.database)
        try:
            if self.alarm_id is not None:
                created = service.report_alarm(
                    actor, self.seat.seat(), self.alarm_id, attachments=self.photos.paths(), **fields
                )
            else:
                created = service.report(
                    actor, self.seat.seat(), source=self.source.currentText(), attachments=self.photos.paths(), **fields
                )
        except (WorkflowError, StorageError) as exc:
            log.warning("案件登记被拒绝：%s", exc)
            self.show_error(
                str(exc) if isinstance(exc, WorkflowError) else self.tr("Database error: %1").replace("%1", str(exc))
            )
            return
        log.info("案件 %s 已由 %s 登记", created.case_no, actor.name)
        self.sig_case_created.emit(created)
        self.state.set_selection((("case", created.id),))
        self.accept()


def open_case_from_alarm(state: AppState, alarm_id: int, parent: QWidget | None = None) -> RegisterDialog:
    """Open 案件登记 prefilled from an alarm (called by the alarm desk); returns the shown dialog,
    which deletes itself when closed."""
    dialog = RegisterDialog(state, alarm_id=alarm_id, parent=parent or QApplication.activeWindow())
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
