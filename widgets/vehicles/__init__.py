"""Vehicle views: 轨迹回放 (track replay). :class:`TrackReplayFeature` adds its dock through the window host."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from widgets.vehicles.replay_panel import TrackReplayPanel
from widgets.window_host import Feature, WindowHost


class TrackReplayFeature(Feature):
    """The 轨迹回放 dock (hidden by default, a tab beside 案件), toggled from the 视图 menu and remembered in
    the saved layout; the track is on the map only while the dock is open."""

    KEY = "track_replay"
    REQUIRES = ("cases",)

    def install(self, host: WindowHost) -> None:
        self.panel = panel = TrackReplayPanel(host.state, host.canvas)
        dock = host.create_dock(
            self.KEY,
            QCoreApplication.translate("TrackReplay", "Track replay"),
            panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
            tabified_with="cases",
        )  # 案件's full height
        dock.hide()
        dock.toggleViewAction().toggled.connect(panel.set_shown)
        dock.toggleViewAction().toggled.connect(lambda shown: shown and QTimer.singleShot(0, dock.raise_))
        panel.set_shown(False)
