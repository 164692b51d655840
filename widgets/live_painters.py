"""The live layers, painted every frame on top of the tiles from their numpy arrays.

Each painter culls to the view and draws a symbol sheet in one call where it matters:
vehicles are one ``drawPixmapFragments`` over an (N, 10) float64 array (kind sprite
by heading, pre-rotated in 10° steps so each marker is a plain blit), their trails one
path per kind; camera cones one path; alarms and cases are few and pulse or glow.
"""
from __future__ import annotations

import math

import numpy as np
import shiboken6
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from layers import city_styles as styles
from layers.point_table import AlarmLayer, CameraLayer, CaseLayer
from layers.vehicle_layer import VehicleLayer
from widgets.map_view import ViewTransform, to_mercator
from widgets.static_layers import label_font

SPRITE = 22  # vehicle sprite cell, pixels
TRAILS_UP_TO = 3000  # vehicles in view; more and trails are left out
SMOOTH_UP_TO = 1000  # vehicles in view with anti-aliased trails up to a quarter of this
PLATES_FROM_ZOOM = 17
CONES_FROM_ZOOM = 15
_CONE_STEPS = 10


def _visible(view: ViewTransform, px: np.ndarray, py: np.ndarray, margin: float) -> np.ndarray:
    return (px >= -margin) & (px <= view.width + margin) & (py >= -margin) & (py <= view.height + margin)


HEADING_STEPS = 36  # pre-rotated sprites every 10°: the frame blits, it never rotates
_SHEET_SCALES = (0.75, 1.0)  # sprite scale per sheet row: city views, district and closer


def _vehicle_sheet() -> QPixmap:
    """Arrow sprites, one column per (vehicle kind (plus 'other'), heading step) and one row per
    scale, pointing north at heading 0."""
    colours = [*styles.VEHICLE_COLOURS, styles.VEHICLE_OTHER]
    sheet = QPixmap(SPRITE * len(colours) * HEADING_STEPS, SPRITE * len(_SHEET_SCALES))
    sheet.fill(Qt.GlobalColor.transparent)
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    arrow = QPolygonF([QPointF(0, -9), QPointF(6.5, 7), QPointF(0, 3.5), QPointF(-6.5, 7)])
    for row, scale in enumerate(_SHEET_SCALES):
        for i, colour in enumerate(colours):
            for step in range(HEADING_STEPS):
                painter.save()
                painter.translate((i * HEADING_STEPS + step) * SPRITE + SPRITE / 2, row * SPRITE + SPRITE / 2)
                painter.rotate(step * 360 / HEADING_STEPS)
                painter.scale(scale, scale)
                painter.setPen(QPen(QColor("#0b1220"), 1.4))
                painter.setBrush(QColor(colour))
                painter.drawPolygon(arrow)
                painter.restore()
    painter.end()
    return sheet


class VehiclePainter:
    def __init__(self, layer: VehicleLayer):
        self.layer = layer
        self._sheet: QPixmap | None = None
        self._projected: tuple | None = None  # (layer version, length, Mercator x, y)
        self.drawn = 0  # vehicles drawn in the last frame (tests, bench)

    def _mercator(self) -> tuple[np.ndarray, np.ndarray]:
        """Mercator positions, projected once per change of the layer (not once per frame)."""
        layer = self.layer
        stamp = (getattr(layer, "version", None), len(layer.x), id(layer.x))
        if self._projected is None or self._projected[0] != stamp or stamp[0] is None:
            self._projected = (stamp, *to_mercator(layer.x, layer.y))
        return self._projected[1], self._projected[2]

    def paint(self, painter: QPainter, view: ViewTransform, _phase: float) -> None:
        layer = self.layer
        px, py = view.to_screen(*self._mercator())
        rows = np.flatnonzero(_visible(view, px, py, SPRITE))
        self.drawn = len(rows)
        if not len(rows):
            return
        if len(rows) <= TRAILS_UP_TO and view.zoom >= 14:
            self._paint_trails(painter, view, rows)
        if self._sheet is None:
            self._sheet = _vehicle_sheet()
        kinds = np.minimum(layer.kind[rows], len(styles.VEHICLE_COLOURS)).astype(np.int64)
        steps = np.rint(layer.heading[rows] * (HEADING_STEPS / 360.0)).astype(np.int64) % HEADING_STEPS
        fragments = np.empty((len(rows), 10), dtype=np.float64)
        fragments[:, 0], fragments[:, 1] = np.rint(px[rows]), np.rint(py[rows])  # whole pixels: plain blits
        fragments[:, 2] = (kinds * HEADING_STEPS + steps) * SPRITE
        fragments[:, 3] = 0.0 if view.zoom < 15 else SPRITE
        fragments[:, 4:6] = SPRITE
        fragments[:, 6:8] = 1.0
        fragments[:, 8] = 0.0
        fragments[:, 9] = 1.0
        first = shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment)
        painter.save()
        # Unrotated, unscaled fragments of a pre-rotated sheet: 10 k markers cost a few ms
        # (rotating per marker cost 15 ms aliased, 400 ms anti-aliased and smoothed).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawPixmapFragments(first, len(rows), self._sheet)
        painter.restore()
        if view.zoom >= PLATES_FROM_ZOOM and len(rows) <= 300:
            painter.setFont(label_font(11))
            painter.setPen(QColor("#e2e8f0"))
            for plate, x, y in zip(layer.plates[rows].tolist(), px[rows].tolist(), py[rows].tolist()):
                painter.drawText(QPointF(x + 10, y - 8), str(plate))

    def _paint_trails(self, painter: QPainter, view: ViewTransform, rows: np.ndarray) -> None:
        points, counts = self.layer.trails(rows)
        tx, ty = view.lonlat_to_screen(points[:, :, 0], points[:, :, 1])
        n = points.shape[1]
        real = np.arange(n)[None, :] >= (n - counts)[:, None]
        connect = real.copy()
        connect[:, -1] = False
        many = len(rows) > SMOOTH_UP_TO // 4
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not many)  # aliased thin lines: 10× faster
        for kind, colour in enumerate([*styles.VEHICLE_COLOURS, styles.VEHICLE_OTHER]):
            chosen = (np.minimum(self.layer.kind[rows], len(styles.VEHICLE_COLOURS)) == kind) & (counts > 1)
            if not chosen.any():
                continue
            mask = real[chosen]
            trail_colour = QColor(colour)
            trail_colour.setAlpha(130)
            pen = QPen(trail_colour, 0.0 if many else 2.0)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(arrayToQPath(tx[chosen][mask], ty[chosen][mask],
                                          connect=connect[chosen][mask].astype(np.int32), finiteCheck=False))
        painter.restore()


_camera_dots: dict[float, QPixmap] = {}


def _camera_dot(radius: float) -> QPixmap:
    """The camera marker (filled circle with a light rim), centred in an even-sized pixmap."""
    dot = _camera_dots.get(radius)
    if dot is None:
        side = 2 * math.ceil(radius + 1.5)
        dot = QPixmap(side, side)
        dot.fill(Qt.GlobalColor.transparent)
        p = QPainter(dot)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(QPen(QColor("#fff1f2"), 1.2))
        p.setBrush(QColor(styles.CAMERA.fill))
        p.drawEllipse(QPointF(side / 2, side / 2), radius, radius)
        p.end()
        dot = _camera_dots.setdefault(radius, dot)
    return dot


class CameraPainter:
    """Camera dots; view cones (heading, fov, range) from district zoom on, as one path."""

    def __init__(self, layer: CameraLayer):
        self.layer = layer

    def paint(self, painter: QPainter, view: ViewTransform, _phase: float) -> None:
        layer = self.layer
        if not len(layer):
            return
        mx, my = to_mercator(layer.x, layer.y)
        px, py = view.to_screen(mx, my)
        reach = layer.column("range_m") / np.cos(np.radians(layer.y)) / view.res  # pixels
        rows = np.flatnonzero(_visible(view, px, py, float(reach.max(initial=0)) + 8))
        if not len(rows):
            return
        if view.zoom >= CONES_FROM_ZOOM:
            painter.setPen(QPen(QColor(styles.CAMERA_EDGE), 1.0))
            painter.setBrush(QColor(styles.CAMERA_CONE))
            painter.drawPath(self._cones(px[rows], py[rows], reach[rows], layer.column("heading")[rows], layer.column("fov")[rows]))
        radius = 4.0 if view.zoom >= CONES_FROM_ZOOM else 2.5
        dot = _camera_dot(radius)
        # One blit per camera from a pre-rendered dot (an anti-aliased drawEllipse per camera
        # cost ~7 µs each: 2 000 cameras were 15 ms of every city frame).
        fragments = np.empty((len(rows), 10), dtype=np.float64)
        fragments[:, 0], fragments[:, 1] = np.rint(px[rows]), np.rint(py[rows])
        fragments[:, 2:4] = 0.0
        fragments[:, 4:6] = dot.width()
        fragments[:, 6:8] = 1.0
        fragments[:, 8] = 0.0
        fragments[:, 9] = 1.0
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        painter.drawPixmapFragments(shiboken6.wrapInstance(fragments.ctypes.data, QPainter.PixmapFragment),
                                    len(rows), dot)
        painter.restore()

    @staticmethod
    def _cones(px, py, reach, heading, fov) -> QPainterPath:
        """Closed sectors: apex, arc from heading - fov/2 to heading + fov/2 (compass degrees)."""
        t = np.linspace(-0.5, 0.5, _CONE_STEPS)[None, :]
        angle = np.radians(heading[:, None] + t * fov[:, None])
        arc_x = px[:, None] + reach[:, None] * np.sin(angle)
        arc_y = py[:, None] - reach[:, None] * np.cos(angle)
        xs = np.column_stack([px, arc_x, px])
        ys = np.column_stack([py, arc_y, py])
        connect = np.ones(xs.shape, dtype=np.int32)
        connect[:, -1] = 0
        return arrayToQPath(xs.ravel(), ys.ravel(), connect=connect.ravel(), finiteCheck=False)


class AlarmPainter:
    """Alarms pulse: a ring grows and fades once per cycle, coloured by level."""

    def __init__(self, layer: AlarmLayer):
        self.layer = layer

    def paint(self, painter: QPainter, view: ViewTransform, phase: float) -> None:
        layer = self.layer
        px, py = view.lonlat_to_screen(layer.x, layer.y)
        for row in np.flatnonzero(_visible(view, px, py, 30)).tolist():
            colour = QColor(styles.ALARM_COLOURS.get(int(layer.column("level")[row]), styles.ALARM_COLOURS[1]))
            centre = QPointF(px[row], py[row])
            ring = QColor(colour)
            ring.setAlphaF(max(0.0, 1.0 - phase))
            painter.setPen(QPen(ring, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            radius = 7 + 18 * phase
            painter.drawEllipse(centre, radius, radius)
            painter.setPen(QPen(QColor("#ffffff"), 1.5))
            painter.setBrush(colour)
            painter.drawEllipse(centre, 6.0, 6.0)


class CasePainter:
    """Cases as diamonds in their time-light colour."""

    def __init__(self, layer: CaseLayer):
        self.layer = layer

    def paint(self, painter: QPainter, view: ViewTransform, _phase: float) -> None:
        layer = self.layer
        px, py = view.lonlat_to_screen(layer.x, layer.y)
        painter.setPen(QPen(QColor("#0b1220"), 1.0))
        for row in np.flatnonzero(_visible(view, px, py, 10)).tolist():
            painter.setBrush(QColor(styles.CASE_LIGHTS.get(str(layer.column("light")[row]), styles.CASE_LIGHTS[""])))
            x, y = px[row], py[row]
            painter.drawPolygon(QPolygonF([QPointF(x, y - 7), QPointF(x + 6, y), QPointF(x, y + 7), QPointF(x - 6, y)]))


def live_painter(layer):
    """The painter of a live layer, or None for layers drawn into tiles."""
    for kind, painter in ((VehicleLayer, VehiclePainter), (CameraLayer, CameraPainter),
                          (AlarmLayer, AlarmPainter), (CaseLayer, CasePainter)):
        if isinstance(layer, kind):
            return painter(layer)
    return None
