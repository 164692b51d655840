"""The 一张图 map canvas: cached raster tiles for the static layers, live layers every frame.

A plain QWidget, not pyqtgraph (README, *Design decisions*): grids and components are painted once
into 256-px Web-Mercator tiles by worker threads (:mod:`widgets.tile_cache`), cached per layer
(:mod:`widgets.layer_tiles`), and a frame only composites tiles (one pre-composited
:mod:`widgets.tile_backdrop` image, in layer order) plus the live layers. While tiles of a new zoom
render, the scaled tiles of the level above or below stand in, so the map is never blank and the
GUI never waits.
"""

from __future__ import annotations

import math
import time

import shiboken6
from PySide6.QtCore import QEasingCurve, QEventLoop, QPointF, Qt, QTimer, QVariantAnimation
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QWheelEvent
from PySide6.QtWidgets import QWidget

from desktop.seat.app_state import AppState
from layers.painter_registry import painter_entry
from layers.throttle import Throttle
from widgets import live_painters  # noqa: F401 - registers the painters of the live layers
from widgets.base_map_source import OWN, QGIS, BaseMapSource
from widgets.layer_tiles import LayerTiles
from widgets.map_overlays import Overlay, SelectionOverlay, paint_north_arrow, paint_scale_bar
from widgets.map_view import MAX_ZOOM, ViewTransform, mercator_bbox, resolution, to_mercator
from widgets.overview_map import OverviewMap
from widgets.static_layers import LabelsOf, scale_denominator
from widgets.tile_backdrop import Backdrop

BACKGROUND = QColor("#08111f")
GRID_OPACITY_OVER_QGIS = 0.55  # unit grids let the QGIS base show through
_ZOOM_STEP = 1.25
_CLICK_SLOP = 4  # pixels a click may move and still be a click
_ALARM_FPS = 20
_PULSE_SECONDS = 1.2
_TILE_REPAINT_MS = 40


class MapCanvas(QWidget):
    """Shows :attr:`AppState.layers`; ``base_map`` is ``"auto"`` (QGIS when available) or ``"own"``."""

    def __init__(
        self,
        state: AppState,
        parent: QWidget | None = None,
        *,
        base_map: str = "auto",
        threads: int = 2,
        overview: bool = True,
    ):
        super().__init__(parent)
        self.setObjectName("mapCanvas")
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self._state = state
        self._base_map = base_map
        self._view = ViewTransform(width=self.width(), height=self.height())
        self._fit_pending = False
        self._press: QPointF | None = None
        self._drag_from: QPointF | None = None
        self._entries: dict = {}  # layer → its painter entry (None: nothing draws it)
        self._painters: dict = {}  # live layer → its painter
        self._snapshots: dict = {}  # tile layer → (snapshot, style it was built with)
        self._live: list = []  # live painters, bottom first
        self._overlays: list[Overlay] = []
        self._backdrop = Backdrop(BACKGROUND)
        self.tiles = LayerTiles(threads, self)
        # Tiles stream in one by one; repaint for them at most every _TILE_REPAINT_MS, not per
        # tile: a composite per arrival took the GUI thread's share of the 2 cores from the workers.
        self._tile_repaint = Throttle(_TILE_REPAINT_MS, parent=self)
        self._tile_repaint.sig_fired.connect(self._repaint)
        self.tiles.sig_tiles_ready.connect(self._tiles_arrived)
        self.tiles.sig_cleared.connect(self._tiles_cleared)
        self.base = BaseMapSource(self)
        self.base.sig_tile_ready.connect(self._tile_arrived)
        self.base.sig_mode_changed.connect(self._base_mode_changed)
        self.selection = SelectionOverlay(state.layers)
        self._pulse = QTimer(self)
        self._pulse.setInterval(1000 // _ALARM_FPS)
        self._pulse.timeout.connect(self.update)
        self._fly = QVariantAnimation(self)
        self._fly.setDuration(450)
        self._fly.setEasingCurve(QEasingCurve.Type.InOutCubic)
        self._fly.valueChanged.connect(self._fly_step)
        self.overview = OverviewMap(state, self) if overview else None
        if self.overview is not None:
            self.overview.sig_centre_on.connect(self._centre_on)
        state.layers.sig_reset.connect(self._layers_reset)
        state.layers.sig_inserted.connect(self._layer_inserted)
        state.layers.sig_removed.connect(self._layer_removed)
        state.layers.sig_moved.connect(self._layer_moved)
        state.sig_selection_changed.connect(self._selection_changed)
        state.sig_fly_to.connect(self.fly_to)
        self._layers_reset()

    def _tile_arrived(self, key) -> None:
        self._tiles_arrived((key,))

    def _tiles_arrived(self, keys) -> None:
        for key in keys:
            self._backdrop.tile_arrived(key)
        self._tile_repaint.push()

    def _tiles_cleared(self) -> None:
        self._backdrop.clear()
        self.update()

    def _repaint(self, _value) -> None:
        self.update()

    # --- view ---------------------------------------------------------------------------
    @property
    def view(self) -> ViewTransform:
        return self._view

    def _set_view(self, view: ViewTransform) -> None:
        self._view = view.with_(res=max(view.res, resolution(MAX_ZOOM + 1)))
        if self.overview is not None:
            self.overview.set_view(self._view)
        self.update()

    def to_screen(self, lon: float, lat: float) -> QPointF:
        x, y = self._view.lonlat_to_screen(lon, lat)
        return QPointF(float(x), float(y))

    def to_lonlat(self, pos: QPointF) -> QPointF:
        lon, lat = self._view.screen_to_lonlat(pos.x(), pos.y())
        return QPointF(float(lon), float(lat))

    def fit_to_city(self) -> None:
        bounds = self._state.layers.bounds
        self._fit_pending = False
        if bounds is not None:
            self.show_bbox(bounds)

    def show_bbox(self, bbox) -> None:
        """Jump to a lon/lat box."""
        self._fly.stop()
        self._set_view(self._view.with_(width=self.width(), height=self.height()).fitted(bbox))

    def fly_to(self, bbox) -> None:
        """Animate to a lon/lat box (jump when hidden)."""
        if not self.isVisible():
            self.show_bbox(bbox)
            return
        target = self._view.fitted(bbox)
        self._fly.stop()
        self._fly_from, self._fly_to = self._view, target  # before setStartValue, which may step at once
        self._fly.setStartValue(0.0)
        self._fly.setEndValue(1.0)
        self._fly.start()

    def _fly_step(self, t: float) -> None:
        a, b = self._fly_from, self._fly_to
        self._set_view(
            self._view.with_(
                cx=a.cx + (b.cx - a.cx) * t,
                cy=a.cy + (b.cy - a.cy) * t,
                res=math.exp(math.log(a.res) + (math.log(b.res) - math.log(a.res)) * t),
            )
        )

    def zoom(self, factor: float, anchor: QPointF) -> None:
        """Zoom by ``factor`` keeping the point under ``anchor`` (widget pixels) in place."""
        fx, fy = self._view.from_screen(anchor.x(), anchor.y())
        view = self._view.with_(res=max(self._view.res / factor, resolution(MAX_ZOOM + 1)))
        mx, my = view.from_screen(anchor.x(), anchor.y())
        self._set_view(view.with_(cx=view.cx + float(fx - mx), cy=view.cy + float(fy - my)))

    def pan_pixels(self, dx: float, dy: float) -> None:
        self._set_view(self._view.with_(cx=self._view.cx - dx * self._view.res, cy=self._view.cy + dy * self._view.res))

    def _centre_on(self, lon: float, lat: float) -> None:
        mx, my = to_mercator(lon, lat)
        self._set_view(self._view.with_(cx=float(mx), cy=float(my)))

    # --- overlays -----------------------------------------------------------------------
    def add_overlay(self, item: Overlay) -> None:
        """Draw ``item`` (``paint(painter, view)``) over the map until removed."""
        self._overlays.append(item)
        self.update()

    def remove_overlay(self, item: Overlay) -> None:
        if item in self._overlays:
            self._overlays.remove(item)
            self.update()

    def _selection_changed(self, items) -> None:
        self.selection.items = tuple(items)
        self.update()

    # --- layers -------------------------------------------------------------------------
    def _layers_reset(self) -> None:
        for layer in list(self._entries):
            self._unwatch(layer)
        self.tiles.reset()
        for layer in self._state.layers:
            self._watch(layer)
        self._backdrop.clear()
        self._restack(None)
        database = self._state.database
        if self._base_map == "auto":
            self.base.start(database.url if database is not None else None)
        self._update_pulse()
        self._fit_pending = True
        self.update()

    def _layer_inserted(self, _index: int, layer) -> None:
        self._watch(layer)
        self._restack(layer.bounds)
        self._update_pulse()

    def _layer_removed(self, _index: int, layer) -> None:
        self._unwatch(layer)
        self._restack(layer.bounds)
        self._update_pulse()

    def _layer_moved(self, _old: int, new: int) -> None:
        self._restack(self._state.layers[new].bounds)

    def _watch(self, layer) -> None:
        """Find the layer's painter (:mod:`layers.painter_registry`) and follow its signals."""
        entry = self._entries[layer] = painter_entry(layer)
        if entry is not None and not entry.tiled:
            self._painters[layer] = entry.factory(layer)
        layer.sig_changed.connect(self._layer_restyled)
        layer.sig_data_changed.connect(self._layer_data_changed)

    def _unwatch(self, layer) -> None:
        self._entries.pop(layer, None)
        self._painters.pop(layer, None)
        self._snapshots.pop(layer, None)
        self.tiles.drop(layer)
        if shiboken6.isValid(layer):
            layer.sig_changed.disconnect(self._layer_restyled)
            layer.sig_data_changed.disconnect(self._layer_data_changed)

    def _tiled(self, layer) -> bool:
        entry = self._entries.get(layer)
        return entry is not None and entry.tiled

    def _in_tiles(self, layer) -> bool:
        """A tile layer that shows: visible, and not part of the base map while QGIS draws that."""
        return (
            self._tiled(layer) and layer.visible and (self.base.mode != QGIS or not getattr(layer, "base_map", False))
        )

    def _style(self, layer) -> tuple:
        """What a tile layer's snapshot bakes in besides its data."""
        grids_over_qgis = self.base.mode == QGIS and getattr(layer, "table", None) == "unit_grid"
        return layer.opacity * (GRID_OPACITY_OVER_QGIS if grids_over_qgis else 1.0), layer.scale_range

    def _build(self, layer, style: tuple, changed_m=None):
        """A new snapshot of a tile layer; its tiles meeting ``changed_m`` (Mercator, None: all) go stale."""
        snapshot = self._entries[layer].factory(layer)
        snapshot.opacity = style[0]
        self._snapshots[layer] = (snapshot, style)
        self.tiles.set_layer(layer, snapshot, changed_m)
        return snapshot

    def _snapshot(self, layer):
        style = self._style(layer)
        current = self._snapshots.get(layer)
        return self._build(layer, style) if current is None or current[1] != style else current[0]

    def _restack(self, changed_lonlat) -> None:
        """Tile layers and live painters in the list's order; label tiles meeting ``changed_lonlat``
        (None: all) go stale when the labelled layers change. Cached tiles are kept."""
        shown = [layer for layer in self._state.layers if self._in_tiles(layer)]
        snapshots = [self._snapshot(layer) for layer in shown]
        self.tiles.set_order(shown)
        self.tiles.set_labels(
            tuple(LabelsOf(s) for s in snapshots if getattr(s, "has_labels", False)),
            None if changed_lonlat is None else mercator_bbox(changed_lonlat),
        )
        self._live = [self._painters[layer] for layer in self._state.layers if layer in self._painters]
        self.update()

    def _layer_data_changed(self, bbox) -> None:
        layer = self.sender()
        if self._tiled(layer):
            if layer in self._snapshots and self._in_tiles(layer):  # its tiles in the box go stale
                self._build(layer, self._snapshots[layer][1], None if bbox is None else mercator_bbox(bbox))
            else:  # rebuilt, with all its tiles, when it shows again
                self._snapshots.pop(layer, None)
            self._restack(bbox)
        else:
            self._update_pulse()
            self.update()

    def _layer_restyled(self) -> None:
        layer = self.sender()
        if self._tiled(layer):
            self._restack(layer.bounds)
        self._update_pulse()
        self.update()

    def _update_pulse(self) -> None:
        alarming = any(getattr(p, "animated", False) and p.layer.visible and len(p.layer) for p in self._live)
        if alarming and not self._pulse.isActive():
            self._pulse.start()
        elif not alarming:
            self._pulse.stop()

    def _base_mode_changed(self, message: str) -> None:
        self._state.show_status(message)
        self._backdrop.clear()
        self._restack(None)

    # --- tiles --------------------------------------------------------------------------
    def _request_visible(self) -> int:
        """Ask for the tiles of the current view; returns how many are outstanding."""
        keys = self._view.tiles()
        outstanding = self.tiles.request(keys)
        if self.base.mode != OWN:
            outstanding += self.base.request(keys)
        return outstanding

    def is_complete(self) -> bool:
        """True when every tile of the view is current (requesting the ones that are not)."""
        self._request_visible()
        keys = self._view.tiles()
        return self.tiles.all_current(keys) and all(self.base.is_done(k) for k in keys)

    def wait_until_complete(self, timeout: float = 30.0) -> bool:
        """Run a local event loop until every tile of the view is current (or ``timeout`` s pass)."""
        if self._fit_pending:
            self.fit_to_city()
        deadline = time.monotonic() + timeout
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(50)  # the deadline and base-map mode changes; tile arrivals wake at once

        def check(*_args) -> None:
            if self.is_complete() or time.monotonic() > deadline:
                loop.quit()

        timer.timeout.connect(check)
        sources = (self.tiles.sig_tiles_ready, self.base.sig_tile_ready)
        for signal in sources:
            signal.connect(check)
        timer.start()
        if not self.is_complete():
            loop.exec()
        timer.stop()
        for signal in sources:
            signal.disconnect(check)
        return self.is_complete()

    def render_image(self) -> QImage:
        """The canvas as an image (what the window shows)."""
        return self.grab().toImage()

    # --- Qt events ----------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        self._view = self._view.with_(width=max(1, self.width()), height=max(1, self.height()))
        if self.overview is not None:
            self.overview.move(self.width() - self.overview.width() - 12, self.height() - self.overview.height() - 12)
        super().resizeEvent(event)

    def paintEvent(self, _event) -> None:
        if self._fit_pending:
            self.fit_to_city()
        view = self._view
        painter = QPainter(self)
        if not len(self._state.layers):
            painter.fillRect(self.rect(), BACKGROUND)
            painter.setPen(QColor("#6b7f99"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("No city database is open"))
            painter.end()
            return
        sources = self.tiles.sources(view.tile_zoom)
        if self.base.mode == QGIS:
            sources = (self.base.image, *sources)
        self._backdrop.paint(painter, view, sources)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        phase = (time.monotonic() % _PULSE_SECONDS) / _PULSE_SECONDS
        scale = scale_denominator(view.metres_per_pixel)
        for live in self._live:
            if live.layer.shows_at(scale):
                painter.setOpacity(live.layer.opacity)
                live.paint(painter, view, phase)
        painter.setOpacity(1.0)
        for item in (self.selection, *self._overlays):
            item.paint(painter, view)
        paint_scale_bar(painter, view)
        paint_north_arrow(painter, view)
        painter.end()
        self._request_visible()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = self._drag_from = event.position()
            self.setCursor(Qt.CursorShape.ClosedHandCursor)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is not None:
            delta = event.position() - self._drag_from
            self._drag_from = event.position()
            self.pan_pixels(delta.x(), delta.y())
        lonlat = self.to_lonlat(event.position())
        self._state.set_cursor(lonlat.x(), lonlat.y())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._press is not None and (event.position() - self._press).manhattanLength() <= _CLICK_SLOP:
            lonlat = self.to_lonlat(event.position())
            tolerance = _CLICK_SLOP * self._view.metres_per_pixel / 111_320.0
            self._state.sig_map_clicked.emit(lonlat.x(), lonlat.y(), tolerance)
        self._press = self._drag_from = None
        self.unsetCursor()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        self.zoom(_ZOOM_STEP**2, event.position())

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.zoom(_ZOOM_STEP ** (event.angleDelta().y() / 120), event.position())

    def closeEvent(self, event) -> None:
        self.tiles.shutdown()
        self.base.close()
        super().closeEvent(event)
