"""The static tiles of every tile layer, cached per layer, plus one tile layer of all their labels.

Each tile layer has a :class:`TileCache` of its own (one shared thread pool renders them all), so a
data change re-renders that layer's tiles only, a new layer renders only its own, and a reorder or
a visibility switch renders nothing: the backdrop composites the cached tiles in the new order.
Labels are placed across layers (no label overprints another), so they have one cache over all.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Signal

from widgets.map_view import TileKey
from widgets.tile_cache import MAX_TILES, TileCache, TileStack

_MIN_TILES = 200  # a layer's share of the tile budget never drops below this


class LayerTiles(QObject):
    """Tile caches by layer; :meth:`set_order` says which show, bottom first."""

    sig_tile_ready = Signal(object)  # key

    def __init__(self, threads: int = 2, parent: QObject | None = None):
        super().__init__(parent)
        self._pool = QThreadPool()  # not a child: its destructor waits for running jobs
        self._pool.setMaxThreadCount(threads)
        self._caches: dict[object, TileCache] = {}
        self._order: list[TileCache] = []
        self._held = False
        self.rendered: list[TileKey] = []  # every tile rendered, of any layer, in order of arrival (tests, bench)
        self._labels = self._new_cache()
        self._label_stack: tuple = ()

    def _new_cache(self) -> TileCache:
        cache = TileCache(parent=self, pool=self._pool)
        cache.rendered = self.rendered
        cache.sig_tile_ready.connect(self.sig_tile_ready)
        if self._held:
            cache.hold()
        return cache

    # --- contents -----------------------------------------------------------------------
    def set_layer(self, layer, snapshot, changed_bbox_m=None) -> None:
        """``layer``'s tiles show ``snapshot`` from now on; tiles meeting ``changed_bbox_m`` (Mercator;
        None: all of the layer's) go stale."""
        cache = self._caches.get(layer)
        if cache is None:
            cache = self._caches[layer] = self._new_cache()
            self._share_budget()
        cache.set_stack(TileStack((snapshot,), labels=False), changed_bbox_m)

    def drop(self, layer) -> None:
        """Forget ``layer``'s tiles (its queued jobs return at once)."""
        cache = self._caches.pop(layer, None)
        if cache is not None:
            cache.clear()
            if cache in self._order:
                self._order.remove(cache)
            cache.deleteLater()
            self._share_budget()

    def has(self, layer) -> bool:
        return layer in self._caches

    def set_labels(self, snapshots: tuple, changed_bbox_m=None) -> None:
        """The labelled snapshots (``LabelsOf``), bottom first; label tiles meeting the box go stale."""
        if snapshots != self._label_stack:
            self._label_stack = snapshots
            self._labels.set_stack(TileStack(snapshots), changed_bbox_m)

    def set_order(self, layers) -> None:
        """Show the tiles of ``layers`` (bottom first); the others are kept but not shown or requested."""
        self._order = [self._caches[layer] for layer in layers if layer in self._caches]

    def _share_budget(self) -> None:
        share = max(_MIN_TILES, MAX_TILES // (len(self._caches) + 1))
        for cache in (*self._caches.values(), self._labels):
            cache.max_tiles = share

    # --- what shows -----------------------------------------------------------------------
    def _shown(self, z: int) -> list[TileCache]:
        labelled = any(label.snapshot.labels_at(z) for label in self._label_stack)
        return [*self._order, self._labels] if labelled else list(self._order)

    def sources(self, z: int) -> tuple:
        """The image lookups of the tiles shown at level ``z``, bottom first."""
        return tuple(cache.image for cache in self._shown(z))

    def request(self, keys) -> int:
        """Start rendering the shown tiles that are missing or stale; returns how many are in flight."""
        keys = list(keys)
        if not keys:
            return 0
        return sum(cache.request(keys) for cache in self._shown(keys[0][0]))

    def is_current(self, key: TileKey) -> bool:
        return all(cache.is_current(key) for cache in self._shown(key[0]))

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

    def reset(self) -> None:
        """Forget every layer."""
        for layer in list(self._caches):
            self.drop(layer)
        self._label_stack = ()
        self._labels.set_stack(TileStack())
        self._labels.clear()

    def hold(self) -> None:
        """Queue new jobs without running them (tests: what shows before tiles arrive)."""
        self._held = True
        for cache in (*self._caches.values(), self._labels):
            cache.hold()

    def release(self) -> None:
        self._held = False
        for cache in (*self._caches.values(), self._labels):
            cache.release()

    def shutdown(self) -> None:
        for cache in (*self._caches.values(), self._labels):
            cache.shutdown()
