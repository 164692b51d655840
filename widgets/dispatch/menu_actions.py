"""The 案件 desk of the main window: its dock and its entries in the 视图 menu."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence

from widgets.dispatch.case_panel import CasePanel
from widgets.dispatch.kpi_panel import KpiPanel
from widgets.dispatch.register_dialog import RegisterDialog
from widgets.window_host import VIEW, Feature, WindowHost


class CaseDesk(Feature):
    """The 案件 dock; 案件登记 and 考核评价 in the 视图 menu."""

    KEY = "cases"

    def install(self, host: WindowHost) -> None:
        host.create_dock(
            self.KEY,
            QCoreApplication.translate("DispatchMenu", "Cases"),
            CasePanel(host.state),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        register = QAction(QCoreApplication.translate("DispatchMenu", "Register a &case…"), host.window)
        register.setShortcut(QKeySequence("Ctrl+N"))
        register.triggered.connect(lambda: _open_register(host))
        evaluation = QAction(QCoreApplication.translate("DispatchMenu", "&Evaluation (KPI)…"), host.window)
        evaluation.triggered.connect(lambda: KpiPanel.open_for(host.state, host.window))
        for action in (register, evaluation):
            host.add_action(action, VIEW, "cases")


def _open_register(host: WindowHost) -> None:
    dialog = RegisterDialog(host.state, parent=host.window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
