"""The 案件 dock: the filtered case list with counts per stage, the selected case in detail,
and an actions bar offering exactly what the current seat may do to it."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, time, timedelta

from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.case_list import STAGES, CaseFilter, read_case_list
from desktop.cases.case_record import CaseRecord, read_case
from desktop.cases.directory import departments, grid_codes
from desktop.cases.service import CaseService
from desktop.cases.time_limits import GREEN, PHASES, RED, YELLOW, traffic_light
from desktop.cases.workflow import SOURCES, ConcurrentUpdateError, WorkflowError, available_actions
from desktop.seat.app_state import AppState
from desktop.storage.changes import Change
from desktop.storage.database import StorageError
from widgets.dispatch.action_dialogs import ActionDialog, dialog_for
from widgets.dispatch.case_detail import CaseDetail
from widgets.dispatch.case_table_model import CaseTableModel
from widgets.dispatch.register_dialog import RegisterDialog
from widgets.dispatch.seat_selector import SeatSelector

log = logging.getLogger(__name__)

FLY_MARGIN_DEG = 0.002
REFRESH_MS = 30_000
_ACTIONS_PER_ROW = 4


class CasePanel(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("casePanel")
        self.state = state
        self.service: CaseService | None = None
        self.current: CaseRecord | None = None
        self.active_dialog = None
        self.seat = SeatSelector(state, self)
        _shrinkable(self.seat)
        self.model = CaseTableModel(self)
        self._build()
        self.seat.sig_actor_changed.connect(lambda _actor: self._show_actions())
        state.sig_database_changed.connect(self._database_changed)
        state.sig_selection_changed.connect(self._selection_changed)
        state.sig_map_clicked.connect(self._map_clicked)
        state.sig_changed.connect(self._store_changed)
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.refresh)
        self._timer.start(REFRESH_MS)
        self._database_changed()

    # --- building ------------------------------------------------------------------------
    def _build(self) -> None:
        self.register_button = QPushButton(self.tr("Register…"), self)
        self.register_button.clicked.connect(lambda: self.open_register())  # noqa: PLW0108 - not clicked's bool
        self.pick_button = QPushButton(self.tr("Register at map click"), self)
        self.pick_button.setCheckable(True)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(self.refresh)
        self.stage = self._combo([(self.tr("All stages"), None), *((s, s) for s in STAGES)])
        self.light = self._combo([(self.tr("All time limits"), None), *((f"● {c}", c) for c in (RED, YELLOW, GREEN))])
        self.department, self.grid = self._combo([]), self._combo([])
        self.source = self._combo([(self.tr("All sources"), None), *((s, s) for s in SOURCES)])
        self.number = QLineEdit(self)
        self.number.setPlaceholderText(self.tr("Search case no."))
        self.number.setClearButtonEnabled(True)
        self.number.textChanged.connect(self.refresh)
        self.by_date = QCheckBox(self.tr("Reported from"), self)
        self.date_from, self.date_to = QDateEdit(self), QDateEdit(self)
        for edit, days in ((self.date_from, -30), (self.date_to, 0)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setDate(QDate.currentDate().addDays(days))
            edit.dateChanged.connect(self.refresh)
        self.by_date.toggled.connect(self.refresh)
        self.counts = QLabel(self)
        self.counts.setObjectName("stageCounts")
        self.counts.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("caseTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.detail = CaseDetail(self)
        self.actions_bar = QWidget(self)
        self.actions_layout = QGridLayout(self.actions_bar)
        self.actions_layout.setContentsMargins(0, 0, 0, 0)
        self.message = QLabel(self)
        self.message.setObjectName("dispatchMessage")
        self.message.setWordWrap(True)

        seat_row = QHBoxLayout()
        seat_row.addWidget(QLabel(self.tr("Current seat"), self))
        seat_row.addWidget(self.seat, 1)
        tools = QHBoxLayout()
        for button in (self.register_button, self.pick_button, self.refresh_button):
            tools.addWidget(button)
        filters = QGridLayout()
        filters.addWidget(self.stage, 0, 0)
        filters.addWidget(self.light, 0, 1)
        filters.addWidget(self.department, 1, 0)
        filters.addWidget(self.grid, 1, 1)
        filters.addWidget(self.source, 2, 0)
        filters.addWidget(self.number, 2, 1)
        dates = QHBoxLayout()
        dates.addWidget(self.by_date)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(self.tr("to"), self))
        dates.addWidget(self.date_to)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        for item in (seat_row, tools, filters, dates):
            top_layout.addLayout(item)
        top_layout.addWidget(self.counts)
        top_layout.addWidget(self.table, 1)
        bottom = QWidget(self)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        bottom_layout.addWidget(self.detail, 1)
        bottom_layout.addWidget(self.actions_bar)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        body_layout.setContentsMargins(4, 4, 4, 4)
        body_layout.addWidget(splitter, 1)
        body_layout.addWidget(self.message)
        scroll = QScrollArea(self)  # the dock may be made smaller than the panel
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def _combo(self, items) -> QComboBox:
        combo = QComboBox(self)
        _shrinkable(combo)
        for text, data in items:
            combo.addItem(text, data)
        combo.currentIndexChanged.connect(self.refresh)
        return combo

    def _fill(self, combo: QComboBox, everything: str, items) -> None:
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        combo.blockSignals(False)

    # --- store → view --------------------------------------------------------------------
    def _database_changed(self) -> None:
        db = self.state.database
        self.service = CaseService(db) if db is not None else None
        named = departments(db) if db is not None else []
        self._departments = {dept_id: name for name, dept_id in named}
        self._fill(self.department, self.tr("All departments"), named)
        grids = grid_codes(db) if db is not None else []
        self._fill(self.grid, self.tr("All grids"), [(code, code) for code in grids])
        self.current = None
        self.refresh()

    def case_filter(self) -> CaseFilter:
        day = lambda edit, extra: datetime.combine(edit.date().toPython(), time(), LOCAL_TZ) + extra  # noqa: E731
        return CaseFilter(
            stage=self.stage.currentData(),
            department_id=self.department.currentData(),
            grid_code=self.grid.currentData(),
            source=self.source.currentData(),
            number=self.number.text(),
            light=self.light.currentData(),
            reported_from=day(self.date_from, timedelta()) if self.by_date.isChecked() else None,
            reported_to=day(self.date_to, timedelta(days=1)) if self.by_date.isChecked() else None,
        )

    def refresh(self) -> None:
        """Re-read the list, the counts and the selected case from the database."""
        if self.service is None:
            self.model.set_rows([], {})
            self.counts.setText(self.tr("No database open"))
            self._show_case(None)
            return
        case_filter, now = self.case_filter(), datetime.now(UTC)
        try:
            listing = read_case_list(self.service.db, case_filter, self.service.calendar, now)
        except StorageError as exc:
            self._report(self.tr("Cannot read cases: %1").replace("%1", str(exc)), error=True)
            return
        self.model.set_rows(listing.rows, self._departments)
        counts = listing.counts
        total = sum(counts.values())
        self.counts.setText(
            self.tr("%1 cases").replace("%1", str(total))
            + "："
            + "　".join(f"{stage} {counts[stage]}" for stage in STAGES if counts.get(stage))
        )
        case_id = self.current.id if self.current is not None else None
        self._show_case(case_id)

    def _show_case(self, case_id: int | None) -> None:
        case, audit = None, []
        if case_id is not None and self.service is not None:
            case, audit = read_case(self.service.db, case_id)
        self.current = case
        light = (
            traffic_light(case, self.service.calendar, datetime.now(UTC))
            if case is not None and case.stage in PHASES
            else None
        )
        self.detail.show_case(
            self.service and self.service.db,
            case,
            audit,
            light,
            self._departments.get(case.department_id) if case else None,
        )
        row = self.model.row_of(case_id) if case_id is not None else -1
        if row >= 0 and self.table.currentIndex().row() != row:
            self.table.selectionModel().blockSignals(True)
            self.table.selectRow(row)
            self.table.selectionModel().blockSignals(False)
        self._show_actions()

    def _show_actions(self) -> None:
        while self.actions_layout.count():
            self.actions_layout.takeAt(0).widget().deleteLater()
        actor = self.seat.actor()
        if self.current is None or actor is None:
            return
        for i, action in enumerate(available_actions(self.current, actor)):
            button = QPushButton(action, self.actions_bar)
            button.setObjectName(f"action_{action}")
            button.clicked.connect(lambda _=False, a=action: self.open_action(a))
            self.actions_layout.addWidget(button, i // _ACTIONS_PER_ROW, i % _ACTIONS_PER_ROW)

    def action_buttons(self) -> list[str]:
        return [self.actions_layout.itemAt(i).widget().text() for i in range(self.actions_layout.count())]

    def _store_changed(self, change: Change) -> None:
        """A case was written (here, by another panel or seat): the list follows."""
        if change.kind == "case" and self.service is not None:
            self.refresh()

    # --- view → store --------------------------------------------------------------------
    def _row_changed(self, index, _previous) -> None:
        case_id = self.model.data(index, Qt.ItemDataRole.UserRole) if index.isValid() else None
        if case_id is None:
            return
        self._show_case(case_id)
        self.state.set_selection((("case", case_id),))
        if self.current is not None and self.current.x is not None:
            x, y = self.current.x, self.current.y
            self.state.fly_to((x - FLY_MARGIN_DEG, y - FLY_MARGIN_DEG, x + FLY_MARGIN_DEG, y + FLY_MARGIN_DEG))

    def _selection_changed(self, items: tuple) -> None:
        cases = [key for table, key in items if table == "case"]
        if cases and (self.current is None or self.current.id != cases[0]):
            self.refresh()
            self._show_case(cases[0])

    def _map_clicked(self, lon: float, lat: float, _tolerance: float) -> None:
        if self.pick_button.isChecked():
            self.pick_button.setChecked(False)
            self.open_register(lon, lat)

    def open_register(self, lon: float | None = None, lat: float | None = None) -> RegisterDialog | None:
        if self.state.database is None:
            self._report(self.tr("Open a city database first."), error=True)
            return None
        dialog = RegisterDialog(self.state, lon, lat, parent=self)
        dialog.sig_case_created.connect(
            lambda created: self._report(self.tr("Case %1 registered.").replace("%1", created.case_no))
        )
        return self._open(dialog)

    def open_action(self, action: str) -> ActionDialog | None:
        if self.current is None or self.service is None:
            return None
        dialog = dialog_for(self.current, action, self.service, self)
        dialog.sig_submitted.connect(lambda: self.submit(dialog))
        return self._open(dialog)

    def _open(self, dialog):
        """Show ``dialog`` window-modal; the panel keeps only its latest dialog alive."""
        if self.active_dialog is not None:
            self.active_dialog.deleteLater()
        self.active_dialog = dialog
        dialog.open()
        return dialog

    def submit(self, dialog: ActionDialog) -> None:
        """Do the dialog's action; refusals stay in the dialog, a concurrent change closes it and refreshes."""
        actor = self.seat.actor()
        try:
            done = self.service.act(
                dialog.case_id,
                dialog.action,
                actor,
                self.seat.seat(),
                expected_version=dialog.case_version,
                comment=dialog.comment_text(),
                attachments=dialog.attachments(),
                **dialog.params(),
            )
        except ConcurrentUpdateError as exc:
            log.warning("%s", exc)
            dialog.reject()
            self._report(str(exc), error=True)
            self.refresh()
            return
        except WorkflowError as exc:
            log.warning("%s 被拒绝：%s", dialog.action, exc)
            dialog.show_error(str(exc))
            return
        except StorageError as exc:
            log.exception("%s 失败", dialog.action)
            dialog.show_error(self.tr("Database error: %1").replace("%1", str(exc)))
            return
        log.info("案件 %s：%s（%s）", done.case_no, dialog.action, actor.name)
        dialog.accept()
        self._report(
            self.tr("Case %1: %2 done, now %3.")
            .replace("%1", done.case_no)
            .replace("%2", dialog.action)
            .replace("%3", done.stage)
        )

    def _report(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet(f"color: {'#f43f5e' if error else '#67e8f9'};")
        self.message.setText(text)


def _shrinkable(combo: QComboBox) -> None:
    """Let a combo box be narrower than its longest item (the dock is narrow)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(6)
