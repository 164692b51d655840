"""A basic map canvas: the layers in lon/lat on a local equirectangular scale; pan, zoom, fit.

The tile-cached renderer of the map module replaces it; its contract stays: it reads the
:class:`AppState` layers and reports the cursor position through :meth:`AppState.set_cursor`.
"""
from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QTransform, QWheelEvent
from PySide6.QtWidgets import QWidget

from desktop.app_state import AppState
from layers.vector_layer import VectorLayer
from widgets.layer_painters import METRES_PER_DEGREE, LayerPainter

BACKGROUND = QColor("#08111f")
_ZOOM_STEP = 1.25
_MAX_PX_PER_M = 20.0


class MapCanvas(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self._state = state
        self._painters: list[LayerPainter] = []
        self._centre = QPointF(0.0, 0.0)  # lon, lat
        self._px_per_deg = 1.0  # pixels per degree of latitude
        self._x_scale = 1.0  # cos(latitude of the city centre)
        self._fit_pending = False
        self._drag_from: QPointF | None = None
        state.layers.sig_reset.connect(self._layers_reset)
        self._layers_reset()

    # --- view ---------------------------------------------------------------------------
    def transform(self) -> QTransform:
        """lon/lat → widget pixels."""
        s, k = self._px_per_deg, self._x_scale
        return QTransform(
            k * s, 0, 0, -s, self.width() / 2 - self._centre.x() * k * s, self.height() / 2 + self._centre.y() * s
        )

    def to_lonlat(self, pos: QPointF) -> QPointF:
        inverse, _ = self.transform().inverted()
        return inverse.map(pos)

    def to_screen(self, lon: float, lat: float) -> QPointF:
        return self.transform().map(QPointF(lon, lat))

    def fit_to_city(self) -> None:
        bounds = self._state.layers.bounds
        if bounds is None:
            return
        x0, y0, x1, y1 = bounds
        self._centre = QPointF((x0 + x1) / 2, (y0 + y1) / 2)
        self._x_scale = math.cos(math.radians(self._centre.y()))
        width_deg = max((x1 - x0) * self._x_scale, 1e-6)
        height_deg = max(y1 - y0, 1e-6)
        self._px_per_deg = 0.95 * min(self.width() / width_deg, self.height() / height_deg)
        self._fit_pending = False
        self.update()

    def zoom(self, factor: float, anchor: QPointF) -> None:
        """Zoom by ``factor`` keeping the lon/lat under ``anchor`` (widget pixels) in place."""
        fixed = self.to_lonlat(anchor)
        self._px_per_deg = min(self._px_per_deg * factor, _MAX_PX_PER_M * METRES_PER_DEGREE)
        moved = self.to_lonlat(anchor)
        self._centre += fixed - moved
        self.update()

    # --- data ---------------------------------------------------------------------------
    def _layers_reset(self) -> None:
        self._painters = [LayerPainter(layer) for layer in self._state.layers if isinstance(layer, VectorLayer)]
        for layer in self._state.layers:
            layer.sig_changed.connect(self.update)
            if isinstance(layer, VectorLayer):
                layer.sig_data_changed.connect(self.update)
        self._fit_pending = True
        self.update()

    # --- Qt events ----------------------------------------------------------------------
    def paintEvent(self, _event) -> None:
        if self._fit_pending:
            self.fit_to_city()
        painter = QPainter(self)
        painter.fillRect(self.rect(), BACKGROUND)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        transform = self.transform()
        painter.setTransform(transform)
        view = transform.inverted()[0].mapRect(QRectF(self.rect()))
        px_per_m = self._px_per_deg / METRES_PER_DEGREE
        if not self._painters:
            painter.resetTransform()
            painter.setPen(QColor("#6b7f99"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No city database is open"))
        for layer_painter in self._painters:
            if layer_painter.layer.visible:
                layer_painter.paint(painter, px_per_m, view)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            self._centre += self.to_lonlat(self._drag_from) - self.to_lonlat(event.position())
            self._drag_from = event.position()
            self.update()
        lonlat = self.to_lonlat(event.position())
        self._state.set_cursor(lonlat.x(), lonlat.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._drag_from = None
            self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.zoom(_ZOOM_STEP**2, event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(_ZOOM_STEP ** (event.angleDelta().y() / 120), event.position())
