"""The 测距 / 测面 tools: clicks add vertices, the cursor drags the rubber band, Esc ends."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPainter, QPen, QPolygonF, QShortcut
from PySide6.QtWidgets import QWidget

from desktop.seat.app_state import AppState
from layers.maptools.measure import MeasureSession
from layers.maptools.tools import Tool, ToolState

LINE = QColor("#fbbf24")
FILL = QColor(251, 191, 36, 50)


class MeasureOverlay:
    """A canvas item drawing the session: ``paint(painter, view)`` with ``view.lonlat_to_screen``."""

    def __init__(self, session: MeasureSession):
        self.session = session

    def paint(self, painter: QPainter, view) -> None:
        xy = self.session.outline()
        if not len(xy):
            return
        px, py = view.lonlat_to_screen(xy[:, 0], xy[:, 1])
        points = [QPointF(float(x), float(y)) for x, y in zip(np.atleast_1d(px), np.atleast_1d(py))]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(LINE, 2.0, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin))
        if self.session.area_mode and len(points) > 2:
            painter.setBrush(FILL)
            painter.drawPolygon(QPolygonF(points))
        else:
            painter.drawPolyline(QPolygonF(points))
        painter.setBrush(LINE)
        for point in points[: len(self.session.points)]:
            painter.drawEllipse(point, 3.5, 3.5)
        painter.setPen(QColor("#fef3c7"))
        painter.drawText(points[-1] + QPointF(8, -8), self.session.total_text())
        painter.restore()


class MeasureController(QObject):
    """Feeds map clicks and cursor moves into the session while a measure tool is active."""

    sig_text_changed = Signal(str)  # the running total, "" when not measuring

    def __init__(self, state: AppState, tools: ToolState, canvas: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.tools = tools
        self.canvas = canvas
        self.session = MeasureSession(self)
        self.overlay = MeasureOverlay(self.session)
        self._shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), canvas.window(), self.session.finish)
        self._shortcut.setEnabled(False)
        state.sig_map_clicked.connect(self._clicked)
        state.sig_cursor_moved.connect(self._moved)
        tools.sig_tool_changed.connect(self._tool_changed)
        self.session.sig_changed.connect(self._changed)
        canvas.add_overlay(self.overlay)

    def remove(self) -> None:
        self.canvas.remove_overlay(self.overlay)

    @property
    def active(self) -> bool:
        return self.tools.tool in (Tool.MEASURE_DISTANCE, Tool.MEASURE_AREA)

    def _tool_changed(self, tool: Tool) -> None:
        self.session.start(area=tool == Tool.MEASURE_AREA)
        self._shortcut.setEnabled(self.active)

    def _clicked(self, lon: float, lat: float, _tolerance: float) -> None:
        if self.active:
            self.session.add_point(lon, lat)

    def _moved(self, lon: float, lat: float) -> None:
        if self.active:
            self.session.set_hover(lon, lat)

    def _changed(self) -> None:
        self.canvas.update()
        self.sig_text_changed.emit(self.session.total_text() if self.active and self.session.points else "")
