"""The 视频墙 dock: camera tree, wall toolbar (layout, pages, 自动联动, detach) and the wall.

Alarm → video: when the selection is an alarm or a case with a location, the cameras whose
view cone covers it are proposed, and with 自动联动 put on the wall, highlighted.
"""

from __future__ import annotations

import logging
import threading

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.seat.app_state import AppState
from desktop.video.cameras import CameraInfo, incident_location, load_cameras, selected_camera_code
from desktop.video.coverage import covering_cameras
from desktop.video.demo_clips import DemoClipError, ensure_demo_clips, needs_demo_clips
from desktop.video.layouts import LAYOUTS
from widgets.video.camera_tree import CODE_ROLE, CameraTreeModel
from widgets.video.wall import VideoWall

log = logging.getLogger(__name__)


class DetachedWall(QWidget):
    """The top-level window the wall moves into when detached; closing it docks the wall again."""

    sig_closed = Signal()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sig_closed.emit()
        super().closeEvent(event)


class VideoPanel(QWidget):
    sig_demo_clips_ready = Signal()  # from the clip-making thread

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("videoPanel")
        self.state = state
        self.cameras: list[CameraInfo] = []
        self.proposed: list[CameraInfo] = []
        self.wall = VideoWall()
        self.model = CameraTreeModel(self)
        self.tree = self._build_tree()
        self.toolbar = self._build_toolbar()
        self.detached: DetachedWall | None = None
        self._wall_box = QVBoxLayout()
        self._wall_box.setContentsMargins(0, 0, 0, 0)
        self._wall_box.addWidget(self.toolbar)
        self._wall_box.addWidget(self.wall, 1)
        right = QWidget(self)
        right.setLayout(self._wall_box)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._tree_box())
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(splitter)
        self.wall.sig_layout_changed.connect(self._update_page_label)
        self.sig_demo_clips_ready.connect(self._load_cameras, Qt.ConnectionType.QueuedConnection)
        state.sig_database_changed.connect(self._database_changed)
        state.sig_selection_changed.connect(self._selection_changed)
        self._database_changed()

    # --- building -----------------------------------------------------------------------
    def _build_tree(self) -> QTreeView:
        tree = QTreeView(self)
        tree.setObjectName("cameraTree")
        tree.setHeaderHidden(True)
        tree.setModel(self.model)
        tree.setDragEnabled(True)
        tree.clicked.connect(self._camera_clicked)
        return tree

    def _tree_box(self) -> QWidget:
        box = QWidget(self)
        self.group_combo = QComboBox(box)
        self.group_combo.addItem(self.tr("By area"), "area")
        self.group_combo.addItem(self.tr("By department"), "department")
        self.group_combo.currentIndexChanged.connect(self._group_changed)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.group_combo)
        layout.addWidget(self.tree, 1)
        return box

    def _build_toolbar(self) -> QToolBar:
        bar = QToolBar(self)
        bar.setObjectName("videoWallToolbar")
        self.layout_combo = QComboBox(bar)
        for name in LAYOUTS:
            self.layout_combo.addItem(self.tr("%1 views").replace("%1", name), name)
        self.layout_combo.setCurrentIndex(list(LAYOUTS).index(self.wall.layout_name))
        self.layout_combo.currentIndexChanged.connect(lambda: self.wall.set_layout(self.layout_combo.currentData()))
        self.previous_button = QPushButton(self.tr("Previous page"), bar)
        self.previous_button.clicked.connect(lambda: self.wall.set_page(self.wall.page - 1))
        self.page_label = QLabel(bar)
        self.next_button = QPushButton(self.tr("Next page"), bar)
        self.next_button.clicked.connect(lambda: self.wall.set_page(self.wall.page + 1))
        self.auto_link = QCheckBox(self.tr("Auto linkage"), bar)
        self.auto_link.setToolTip(self.tr("Put the cameras covering a selected alarm or case on the wall"))
        self.proposal_label = QLabel(bar)
        self.detach_button = QPushButton(self.tr("Detach wall"), bar)
        self.detach_button.clicked.connect(self.toggle_detached)
        for widget in (
            self.layout_combo,
            self.previous_button,
            self.page_label,
            self.next_button,
            self.auto_link,
            self.proposal_label,
            self.detach_button,
        ):
            bar.addWidget(widget)
        return bar

    # --- data ---------------------------------------------------------------------------
    def _group_changed(self) -> None:
        self.model.set_group_by(self.group_combo.currentData())
        self.tree.expandAll()

    def _database_changed(self) -> None:
        db = self.state.database
        if db is not None and needs_demo_clips(db):
            threading.Thread(target=self._make_demo_clips, args=(db,), name="demo-clips", daemon=True).start()
        self._load_cameras()

    def _make_demo_clips(self, db) -> None:
        try:
            ensure_demo_clips(db)
        except (DemoClipError, OSError) as exc:
            log.error("演示视频：%s", exc)
            return
        try:
            self.sig_demo_clips_ready.emit()
        except RuntimeError:  # the panel was closed meanwhile: nobody left to tell
            log.info("演示视频已就绪，但视频面板已关闭")

    def _load_cameras(self) -> None:
        db = self.state.database
        self.cameras = load_cameras(db) if db is not None else []
        self.model.set_cameras(self.cameras)
        self.tree.expandAll()
        self.wall.set_cameras(self.cameras)
        if not any(self.wall.slots):  # an empty wall starts with the first playable cameras
            playable = [camera for camera in self.cameras if camera.stream_url]
            for tile, camera in zip(self.wall.tiles[: self.wall.per_page], playable):
                self.wall.assign(tile, camera)

    def _camera_clicked(self, index: QModelIndex) -> None:
        camera = self.wall.cameras.get(index.data(CODE_ROLE))
        if camera is not None:
            self.wall.play_in_focused(camera)

    def _selection_changed(self, items: tuple) -> None:
        self._play_selected_camera(items)
        location = self._incident_location(items)
        self.wall.clear_alarm()
        self.proposed = covering_cameras(self.cameras, *location) if location else []
        if location is None:
            self.proposal_label.clear()
        elif not self.proposed:
            self.proposal_label.setText(self.tr("No camera covers the incident"))
        else:
            names = "、".join(camera.name for camera in self.proposed[:3])
            self.proposal_label.setText(self.tr("%n camera(s) cover the incident: ", "", len(self.proposed)) + names)
            if self.auto_link.isChecked():
                self.wall.show_alarm_cameras(self.proposed)

    def _play_selected_camera(self, items: tuple) -> None:
        """A camera picked on the map (or found by search) plays in the focused tile."""
        db = self.state.database
        code = selected_camera_code(db, items) if db is not None else None
        camera = self.wall.cameras.get(code) if code else None
        if camera is not None:
            self.wall.play_in_focused(camera)

    def _incident_location(self, items: tuple) -> tuple[float, float] | None:
        db = self.state.database
        if db is None:
            return None
        return next(filter(None, (incident_location(db, table, key) for table, key in items)), None)

    def _update_page_label(self) -> None:
        self.page_label.setText(
            self.tr("Page %1 of %2").replace("%1", str(self.wall.page + 1)).replace("%2", str(self.wall.page_count))
        )

    # --- detaching ----------------------------------------------------------------------
    def toggle_detached(self) -> None:
        """Move the wall (with its toolbar) into a window of its own, on another screen if there is one."""
        if self.detached is None:
            self.detached = DetachedWall()
            self.detached.setWindowTitle(self.tr("Video wall"))
            box = QVBoxLayout(self.detached)
            box.setContentsMargins(2, 2, 2, 2)
            box.addWidget(self.toolbar)
            box.addWidget(self.wall, 1)
            self.detached.sig_closed.connect(self.toggle_detached)
            screens = QGuiApplication.screens()
            screen = next((s for s in screens if s is not self.screen()), self.screen())
            self.detached.setGeometry(screen.availableGeometry().adjusted(40, 40, -40, -40))
            self.detach_button.setText(self.tr("Dock wall"))
            self.detached.show()
        else:
            window, self.detached = self.detached, None
            window.sig_closed.disconnect(self.toggle_detached)
            self._wall_box.addWidget(self.toolbar)
            self._wall_box.addWidget(self.wall, 1)
            self.detach_button.setText(self.tr("Detach wall"))
            window.close()
            window.deleteLater()
