"""The static tiles of every tile layer, cached per layer, plus one tile layer of all their labels.

Each tile layer has a :class:`TileCache` of its own (one shared thread pool renders them all), so a
data change re-renders that layer's tiles only, a new layer renders only its own, and a reorder or
a visibility switch renders nothing: the backdrop composites the cached tiles in the new order.
Labels are placed across layers (no label overprints another), so they have one cache over all.
One budget of drawn tiles covers every layer: the keys shown least recently are evicted from all
layers at once.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, QThreadPool, Signal

from layers.throttle import Throttle
from widgets.map_view import TileKey
from widgets.tile_cache import TileCache, TileStack, job

MAX_KEYS = 1500  # keys with tiles kept at most, empty ones included
DRAWN_TILES = 480  # drawn tiles of all layers kept at most (256 KB each): the keys shown least recently go
# first, from every layer at once, never those of the view; empty tiles cost no memory and do not count


class LayerTiles(QObject):
    """Tile caches by layer; :meth:`set_order` says which show, bottom first."""

    sig_tiles_ready = Signal(object)  # a set of keys whose tiles arrived (of any layer)
    sig_cleared = Signal()  # every tile dropped: so are the images made of them

    def __init__(self, threads: int = 2, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool()  # not a child: its destructor waits for running jobs
        self._pool.setMaxThreadCount(threads)
        self._caches: dict[object, TileCache] = {}
        self._order: list[TileCache] = []
        self._held: list | None = None
        self._recent: OrderedDict[TileKey, None] = OrderedDict()  # keys asked for or arrived, least recent first
        self._view: set = set()  # the keys of the last request: never evicted
        self._asked: tuple | None = None  # the last request's keys and its caches' change stamps
        self.rendered: list[TileKey] = []  # every tile rendered, of any layer, in order of arrival (tests, bench)
        # the layers' tiles of a block arrive together: announce each key once, not once per layer
        self._arrivals = Throttle(1, merge=set.union, parent=self)
        self._arrivals.sig_fired.connect(self._announce)
        self._labels = self._new_cache()
        self._label_stack: tuple = ()

    def _new_cache(self) -> TileCache:
        cache = TileCache(self)
        cache.rendered = self.rendered
        cache.sig_tiles_ready.connect(self._arrived)
        return cache

    def _touch(self, keys) -> None:
        for key in keys:
            self._recent[key] = None
            self._recent.move_to_end(key)

    def _arrived(self, keys: set) -> None:
        self._touch(keys)
        self._arrivals.push(keys)
        self._trim()

    def _trim(self) -> None:
        """Evict the least recently shown keys, of every layer, while the drawn tiles exceed the budget
        (or the keys :data:`MAX_KEYS`)."""
        caches = (*self._caches.values(), self._labels)
        drawn = sum(cache.drawn for cache in caches)
        if drawn <= DRAWN_TILES and len(self._recent) <= MAX_KEYS:
            return
        for key in [key for key in self._recent if key not in self._view]:
            del self._recent[key]
            for cache in caches:
                drawn -= cache.drawn
                cache.evict(key)
                drawn += cache.drawn
            if drawn <= DRAWN_TILES and len(self._recent) <= MAX_KEYS:
                break

    def _announce(self, keys: set) -> None:
        self.sig_tiles_ready.emit(keys)

    # --- contents -----------------------------------------------------------------------
    def set_layer(self, layer, snapshot, changed_bbox_m=None) -> None:
        """``layer``'s tiles show ``snapshot`` from now on; tiles meeting ``changed_bbox_m`` (Mercator;
        None: all of the layer's) go stale."""
        cache = self._caches.get(layer)
        if cache is None:
            cache = self._caches[layer] = self._new_cache()
        cache.set_stack(TileStack((snapshot,), labels=False), changed_bbox_m)

    def drop(self, layer) -> None:
        """Forget ``layer``'s tiles (its queued jobs return at once)."""
        cache = self._caches.pop(layer, None)
        if cache is not None:
            cache.clear()
            if cache in self._order:
                self._order.remove(cache)
            cache.deleteLater()

    def set_labels(self, snapshots: tuple, changed_bbox_m=None) -> None:
        """The labelled snapshots (``LabelsOf``), bottom first; label tiles meeting the box go stale."""
        if snapshots != self._label_stack:
            self._label_stack = snapshots
            self._labels.set_stack(TileStack(snapshots), changed_bbox_m)

    def set_order(self, layers) -> None:
        """Show the tiles of ``layers`` (bottom first); the others are kept but not shown or requested."""
        self._order = [self._caches[layer] for layer in layers if layer in self._caches]

    # --- what shows -----------------------------------------------------------------------
    def _shown(self, z: int) -> list[TileCache]:
        labelled = any(label.snapshot.labels_at(z) for label in self._label_stack)
        return [*self._order, self._labels] if labelled else list(self._order)

    def sources(self, z: int) -> tuple:
        """The image lookups of the tiles shown at level ``z``, bottom first."""
        return tuple(cache.image for cache in self._shown(z))

    def request(self, keys) -> int:
        """Start rendering the shown tiles that are missing or stale, one job per block for all the
        layers that need it; returns how many tiles are in flight."""
        keys = tuple(keys)
        if not keys:
            return 0
        self._view = set(keys)
        self._touch(keys)
        shown = self._shown(keys[0][0])
        asked = (keys, tuple(cache.changes for cache in shown))
        if asked == self._asked:  # nothing went stale since: all is current or in flight
            return sum(cache.pending for cache in shown)
        self._asked = asked
        by_block: dict[tuple, list] = {}
        for cache in shown:
            for key, cols, rows, part in cache.plan(keys):
                by_block.setdefault((key, cols, rows), []).append(part)
        for (key, cols, rows), parts in by_block.items():
            work = job(key, cols, rows, parts)
            if self._held is not None:
                self._held.append(work)
            else:
                self._pool.start(work)
        return sum(cache.pending for cache in shown)

    def is_current(self, key: TileKey) -> bool:
        return all(cache.is_current(key) for cache in self._shown(key[0]))

    def all_current(self, keys) -> bool:
        """Whether every tile of ``keys`` (one level) is current in every shown layer and announced."""
        keys = list(keys)
        if self._arrivals.pending:
            return False
        return not keys or all(cache.is_current(key) for cache in self._shown(keys[0][0]) for key in keys)

    def mode(self, key: TileKey, layer_name: str) -> str | None:
        """The level-of-detail mode ``layer_name`` chose in the current image of ``key``."""
        return next((mode for cache in self._caches.values() if (mode := cache.mode(key, layer_name))), None)

    @property
    def pending(self) -> int:
        return sum(cache.pending for cache in (*self._caches.values(), self._labels))

    def clear(self) -> None:
        """Drop every tile (the layers stay)."""
        for cache in (*self._caches.values(), self._labels):
            cache.clear()
        self._recent.clear()
        self.sig_cleared.emit()

    def reset(self) -> None:
        """Forget every layer."""
        for layer in list(self._caches):
            self.drop(layer)
        self._label_stack = ()
        self._labels.set_stack(TileStack())
        self._labels.clear()
        self._recent.clear()

    def hold(self) -> None:
        """Queue new jobs without running them (tests: what shows before tiles arrive)."""
        if self._held is None:
            self._held = []

    def release(self) -> None:
        held, self._held = self._held or [], None
        for work in held:
            self._pool.start(work)

    def shutdown(self) -> None:
        self._held = None
        self._pool.clear()
        self._pool.waitForDone()
