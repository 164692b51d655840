"""The overview inset: the whole city (districts and grids) with the map's current view boxed."""

from __future__ import annotations

import numpy as np
import shapely
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from desktop.seat.app_state import AppState
from layers.city_styles import SELECTION
from layers.vector_layer import VectorLayer
from widgets.map_view import ViewTransform

_SIZE = (220, 150)


class OverviewMap(QWidget):
    """Click or drag in it to move the main map there."""

    sig_centre_on = Signal(float, float)  # lon, lat

    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("overviewMap")
        self.setFixedSize(*_SIZE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._state = state
        self._view: ViewTransform | None = None
        self._frame = ViewTransform(width=_SIZE[0], height=_SIZE[1])
        self._image: QImage | None = None
        state.layers.sig_reset.connect(self._rebuild)
        self._rebuild()

    def set_view(self, view: ViewTransform) -> None:
        self._view = view
        self.update()

    def _rebuild(self) -> None:
        """Draw the city outline once per database: district boundaries over unit grids."""
        self._image = None
        bounds = self._state.layers.bounds
        if bounds is None:
            return
        self._frame = self._frame.fitted(bounds, margin=0.9)
        image = QImage(*_SIZE, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(QColor(8, 17, 31, 220))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for layer in self._state.layers:
            if isinstance(layer, VectorLayer) and layer.table in ("unit_grid", "admin_area") and len(layer):
                grids = layer.table == "unit_grid"
                painter.setPen(QPen(QColor("#334155" if grids else "#22d3ee"), 0.5 if grids else 1.2))
                painter.setBrush(QColor("#1e293b") if grids else Qt.BrushStyle.NoBrush)
                self._draw(painter, layer.geometries)
        painter.end()
        self._image = image
        self.update()

    def _draw(self, painter: QPainter, geometries: np.ndarray) -> None:
        """All rings as one path (a drawPolygon per ring took 2 s for a city's 50 k grids)."""
        coords, ring_of = shapely.get_coordinates(shapely.get_rings(shapely.get_parts(geometries)), return_index=True)
        if not len(coords):
            return
        px, py = self._frame.lonlat_to_screen(coords[:, 0], coords[:, 1])
        connect = np.ones(len(coords), dtype=np.int32)
        connect[:-1] = ring_of[1:] == ring_of[:-1]  # a ring's last vertex does not lead to the next ring
        connect[-1] = 0
        painter.drawPath(arrayToQPath(px, py, connect=connect, finiteCheck=False))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        if self._image is not None:
            painter.drawImage(0, 0, self._image)
        painter.setPen(QPen(QColor("#475569"), 1))
        painter.drawRect(self.rect().adjusted(0, 0, -1, -1))
        if self._view is not None and self._image is not None:
            x0, y0, x1, y1 = self._view.bbox
            left, top = self._frame.to_screen(x0, y1)
            right, bottom = self._frame.to_screen(x1, y0)
            box = QRectF(float(left), float(top), max(3.0, float(right - left)), max(3.0, float(bottom - top)))
            painter.setPen(QPen(QColor(SELECTION), 1.5))
            fill = QColor(SELECTION)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.drawRect(box)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._centre(event.position())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._centre(event.position())

    def _centre(self, pos: QPointF) -> None:
        lon, lat = self._frame.screen_to_lonlat(pos.x(), pos.y())
        self.sig_centre_on.emit(float(lon), float(lat))
