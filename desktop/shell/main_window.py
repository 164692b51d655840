"""The main window: the map in the centre, docks around it, menus, status bar, remembered layout."""
from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QWidget

from desktop.seat.app_state import AppState
from desktop.storage.database import DatabaseError
from widgets.alarms.alarm_desk import AlarmPanel, install_alarm_desk
from widgets.city_status_bar import CityStatusBar
from widgets.dispatch.case_panel import CasePanel
from widgets.dispatch.menu_actions import install_dispatch_actions
from widgets.emergency.emergency_panel import EmergencyPanel
from widgets.emergency.menu_actions import install_emergency_actions
from widgets.map_canvas import MapCanvas
from widgets.maptools import install_map_tools
from widgets.vehicles import install_track_replay
from widgets.video.panel import VideoPanel

log = logging.getLogger(__name__)

_GEOMETRY_KEY = "main_window/geometry"
_STATE_KEY = "main_window/state"
_LAYOUT_VERSION = 1


class MainWindow(QMainWindow):
    def __init__(self, state: AppState, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(self.tr("City Operations · One-Map Command Centre"))
        self.resize(1600, 1000)
        self.state = state
        self._settings = settings or QSettings()
        self.canvas = MapCanvas(state, self)
        self.setCentralWidget(self.canvas)
        self.setStatusBar(CityStatusBar(state, self))
        self.docks = self._build_docks()
        self.track_replay = install_track_replay(self)
        self._build_menus()
        self.map_tools = install_map_tools(self)
        self._default_layout = self.saveState(_LAYOUT_VERSION)
        self._restore_layout()

    def _build_docks(self) -> dict[str, QDockWidget]:
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        specs = [
            ("layers", self.tr("Layers"), QWidget(), Qt.DockWidgetArea.LeftDockWidgetArea),  # body: the map tools' layer tree
            ("alarms", self.tr("Alarms"), AlarmPanel(self.state), Qt.DockWidgetArea.RightDockWidgetArea),
            ("cases", self.tr("Cases"), CasePanel(self.state), Qt.DockWidgetArea.RightDockWidgetArea),
            ("video_wall", self.tr("Video wall"), VideoPanel(self.state), Qt.DockWidgetArea.BottomDockWidgetArea),
            ("emergency_plans", self.tr("Emergency plans"), EmergencyPanel(self.state), Qt.DockWidgetArea.LeftDockWidgetArea),
        ]
        docks = {}
        for key, title, body, area in specs:
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock_{key}")
            dock.setWidget(body)
            self.addDockWidget(area, dock)
            docks[key] = dock
        self.resizeDocks([docks["layers"], docks["alarms"]], [300, 360], Qt.Orientation.Horizontal)
        self.resizeDocks([docks["video_wall"]], [220], Qt.Orientation.Vertical)
        return docks

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self._action(self.tr("&Open database…"), self.open_database_dialog, QKeySequence.StandardKey.Open))
        file_menu.addSeparator()
        file_menu.addAction(self._action(self.tr("E&xit"), self.close, QKeySequence.StandardKey.Quit))

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("Fit map to &city"), self.canvas.fit_to_city, "Home"))
        self.fullscreen_action = self._action(self.tr("&Full screen"), self._set_full_screen, QKeySequence.StandardKey.FullScreen)
        self.fullscreen_action.setCheckable(True)
        view_menu.addAction(self.fullscreen_action)
        view_menu.addAction(self._action(self.tr("&Restore default layout"), self.restore_default_layout))

        install_dispatch_actions(self)
        install_emergency_actions(self)
        install_alarm_desk(self)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self._action(self.tr("&About"), self._about))

    def _action(self, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        return action

    # --- actions ------------------------------------------------------------------------
    def open_database_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open city database"), "", self.tr("City databases (*.db *.sqlite);;All files (*)")
        )
        if path:
            self.open_database(path)

    def open_database(self, path: str) -> bool:
        """Make ``path`` the current database; a failure is shown in Chinese, the old one stays open."""
        try:
            self.state.open_database(path)
        except DatabaseError as exc:
            log.error("%s", exc)
            QMessageBox.critical(self, self.tr("Cannot open database"), str(exc))
            return False
        return True

    def _set_full_screen(self, on: bool) -> None:
        if on:
            self.showFullScreen()
        else:
            self.showNormal()

    def restore_default_layout(self) -> None:
        for dock in self.docks.values():
            dock.setFloating(False)
        self.restoreState(self._default_layout, _LAYOUT_VERSION)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About"),
            self.tr("City Operations · One-Map Command Centre\n\nThe city's unit grids, management components, vehicles, cameras, alarms and cases on one map."),
        )

    # --- layout persistence -------------------------------------------------------------
    def _restore_layout(self) -> None:
        geometry = self._settings.value(_GEOMETRY_KEY)
        state = self._settings.value(_STATE_KEY)
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state, _LAYOUT_VERSION)

    def save_layout(self) -> None:
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(_STATE_KEY, self.saveState(_LAYOUT_VERSION))
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)
