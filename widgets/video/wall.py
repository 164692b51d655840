"""The tiles in a layout (1/4/9/16, 1+5, 1+7), paged over the wall's camera slots; a tile
can be maximised and restored; one tile has the focus (where a clicked camera plays)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from desktop.video.cameras import CameraInfo
from desktop.video.layouts import LAYOUTS, MAX_TILES, SLOTS, page_count
from widgets.video.tile import VideoTile


class VideoWall(QWidget):
    sig_layout_changed = Signal()  # layout, page or maximised tile changed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("videoWall")
        self.cameras: dict[str, CameraInfo] = {}  # by code, for drops
        self.slots: list[CameraInfo | None] = [None] * SLOTS
        self.layout_name = "4"
        self.page = 0
        self.maximised: VideoTile | None = None
        self.tiles = [VideoTile(i, self) for i in range(MAX_TILES)]
        for tile in self.tiles:
            tile.sig_clicked.connect(self.focus_tile)
            tile.sig_double_clicked.connect(self.toggle_maximised)
            tile.sig_camera_dropped.connect(self._dropped)
        self.focused = self.tiles[0]
        self.focus_tile(self.focused)
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setSpacing(2)
        self._arrange()

    # --- layout and pages ---------------------------------------------------------------
    @property
    def per_page(self) -> int:
        return len(LAYOUTS[self.layout_name])

    @property
    def page_count(self) -> int:
        return page_count(self.layout_name)

    def set_layout(self, name: str) -> None:
        first_slot = self.page * self.per_page
        self.layout_name = name
        self.page = first_slot // self.per_page
        self.maximised = None
        self._arrange()

    def set_page(self, page: int) -> None:
        self.page = max(0, min(page, self.page_count - 1))
        self.maximised = None
        self._arrange()

    def toggle_maximised(self, tile: VideoTile) -> None:
        self.maximised = None if self.maximised is tile else tile
        self._arrange()

    def visible_tiles(self) -> list[VideoTile]:
        return [tile for tile in self.tiles if tile.isVisible()]

    def _arrange(self) -> None:
        while self._grid.count():
            self._grid.takeAt(0)
        shown = self.tiles[: self.per_page]
        for tile in self.tiles:
            if tile not in shown or (self.maximised is not None and tile is not self.maximised):
                tile.hide()
        for tile in shown:
            tile.set_camera(self.slots[self.page * self.per_page + tile.index])
        if self.maximised is not None:
            self._grid.addWidget(self.maximised, 0, 0)
            self._stretch(1)
        else:
            for tile, (row, col, rows, cols) in zip(shown, LAYOUTS[self.layout_name]):
                self._grid.addWidget(tile, row, col, rows, cols)
            self._stretch(max(r + rs for r, _, rs, _ in LAYOUTS[self.layout_name]))
        for tile in shown if self.maximised is None else [self.maximised]:
            tile.show()
        if self.focused not in shown:
            self.focus_tile(self.tiles[0])
        self.sig_layout_changed.emit()

    def _stretch(self, n: int) -> None:
        for i in range(MAX_TILES):
            self._grid.setRowStretch(i, 1 if i < n else 0)
            self._grid.setColumnStretch(i, 1 if i < n else 0)

    # --- cameras on tiles ---------------------------------------------------------------
    def focus_tile(self, tile: VideoTile) -> None:
        self.focused.set_focused(False)
        self.focused = tile
        tile.set_focused(True)

    def assign(self, tile: VideoTile, camera: CameraInfo | None) -> None:
        """Put ``camera`` in ``tile``'s slot on the current page."""
        self.slots[self.page * self.per_page + tile.index] = camera
        tile.set_camera(camera)

    def play_in_focused(self, camera: CameraInfo) -> None:
        self.assign(self.focused, camera)
        shown = self.tiles[: self.per_page]
        self.focus_tile(shown[(shown.index(self.focused) + 1) % len(shown)])

    def show_alarm_cameras(self, cameras: list[CameraInfo]) -> None:
        """Alarm linkage: the cameras on the current page from its first tile, highlighted."""
        if self.maximised is not None:
            self.toggle_maximised(self.maximised)
        for tile, camera in zip(self.tiles[: self.per_page], cameras):
            self.assign(tile, camera)
            tile.set_alarm(True)

    def clear_alarm(self) -> None:
        for tile in self.tiles:
            tile.set_alarm(False)

    def set_cameras(self, cameras: list[CameraInfo]) -> None:
        """A new city: its cameras; the slots keep cameras that still exist (with fresh details)."""
        self.cameras = {camera.code: camera for camera in cameras}
        self.slots = [self.cameras.get(c.code) if c is not None else None for c in self.slots]
        self._arrange()

    def _dropped(self, tile: VideoTile, code: str) -> None:
        camera = self.cameras.get(code)
        if camera is not None:
            self.assign(tile, camera)
            self.focus_tile(tile)
