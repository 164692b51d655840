"""The 应急预案 desk of the main window: its dock and its entries in the 视图 menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction

from widgets.emergency.emergency_panel import EmergencyPanel
from widgets.window_host import VIEW, Feature, WindowHost


class EmergencyDesk(Feature):
    """The 应急预案 dock; 新建应急预案 and 应急演练 in the 视图 menu."""

    KEY = "emergency_plans"

    def install(self, host: WindowHost) -> None:
        panel = EmergencyPanel(host.state)
        dock = host.create_dock(
            self.KEY,
            QCoreApplication.translate("EmergencyMenu", "Emergency plans"),
            panel,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        new_plan = QAction(QCoreApplication.translate("EmergencyMenu", "New emergency &plan…"), host.window)
        new_plan.triggered.connect(panel.library.new_plan)
        drills = QAction(QCoreApplication.translate("EmergencyMenu", "Emergency d&rills"), host.window)
        drills.triggered.connect(lambda: (dock.show(), dock.raise_(), panel.show_page(panel.drill)))
        for action in (new_plan, drills):
            host.add_action(action, VIEW, "emergency")
