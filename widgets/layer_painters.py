"""Turns a :class:`VectorLayer` into cached Qt drawing primitives in lon/lat coordinates.

The painter's world transform maps lon/lat to pixels, so paths are built once per data change;
pens are cosmetic (widths in pixels) so outlines stay thin at every zoom.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import shapely
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

from layers.vector_layer import Symbol, VectorLayer

METRES_PER_DEGREE = 111_320.0
ROUND_DOTS_UP_TO = 5_000  # more points in view are drawn square: ten times faster in the raster engine
_POINT, _LINESTRING, _LINEARRING, _POLYGON = 0, 1, 2, 3


def _path(lines: np.ndarray) -> QPainterPath:
    """One path holding every line string / ring (rings are closed, so outlines close too)."""
    coords, owner = shapely.get_coordinates(lines, return_index=True)
    connect = np.zeros(len(coords), dtype=np.int32)
    connect[:-1] = owner[1:] == owner[:-1]
    path = arrayToQPath(coords[:, 0].copy(), coords[:, 1].copy(), connect=connect, finiteCheck=False)
    path.setFillRule(Qt.FillRule.OddEvenFill)
    return path


def _pen(colour: str | None, width: float, cap=Qt.PenCapStyle.RoundCap) -> QPen:
    if colour is None:
        return QPen(Qt.PenStyle.NoPen)
    pen = QPen(QColor(colour), width, Qt.PenStyle.SolidLine, cap, Qt.PenJoinStyle.RoundJoin)
    pen.setCosmetic(True)
    return pen


@dataclass
class _Group:
    """One category's primitives: filled polygons, stroked lines, points."""

    symbol: Symbol
    areas: QPainterPath | None
    lines: QPainterPath | None
    xs: np.ndarray
    ys: np.ndarray

    @classmethod
    def build(cls, symbol: Symbol, geometries: np.ndarray) -> _Group:
        parts = shapely.get_parts(geometries)
        kinds = shapely.get_type_id(parts)
        polygons = parts[kinds == _POLYGON]
        lines = parts[(kinds == _LINESTRING) | (kinds == _LINEARRING)]
        points = shapely.get_coordinates(parts[kinds == _POINT])
        return cls(
            symbol,
            _path(shapely.get_rings(polygons)) if len(polygons) else None,
            _path(lines) if len(lines) else None,
            np.ascontiguousarray(points[:, 0]),
            np.ascontiguousarray(points[:, 1]),
        )

    def paint(self, painter: QPainter, px_per_m: float, view: QRectF) -> None:
        s = self.symbol
        if self.areas is not None:
            painter.setPen(_pen(s.stroke, s.stroke_px))
            painter.setBrush(QBrush(QColor(s.fill)) if s.fill else Qt.BrushStyle.NoBrush)
            painter.drawPath(self.areas)
        if self.lines is not None:
            width = max(s.stroke_px, s.width_m * px_per_m)
            painter.setPen(_pen(s.stroke or s.fill, width))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.lines)
        if len(self.xs):
            inside = (
                (self.xs >= view.left()) & (self.xs <= view.right()) & (self.ys >= view.top()) & (self.ys <= view.bottom())
            )
            if inside.any():
                self._paint_points(painter, self.xs[inside], self.ys[inside], px_per_m)

    def _paint_points(self, painter: QPainter, xs: np.ndarray, ys: np.ndarray, px_per_m: float) -> None:
        """Points are mapped to pixels in numpy: Qt's raster engine smears points drawn through
        a world transform with a large translation."""
        t = painter.worldTransform()
        painter.save()
        painter.resetTransform()
        cap = Qt.PenCapStyle.RoundCap if len(xs) <= ROUND_DOTS_UP_TO else Qt.PenCapStyle.SquareCap
        s = self.symbol
        size = min(s.size_px, max(1.0, s.size_m * px_per_m)) if s.size_m else s.size_px
        painter.setPen(_pen(s.fill or s.stroke, size, cap))
        painter.drawPointsNp(t.m11() * xs + t.dx(), t.m22() * ys + t.dy())
        painter.restore()


class LayerPainter:
    """Draws one layer; rebuilds its primitives when the layer's data changes."""

    def __init__(self, layer: VectorLayer):
        self.layer = layer
        self._groups: list[_Group] | None = None
        layer.sig_data_changed.connect(self.invalidate)

    def invalidate(self) -> None:
        self._groups = None

    def paint(self, painter: QPainter, px_per_m: float, view: QRectF) -> None:
        """Paint in lon/lat world coordinates; ``view`` is the visible lon/lat rectangle."""
        if self._groups is None:
            self._groups = [_Group.build(symbol, geoms) for symbol, geoms in self.layer.groups()]
        painter.setOpacity(self.layer.opacity)
        for group in self._groups:
            group.paint(painter, px_per_m, view)
