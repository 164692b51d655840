"""The live layers, painted every frame on top of the tiles from their numpy arrays.

Each painter culls to the view and draws a symbol sheet in one call where it matters:
vehicles are one ``drawPixmapFragments`` over an (N, 10) float64 array (kind sprite
by heading, pre-rotated in 10° steps so each marker is a plain blit), their trails one
path per kind; camera cones one path; alarms and cases are few and pulse or glow.
"""

from __future__ import annotations

import math

import numpy as np
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from layers import city_styles as styles
from layers.painter_registry import register_painter
from layers.point_table import AlarmLayer, CameraLayer, CaseLayer
from layers.vehicle_layer import VehicleLayer
from widgets.map_view import ViewTransform, to_mercator
from widgets.pixmap_fragments import draw_fragments, fragments
from widgets.static_layers import label_font

SPRITE = 22  # vehicle sprite cell, pixels
MARGIN = 256  # pixels around the view a live drawing is prepared for (pans within it reuse it)
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


class _Prepared:
    """A live layer's drawing for the view plus :data:`MARGIN`, in pixels from an integer anchor
    on the view's grid (:attr:`ViewTransform.grid_origin`): frames that only pan within the margin
    draw it again under a translation, with no projection and no numpy."""

    def __init__(self, view: ViewTransform, stamp: tuple):
        gx, gy = view.grid_origin
        self.anchor = (math.floor(gx), math.floor(gy))
        self.key = (view.res, view.width, view.height)
        self.stamp = stamp

    def fits(self, view: ViewTransform, stamp: tuple) -> bool:
        gx, gy = view.grid_origin
        return (
            self.key == (view.res, view.width, view.height)
            and len(stamp) == len(self.stamp)
            and all(a is b if isinstance(a, np.ndarray) else a == b for a, b in zip(stamp, self.stamp))
            and abs(gx - self.anchor[0]) < MARGIN
            and abs(gy - self.anchor[1]) < MARGIN
        )

    def local(self, view: ViewTransform, mx, my) -> tuple[np.ndarray, np.ndarray]:
        gx, gy = view.to_grid(mx, my)
        return gx - self.anchor[0], gy - self.anchor[1]

    def culled(self, view: ViewTransform, x: np.ndarray, y: np.ndarray, margin: float) -> np.ndarray:
        """Rows within the margin around any view this drawing fits (plus ``margin`` pixels)."""
        reach = MARGIN + margin
        return (x >= -reach) & (x <= view.width + reach) & (y >= -reach) & (y <= view.height + reach)

    def in_view(self, view: ViewTransform, x: np.ndarray, y: np.ndarray, margin: float) -> np.ndarray:
        gx, gy = view.grid_origin
        return _visible(view, x - (gx - self.anchor[0]), y - (gy - self.anchor[1]), margin)

    def translate(self, painter: QPainter, view: ViewTransform) -> None:
        gx, gy = view.grid_origin
        painter.translate(round(self.anchor[0] - gx), round(self.anchor[1] - gy))


class VehiclePainter:
    def __init__(self, layer: VehicleLayer):
        self.layer = layer
        self._sheet: QPixmap | None = None
        self._prepared: _Prepared | None = None
        self.drawn = 0  # vehicles in view when the drawing was prepared (tests, bench)

    def paint(self, painter: QPainter, view: ViewTransform, _phase: float) -> None:
        layer = self.layer  # its updates replace the arrays: identity is the version
        stamp = (
            layer.x,
            layer.y,
            layer.heading,
            layer.kind,
            view.zoom >= 15,
            view.zoom >= 14,
            view.zoom >= PLATES_FROM_ZOOM,
        )
        prepared = self._prepared
        if prepared is None or not prepared.fits(view, stamp):
            prepared = self._prepared = self._prepare(view, stamp)
        self.drawn = prepared.drawn
        if not prepared.drawn:
            return
        painter.save()
        prepared.translate(painter, view)
        # Unrotated, unscaled fragments of a pre-rotated sheet: 10 k markers cost a few ms
        # (rotating per marker cost 15 ms aliased, 400 ms anti-aliased and smoothed).
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, prepared.smooth_trails)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in prepared.trails:
            painter.setPen(pen)
            painter.drawPath(path)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        draw_fragments(painter, prepared.fragments, self._sheet)
        if prepared.plates:
            painter.setFont(label_font(11))
            painter.setPen(QColor("#e2e8f0"))
            for plate, x, y in prepared.plates:
                painter.drawText(QPointF(x + 10, y - 8), str(plate))
        painter.restore()

    def _prepare(self, view: ViewTransform, stamp: tuple) -> _Prepared:
        layer = self.layer
        prepared = _Prepared(view, stamp)
        x, y = prepared.local(view, *to_mercator(layer.x, layer.y))
        rows = np.flatnonzero(prepared.culled(view, x, y, SPRITE))
        x, y = x[rows], y[rows]
        prepared.drawn = int(np.count_nonzero(prepared.in_view(view, x, y, SPRITE)))
        prepared.trails, prepared.smooth_trails, prepared.plates = [], False, []
        if prepared.drawn <= TRAILS_UP_TO and view.zoom >= 14:
            prepared.smooth_trails = prepared.drawn <= SMOOTH_UP_TO // 4  # aliased thin lines: 10× faster
            prepared.trails = self._trails(view, prepared, rows)
        if self._sheet is None:
            self._sheet = _vehicle_sheet()
        kinds = np.minimum(layer.kind[rows], len(styles.VEHICLE_COLOURS)).astype(np.int64)
        steps = np.rint(layer.heading[rows] * (HEADING_STEPS / 360.0)).astype(np.int64) % HEADING_STEPS
        prepared.fragments = fragments(
            np.rint(x),
            np.rint(y),
            SPRITE,
            SPRITE,
            (kinds * HEADING_STEPS + steps) * SPRITE,
            0.0 if view.zoom < 15 else SPRITE,
        )  # at whole pixels: plain blits
        if view.zoom >= PLATES_FROM_ZOOM and prepared.drawn <= 300:
            prepared.plates = list(zip(layer.plates[rows].tolist(), x.tolist(), y.tolist()))
        return prepared

    def _trails(self, view: ViewTransform, prepared: _Prepared, rows: np.ndarray) -> list[tuple[QPen, QPainterPath]]:
        """One (pen, path) per vehicle kind, each trail a polyline oldest → newest; at district zoom
        every third position (a trail is a few pixels long there, and its points cost the frame)."""
        layer = self.layer
        kinds = np.minimum(layer.kind[rows], len(styles.VEHICLE_COLOURS))
        order = np.argsort(kinds, kind="stable")
        rows, kinds = rows[order], kinds[order]
        points, counts = layer.trails(rows)
        keep = counts > 1  # the positions before the first real one repeat it: no gaps, no masks
        step = 1 if view.zoom >= 16 else 3
        points, kinds = points[keep, ::-step][:, ::-1], kinds[keep]  # the newest always kept
        tx, ty = prepared.local(view, *to_mercator(points[:, :, 0], points[:, :, 1]))
        connect = np.ones(tx.shape, dtype=np.int32)
        connect[:, -1] = 0
        bounds = np.searchsorted(kinds, np.arange(len(styles.VEHICLE_COLOURS) + 2))
        trails = []
        for kind, colour in enumerate([*styles.VEHICLE_COLOURS, styles.VEHICLE_OTHER]):
            start, end = bounds[kind], bounds[kind + 1]
            if start == end:
                continue
            trail_colour = QColor(colour)
            trail_colour.setAlpha(130)
            pen = QPen(trail_colour, 2.0 if prepared.smooth_trails else 0.0)
            pen.setCosmetic(True)
            trails.append(
                (
                    pen,
                    arrayToQPath(
                        tx[start:end].ravel(),
                        ty[start:end].ravel(),
                        connect=connect[start:end].ravel(),
                        finiteCheck=False,
                    ),
                )
            )
        return trails


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
        self._prepared: _Prepared | None = None

    def paint(self, painter: QPainter, view: ViewTransform, _phase: float) -> None:
        layer = self.layer
        if not len(layer):
            return
        cones = view.zoom >= CONES_FROM_ZOOM
        stamp = (layer.x, layer.y, *(layer.column(c) for c in ("range_m", "heading", "fov")), cones)
        prepared = self._prepared
        if prepared is None or not prepared.fits(view, stamp):
            prepared = self._prepared = self._prepare(view, stamp, cones)
        if not len(prepared.fragments):
            return
        painter.save()
        prepared.translate(painter, view)
        if prepared.cones is not None:
            painter.setPen(QPen(QColor(styles.CAMERA_EDGE), 1.0))
            painter.setBrush(QColor(styles.CAMERA_CONE))
            painter.drawPath(prepared.cones)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, False)
        draw_fragments(painter, prepared.fragments, prepared.dot)
        painter.restore()

    def _prepare(self, view: ViewTransform, stamp: tuple, cones: bool) -> _Prepared:
        layer = self.layer
        prepared = _Prepared(view, stamp)
        x, y = prepared.local(view, *to_mercator(layer.x, layer.y))
        reach = layer.column("range_m") / np.cos(np.radians(layer.y)) / view.res  # pixels
        rows = np.flatnonzero(prepared.culled(view, x, y, float(reach.max(initial=0)) + 8))
        x, y = x[rows], y[rows]
        prepared.cones = (
            self._cones(x, y, reach[rows], layer.column("heading")[rows], layer.column("fov")[rows])
            if cones and len(rows)
            else None
        )
        # One blit per camera from a pre-rendered dot (an anti-aliased drawEllipse per camera
        # cost ~7 µs each: 2 000 cameras were 15 ms of every city frame).
        prepared.dot = _camera_dot(4.0 if cones else 2.5)
        prepared.fragments = fragments(np.rint(x), np.rint(y), prepared.dot.width(), prepared.dot.width())
        return prepared

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

    animated = True

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


for _kind, _painter in (
    (VehicleLayer, VehiclePainter),
    (CameraLayer, CameraPainter),
    (AlarmLayer, AlarmPainter),
    (CaseLayer, CasePainter),
):
    register_painter(_kind, _painter)
