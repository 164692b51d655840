"""The main window: the map in the centre, the features' docks around it, menus, status bar, remembered layout.

Every dock, menu entry and status-bar item comes from a feature in :data:`FEATURES`, installed by the
window host (:mod:`desktop.shell.window_host`) in dependency order.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QMessageBox, QWidget

from desktop.seat.app_state import AppState
from desktop.shell.window_host import MainWindowHost
from desktop.storage.database import DatabaseError
from widgets.alarms.alarm_desk import AlarmDesk
from widgets.city_status_bar import CityStatusBar
from widgets.dispatch.menu_actions import CaseDesk
from widgets.emergency.menu_actions import EmergencyDesk
from widgets.map_canvas import MapCanvas
from widgets.maptools import MapToolsFeature
from widgets.vehicles import TrackReplayFeature
from widgets.video.wall_dock import VideoWallDock
from widgets.window_host import FILE, HELP, VIEW

log = logging.getLogger(__name__)

_GEOMETRY_KEY = "main_window/geometry"
_STATE_KEY = "main_window/state"
_LAYOUT_VERSION = 1

# in a dock area, docks are stacked in this order
FEATURES = (MapToolsFeature, AlarmDesk, CaseDesk, VideoWallDock, EmergencyDesk, TrackReplayFeature)


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
        self.setDockNestingEnabled(True)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.host = MainWindowHost(self)
        self._add_actions()
        features = self.host.install(feature() for feature in FEATURES)
        self.map_tools = features[MapToolsFeature.KEY].tools
        self.track_replay = features[TrackReplayFeature.KEY].panel
        self.setFocus()  # keys reach the window's shortcuts (Home), not the first field of a dock or toolbar
        self._default_layout = self.saveState(_LAYOUT_VERSION)
        self._restore_layout()

    @property
    def docks(self) -> dict[str, QDockWidget]:
        """Every dock by key (``dock_<key>`` is its objectName)."""
        return self.host.docks

    def _add_actions(self) -> None:
        self.host.add_action(
            self._action(self.tr("&Open database…"), self.open_database_dialog, QKeySequence.StandardKey.Open),
            FILE,
            "database",
        )
        self.host.add_action(self._action(self.tr("E&xit"), self.close, QKeySequence.StandardKey.Quit), FILE, "quit")
        fit = self._action(self.tr("Fit map to &city"), self.canvas.fit_to_city, "Home")
        self.fullscreen_action = self._action(
            self.tr("&Full screen"), self._set_full_screen, QKeySequence.StandardKey.FullScreen
        )
        self.fullscreen_action.setCheckable(True)
        restore = self._action(self.tr("&Restore default layout"), self.restore_default_layout)
        for action in (fit, self.fullscreen_action, restore):
            self.host.add_action(action, VIEW, "window")
        self.host.add_action(self._action(self.tr("&About"), self._about), HELP, "about")

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
            self.tr(
                "City Operations · One-Map Command Centre\n\nThe city's unit grids, management components, vehicles, cameras, alarms and cases on one map."  # noqa: E501 - one source string for the translators
            ),
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
