"""The emergency entries of the main window's menus (added by one call from the shell)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow


def install_emergency_actions(window: QMainWindow) -> None:
    """新建应急预案 and 应急演练 at the end of the menu holding the 应急预案 dock's toggle."""
    dock = window.docks["emergency_plans"]
    panel = dock.widget()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and dock.toggleViewAction() in a.menu().actions())
    new_plan = QAction(QCoreApplication.translate("EmergencyMenu", "New emergency &plan…"), window)
    new_plan.triggered.connect(panel.library.new_plan)
    drills = QAction(QCoreApplication.translate("EmergencyMenu", "Emergency d&rills"), window)
    drills.triggered.connect(lambda: (dock.show(), dock.raise_(), panel.show_page(panel.drill)))
    view_menu.addSeparator()
    view_menu.addActions([new_plan, drills])
