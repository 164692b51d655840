"""The plan library: plans with their levels, authoring, import/export, proposals and activation."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.workflow import WorkflowError
from desktop.emergency.criteria import Proposal
from desktop.emergency.incident import IncidentService
from desktop.emergency.plan_store import centre, list_plans, proposals, store_plan
from desktop.emergency.plans import LEVEL_NAMES, PlanFormatError, read_plan_file, write_plan_file
from desktop.seat.app_state import AppState
from desktop.storage.changes import Change
from widgets.dialog_buttons import dialog_buttons
from widgets.emergency.plan_editor import PlanEditor

PROPOSAL_POLL_MS = 15_000


class PlanLibrary(QWidget):
    """Plans of the open database; emits :attr:`sig_activated` with the new activation's id."""

    sig_activated = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.plans: list[dict] = []
        self.proposals: list[Proposal] = []
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Plan"), self.tr("Type"), self.tr("Levels")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(self.edit_plan)
        buttons = QGridLayout()
        for index, (text, slot) in enumerate(
            (
                (self.tr("New…"), self.new_plan),
                (self.tr("Edit…"), self.edit_plan),
                (self.tr("Import…"), self.import_plan),
                (self.tr("Export…"), self.export_plan),
                (self.tr("Activate…"), self.activate_selected),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            buttons.addWidget(button, index // 3, index % 3)
        self.proposal_list = QListWidget()
        self.proposal_list.setMaximumHeight(110)
        self.proposal_list.doubleClicked.connect(self.activate_proposal)
        accept = QPushButton(self.tr("Activate proposal…"))
        accept.clicked.connect(self.activate_proposal)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(QLabel(self.tr("Proposed by alarms meeting plan criteria:")))
        layout.addWidget(self.proposal_list)
        layout.addWidget(accept)
        self._poller = QTimer(self, interval=PROPOSAL_POLL_MS, timeout=self.check_proposals)
        self._poller.start()
        state.sig_database_changed.connect(self.reload)
        state.sig_changed.connect(self._store_changed)
        self.reload()

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        self.plans = list_plans(self.state.database) if self.state.database is not None else []
        self.table.setRowCount(len(self.plans))
        for row, plan in enumerate(self.plans):
            levels = "、".join(lv["level"] for lv in plan["levels"])
            for column, text in enumerate((plan["name"], plan["type"], levels)):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.check_proposals()

    def check_proposals(self) -> None:
        db = self.state.database
        self.proposals = proposals(db, datetime.now(UTC)) if db is not None else []
        self.proposal_list.clear()
        self.proposal_list.addItems(
            [f"{p.plan_name} · {LEVEL_NAMES[p.level]} · {p.reason}" for p in self.proposals] or [self.tr("No proposal")]
        )

    def _store_changed(self, change: Change) -> None:
        if change.kind == "plan":
            self.reload()

    def selected_plan(self) -> dict | None:
        row = self.table.currentRow()
        return self.plans[row] if 0 <= row < len(self.plans) else None

    # -- authoring ---------------------------------------------------------------------------
    def new_plan(self) -> None:
        self._edit(None)

    def edit_plan(self) -> None:
        if plan := self.selected_plan():
            self._edit(plan)

    def _edit(self, plan: dict | None) -> None:
        editor = PlanEditor(plan, self)
        if editor.exec():
            self._save(editor.plan_data())

    def _save(self, data: dict) -> None:
        store_plan(self.state.database, data)  # the plan's change reloads the list

    def import_plan(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import plan"), "", self.tr("Plan files (*.json)"))
        if not path:
            return
        try:
            self._save(read_plan_file(path))
        except PlanFormatError as exc:
            QMessageBox.warning(self, self.tr("Import plan"), str(exc))

    def export_plan(self) -> None:
        plan = self.selected_plan()
        if plan is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export plan"), f"{plan['code']}.json", self.tr("Plan files (*.json)")
        )
        if path:
            write_plan_file(path, {k: v for k, v in plan.items() if k != "id"})

    # -- activation --------------------------------------------------------------------------
    def activate_selected(self) -> None:
        if plan := self.selected_plan():
            self._activate(plan, None)

    def activate_proposal(self) -> None:
        row = self.proposal_list.currentRow()
        if 0 <= row < len(self.proposals):
            proposal = self.proposals[row]
            self._activate(next(p for p in self.plans if p["id"] == proposal.plan_id), proposal)

    def _activate(self, plan: dict, proposal: Proposal | None) -> None:
        place = (proposal.x, proposal.y) if proposal else centre(self.state.database)
        dialog = ActivateDialog(self.state, plan, proposal, place, self)
        if not dialog.exec():
            return
        try:
            activation_id = IncidentService(self.state.database).activate(
                plan["id"],
                dialog.level(),
                *dialog.centre,
                dialog.operator.text(),
                radius_m=float(dialog.radius.value()),
                reason=dialog.reason.text() or (proposal.reason if proposal else ""),
            )
        except WorkflowError as exc:
            QMessageBox.warning(self, self.tr("Activate plan"), str(exc))
            return
        self.check_proposals()
        self.sig_activated.emit(activation_id)


class ActivateDialog(QDialog):
    """Level, place (the proposal's, the city centre, or a click on the map), radius and reason."""

    def __init__(self, state: AppState, plan: dict, proposal: Proposal | None, centre, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Activate plan"))
        self.centre = centre or (0.0, 0.0)
        self.levels = [lv["level"] for lv in plan["levels"]]
        self.level_box = QComboBox()
        self.level_box.addItems([LEVEL_NAMES[lv] for lv in self.levels])
        if proposal is not None:
            self.level_box.setCurrentIndex(self.levels.index(proposal.level))
        self.place = QLabel()
        self.radius = QSpinBox(minimum=50, maximum=20_000, singleStep=100, suffix=self.tr(" m"))
        self.radius.setValue(int(proposal.radius_m) if proposal else 500)
        self.reason = QLineEdit()
        self.operator = QLineEdit(self.tr("Duty officer"))
        form = QFormLayout(self)
        form.addRow(self.tr("Plan"), QLabel(plan["name"]))
        form.addRow(self.tr("Level"), self.level_box)
        form.addRow(self.tr("Place"), self.place)
        form.addRow(self.tr("Radius"), self.radius)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Operator"), self.operator)
        form.addRow(dialog_buttons(self, self.tr("Activate")))
        self._show_place()
        state.sig_map_clicked.connect(self._clicked)

    def level(self) -> str:
        return self.levels[self.level_box.currentIndex()]

    def _clicked(self, lon: float, lat: float, _tolerance: float) -> None:
        self.centre = (lon, lat)
        self._show_place()

    def _show_place(self) -> None:
        self.place.setText(
            self.tr("%1°E %2°N (click the map to move)")
            .replace("%1", f"{self.centre[0]:.5f}")
            .replace("%2", f"{self.centre[1]:.5f}")
        )
