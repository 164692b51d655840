"""One video tile: a camera's stream painted from decoded frames, with name, state and time.

Frames arrive on decode threads and are handed to the GUI thread through a queued signal,
at most one pending at a time (so painting never queues up behind decoding). A tile decodes
only while it can be seen: hidden, on another page or in a minimised window it stops.
"""

from __future__ import annotations

import math
import time

from PySide6.QtCore import QDateTime, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDropEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

from desktop.video.cameras import CameraInfo
from desktop.video.frames import Frame
from desktop.video.health import FAILURES, StreamState
from desktop.video.player import StreamPlayer

CAMERA_MIME = "application/x-cityops-camera"
POLL_MS = 250
_BACKGROUND = QColor("#050b16")
_BAR = QColor(0, 0, 0, 150)
_FOCUS = QColor("#22d3ee")
_ALARM = QColor("#f43f5e")
_STATE_COLOURS = {StreamState.PLAYING: QColor("#34d399"), StreamState.CONNECTING: QColor("#fbbf24")}
_FAILURE_COLOUR = QColor("#f87171")
_QUIET_COLOUR = QColor("#94a3b8")


class VideoTile(QWidget):
    sig_frame = Signal()  # a decoded frame waits (emitted on decode threads, delivered queued)
    sig_clicked = Signal(object)  # the tile
    sig_double_clicked = Signal(object)
    sig_camera_dropped = Signal(object, str)  # the tile, the camera code

    def __init__(self, index: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.index = index
        self.setObjectName(f"videoTile{index}")
        self.setMinimumSize(96, 60)
        self.setAcceptDrops(True)
        self.camera: CameraInfo | None = None
        self.focused = False
        self.alarm = False
        self.player = StreamPlayer(self._frame_arrived)
        self._latest: Frame | None = None
        self._pending = False
        self._image: QImage | None = None
        self._on_screen: Frame | None = None
        self._painted = ("", StreamState.IDLE)
        self.sig_frame.connect(self._show_frame, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()

    # --- what it shows ------------------------------------------------------------------
    def set_camera(self, camera: CameraInfo | None) -> None:
        if camera == self.camera:
            return
        self.camera, self.alarm = camera, False
        self.player.stop()
        self._image = None
        self._sync()
        self.setToolTip(self._tooltip())
        self.update()

    def set_focused(self, on: bool) -> None:
        self.focused = on
        self.update()

    def set_alarm(self, on: bool) -> None:
        self.alarm = on
        self.update()

    @property
    def decoding(self) -> bool:
        return self.player.active

    def current_image(self) -> QImage | None:
        """A copy of the frame on screen (None before the first)."""
        return None if self._image is None else self._image.copy()

    def state_text(self) -> str:
        state = self.player.state
        if self.camera is None:
            return self.tr("Drop a camera here")
        texts = {
            StreamState.IDLE: self.tr("Paused (not visible)"),
            StreamState.NO_SOURCE: self.tr("No video source"),
            StreamState.CONNECTING: self.tr("Connecting"),
            StreamState.PLAYING: self.tr("Playing"),
            StreamState.INTERRUPTED: self.tr("Signal lost"),
            StreamState.FORBIDDEN: self.tr("No permission"),
            StreamState.INVALID: self.tr("Invalid address"),
            StreamState.UNAVAILABLE: self.tr("Player missing"),
        }
        return texts[state]

    def detail_text(self) -> str:
        """The second line under a failure: when the next attempt comes."""
        retry_at = self.player.health.retry_at
        if self.player.state not in FAILURES or retry_at is None:
            return ""
        seconds = max(1, math.ceil(retry_at - time.monotonic()))
        return self.tr("Retrying in %n s", "", seconds)

    def _tooltip(self) -> str:
        if self.camera is None:
            return ""
        return f"{self.camera.name}\n{self.camera.code}\n{self.camera.stream_url or ''}"

    # --- playback -----------------------------------------------------------------------
    def _should_decode(self) -> bool:
        return self.camera is not None and self.isVisible() and not self.window().isMinimized()

    def _sync(self) -> None:
        if self._should_decode() and not self.player.active:
            self.player.label = self.camera.name
            self.player.play(self.camera.stream_url)
        elif not self._should_decode() and self.player.active:
            self.player.stop()
            self._image = None

    def _poll(self) -> None:
        self._sync()
        state = self.player.poll()
        shown = (QDateTime.currentDateTime().toString("HH:mm:ss"), state)
        if shown != self._painted:
            self.update()

    def _frame_arrived(self, frame: Frame) -> None:
        """On a decode thread."""
        self._latest = frame
        if not self._pending:
            self._pending = True
            self.sig_frame.emit()

    def _show_frame(self) -> None:
        self._pending = False
        frame = self._latest
        if frame is None or not self.player.active:
            return
        self._image = QImage(frame.data, frame.width, frame.height, frame.stride, QImage.Format.Format_RGB32)
        self._on_screen = frame  # keeps the pixels the image points at alive
        self.update()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._sync()

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._sync()

    # --- painting -----------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        now = QDateTime.currentDateTime()
        self._painted = (now.toString("HH:mm:ss"), self.player.state)
        painter = QPainter(self)
        rect = QRectF(self.rect())
        painter.fillRect(rect, _BACKGROUND)
        playing = self._image is not None and self.player.state is StreamState.PLAYING
        if playing:
            painter.drawImage(self._fitted(rect, self._image), self._image)
        else:
            self._paint_centre(painter, rect)
        self._paint_bars(painter, rect, now)
        self._paint_border(painter, rect)
        painter.end()

    @staticmethod
    def _fitted(rect: QRectF, image: QImage) -> QRectF:
        scale = min(rect.width() / image.width(), rect.height() / image.height())
        w, h = image.width() * scale, image.height() * scale
        return QRectF(rect.x() + (rect.width() - w) / 2, rect.y() + (rect.height() - h) / 2, w, h)

    def _paint_centre(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(self._state_colour())
        font = painter.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        painter.setFont(font)
        text = self.state_text()
        if self.detail_text():
            text += "\n" + self.detail_text()
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.setFont(self.font())

    def _paint_bars(self, painter: QPainter, rect: QRectF, now: QDateTime) -> None:
        height = painter.fontMetrics().height() + 6
        top = QRectF(rect.x(), rect.y(), rect.width(), height)
        bottom = QRectF(rect.x(), rect.bottom() - height, rect.width(), height)
        painter.fillRect(top, _BAR)
        painter.fillRect(bottom, _BAR)
        left, right = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignRight
        if self.camera is not None:
            self._bar_text(painter, top, left, QColor("#e6f6ff"), self.camera.name)
            self._bar_text(painter, top, right, self._state_colour(), "● " + self.state_text())
        self._bar_text(painter, bottom, left, QColor("#cbd5e1"), now.toString("yyyy-MM-dd HH:mm:ss"))
        info = self.player.backend_name
        if self.alarm:
            info = self.tr("Alarm linkage") + ("  " + info if info else "")
        self._bar_text(painter, bottom, right, _ALARM if self.alarm else QColor("#cbd5e1"), info)

    @staticmethod
    def _bar_text(painter: QPainter, bar: QRectF, side: Qt.AlignmentFlag, colour: QColor, text: str) -> None:
        painter.setPen(colour)
        painter.drawText(bar.adjusted(6, 0, -6, 0), Qt.AlignmentFlag.AlignVCenter | side, text)

    def _paint_border(self, painter: QPainter, rect: QRectF) -> None:
        if self.alarm or self.focused:
            width = 3 if self.alarm else 2
            painter.setPen(QPen(_ALARM if self.alarm else _FOCUS, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect.adjusted(width / 2, width / 2, -width / 2, -width / 2))

    def _state_colour(self) -> QColor:
        state = self.player.state
        if self.camera is None:
            return _QUIET_COLOUR
        return _STATE_COLOURS.get(state, _FAILURE_COLOUR if state in FAILURES else _QUIET_COLOUR)

    # --- mouse, drop --------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self)
        super().mousePressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.sig_double_clicked.emit(self)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CAMERA_MIME):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        code = bytes(event.mimeData().data(CAMERA_MIME)).decode()
        event.acceptProposedAction()
        self.sig_camera_dropped.emit(self, code)
