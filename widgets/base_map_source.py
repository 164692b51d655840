"""The base map (roads, water, green, place names) as QGIS tiles, or drawn by the app itself.

On open, a background thread writes the QGIS base project of the database into
``data_home()/qgis/<db-hash>/`` and starts the render worker; tiles are then fetched through
:class:`BaseTiles` one at a time in that thread. The canvas never waits: until QGIS is ready,
and for good when it is absent or fails, the static tiles carry the app's own base layers.
"""

from __future__ import annotations

import atexit
import hashlib
import logging
import queue
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from desktop.paths import data_home
from desktop.qgis_render.client import (
    MSG_UNAVAILABLE,
    BaseTiles,
    QgisRenderer,
    RenderError,
    available,
    status_message,
    write_base_project,
)
from widgets.map_view import TileKey

log = logging.getLogger(__name__)

OWN = "own"  # the app draws the base layers into its static tiles
QGIS = "qgis"
STARTING = "starting"  # QGIS being prepared; the own base shows meanwhile
FAILURES_BEFORE_FALLBACK = 3
_PREPARE_LOCK = threading.Lock()
_renderer: QgisRenderer | None = None


def _shared_renderer() -> QgisRenderer:
    """One QGIS worker process per app, shared by every map (its requests are serialised anyway)."""
    global _renderer
    with _PREPARE_LOCK:
        if _renderer is None:
            _renderer = QgisRenderer()
            atexit.register(_renderer.close)
        return _renderer


def project_directory(database_url: str) -> Path:
    """``data_home()/qgis/<hash>``: one base project per database file, refreshed when it changes."""
    path = Path(database_url.removeprefix("sqlite:///"))
    stamp = f"{path}:{path.stat().st_mtime_ns}:{path.stat().st_size}" if path.exists() else database_url
    return data_home() / "qgis" / hashlib.sha256(stamp.encode()).hexdigest()[:16]


class _Channel(QObject):
    """Signals from the background threads; owned by Python (no parent) so a thread never emits
    on a deleted object. Qt drops the connections when the source goes away."""

    loaded = Signal(object, object)  # key, QImage or None
    decided = Signal(str, object)  # mode, BaseTiles or None


class BaseMapSource(QObject):
    """Base tiles by key for the canvas; :attr:`mode` says who draws the base map."""

    sig_mode_changed = Signal(str)  # a status line: who draws the base map
    sig_tile_ready = Signal(object)  # key

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.mode = OWN
        self._images: dict[TileKey, QImage] = {}
        self._failed: set[TileKey] = set()
        self._queued: set[TileKey] = set()
        self._jobs: queue.Queue = queue.Queue()
        self._tiles: BaseTiles | None = None
        self._channel = _Channel()
        self._channel.loaded.connect(self._loaded)
        self._channel.decided.connect(self._decided)

    def start(self, database_url: str | None) -> None:
        """Prepare QGIS for ``database_url`` in the background (None: own base only)."""
        self.close()
        self._images.clear()
        self._failed.clear()
        if database_url is None or not database_url.startswith("sqlite:///"):
            return
        self.mode = STARTING
        threading.Thread(target=_prepare, args=(database_url, self._channel), daemon=True, name="qgis-base").start()

    def _decided(self, mode: str, tiles: BaseTiles | None) -> None:
        if self.mode != STARTING:  # closed or restarted meanwhile
            return
        self.mode = mode
        if tiles is not None:
            self._tiles = tiles
            threading.Thread(
                target=_fetch_loop, args=(self._jobs, self._tiles, self._channel), daemon=True, name="qgis-tiles"
            ).start()
        self.sig_mode_changed.emit(status_message() if mode == QGIS else MSG_UNAVAILABLE)

    def image(self, key: TileKey) -> QImage | None:
        return self._images.get(key)

    def is_done(self, key: TileKey) -> bool:
        """Nothing more will come for ``key``: own base, fetched, or failed."""
        return self.mode == OWN or (self.mode == QGIS and (key in self._images or key in self._failed))

    def request(self, keys) -> int:
        """Queue the base tiles not yet fetched; returns how many are outstanding."""
        if self.mode != QGIS:
            return 1 if self.mode == STARTING else 0
        for key in keys:
            if key not in self._images and key not in self._failed and key not in self._queued:
                self._queued.add(key)
                self._jobs.put(key)
        return len(self._queued)

    def _loaded(self, key: TileKey, image: QImage | None) -> None:
        if key not in self._queued:
            return  # fetched for a source closed meanwhile
        self._queued.discard(key)
        if image is None or image.isNull():
            self._failed.add(key)
            if len(self._failed) >= FAILURES_BEFORE_FALLBACK:
                self.close()
                self.sig_mode_changed.emit(MSG_UNAVAILABLE)
        else:
            self._images[key] = image
        self.sig_tile_ready.emit(key)

    def close(self) -> None:
        self.mode = OWN
        self._jobs.put(None)
        self._jobs = queue.Queue()
        self._queued.clear()
        self._tiles = None


def _prepare(database_url: str, channel: _Channel) -> None:
    """Background: write the base project and start QGIS, or decide on the own base map."""
    if not available():
        channel.decided.emit(OWN, None)
        return
    try:
        renderer = _shared_renderer()
        directory = project_directory(database_url)
        with _PREPARE_LOCK:  # two maps of one database share the project: write it once
            project = directory / "base.qgs"
            if not project.exists():
                project = write_base_project(database_url.removeprefix("sqlite:///"), directory, renderer)
        tiles = BaseTiles(renderer, project)
    except Exception as exc:  # noqa: BLE001 - any failure means the app draws its own base map
        log.warning("QGIS 底图不可用：%s", exc)
        channel.decided.emit(OWN, None)
        return
    channel.decided.emit(QGIS, tiles)


def _fetch_loop(jobs: queue.Queue, tiles: BaseTiles, channel: _Channel) -> None:
    """Background: fetch the queued base tiles one by one until a None arrives."""
    while (key := jobs.get()) is not None:
        try:
            image = QImage.fromData(tiles.tile(*key), "PNG")
        except RenderError as exc:
            log.warning("底图瓦片 %s 渲染失败：%s", key, exc)
            image = None
        channel.loaded.emit(key, image)
