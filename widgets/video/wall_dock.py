"""The 视频墙 dock of the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt

from widgets.video.panel import VideoPanel
from widgets.window_host import Feature, WindowHost


class VideoWallDock(Feature):
    """The video wall below the map."""

    KEY = "video_wall"

    def install(self, host: WindowHost) -> None:
        host.create_dock(
            self.KEY,
            QCoreApplication.translate("VideoWall", "Video wall"),
            VideoPanel(host.state),
            Qt.DockWidgetArea.BottomDockWidgetArea,
            size=220,
        )
