"""The camera tree: cameras grouped by area or by department; drags carry the camera code."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from desktop.video.cameras import CameraInfo
from widgets.video.tile import CAMERA_MIME

CODE_ROLE = Qt.ItemDataRole.UserRole + 1


class CameraTreeModel(QStandardItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.cameras: list[CameraInfo] = []
        self.group_by = "area"

    def set_cameras(self, cameras: list[CameraInfo]) -> None:
        self.cameras = cameras
        self._rebuild()

    def set_group_by(self, key: str) -> None:
        """``"area"`` or ``"department"``."""
        self.group_by = key
        self._rebuild()

    def _rebuild(self) -> None:
        self.clear()
        groups: dict[str, QStandardItem] = {}
        for camera in self.cameras:
            name = getattr(camera, self.group_by) or self.tr("Unassigned")
            group = groups.get(name)
            if group is None:
                group = groups[name] = QStandardItem(name)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.appendRow(group)
            item = QStandardItem(camera.name)
            item.setData(camera.code, CODE_ROLE)
            item.setToolTip(camera.code + "\n" + (camera.stream_url or self.tr("No video source")))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled)
            group.appendRow(item)
        for name, group in groups.items():
            group.setText(f"{name} ({group.rowCount()})")

    def mimeTypes(self) -> list[str]:
        return [CAMERA_MIME]

    def mimeData(self, indexes) -> QMimeData:
        data = QMimeData()
        codes = [index.data(CODE_ROLE) for index in indexes if index.data(CODE_ROLE)]
        if codes:
            data.setData(CAMERA_MIME, codes[0].encode())
        return data
