"""A small map around one point: the unit grids and roads near it, and the point itself."""

from __future__ import annotations

import math

import shapely
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPolygonF
from PySide6.QtWidgets import QWidget

from desktop.cases.surroundings import grids_and_roads
from desktop.storage.database import CityDatabase

RADIUS_DEG = 0.004  # half the window's height in degrees of latitude (≈ 450 m)


class MiniMap(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dispatchMiniMap")
        self.setMinimumSize(160, 120)
        self._point: tuple[float, float] | None = None
        self._grids: list[shapely.Geometry] = []
        self._roads: list[shapely.Geometry] = []

    def show_point(self, db: CityDatabase | None, x: float | None, y: float | None) -> None:
        """Centre on (x, y) and load what lies around it (an empty map when no point)."""
        self._point = (x, y) if x is not None and y is not None else None
        self._grids, self._roads = [], []
        if db is not None and self._point is not None:
            box = (x - 2 * RADIUS_DEG, y - RADIUS_DEG, x + 2 * RADIUS_DEG, y + RADIUS_DEG)
            self._grids, self._roads = grids_and_roads(db, box)
        self.update()

    def _to_screen(self, lon: float, lat: float) -> QPointF:
        x0, y0 = self._point
        scale = self.height() / (2 * RADIUS_DEG)
        return QPointF(
            self.width() / 2 + (lon - x0) * scale * math.cos(math.radians(y0)), self.height() / 2 - (lat - y0) * scale
        )

    def _polyline(self, coords) -> QPolygonF:
        return QPolygonF([self._to_screen(x, y) for x, y in coords])

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#08111f"))
        if self._point is None:
            painter.setPen(QColor("#6b7f99"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No location"))
            return
        painter.setPen(QPen(QColor("#1f4f6e"), 1))
        for grid in self._grids:
            for polygon in getattr(grid, "geoms", [grid]):
                painter.drawPolygon(self._polyline(polygon.exterior.coords))
        painter.setPen(QPen(QColor("#64748b"), 3))
        for road in self._roads:
            for line in getattr(road, "geoms", [road]):
                path = QPainterPath()
                path.addPolygon(self._polyline(line.coords))
                painter.drawPath(path)
        centre = self._to_screen(*self._point)
        painter.setPen(QPen(QColor("#ffffff"), 2))
        painter.setBrush(QColor("#f43f5e"))
        painter.drawEllipse(centre, 6, 6)
