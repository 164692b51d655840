"""Canvas items drawn over the map (not layers): selection highlight, scale bar, north arrow.

Tools add their own items (rubber bands, measure lines) with ``MapCanvas.add_overlay``; an item
is anything with ``paint(painter, view)`` where ``view`` is the :class:`ViewTransform`.
"""

from __future__ import annotations

import math
from typing import Protocol

import numpy as np
import shapely
from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from layers.city_styles import SELECTION
from layers.layer_list import LayerList
from layers.point_table import PointTableLayer
from layers.vector_layer import VectorLayer
from layers.vehicle_layer import VehicleLayer
from widgets.map_view import ViewTransform
from widgets.static_layers import label_font


class Overlay(Protocol):
    def paint(self, painter: QPainter, view: ViewTransform) -> None: ...


class SelectionOverlay:
    """Outlines the selected features, looked up by ``(table, key)`` in the layers that hold them."""

    def __init__(self, layers: LayerList):
        self._layers = layers
        self.items: tuple = ()

    def paint(self, painter: QPainter, view: ViewTransform) -> None:
        if not self.items:
            return
        pen = QPen(QColor(SELECTION), 3.0)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for table, key in self.items:
            for layer in self._layers:
                if getattr(layer, "table", None) != table:
                    continue
                painter.setPen(pen)
                if isinstance(layer, VectorLayer):
                    self._outline(painter, view, layer.geometries[layer.keys == key])
                elif isinstance(layer, (PointTableLayer, VehicleLayer)):
                    keys = layer.ids if isinstance(layer, VehicleLayer) else layer.keys
                    rows = np.flatnonzero(keys == key)
                    px, py = view.lonlat_to_screen(layer.x[rows], layer.y[rows])
                    for x, y in zip(px.tolist(), py.tolist()):
                        painter.drawEllipse(QPointF(x, y), 12.0, 12.0)

    @staticmethod
    def _outline(painter: QPainter, view: ViewTransform, geometries: np.ndarray) -> None:
        boundaries = shapely.get_parts(shapely.boundary(geometries[shapely.get_dimensions(geometries) == 2]))
        lines = np.concatenate([boundaries, shapely.get_parts(geometries[shapely.get_dimensions(geometries) == 1])])
        for line in lines:
            coords = shapely.get_coordinates(line)
            px, py = view.lonlat_to_screen(coords[:, 0], coords[:, 1])
            painter.drawPolyline(QPolygonF([QPointF(x, y) for x, y in zip(px.tolist(), py.tolist())]))
        for point in shapely.get_coordinates(geometries[shapely.get_dimensions(geometries) == 0]):
            x, y = view.lonlat_to_screen(point[0], point[1])
            painter.drawEllipse(QPointF(float(x), float(y)), 12.0, 12.0)


def _nice_length(metres: float) -> float:
    """The largest 1-2-5 × 10ⁿ length not above ``metres``."""
    power = 10 ** math.floor(math.log10(metres))
    return max(step * power for step in (1, 2, 5) if step * power <= metres)


def paint_scale_bar(painter: QPainter, view: ViewTransform) -> None:
    """A 1-2-5 scale bar at most 120 px long, bottom left."""
    length = _nice_length(120 * view.metres_per_pixel)
    width = length / view.metres_per_pixel
    left, base = 16.0, view.height - 18.0
    painter.setPen(QPen(QColor("#0b1220"), 5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawLine(QPointF(left, base), QPointF(left + width, base))
    painter.setPen(QPen(QColor("#e2e8f0"), 2, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
    painter.drawLine(QPointF(left, base), QPointF(left + width, base))
    for x in (left, left + width):
        painter.drawLine(QPointF(x, base - 5), QPointF(x, base))
    text = (
        QCoreApplication.translate("MapCanvas", "{n:g} km").format(n=length / 1000)
        if length >= 1000
        else QCoreApplication.translate("MapCanvas", "{n:g} m").format(n=length)
    )
    painter.setFont(label_font(12))
    painter.drawText(QRectF(left, base - 22, width + 60, 16), Qt.AlignmentFlag.AlignLeft, text)


def paint_north_arrow(painter: QPainter, view: ViewTransform) -> None:
    """北: the map is north-up, top right."""
    c = QPointF(view.width - 30.0, 36.0)
    painter.setPen(QPen(QColor("#0b1220"), 1.2))
    painter.setBrush(QColor("#e2e8f0"))
    painter.drawPolygon(QPolygonF([c + QPointF(0, -16), c + QPointF(8, 8), c + QPointF(0, 3)]))
    painter.setBrush(QColor("#64748b"))
    painter.drawPolygon(QPolygonF([c + QPointF(0, -16), c + QPointF(-8, 8), c + QPointF(0, 3)]))
    painter.setPen(QColor("#e2e8f0"))
    painter.setFont(label_font(12, bold=True))
    painter.drawText(
        QRectF(c.x() - 12, c.y() + 8, 24, 18),
        Qt.AlignmentFlag.AlignCenter,
        QCoreApplication.translate("MapCanvas", "N"),
    )
