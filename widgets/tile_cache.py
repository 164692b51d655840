"""Raster tiles of the static layers: rendered by worker threads, cached, invalidated by box.

A cache holds the tiles of one :class:`TileStack` (an immutable snapshot of one layer, or of the
labels of all layers: :mod:`widgets.layer_tiles`). The GUI thread hands a worker a block of tile
keys (:func:`blocks`) and the stacks of the caches that need it; the worker paints the block, stack
after stack, on one reused QImage, cuts it into tiles, and they come back through a queued signal (one
for the job). Each key has a
version; invalidating a box bumps the versions of the keys it touches, so late results of an old
version are dropped, while the old image stays on show until the new one arrives (the map never
goes blank).
"""

from __future__ import annotations

import itertools
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np
import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPainter

from desktop.domain.tiles import MERCATOR_HALF, TILE_SIZE
from widgets.map_view import WORLD, TileKey
from widgets.static_layers import LabelPlacer, TileFrame

EMPTY = QImage()  # a rendered tile with nothing on it: kept as this null image, costing no memory
BLOCK = 4  # tiles per side painted in one job at most
BLOCK_ZOOM = 16  # full blocks from this level on, halved per level below: where a tile holds
# much, its drawing outweighs the per-call overhead, and a block's long Qt calls would hold the
# GIL (PySide6 keeps it through a QPainter call) against the GUI thread's frames


@dataclass(frozen=True)
class TileStack:
    """What the static tiles show: snapshots bottom first (each with ``paint(painter, frame, labels)``);
    with ``labels`` False the snapshots get no :class:`LabelPlacer` (labels are painted elsewhere)."""

    layers: tuple = field(default_factory=tuple)
    labels: bool = True

    def render(self, key: TileKey) -> tuple[QImage, dict[str, str]]:
        """The tile image and the level-of-detail mode each layer chose (by layer name)."""
        tiles, modes = self.render_block(key)
        return tiles[0][1], modes

    def touches(self, key: TileKey, cols: int = 1, rows: int = 1) -> bool:
        """Whether any layer may draw in the block: one in its scale range whose ``touches(frame)``
        says so (a snapshot without it always may)."""
        frame = TileFrame.of(key, cols, rows)
        return any(
            _in_range(layer, frame.scale) and (not hasattr(layer, "touches") or layer.touches(frame))
            for layer in self.layers
        )

    def render_block(
        self,
        key: TileKey,
        cols: int = 1,
        rows: int = 1,
        canvas: QImage | None = None,
    ) -> tuple[list[tuple[TileKey, QImage]], dict[str, str]]:
        """The ``cols`` × ``rows`` tiles from ``key`` on, painted as one image and cut apart (queries,
        conversions and Qt calls cost about the same per block as per tile; a tile left wholly
        transparent is :data:`EMPTY`), and the layers' modes. ``canvas``, a block-sized image from
        :func:`block_image`, is painted on instead of a new one (a job paints several stacks on one)."""
        image = canvas if canvas is not None else block_image(cols, rows)
        image.fill(Qt.GlobalColor.transparent)
        frame = TileFrame.of(key, cols, rows)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        labels = LabelPlacer(cols, rows) if self.labels else None
        modes = {}
        scale = frame.scale
        for layer in self.layers:
            if not _in_range(layer, scale):
                continue
            mode = layer.paint(painter, frame, labels)
            if mode:
                modes[layer.name] = mode
        if labels is not None:
            labels.paint(painter)
        painter.end()
        # per tile, in one pass over the block, two pixels at a time
        pixels = np.frombuffer(image.constBits(), dtype=np.uint64).reshape(rows, TILE_SIZE, cols, TILE_SIZE // 2)
        drawn = pixels.any(axis=(1, 3)).tolist()
        z, x, y = key
        if cols == rows == 1 and canvas is None:
            return [(key, image if drawn[0][0] else EMPTY)], modes
        return [
            (
                (z, x + dx, y + dy),
                image.copy(dx * TILE_SIZE, dy * TILE_SIZE, TILE_SIZE, TILE_SIZE) if drawn[dy][dx] else EMPTY,
            )
            for dy in range(rows)
            for dx in range(cols)
        ], modes


def _in_range(layer, scale: float) -> bool:
    low, high = layer.scale_range
    return not ((low and scale < low) or (high and scale > high))


def block_image(cols: int, rows: int) -> QImage:
    """An image for a block of ``cols`` × ``rows`` tiles (its pixels undefined until filled)."""
    return QImage(cols * TILE_SIZE, rows * TILE_SIZE, QImage.Format.Format_ARGB32_Premultiplied)


def block_side(z: int) -> int:
    return max(1, BLOCK >> max(0, BLOCK_ZOOM - z))


def blocks(keys) -> list[tuple[TileKey, int, int]]:
    """Rectangles of at most :func:`block_side` tiles a side, as ``(top-left key, cols, rows)``,
    that cover ``keys`` and nothing else, nearest the middle of their level's keys first."""
    by_level: dict[int, set[tuple[int, int]]] = {}
    for z, x, y in keys:
        by_level.setdefault(z, set()).add((x, y))
    found = []
    for z, cells in by_level.items():
        side = block_side(z)
        xs, ys = [x for x, _ in cells], [y for _, y in cells]
        mid = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
        for x, y in sorted(cells, key=lambda c: (c[1], c[0])):
            if (x, y) not in cells:
                continue
            cols = 1
            while cols < side and (x + cols, y) in cells:
                cols += 1
            rows = 1
            while rows < side and all((x + dx, y + rows) in cells for dx in range(cols)):
                rows += 1
            cells.difference_update((x + dx, y + dy) for dy in range(rows) for dx in range(cols))
            found.append(((z, x, y), cols, rows, abs(x + cols / 2 - mid[0]) + abs(y + rows / 2 - mid[1])))
    return [block[:3] for block in sorted(found, key=lambda b: b[3])]


def keys_touching(keys, bbox_m: tuple[float, float, float, float], margin_px: float = 16.0) -> list[TileKey]:
    """The keys among ``keys`` whose tiles (grown by a symbol margin) meet a Mercator box."""
    touched = []
    for z, x, y in keys:
        size = WORLD / 2**z
        m = margin_px * size / TILE_SIZE
        left, top = -MERCATOR_HALF + x * size, MERCATOR_HALF - y * size
        if (
            left - m <= bbox_m[2]
            and bbox_m[0] <= left + size + m
            and top - size - m <= bbox_m[3]
            and bbox_m[1] <= top + m
        ):
            touched.append((z, x, y))
    return touched


class _Relay(QObject):
    """Carries results from workers to the GUI thread; lives for the whole process, so a worker
    never emits on a cache that was deleted meanwhile (results for a gone cache are dropped)."""

    rendered = Signal(object)  # a job's results: [(cache id, [(key, version, image, modes)])]

    def __init__(self):
        super().__init__()
        self.caches: weakref.WeakValueDictionary[int, TileCache] = weakref.WeakValueDictionary()
        self.rendered.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)

    def _dispatch(self, results: list) -> None:
        for cache_id, tiles in results:
            cache = self.caches.get(cache_id)
            if cache is not None and shiboken6.isValid(cache):
                cache._accept(tiles)


_relay: _Relay | None = None
_ids = itertools.count()
_stamps = itertools.count()


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


class TileCache(QObject):
    """Tiles by key; :meth:`plan` marks what is missing or stale for a :func:`job` to render."""

    sig_tiles_ready = Signal(object)  # the set of keys a job brought

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._id = next(_ids)
        _the_relay().caches[self._id] = self
        self._stack = TileStack()
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()
        self.drawn = 0  # images that are not EMPTY: what the tiles cost in memory
        self._modes: dict[TileKey, dict[str, str]] = {}
        self._generation = 0
        self._bumps: dict[TileKey, int] = {}
        self._stale: set[TileKey] = set()
        self._pending: dict[TileKey, tuple] = {}
        self.changes = next(_stamps)  # a new stamp (unique in the process) whenever tiles go stale or are evicted
        self.rendered: list[TileKey] = []  # every tile rendered, in order of arrival (tests, bench)

    # --- contents -----------------------------------------------------------------------
    def set_stack(self, stack: TileStack, changed_bbox=None) -> None:
        """Show ``stack`` from now on; tiles meeting ``changed_bbox`` (Mercator; None: all) go stale."""
        self._stack = stack
        self.invalidate(changed_bbox)

    def invalidate(self, bbox_m=None) -> None:
        self.changes = next(_stamps)
        if bbox_m is None:
            self._generation += 1
            self._bumps.clear()
            self._stale = set(self._images)  # queued jobs of the old generation return at once (job)
            self._pending.clear()
            return
        known = set(self._images) | set(self._pending)
        for key in keys_touching(known, bbox_m):
            self._bumps[key] = self._bumps.get(key, 0) + 1
            if key in self._images:
                self._stale.add(key)

    def image(self, key: TileKey) -> QImage | None:
        """The tile's image, possibly stale (:data:`EMPTY` when nothing is on it); None when never rendered."""
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
        return image

    def is_current(self, key: TileKey) -> bool:
        return key in self._images and key not in self._stale

    def mode(self, key: TileKey, layer_name: str) -> str | None:
        """The level-of-detail mode ``layer_name`` chose in the current image of ``key``."""
        return self._modes.get(key, {}).get(layer_name)

    def clear(self) -> None:
        self._images.clear()
        self.drawn = 0
        self._modes.clear()
        self.invalidate(None)

    def evict(self, key: TileKey) -> None:
        """Forget the tile of ``key`` (rendered afresh when asked for again)."""
        image = self._images.pop(key, None)
        if image is not None:
            self.drawn -= not image.isNull()
            self.changes = next(_stamps)
            self._modes.pop(key, None)
            self._stale.discard(key)

    # --- rendering ----------------------------------------------------------------------
    def _version(self, key: TileKey) -> tuple[int, int]:
        return self._generation, self._bumps.get(key, 0)

    def plan(self, keys) -> list[tuple[TileKey, int, int, tuple]]:
        """Mark the keys that are missing or stale as in flight; returns their blocks as ``(top-left key,
        cols, rows, part)``, the part to hand to :func:`job` (which may paint other caches' parts too)."""
        wanted = []
        for key in keys:
            version = self._version(key)
            if self.is_current(key) or self._pending.get(key) == version:
                continue
            self._pending[key] = version
            wanted.append(key)
        planned = []
        for key, cols, rows in blocks(wanted):
            z, x, y = key
            versions = [
                ((z, x + dx, y + dy), self._pending[(z, x + dx, y + dy)]) for dy in range(rows) for dx in range(cols)
            ]
            planned.append((key, cols, rows, (self._stack, self._id, versions)))
        return planned

    @property
    def pending(self) -> int:
        return len(self._pending)

    def _accept(self, tiles: list[tuple[TileKey, tuple, QImage, dict]]) -> None:
        """Keep a job's tiles ``(key, version, image, modes)`` that are still wanted; one signal for all."""
        arrived = set()
        for key, version, image, modes in tiles:
            if self._pending.get(key) == version:
                del self._pending[key]
            if version != self._version(key):
                continue  # invalidated while rendering: a newer request follows
            old = self._images.get(key)
            self.drawn += (not image.isNull()) - (old is not None and not old.isNull())
            self._images[key] = image
            self._images.move_to_end(key)
            self._modes[key] = modes
            self._stale.discard(key)
            self.rendered.append(key)
            arrived.add(key)
        if arrived:
            self.sig_tiles_ready.emit(arrived)


def job(key: TileKey, cols: int, rows: int, parts: list[tuple]):
    """A worker job painting the block of ``cols`` × ``rows`` tiles from ``key`` for each
    ``(stack, cache id, versions)`` part (from :meth:`TileCache.plan`); the tiles of all parts come
    back together, so the backdrop composites each slot once for all of them."""
    relay = _the_relay()

    def run() -> None:
        results = []
        canvas = None  # one block image, painted afresh for each part
        for stack, cache_id, versions in parts:
            cache = relay.caches.get(cache_id)
            if cache is None or cache._generation != versions[0][1][0]:
                continue  # fully invalidated while queued: only tiles of the old generation to paint
            if not stack.touches(key, cols, rows):  # nothing there: no image to paint, cut and keep
                results.append((cache_id, [(tile_key, version, EMPTY, {}) for tile_key, version in versions]))
                continue
            canvas = canvas or block_image(cols, rows)
            tiles, modes = stack.render_block(key, cols, rows, canvas)
            results.append(
                (
                    cache_id,
                    [(tile_key, version, image, modes) for (tile_key, image), (_, version) in zip(tiles, versions)],
                )
            )
        try:
            relay.rendered.emit(results)  # one queued call for the whole job
        except RuntimeError:  # the application is shutting down and the relay is gone
            pass

    return run


def parent_source(key: TileKey, levels: int) -> tuple[TileKey, tuple[float, float, float]]:
    """The ancestor ``levels`` up and the (x, y, size) of ``key``'s part of it, in its pixels."""
    z, x, y = key
    factor = 2**levels
    size = TILE_SIZE / factor
    return (z - levels, x // factor, y // factor), ((x % factor) * size, (y % factor) * size, size)


def children(key: TileKey) -> list[tuple[TileKey, int, int]]:
    """The four tiles one level down and their (column, row) in the parent."""
    z, x, y = key
    return [((z + 1, 2 * x + dx, 2 * y + dy), dx, dy) for dy in (0, 1) for dx in (0, 1)]
