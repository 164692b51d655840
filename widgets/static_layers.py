"""Immutable, Mercator-projected snapshots of the static layers, painted into raster tiles.

A snapshot is built on the GUI thread when a layer's data change and then only read, so tile
workers paint from it without locks. Level of detail: 管理部件 aggregate into graduated
circles per 32- or 64-px cell below :data:`SYMBOL_ZOOM` and show individual symbols from it on;
labels appear in their zoom range where they fit inside the tile without overlapping.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from pyqtgraph.functions import arrayToQPath
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPainterPath, QPen, QPixmap

from desktop.domain.tiles import TILE_SIZE, tile_bounds
from layers.city_styles import COMPONENT_DEFAULT, COMPONENT_SYMBOLS
from layers.painter_registry import register_painter
from layers.point_table import ComponentLayer
from layers.vector_layer import LabelStyle, Symbol, VectorLayer
from widgets.component_sprites import sprite
from widgets.map_view import TileKey, to_lonlat, to_mercator
from widgets.pixmap_fragments import blit_centred, draw_fragments, fragments

SYMBOL_ZOOM = 17  # 管理部件 as individual symbols from this tile level on, clusters below
CLUSTER_FINE_ZOOM = 16  # cluster cells of 32 px from this level, 64 px below
LABEL_FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "WenQuanYi Micro Hei", "sans-serif"]
CLUSTER = "cluster"
SYMBOLS = "symbols"
_POINT, _LINESTRING, _LINEARRING, _POLYGON = 0, 1, 2, 3
_MAJORS = sorted(COMPONENT_SYMBOLS)
_HALO = [(1.5 * math.cos(a), 1.5 * math.sin(a)) for a in np.linspace(0, 2 * math.pi, 8, endpoint=False)]
_CAP_MIN_PX = 2.0  # thinner lines get no round caps (they would not show)


def scale_denominator(ground_metres_per_pixel: float) -> float:
    """1:N of a display with 0.28 mm pixels (the OGC standard rendering pixel)."""
    return ground_metres_per_pixel / 0.00028


@dataclass(frozen=True)
class TileFrame:
    """Where a block of ``cols`` × ``rows`` tiles lies: its top-left key, Mercator bounds and
    metres per pixel (Mercator and ground). Tiles are painted in blocks, one image per block."""

    key: TileKey
    x0: float
    y0: float
    x1: float
    y1: float
    res: float
    ground_res: float
    cols: int = 1
    rows: int = 1

    @classmethod
    def of(cls, key: TileKey, cols: int = 1, rows: int = 1) -> TileFrame:
        z, x, y = key
        x0, _, _, y1 = tile_bounds(z, x, y)
        _, y0, x1, _ = tile_bounds(z, x + cols - 1, y + rows - 1)
        res = (x1 - x0) / (cols * TILE_SIZE)
        lat = float(to_lonlat(0.0, (y0 + y1) / 2)[1])
        return cls(key, x0, y0, x1, y1, res, res * math.cos(math.radians(lat)), cols, rows)

    @property
    def z(self) -> int:
        return self.key[0]

    @property
    def scale(self) -> float:
        """Scale denominator of the tile (0.28 mm screen pixels)."""
        return scale_denominator(self.ground_res)

    def to_px(self, mx: np.ndarray, my: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return (mx - self.x0) / self.res, (self.y1 - my) / self.res

    def box(self, margin_px: float = 0.0) -> tuple[float, float, float, float]:
        m = margin_px * self.res
        return self.x0 - m, self.y0 - m, self.x1 + m, self.y1 + m


def _pen(colour: str | None, width: float) -> QPen:
    if colour is None:
        return QPen(Qt.PenStyle.NoPen)
    return QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)


class _Paths:
    """Line strings / rings sorted by category as one pixel coordinate array, cut into one
    QPainterPath per category (one shapely and numpy pass for all categories of a block)."""

    def __init__(self, lines: np.ndarray, category: np.ndarray, frame: TileFrame):
        coords, owner = shapely.get_coordinates(lines, return_index=True)
        self.px, self.py = frame.to_px(coords[:, 0], coords[:, 1])
        self.connect = np.zeros(len(coords), dtype=np.int32)
        self.connect[:-1] = owner[1:] == owner[:-1]
        self.category = category[owner]

    def _range(self, index: int) -> tuple[int, int]:
        lo, hi = np.searchsorted(self.category, [index, index + 1])
        return int(lo), int(hi)

    def path(self, index: int) -> QPainterPath | None:
        lo, hi = self._range(index)
        if lo == hi:
            return None
        path = arrayToQPath(self.px[lo:hi], self.py[lo:hi], connect=self.connect[lo:hi], finiteCheck=False)
        path.setFillRule(Qt.FillRule.OddEvenFill)
        return path

    def ends(self, index: int) -> tuple[np.ndarray, np.ndarray]:
        """Pixel positions of the first and last vertex of every line of a category."""
        lo, hi = self._range(index)
        last = np.flatnonzero(self.connect[lo:hi] == 0) + lo
        chosen = np.concatenate([[lo], last[:-1] + 1, last])
        return self.px[chosen], self.py[chosen]


def label_font(size_px: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies(LABEL_FONTS)
    font.setPixelSize(size_px)
    font.setBold(bold)
    return font


class LabelPlacer:
    """Labels of a block of tiles, drawn over all its layers: kept only when wholly inside one
    tile and clear of the labels placed before (so no label is cut at a tile edge or overprinted,
    and a tile shows the same labels whichever block it was painted in)."""

    def __init__(self, cols: int = 1, rows: int = 1):
        self._cols, self._rows = cols, rows
        self._placed: list[tuple[QRectF, str, QFont, QPointF, LabelStyle]] = []

    def place(self, text: str, x: float, y: float, style: LabelStyle, font: QFont) -> bool:
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(text)
        rect = QRectF(x - width / 2 - 2, y - metrics.height() / 2 - 1, width + 4, metrics.height() + 2)
        col, row = math.floor(rect.left() / TILE_SIZE), math.floor(rect.top() / TILE_SIZE)
        tile = QRectF(col * TILE_SIZE, row * TILE_SIZE, TILE_SIZE, TILE_SIZE)
        if not (0 <= col < self._cols and 0 <= row < self._rows and tile.contains(rect)) or any(
            rect.intersects(r) for r, *_ in self._placed
        ):
            return False
        self._placed.append(
            (rect, text, font, QPointF(x - width / 2, y + metrics.ascent() - metrics.height() / 2), style)
        )
        return True

    def paint(self, painter: QPainter) -> int:
        """Text with a halo: the text drawn around a circle into a label-sized image, laid on at
        the halo's opacity (stroking the glyph outlines instead cost ~20× as much)."""
        for rect, text, font, origin, style in self._placed:
            halo = QColor(style.halo)
            left, top = math.floor(rect.left()) - 2, math.floor(rect.top()) - 2
            image = QImage(
                math.ceil(rect.width()) + 5, math.ceil(rect.height()) + 5, QImage.Format.Format_ARGB32_Premultiplied
            )
            image.fill(Qt.GlobalColor.transparent)
            p = QPainter(image)
            p.setFont(font)
            p.setPen(QColor(halo.red(), halo.green(), halo.blue()))
            for dx, dy in _HALO:
                p.drawText(QPointF(origin.x() - left + dx, origin.y() - top + dy), text)
            p.end()
            painter.setOpacity(halo.alphaF())
            painter.drawImage(left, top, image)
            painter.setOpacity(1.0)
            painter.setFont(font)
            painter.setPen(QColor(style.colour))
            painter.drawText(origin, text)
        return len(self._placed)


class VectorSnapshot:
    """Polygons, lines and labels of a :class:`VectorLayer`, in Mercator metres with an STR-tree."""

    def __init__(self, layer: VectorLayer, opacity: float | None = None):
        self.name, self.scale_range = layer.name, layer.scale_range
        self.opacity = layer.opacity if opacity is None else opacity
        self.geometries = shapely.transform(layer.geometries, lambda c: np.column_stack(to_mercator(c[:, 0], c[:, 1])))
        self.tree = shapely.STRtree(self.geometries)
        bounds = shapely.bounds(self.geometries)
        self.extent = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])  # Mercator metres
        keys, self.category = np.unique(layer.categories.astype(str), return_inverse=True)
        self.symbols: list[Symbol] = [layer.symbols.get(k, layer.default_symbol) for k in keys]
        self.label_style = layer.label_style
        self.labels = layer.labels if layer.label_style is not None else None
        if self.labels is not None and len(self.geometries):
            anchors = shapely.get_coordinates(shapely.point_on_surface(self.geometries))
            self.anchor_x, self.anchor_y = anchors[:, 0], anchors[:, 1]

    def paint(self, painter: QPainter, frame: TileFrame, labels: LabelPlacer) -> str | None:
        if not len(self.geometries):
            return None
        painter.setOpacity(self.opacity)
        hits = np.sort(self.tree.query(shapely.box(*frame.box(margin_px=16))))
        by_category = hits[np.argsort(self.category[hits], kind="stable")]
        categories = self.category[by_category]
        parts, owner = shapely.get_parts(self._cut(frame, by_category, categories), return_index=True)
        kinds, part_category = shapely.get_type_id(parts), categories[owner]
        polygons = kinds == _POLYGON
        rings, ring_owner = shapely.get_rings(parts[polygons], return_index=True)
        fills = _Paths(rings, part_category[polygons][ring_owner], frame)
        lines = (kinds == _LINESTRING) | (kinds == _LINEARRING)
        strokes = _Paths(parts[lines], part_category[lines], frame)
        for index in np.unique(categories).tolist():
            if (path := fills.path(index)) is not None:
                self._paint_polygons(painter, frame, self.symbols[index], path)
            if (path := strokes.path(index)) is not None:
                self._paint_lines(painter, frame, self.symbols[index], path, strokes.ends(index))
        if labels is not None:
            self.place_labels(frame, labels, hits)
        return None

    def touches(self, frame: TileFrame) -> bool:
        """Whether any feature lies near the block (as :meth:`paint` looks for them)."""
        return len(self.geometries) > 0 and len(self.tree.query(shapely.box(*frame.box(margin_px=16)))) > 0

    @property
    def has_labels(self) -> bool:
        return self.labels is not None and len(self.geometries) > 0

    def labels_at(self, z: int) -> bool:
        """Whether the layer has labels that show at tile level ``z``."""
        return self.has_labels and self.label_style.min_zoom <= z <= self.label_style.max_zoom

    def place_labels(self, frame: TileFrame, labels: LabelPlacer, hits: np.ndarray | None = None) -> None:
        """Offer the labels of the features ``hits`` (default: those near the block) to ``labels``."""
        if not self.labels_at(frame.z):
            return
        if hits is None:
            hits = np.sort(self.tree.query(shapely.box(*frame.box(margin_px=16))))
        style = self.label_style
        font = label_font(style.size_px, bold=frame.z < 16)
        px, py = frame.to_px(self.anchor_x[hits], self.anchor_y[hits])
        for text, x, y in zip(self.labels[hits].tolist(), px.tolist(), py.tolist()):
            if text:
                labels.place(str(text), x, y, style, font)

    def _pen_px(self, s: Symbol, frame: TileFrame) -> float:
        return max(s.stroke_px, s.width_m / frame.ground_res)

    def _cut(self, frame: TileFrame, hits: np.ndarray, categories: np.ndarray) -> np.ndarray:
        """The geometries ``hits``; those much larger than a tile (district boundaries, long roads,
        big grids at street zoom) cut to the block plus a pen margin: stroking them whole cost the
        whole city's vertices per block. The cut edges lie outside the block."""
        geometries = self.geometries[hits]
        big = self.extent[hits] > 4 * TILE_SIZE * frame.res
        if big.any():
            pen_px = max(self._pen_px(self.symbols[i], frame) for i in np.unique(categories[big]).tolist())
            geometries[big] = shapely.clip_by_rect(geometries[big], *frame.box(margin_px=pen_px + 16))
        return geometries

    @staticmethod
    def _paint_polygons(painter: QPainter, frame: TileFrame, s: Symbol, path: QPainterPath) -> None:
        outline = s.stroke if frame.z >= 14 else None  # outlines would only grey out the city view
        fill = QColor(s.fill) if s.fill else None
        if outline is not None and fill is not None and fill.alpha() == 255:
            # The outline covers the fill's edges, so the fill needs no anti-aliasing (it cost 10×
            # the aliased fill), and a translucent outline is laid over its own fill beforehand:
            # Qt's anti-aliased stroke of a translucent pen costs 5× that of an opaque one.
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawPath(path)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(_pen(_over(outline, fill), s.stroke_px))
            painter.setBrush(Qt.BrushStyle.NoBrush)
        else:
            painter.setPen(_pen(outline, s.stroke_px))
            painter.setBrush(fill if fill is not None else Qt.BrushStyle.NoBrush)
        painter.drawPath(path)

    def _paint_lines(
        self, painter: QPainter, frame: TileFrame, s: Symbol, path: QPainterPath, ends: tuple[np.ndarray, np.ndarray]
    ) -> None:
        """Flat-capped strokes plus a disc on every end: Qt strokes round-capped wide pens 5× slower."""
        colour, width = s.stroke or s.fill, self._pen_px(s, frame)
        painter.setPen(
            QPen(QColor(colour), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap, Qt.PenJoinStyle.RoundJoin)
        )
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        if width > _CAP_MIN_PX:
            blit_centred(painter, _dot(colour, round(width * 2) / 4), *ends)


@dataclass(frozen=True)
class LabelsOf:
    """The labels of a :class:`VectorSnapshot` as a snapshot of their own: the labels of all layers
    are painted into one tile layer over the others, placed bottom layer first."""

    snapshot: VectorSnapshot

    @property
    def name(self) -> str:
        return self.snapshot.name

    @property
    def scale_range(self) -> tuple[float, float]:
        return self.snapshot.scale_range

    def touches(self, frame: TileFrame) -> bool:
        return self.snapshot.labels_at(frame.z) and self.snapshot.touches(frame)

    def paint(self, _painter: QPainter, frame: TileFrame, labels: LabelPlacer) -> None:
        self.snapshot.place_labels(frame, labels)


class ComponentSnapshot:
    """管理部件 sorted by Mercator x, so a tile finds its points with two binary searches."""

    def __init__(self, layer: ComponentLayer):
        self.name, self.scale_range = layer.name, layer.scale_range
        self.opacity = layer.opacity
        mx, my = to_mercator(layer.x, layer.y)
        order = np.argsort(mx, kind="stable")
        self.x, self.y = mx[order], my[order]
        classes = layer.column("class_code")[order].astype(str)
        majors = classes.astype("U2")  # "0402" → "04"
        self.major = np.where(np.isin(majors, _MAJORS), np.searchsorted(_MAJORS, majors), len(_MAJORS))
        self.colours = [COMPONENT_SYMBOLS[m].fill for m in _MAJORS] + [COMPONENT_DEFAULT.fill]
        self.symbol_names, self.symbol = np.unique(layer.column("symbol")[order].astype(str), return_inverse=True)

    def _inside(self, box: tuple[float, float, float, float]) -> np.ndarray:
        lo, hi = np.searchsorted(self.x, [box[0], box[2]])
        rows = np.arange(lo, hi)
        return rows[(self.y[rows] >= box[1]) & (self.y[rows] < box[3])]

    def mode(self, z: int) -> str:
        return SYMBOLS if z >= SYMBOL_ZOOM else CLUSTER

    def touches(self, frame: TileFrame) -> bool:
        """Whether any component lies near the block (as :meth:`paint` looks for them)."""
        return len(self._inside(frame.box(margin_px=8))) > 0

    def paint(self, painter: QPainter, frame: TileFrame, _labels: LabelPlacer) -> str:
        painter.setOpacity(self.opacity)
        if self.mode(frame.z) == CLUSTER:
            self._paint_clusters(painter, frame, self._inside(frame.box()))
        else:
            self._paint_symbols(painter, frame, self._inside(frame.box(margin_px=8)))
        return self.mode(frame.z)

    def _paint_clusters(self, painter: QPainter, frame: TileFrame, rows: np.ndarray) -> None:
        """One graduated circle per 32-px cell, in the colour of the cell's most common major class."""
        if not len(rows):
            return
        px, py = frame.to_px(self.x[rows], self.y[rows])
        cell_px = 32 if frame.z >= CLUSTER_FINE_ZOOM else 64
        nx, ny = frame.cols * TILE_SIZE // cell_px, frame.rows * TILE_SIZE // cell_px
        cell = np.clip(py // cell_px, 0, ny - 1).astype(int) * nx + np.clip(px // cell_px, 0, nx - 1).astype(int)
        n_classes = len(self.colours)
        counts = np.bincount(cell * n_classes + self.major[rows], minlength=nx * ny * n_classes)
        counts = counts.reshape(nx * ny, n_classes)
        totals = counts.sum(axis=1)
        cells = np.flatnonzero(totals)
        total = totals[cells]
        # a quiet density mark, clamped inside its cell
        radius = np.minimum(cell_px / 2 - 3, 2.0 + 2.2 * np.log10(1 + total) * cell_px / 32)
        left, top = (cells % nx) * cell_px, (cells // nx) * cell_px
        cx = np.clip(np.bincount(cell, px, nx * ny)[cells] / total, left + radius + 1, left + cell_px - radius - 1)
        cy = np.clip(np.bincount(cell, py, nx * ny)[cells] / total, top + radius + 1, top + cell_px - radius - 1)
        # blits of pre-rendered marks (an anti-aliased ellipse cost ~50 µs), one call per colour and
        # size, at whole-pixel positions as the marks were drawn
        mark = counts[cells].argmax(axis=1) * 4096 + np.round(radius * 4).astype(int)
        half = np.ceil((mark % 4096) / 4 + 1.5)  # half the side of the mark's pixmap
        order = np.argsort(mark, kind="stable")
        marks = fragments(np.round(cx - half) + half, np.round(cy - half) + half, 2 * half, 2 * half)[order]
        for start, end in _runs(mark[order]):
            key = int(mark[order[start]])
            draw_fragments(painter, marks[start:end], _dot(self.colours[key // 4096], (key % 4096) / 4, cluster=True))
        big = np.flatnonzero(radius >= 12)
        if len(big):
            painter.setFont(label_font(9, bold=True))
            painter.setPen(QColor("#e2e8f0"))
            for x, y, r, n in zip(cx[big].tolist(), cy[big].tolist(), radius[big].tolist(), total[big].tolist()):
                painter.drawText(QRectF(x - r, y - r, 2 * r, 2 * r), Qt.AlignmentFlag.AlignCenter, str(n))

    def _paint_symbols(self, painter: QPainter, frame: TileFrame, rows: np.ndarray) -> None:
        """One ``drawPixmapFragments`` per sprite (a per-point loop held the GIL against the GUI)."""
        if not len(rows):
            return
        px, py = frame.to_px(self.x[rows], self.y[rows])
        scale = 0.8 if frame.z == SYMBOL_ZOOM else 1.0 if frame.z == SYMBOL_ZOOM + 1 else 1.3
        symbols, majors = self.symbol[rows], self.major[rows]
        order = np.argsort(symbols, kind="stable")  # keep the x order within a symbol
        for start, end in _runs(symbols[order]):
            chosen = order[start:end]
            index = int(symbols[chosen[0]])
            major = int(np.bincount(majors[chosen]).argmax())
            pixmap = _sprite_pixmap(str(self.symbol_names[index]), self.colours[major], scale)
            blit_centred(painter, pixmap, px[chosen], py[chosen])


def _runs(keys: np.ndarray) -> list[tuple[int, int]]:
    """``(start, end)`` of each run of equal values in sorted ``keys``."""
    starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
    return list(zip(starts.tolist(), np.r_[starts[1:], len(keys)].tolist()))


def _over(colour: str, fill: QColor) -> QColor:
    """``colour`` composited over the opaque ``fill``."""
    c = QColor(colour)
    a = c.alphaF()
    return QColor.fromRgbF(
        c.redF() * a + fill.redF() * (1 - a),
        c.greenF() * a + fill.greenF() * (1 - a),
        c.blueF() * a + fill.blueF() * (1 - a),
    )


_pixmaps: dict[tuple, QPixmap] = {}


def _dot(colour: str, radius: float, cluster: bool = False) -> QPixmap:
    """An anti-aliased disc centred in an even-sized pixmap: a round line cap, or a cluster mark
    (translucent fill, faint light rim)."""
    key = (colour, radius, cluster)
    dot = _pixmaps.get(key)
    if dot is None:
        side = 2 * math.ceil(radius + 1.5)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = QColor(colour)
        if cluster:
            fill.setAlpha(95)
            p.setPen(QPen(QColor(255, 255, 255, 70), 0.8))
        else:
            p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(fill)
        p.drawEllipse(QPointF(side / 2, side / 2), radius, radius)
        p.end()
        dot = _pixmaps.setdefault(key, QPixmap.fromImage(image))
    return dot


def _sprite_pixmap(symbol: str, colour: str, scale: float) -> QPixmap:
    key = (symbol, colour, scale)
    pixmap = _pixmaps.get(key)
    if pixmap is None:
        pixmap = _pixmaps.setdefault(key, QPixmap.fromImage(sprite(symbol, colour, scale)))
    return pixmap


register_painter(VectorLayer, VectorSnapshot, tiled=True)
register_painter(ComponentLayer, ComponentSnapshot, tiled=True)
