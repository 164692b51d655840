"""The incident panel: level, elapsed time, checklist, command group, live log, nearby resources and cameras."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.workflow import WorkflowError
from desktop.emergency.incident import IncidentService, IncidentView
from desktop.emergency.plans import LEVEL_NAMES, PLAN_LEVELS
from desktop.emergency.report import clock
from desktop.seat.app_state import AppState
from widgets.dialog_buttons import dialog_buttons

OVERDUE, DONE = QColor("#ff6b6b"), QColor("#7ee2a8")
DRILL_STYLE = "background:#d97706;color:white;font-weight:bold;padding:2px 8px;border-radius:3px;"
LEVEL_COLOURS = {"I": "#dc2626", "II": "#ea580c", "III": "#ca8a04", "IV": "#2563eb"}


def _local(ts: datetime, short: bool = False) -> str:
    return ts.astimezone(LOCAL_TZ).strftime("%H:%M" if short else "%H:%M:%S")


def _table(headers: list[str]) -> QTableWidget:
    table = QTableWidget(0, len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().setVisible(False)
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    table.setWordWrap(True)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fill(table: QTableWidget, rows: list[list[str]], stretch: int) -> None:
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            table.setItem(r, c, item)
    table.horizontalHeader().setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    table.resizeRowsToContents()


class IncidentPanel(QWidget):
    """Command of one activation at a time; drill activations use the drill's (virtual-time) service."""

    sig_activations_changed = Signal()

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.drill_service: IncidentService | None = None
        self.view: IncidentView | None = None
        self.picker = QComboBox()
        self.picker.currentIndexChanged.connect(self._picked)
        self.drill_badge = QLabel(self.tr("DRILL"))
        self.drill_badge.setStyleSheet(DRILL_STYLE)
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size:15px;font-weight:bold;")
        self.level = QLabel()
        self.elapsed = QLabel()
        self.operator = QLineEdit(self.tr("Duty officer"))
        self.operator.setMaximumWidth(140)
        top = QHBoxLayout()
        top.addWidget(self.picker, 1)
        top.addWidget(QLabel(self.tr("Operator")))
        top.addWidget(self.operator)
        header = QHBoxLayout()
        header.addWidget(self.drill_badge)
        header.addWidget(self.level)
        header.addWidget(self.elapsed)
        header.addStretch()

        self.steps = _table(
            [self.tr("No."), self.tr("Owner"), self.tr("Action"), self.tr("Deadline"), self.tr("Done"), self.tr("Case")]
        )
        self.group = _table([self.tr("Role"), self.tr("Name"), self.tr("Phone"), self.tr("Radio")])
        self.log = QListWidget()
        self.log.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Note for the incident log"))
        self.note.returnPressed.connect(self.add_note)
        note_button = QPushButton(self.tr("Record"))
        note_button.clicked.connect(self.add_note)
        log_page = QWidget()
        log_layout = QGridLayout(log_page)
        log_layout.setContentsMargins(0, 0, 0, 0)
        log_layout.addWidget(self.log, 0, 0, 1, 2)
        log_layout.addWidget(self.note, 1, 0)
        log_layout.addWidget(note_button, 1, 1)
        self.resources = _table([self.tr("Resource"), self.tr("Kind"), self.tr("Distance"), self.tr("Details")])
        self.cameras = QListWidget()
        self.tabs = QTabWidget()
        for widget, title in (
            (self.steps, self.tr("Response steps")),
            (self.group, self.tr("Command group")),
            (log_page, self.tr("Incident log")),
            (self.resources, self.tr("Nearest resources")),
            (self.cameras, self.tr("Cameras in the area")),
        ):
            self.tabs.addTab(widget, title)

        actions = QGridLayout()
        self.buttons = {}
        for index, (key, text, slot) in enumerate(
            (
                ("tick", self.tr("Step done"), self.tick_step),
                ("dispatch", self.tr("Dispatch task"), self.dispatch_step),
                ("level", self.tr("Change level…"), self.change_level),
                ("terminate", self.tr("Terminate…"), self.terminate),
                ("locate", self.tr("Show on map"), self.locate),
                ("cap", self.tr("CAP warning…"), self.issue_cap),
                ("summary", self.tr("Summary"), self.show_summary),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            actions.addWidget(button, index // 4, index % 4)
            self.buttons[key] = button
        self.empty = QLabel(self.tr("No plan is in force. Activate one from the plan library or a proposal."))
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.title)
        layout.addLayout(header)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(actions)
        self._ticker = QTimer(self, interval=1000, timeout=self._tick_clock)
        self._poller = QTimer(self, interval=10_000, timeout=self.refresh)
        state.sig_database_changed.connect(self._database_changed)
        self._database_changed()

    # -- data --------------------------------------------------------------------------------
    @property
    def service(self) -> IncidentService | None:
        """The drill's service for the running drill's activations, else the real-time one."""
        current = self.picker.currentData()
        if self.drill_service is not None and current is not None and current[1]:
            return self.drill_service
        return self._real

    def _database_changed(self) -> None:
        self._real = IncidentService(self.state.database) if self.state.database is not None else None
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        """Re-read the list of activations (active first) and show ``select_id`` or the current one."""
        current = select_id or (self.view.id if self.view else None)
        self.picker.blockSignals(True)
        self.picker.clear()
        if self._real is not None:
            active = {a[0] for a in self._real.activations()}
            for id_, title, _level, drill in self._real.activations(active_only=False):
                marks = (self.tr("[drill] ") if drill else "") + ("" if id_ in active else self.tr("[ended] "))
                self.picker.addItem(f"{marks}{title}", (id_, drill))
        self.picker.blockSignals(False)
        index = next((i for i in range(self.picker.count()) if self.picker.itemData(i)[0] == current), 0)
        self.picker.setCurrentIndex(index)
        self._picked()

    def _picked(self) -> None:
        self.view = None
        self.refresh()
        if self.view is not None:
            self.state.set_selection((("activation", self.view.id),))

    def refresh(self) -> None:
        current, service = self.picker.currentData(), self.service
        if service is not None and current is not None:
            activation_id = current[0]
            if self.view is None or self.view.ended_at is None:
                service.record_alarms(activation_id)
            self.view = service.view(activation_id)
        shown = self.view is not None
        for widget in (self.title, self.drill_badge, self.level, self.elapsed, self.tabs, *self.buttons.values()):
            widget.setVisible(shown)
        self.empty.setVisible(not shown)
        if not shown:
            self._ticker.stop()
            self._poller.stop()
            return
        self._ticker.start()
        self._poller.start()
        self._show(self.view)

    def _now(self) -> datetime:
        return self.service.clock() if self.service is not None else datetime.now(UTC)

    def _show(self, view: IncidentView) -> None:
        now = self._now()
        self.title.setText(
            view.title + (self.tr(" — terminated: %1").replace("%1", view.end_reason or "") if view.ended_at else "")
        )
        self.drill_badge.setVisible(view.is_drill)
        self.level.setText(LEVEL_NAMES[view.level])
        self.level.setStyleSheet(
            f"background:{LEVEL_COLOURS[view.level]};color:white;padding:2px 8px;border-radius:3px;"
        )
        self._tick_clock()
        _fill(
            self.steps,
            [
                [
                    str(s.seq),
                    s.owner,
                    s.action,
                    _local(s.due_at, short=True),
                    f"{_local(s.done_at, short=True)} {s.done_by}" if s.done_at else "",
                    s.case_no or "",
                ]
                for s in view.steps
            ],
            2,
        )
        for row, step in enumerate(view.steps):
            colour = OVERDUE if step.overdue(now) else (DONE if step.done_at else None)
            for column in range(self.steps.columnCount()):
                if colour is not None:
                    self.steps.item(row, column).setForeground(colour)
        _fill(self.group, [[m["role"], m["name"], m["phone"], m["radio"]] for m in view.command_group], 0)
        self.log.clear()
        self.log.addItems([f"{_local(e.ts)}  [{e.kind}] {e.actor}：{e.text}" for e in view.log])
        self.log.scrollToBottom()
        _fill(
            self.resources,
            [[r.name, r.kind, self.tr("%1 m").replace("%1", f"{r.distance_m:.0f}"), r.detail] for r in view.resources],
            3,
        )
        self.cameras.clear()
        self.cameras.addItems(
            [f"{c.code}  {c.name}  {c.distance_m:.0f} m" for c in view.cameras]
            or [self.tr("No camera within the area")]
        )
        open_ = view.ended_at is None
        for key in ("tick", "dispatch", "level", "terminate"):
            self.buttons[key].setEnabled(open_)

    def _tick_clock(self) -> None:
        if self.view is not None:
            self.elapsed.setText(self.tr("Elapsed %1").replace("%1", clock(self.view.elapsed_s(self._now()))))

    # -- actions -----------------------------------------------------------------------------
    def _selected_step(self):
        row = self.steps.currentRow()
        if self.view is None or row < 0:
            QMessageBox.information(self, self.tr("Response steps"), self.tr("Select a step in the checklist first."))
            return None
        return self.view.steps[row]

    def _run(self, action) -> bool:
        try:
            action()
        except (WorkflowError, ValueError) as exc:
            QMessageBox.warning(self, self.tr("Not done"), str(exc))
            return False
        self.refresh()
        self.sig_activations_changed.emit()
        return True

    def tick_step(self) -> None:
        if step := self._selected_step():
            self._run(lambda: self.service.tick(step.id, self.operator.text()))

    def dispatch_step(self) -> None:
        if step := self._selected_step():
            self._run(
                lambda: self.state.show_status(
                    self.tr("Case %1 dispatched").replace(
                        "%1", self.service.dispatch(step.id, self.operator.text()).case_no
                    )
                )
            )

    def change_level(self) -> None:
        dialog = ReasonDialog(self.tr("Change response level"), [LEVEL_NAMES[lv] for lv in PLAN_LEVELS], self)
        dialog.choice.setCurrentIndex(PLAN_LEVELS.index(self.view.level))
        if dialog.exec():
            level = PLAN_LEVELS[dialog.choice.currentIndex()]
            self._run(
                lambda: self.service.change_level(
                    self.view.id, level, dialog.reason.toPlainText(), self.operator.text()
                )
            )

    def terminate(self) -> None:
        dialog = ReasonDialog(self.tr("Terminate the response"), [], self)
        if dialog.exec() and self._run(
            lambda: self.service.terminate(self.view.id, dialog.reason.toPlainText(), self.operator.text())
        ):
            self.reload()

    def add_note(self) -> None:
        if self.view is not None and self.note.text().strip():
            text = self.note.text().strip()
            if self._run(lambda: self.service.note(self.view.id, text, self.operator.text())):
                self.note.clear()

    def locate(self) -> None:
        if self.view is not None:
            self.state.set_selection((("activation", self.view.id),))
            self.state.fly_to(self.view.bbox)

    def issue_cap(self) -> None:
        kinds = {self.tr("Alert"): "Alert", self.tr("Update"): "Update", self.tr("Cancel"): "Cancel"}
        kind, ok = QInputDialog.getItem(self, self.tr("CAP warning"), self.tr("Message type"), list(kinds), 0, False)
        xml = []
        if ok and self._run(
            lambda: xml.append(self.service.issue_cap(self.view.id, kinds[kind], self.operator.text()))
        ):
            TextDialog(self.tr("CAP warning"), xml[0], "xml", self).exec()

    def show_summary(self) -> None:
        if self.view is not None:
            TextDialog(self.tr("After-incident summary"), self.service.summary(self.view.id), "txt", self).exec()


class ReasonDialog(QDialog):
    """A reason (required), optionally with a choice (the new level)."""

    def __init__(self, title: str, choices: list[str], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.choice = QComboBox()
        self.choice.addItems(choices)
        self.reason = QPlainTextEdit()
        form = QFormLayout(self)
        if choices:
            form.addRow(self.tr("New level"), self.choice)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(dialog_buttons(self, self.tr("OK")))


class TextDialog(QDialog):
    """A read-only text with copy and save-as buttons."""

    def __init__(self, title: str, text: str, suffix: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(760, 560)
        self.text = QPlainTextEdit(text, readOnly=True)
        copy, save, close = (
            QPushButton(self.tr("Copy")),
            QPushButton(self.tr("Save as…")),
            QPushButton(self.tr("Close")),
        )
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(text))
        save.clicked.connect(lambda: self._save(text, suffix))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch()
        for button in (copy, save, close):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(row)

    def _save(self, text: str, suffix: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save as"), f"untitled.{suffix}")
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
