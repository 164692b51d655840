"""The view's tiles composited into one image, so a frame blits one image instead of every tile.

The backdrop covers the view plus a margin at the view's resolution, on a pixel grid fixed per
resolution: a pan blits it at an offset; a pan past the margin shifts it and composites only the
tiles it exposes; an arriving tile is patched into its slot (and into the slots it stands in
for); a zoom or a change of sources (a layer moved, shown or hidden) composites afresh. Each
composite is one ``drawImage`` per tile (the layers' tiles of a key flattened into one image
first, kept for the next composites), and each such
call may hand the GIL to a tile worker for the length of its current paint call, so the fewer
per frame the better (at 1920×1080 a frame of tiles was 40–100 calls).
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRect, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.domain.tiles import MERCATOR_HALF, TILE_SIZE
from widgets.map_view import WORLD, TileKey, ViewTransform, tiles_in
from widgets.tile_cache import children, parent_source

MARGIN = 256  # pixels around the view: pans within it blit, beyond it shift the backdrop
FLAT_TILES = 256  # flattened tiles kept (two large views' worth)
FALLBACK_LEVELS = 6  # levels above a missing tile searched for a stand-in

Lookup = Callable[[TileKey], QImage | None]


def draw_source(painter: QPainter, key: TileKey, lookup: Lookup, target: QRectF) -> bool | None:
    """Draw ``key`` from ``lookup`` into ``target``: True for the tile itself, False for a
    stand-in scaled from a level above or below, None when there is neither (a null image is a
    tile with nothing on it)."""
    image = lookup(key)
    if image is not None:
        if not image.isNull():  # a null image: rendered, with nothing on it
            painter.drawImage(target, image, QRectF(image.rect()))
        return True
    for levels in range(1, min(FALLBACK_LEVELS, key[0]) + 1):
        ancestor, (sx, sy, size) = parent_source(key, levels)
        image = lookup(ancestor)
        if image is not None:
            if not image.isNull():
                painter.drawImage(target, image, QRectF(sx, sy, size, size))
            return False
    drew = None
    half_w, half_h = target.width() / 2, target.height() / 2
    for child, dx, dy in children(key):
        image = lookup(child)
        if image is not None:
            if not image.isNull():
                painter.drawImage(
                    QRectF(target.x() + dx * half_w, target.y() + dy * half_h, half_w, half_h),
                    image,
                    QRectF(image.rect()),
                )
            drew = False
    return drew


class _Flattened:
    """The sources' tiles of a key laid into one image (only where every source has the key), so a
    slot or a stand-in costs one draw however many layers there are. Dropped per key when a tile of
    it arrives, and all at once when the sources change."""

    def __init__(self, limit: int = FLAT_TILES):
        self._limit = limit
        self._sources: tuple = ()
        self._images: OrderedDict[TileKey, QImage] = OrderedDict()

    def use(self, sources: tuple) -> None:
        if sources != self._sources:
            self._sources = sources
            self._images.clear()

    def drop(self, key: TileKey) -> None:
        self._images.pop(key, None)

    def __call__(self, key: TileKey) -> QImage | None:
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            return image
        drawn = []
        for lookup in self._sources:
            part = lookup(key)
            if part is None:  # a source lacks the key (before the other lookups: stand-ins try many keys)
                return None
            if not part.isNull():
                drawn.append(part)
        if not self._sources:
            return None
        if len(drawn) <= 1:
            image = drawn[0] if drawn else QImage()
        else:  # the bottom part converted (a copy once painted on), the others laid on unscaled
            image = drawn[0].scaled(TILE_SIZE, TILE_SIZE).convertToFormat(QImage.Format.Format_ARGB32_Premultiplied)
            painter = QPainter(image)
            for part in drawn[1:]:
                painter.drawImage(QRectF(image.rect()), part, QRectF(part.rect()))
            painter.end()
        self._images[key] = image
        while len(self._images) > self._limit:
            self._images.popitem(last=False)
        return image


class Backdrop:
    """The composited tiles of the sources (bottom first) over ``background``."""

    def __init__(self, background: QColor):
        self._background = background
        self._image: QImage | None = None
        self._grid: tuple | None = None  # (res, zoom, sources) the image was composited for
        self._origin = (0, 0)  # grid pixel of the image's top left
        self._covered: set[TileKey] = set()  # slots composited into the image
        self._exact: set[TileKey] = set()  # … of which show their own tiles (the rest stand-ins)
        self._arrived: set[TileKey] = set()
        self._flat = _Flattened()

    def clear(self) -> None:
        self._image = None
        self._flat.use(())

    def tile_arrived(self, key: TileKey) -> None:
        self._arrived.add(key)
        self._flat.drop(key)

    def paint(self, painter: QPainter, view: ViewTransform, sources: Sequence[Lookup]) -> None:
        """Blit the backdrop for ``view``, compositing what changed or came into view first."""
        grid = (view.res, view.tile_zoom, tuple(sources))
        self._flat.use(grid[2])
        vx, vy = view.grid_origin
        seen = QRect(math.floor(vx), math.floor(vy), view.width + 1, view.height + 1)
        if self._image is None or grid != self._grid:
            self._new_image(seen.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN), grid, keep=False)
        elif not self._rect().contains(seen):
            self._new_image(seen.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN), grid, keep=True)
        todo = [
            key
            for key in self._keys(seen)
            if key not in self._covered
            or key in self._arrived
            or (key not in self._exact and any(_stands_in(other, key) for other in self._arrived))
        ]
        self._arrived.clear()
        if todo:
            target = QPainter(self._image)
            target.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            for key in todo:
                self._compose(target, key)
            target.end()
        painter.drawImage(round(self._origin[0] - vx), round(self._origin[1] - vy), self._image)

    def _rect(self) -> QRect:
        return QRect(*self._origin, self._image.width(), self._image.height())

    def _slot(self, key: TileKey) -> QRect:
        """A tile's rectangle in grid pixels: edges rounded, so neighbours meet without seams."""
        z, x, y = key
        side = WORLD / 2**z / self._grid[0]
        left, top = round(x * side), round(y * side)
        return QRect(left, top, round((x + 1) * side) - left, round((y + 1) * side) - top)

    def _keys(self, rect: QRect) -> list[TileKey]:
        res = self._grid[0]
        x0, x1 = rect.left() * res - MERCATOR_HALF, (rect.right() + 1) * res - MERCATOR_HALF
        y0, y1 = MERCATOR_HALF - (rect.bottom() + 1) * res, MERCATOR_HALF - rect.top() * res
        return tiles_in(self._grid[1], (x0, y0, x1, y1))

    def _new_image(self, rect: QRect, grid: tuple, keep: bool) -> None:
        """A fresh image for ``rect``; with ``keep`` (same grid) the slots the old image holds whole
        are copied over, the rest are composited when they come into view."""
        old, old_rect = self._image, self._rect() if self._image is not None else QRect()
        self._grid, self._origin = grid, (rect.x(), rect.y())
        self._image = QImage(rect.size(), QImage.Format.Format_RGB32)
        self._image.fill(self._background)
        if keep:
            self._covered = {key for key in self._covered if old_rect.contains(self._slot(key))}
            painter = QPainter(self._image)
            painter.drawImage(old_rect.x() - rect.x(), old_rect.y() - rect.y(), old)
            painter.end()
        else:
            self._covered = set()
        self._exact &= self._covered

    def _compose(self, painter: QPainter, key: TileKey) -> None:
        slot = self._slot(key).translated(-self._origin[0], -self._origin[1])
        painter.fillRect(slot, self._background)
        target = QRectF(slot)
        sources = self._grid[2]
        # One draw for the key's own tiles or, while no source has them yet (a zoom), for stand-ins;
        # source by source only while some layers have the key and others not.
        exact = None
        if self._flat(key) is not None or all(lookup(key) is None for lookup in sources):
            exact = draw_source(painter, key, self._flat, target)
        if exact is None:
            exact = True
            for lookup in sources:
                exact = draw_source(painter, key, lookup, target) is True and exact
        self._covered.add(key)
        if exact:
            self._exact.add(key)
        else:
            self._exact.discard(key)


def _stands_in(tile: TileKey, slot: TileKey) -> bool:
    """Whether ``tile`` is an ancestor or a child of ``slot`` (a stand-in source for it)."""
    levels = slot[0] - tile[0]
    if levels > 0:
        return (slot[1] >> levels, slot[2] >> levels) == tile[1:]
    return levels == -1 and (tile[1] >> 1, tile[2] >> 1) == slot[1:]
