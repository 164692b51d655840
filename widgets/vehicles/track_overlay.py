"""The replayed track on the map: the whole path dim, the travelled part bright in the vehicle kind's
colour, numbered stop markers, and the vehicle with a heading arrow at the replay time."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPolygonF

from layers.city_styles import VEHICLE_COLOURS, VEHICLE_KINDS, VEHICLE_OTHER
from layers.vehicles.track_playback import TrackPlayback

PATH = QColor(203, 213, 225, 110)
CASING = QColor("#050b16")
STOP_FILL = QColor("#fbbf24")
STOP_TEXT = QColor("#1f1300")
MARKER_RADIUS = 8.0


def kind_colour(kind: str) -> QColor:
    return QColor(VEHICLE_COLOURS[VEHICLE_KINDS.index(kind)] if kind in VEHICLE_KINDS else VEHICLE_OTHER)


def _pen(colour: QColor, width: float) -> QPen:
    return QPen(colour, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


class TrackOverlay:
    """A canvas item (``paint(painter, view)``) drawing a :class:`TrackPlayback`; the screen points
    are projected once per view and track."""

    def __init__(self, playback: TrackPlayback):
        self.playback = playback
        self._cached: tuple[object, object, list[QPointF]] | None = None

    def _points(self, view) -> list[QPointF]:
        track = self.playback.track
        if self._cached is None or self._cached[0] is not track or self._cached[1] != view:
            px, py = view.lonlat_to_screen(track.x, track.y)
            self._cached = (track, view, list(map(QPointF, px.tolist(), py.tolist())))
        return self._cached[2]

    def paint(self, painter: QPainter, view) -> None:
        playback = self.playback
        if playback.track is None:
            return
        points = self._points(view)
        fix = playback.fix()
        x, y = view.lonlat_to_screen(fix.x, fix.y)
        here = QPointF(float(x), float(y))
        travelled = QPolygonF(points[: playback.index] + [here])
        colour = kind_colour(playback.kind)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(_pen(PATH, 2.5))
        painter.drawPolyline(QPolygonF(points))
        painter.setPen(_pen(CASING, 7.0))
        painter.drawPolyline(travelled)
        painter.setPen(_pen(colour, 4.0))
        painter.drawPolyline(travelled)
        self._paint_stops(painter, view)
        self._paint_vehicle(painter, here, fix.heading, colour)
        painter.restore()

    def _paint_stops(self, painter: QPainter, view) -> None:
        stops = self.playback.summary.stops
        if not stops:
            return
        px, py = view.lonlat_to_screen(np.array([s.x for s in stops]), np.array([s.y for s in stops]))
        font = QFont(painter.font())
        font.setPixelSize(10)
        font.setBold(True)
        painter.setFont(font)
        for number, (x, y) in enumerate(zip(px.tolist(), py.tolist()), start=1):
            box = QRectF(x - 8, y - 8, 16, 16)
            painter.setPen(_pen(CASING, 1.5))
            painter.setBrush(STOP_FILL)
            painter.drawEllipse(box)
            painter.setPen(STOP_TEXT)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, str(number))

    @staticmethod
    def _paint_vehicle(painter: QPainter, here: QPointF, heading: float, colour: QColor) -> None:
        angle = math.radians(heading)
        ahead = QPointF(math.sin(angle), -math.cos(angle))  # screen y grows downwards
        side = QPointF(-ahead.y(), ahead.x())
        tip = here + ahead * (MARKER_RADIUS + 12)
        base = here + ahead * (MARKER_RADIUS - 2)
        painter.setPen(_pen(CASING, 1.5))
        painter.setBrush(QColor("#f8fafc"))
        painter.drawPolygon(QPolygonF([tip, base + side * 8, base - side * 8]))
        painter.setPen(_pen(QColor("#f8fafc"), 2.0))
        painter.setBrush(colour)
        painter.drawEllipse(here, MARKER_RADIUS, MARKER_RADIUS)
