"""The 应急预案 dock: plan library, incident command and drills as tabs of one panel."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from desktop.seat.app_state import AppState
from widgets.emergency.drill_panel import DrillPanel
from widgets.emergency.incident_panel import IncidentPanel
from widgets.emergency.plan_library import PlanLibrary


class EmergencyPanel(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = PlanLibrary(state)
        self.incident = IncidentPanel(state)
        self.drill = DrillPanel(state)
        self.tabs = QTabWidget()
        for page, title in (
            (self.library, self.tr("Plans")),
            (self.incident, self.tr("Command")),
            (self.drill, self.tr("Drills")),
        ):
            scroll = QScrollArea(widgetResizable=True)  # a narrow or short dock scrolls instead of growing the window
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.library.sig_activated.connect(self.show_activation)
        self.drill.sig_activated.connect(self.show_activation)
        self.drill.sig_drill_changed.connect(self._drill_changed)

    def show_activation(self, activation_id: int) -> None:
        self.incident.reload(activation_id)
        self.show_page(self.incident)

    def show_page(self, page: QWidget) -> None:
        self.tabs.setCurrentIndex([self.library, self.incident, self.drill].index(page))

    def _drill_changed(self, runner) -> None:
        self.incident.drill_service = runner.service if runner is not None else None
        self.incident.reload()
