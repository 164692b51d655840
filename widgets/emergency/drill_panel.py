"""Drills in the application: pick a scenario, run it with time acceleration and pause, see the report."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QTimer, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop.cases.workflow import WorkflowError
from desktop.emergency.drill import DrillClock, DrillRunner
from desktop.emergency.plans import LEVEL_NAMES
from desktop.emergency.report import clock, report_html
from desktop.emergency.scenarios import ScenarioError, list_scenarios, save_scenario
from desktop.seat.app_state import AppState
from widgets.emergency.incident_panel import DRILL_STYLE
from widgets.emergency.scenario_editor import ScenarioEditor

TICK_MS = 200


class DrillPanel(QWidget):
    """Runs one drill at a time; :attr:`sig_drill_changed` carries the runner (None when none runs)."""

    sig_drill_changed = Signal(object)
    sig_activated = Signal(int)

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.state = state
        self.runner: DrillRunner | None = None
        self.clock: DrillClock | None = None
        self.report: dict | None = None
        self.scenarios = QComboBox()
        self.speed = QDoubleSpinBox(minimum=0.5, maximum=3600, value=60, decimals=1, prefix="×")
        self.auto = QCheckBox(self.tr("Scripted participant responds"))
        self.badge = QLabel(self.tr("DRILL IN PROGRESS — records are marked as drill"))
        self.badge.setStyleSheet(DRILL_STYLE)
        self.badge.setWordWrap(True)
        self.status = QLabel(self.tr("No drill running"))
        form = QFormLayout()
        form.addRow(self.tr("Scenario"), self.scenarios)
        form.addRow(self.tr("Speed"), self.speed)
        form.addRow(self.auto)
        self.buttons = {}
        grid = QGridLayout()
        for index, (key, text, slot) in enumerate(
            (
                ("start", self.tr("Start"), self.start),
                ("pause", self.tr("Pause"), self.toggle_pause),
                ("end", self.tr("End drill"), self.end),
                ("new", self.tr("New scenario…"), self.new_scenario),
                ("edit", self.tr("Edit scenario…"), self.edit_scenario),
                ("html", self.tr("Export HTML…"), self.export_html),
                ("pdf", self.tr("Export PDF…"), self.export_pdf),
            )
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            grid.addWidget(button, index // 3, index % 3)
            self.buttons[key] = button
        self.proposals = QListWidget()
        self.proposals.setMaximumHeight(90)
        self.proposals.doubleClicked.connect(self.activate_proposal)
        self.report_view = QTextBrowser()
        self.report_view.setStyleSheet(
            "QTextBrowser { background: #ffffff; color: #222222; }"
        )  # reads as the printed report
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(grid)
        layout.addWidget(self.badge)
        layout.addWidget(self.status)
        layout.addWidget(QLabel(self.tr("Proposals (double-click to activate):")))
        layout.addWidget(self.proposals)
        layout.addWidget(self.report_view, 1)
        self.timer = QTimer(self, interval=TICK_MS, timeout=self.step)
        self.speed.valueChanged.connect(self._speed_changed)
        self.reload_scenarios()
        self._update()

    def reload_scenarios(self, select_code: str | None = None) -> None:
        self.scenarios.clear()
        for data in list_scenarios():
            self.scenarios.addItem(data["name"], data)
        if select_code:
            self.scenarios.setCurrentIndex(
                max(
                    0,
                    next(
                        (i for i in range(self.scenarios.count()) if self.scenarios.itemData(i)["code"] == select_code),
                        0,
                    ),
                )
            )

    # -- running -----------------------------------------------------------------------------
    def start(self) -> None:
        scenario = self.scenarios.currentData()
        if scenario is None or self.state.database is None or self.runner is not None:
            return
        try:
            self.runner = DrillRunner(
                self.state.database, scenario, speed=self.speed.value(), auto_participant=self.auto.isChecked()
            )
        except ScenarioError as exc:
            QMessageBox.warning(self, self.tr("Drill"), str(exc))
            return
        self.clock = DrillClock(self.speed.value())
        self.report = None
        self.report_view.clear()
        self.timer.start()
        self.sig_drill_changed.emit(self.runner)
        self._update()

    def step(self) -> None:
        """Advance the drill to the clock's scenario time."""
        if self.runner is None:
            return
        before = self.runner.activation_id
        self.runner.advance_to(self.clock.elapsed())
        if self.runner.activation_id != before:
            self.sig_activated.emit(self.runner.activation_id)
        if self.runner.ended:
            self._finish(self.runner.report())
        else:
            self._update()

    def toggle_pause(self) -> None:
        if self.clock is not None:
            self.clock.resume() if self.clock.paused else self.clock.pause()
            self._update()

    def end(self) -> None:
        if self.runner is not None:
            self._finish(self.runner.end(self.tr("Director")))

    def _finish(self, report: dict) -> None:
        self.timer.stop()
        self.report = report
        self.report_view.setHtml(report_html(report))
        self.runner = self.clock = None
        self.proposals.clear()
        self.sig_drill_changed.emit(None)
        self._update()

    def activate_proposal(self) -> None:
        row = self.proposals.currentRow()
        if self.runner is not None and 0 <= row < len(self.runner.proposals):
            proposal = self.runner.proposals[row]
            try:
                self.sig_activated.emit(self.runner.activate(proposal.level, self.tr("Duty officer"), proposal))
            except WorkflowError as exc:
                QMessageBox.warning(self, self.tr("Drill"), str(exc))

    def _speed_changed(self, value: float) -> None:
        if self.clock is not None:
            self.clock.speed = value

    def _update(self) -> None:
        running = self.runner is not None
        self.badge.setVisible(running)
        self.buttons["start"].setEnabled(not running)
        self.buttons["pause"].setEnabled(running)
        self.buttons["end"].setEnabled(running)
        self.buttons["html"].setEnabled(self.report is not None)
        self.buttons["pdf"].setEnabled(self.report is not None)
        self.buttons["pause"].setText(self.tr("Resume") if running and self.clock.paused else self.tr("Pause"))
        if running:
            self.status.setText(
                self.tr("Scenario time %1 of %2")
                .replace("%1", clock(self.runner.elapsed_s))
                .replace("%2", clock(self.runner.duration_s))
            )
            texts = [f"{p.plan_name} · {LEVEL_NAMES[p.level]} · {p.reason}" for p in self.runner.proposals]
            if self.proposals.count() != len(texts):
                self.proposals.clear()
                self.proposals.addItems(texts)
        elif self.report is not None:
            self.status.setText(self.tr("Drill ended; the after-action report is below."))

    # -- scenarios and reports ---------------------------------------------------------------
    def new_scenario(self) -> None:
        self._edit(None)

    def edit_scenario(self) -> None:
        self._edit(self.scenarios.currentData())

    def _edit(self, scenario: dict | None) -> None:
        editor = ScenarioEditor(scenario, self)
        if editor.exec():
            data = editor.scenario_data()
            save_scenario(data)
            self.reload_scenarios(data["code"])

    def export_html(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), "drill-report.html", self.tr("HTML (*.html)")
        )
        if path:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(report_html(self.report))

    def export_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export report"), "drill-report.pdf", self.tr("PDF (*.pdf)")
        )
        if path:
            write_pdf(report_html(self.report), path)


def write_pdf(html: str, path: str) -> None:
    """An HTML report as an A4 PDF."""
    writer = QPdfWriter(path)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    document = QTextDocument()
    document.setHtml(html)
    document.print_(writer)
