"""Vehicle views: 轨迹回放 (track replay). :func:`install_track_replay` adds its dock to a ``MainWindow``."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow

from widgets.vehicles.replay_panel import TrackReplayPanel

DOCK_KEY = "track_replay"


def install_track_replay(window: QMainWindow) -> TrackReplayPanel:
    """The 轨迹回放 dock (hidden by default, a tab beside 案件) in ``window.docks``, so the 视图 menu
    toggles it and the saved layout remembers it; the track is on the map only while the dock is open."""
    panel = TrackReplayPanel(window.state, window.canvas)
    dock = QDockWidget(QCoreApplication.translate("TrackReplay", "Track replay"), window)
    dock.setObjectName(f"dock_{DOCK_KEY}")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.tabifyDockWidget(window.docks["cases"], dock)  # opened, it takes the 案件 tab's full height
    dock.hide()
    dock.toggleViewAction().toggled.connect(panel.set_shown)
    dock.toggleViewAction().toggled.connect(lambda shown: shown and QTimer.singleShot(0, dock.raise_))
    panel.set_shown(False)
    window.docks[DOCK_KEY] = dock
    return panel
