"""The dispatch entries of the main window's menus (added by one call from the shell)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from widgets.dispatch.kpi_panel import KpiPanel
from widgets.dispatch.register_dialog import RegisterDialog


def install_dispatch_actions(window: QMainWindow) -> None:
    """案件登记 and 考核评价 at the end of the 视图 menu (the one holding the 案件 dock's toggle)."""
    toggle = window.docks["cases"].toggleViewAction()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and toggle in a.menu().actions())
    register = QAction(QCoreApplication.translate("DispatchMenu", "Register a &case…"), window)
    register.setShortcut(QKeySequence("Ctrl+N"))
    register.triggered.connect(lambda: _open_register(window))
    evaluation = QAction(QCoreApplication.translate("DispatchMenu", "&Evaluation (KPI)…"), window)
    evaluation.triggered.connect(lambda: KpiPanel.open_for(window.state, window))
    view_menu.addSeparator()
    view_menu.addActions([register, evaluation])


def _open_register(window: QMainWindow) -> None:
    dialog = RegisterDialog(window.state, parent=window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
