"""Point layers held as numpy columns (lon/lat, keyed rows): components, cameras, alarms, cases."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from layers.base import Layer
from layers.vector_layer import BBox, union_bbox


def _points_bbox(x: np.ndarray, y: np.ndarray) -> BBox | None:
    return union_bbox((x.min(), y.min(), x.max(), y.max())) if len(x) else None


class PointTableLayer(Layer):
    """Rows of ``key, x, y`` plus the columns named in :attr:`COLUMNS` (name → dtype).

    Changes emit :attr:`sig_data_changed` with the lon/lat box they touch (None: everything).
    """

    COLUMNS: dict[str, object] = {}

    def __init__(self, name: str, *, table: str | None = None, visible: bool = True, parent: QObject | None = None):
        super().__init__(name, visible=visible, parent=parent)
        self.table = table
        self._index: dict | None = None  # key → row, built on demand, kept up to date by upsert
        self.keys = np.empty(0, dtype=object)
        self.x = np.empty(0)
        self.y = np.empty(0)
        self.columns = {column: np.empty(0, dtype=dtype) for column, dtype in self.COLUMNS.items()}
        self._buffers: dict[str, np.ndarray] = {}  # array name → the buffer its current array is the head of

    def __len__(self) -> int:
        return len(self.keys)

    def column(self, name: str) -> np.ndarray:
        return self.columns[name]

    @property
    def bounds(self) -> BBox | None:
        return _points_bbox(self.x, self.y)

    def set_rows(self, keys, x, y, **columns) -> None:
        """Replace every row."""
        self._index = None
        self.keys = np.asarray(keys, dtype=object)
        self.x, self.y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        self.columns = {c: self._column(c, columns, len(self.keys)) for c in self.COLUMNS}
        self.sig_data_changed.emit(None)

    def upsert(self, keys, x, y, **columns) -> None:
        """Move or add rows by key; other columns keep their values unless given."""
        keys = np.asarray(keys, dtype=object)
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
        rows = self.rows(keys)
        old = rows >= 0
        touched = union_bbox(_points_bbox(self.x[rows[old]], self.y[rows[old]]), _points_bbox(x, y))
        if old.any():  # copy on write (readers may hold the old arrays); a pure append copies nothing twice
            self.x, self.y = self.x.copy(), self.y.copy()
            self.x[rows[old]], self.y[rows[old]] = x[old], y[old]
            for c, values in columns.items():
                self.columns[c] = self.columns[c].copy()
                self.columns[c][rows[old]] = np.asarray(values, dtype=self.COLUMNS[c])[old]
        new = ~old
        if new.any():
            given = {c: np.asarray(v, dtype=self.COLUMNS[c])[new] for c, v in columns.items()}
            first = len(self.keys)
            self._index.update((key, first + i) for i, key in enumerate(keys[new].tolist()))
            self.keys = self._appended("keys", self.keys, keys[new])
            self.x, self.y = self._appended("x", self.x, x[new]), self._appended("y", self.y, y[new])
            for c in self.COLUMNS:
                self.columns[c] = self._appended(f"column {c}", self.columns[c], self._column(c, given, int(new.sum())))
        self.sig_data_changed.emit(touched)

    def _appended(self, name: str, current: np.ndarray, extra: np.ndarray) -> np.ndarray:
        """``current`` + ``extra`` as the head of a buffer with room to spare: a stream of appends costs
        O(appended) amortised, not O(all rows) each; arrays handed out before never change (they end
        before the appended part)."""
        n, k = len(current), len(extra)
        buffer = self._buffers.get(name)
        if buffer is None or current.base is not buffer or n + k > len(buffer):
            buffer = np.empty(max(2 * (n + k), 256), dtype=current.dtype)
            buffer[:n] = current
            self._buffers[name] = buffer
        buffer[n : n + k] = extra
        return buffer[: n + k]

    def remove(self, keys) -> None:
        rows = self.rows(np.asarray(keys, dtype=object))
        rows = rows[rows >= 0]
        if not len(rows):
            return
        touched = _points_bbox(self.x[rows], self.y[rows])
        keep = np.ones(len(self.keys), dtype=bool)
        keep[rows] = False
        self._index = None
        self.keys, self.x, self.y = self.keys[keep], self.x[keep], self.y[keep]
        self.columns = {c: v[keep] for c, v in self.columns.items()}
        self.sig_data_changed.emit(touched)

    def rows(self, keys: np.ndarray) -> np.ndarray:
        """Row index of each key, -1 where absent (O(len(keys)) once the index exists)."""
        if self._index is None:
            self._index = {k: i for i, k in enumerate(self.keys.tolist())}
        index = self._index
        return np.fromiter((index.get(k, -1) for k in keys.tolist()), dtype=int, count=len(keys))

    def _column(self, column: str, given: dict, n: int) -> np.ndarray:
        dtype = self.COLUMNS[column]
        if column in given:
            return np.asarray(given[column], dtype=dtype)
        return np.full(n, "" if dtype is object else 0, dtype=dtype)


class ComponentLayer(PointTableLayer):
    """管理部件: class code (GB/T 30428.2) and the class's map symbol name."""

    COLUMNS = {"class_code": object, "symbol": object}


class CameraLayer(PointTableLayer):
    """视频监控: where each camera looks (heading and field of view in degrees, range in metres)."""

    COLUMNS = {"name": object, "heading": float, "fov": float, "range_m": float}


class AlarmLayer(PointTableLayer):
    """告警 with a level from 1 (一般) to 4 (特别严重), as in the feed protocol."""

    COLUMNS = {"level": int, "kind": object, "message": object}

    def add(self, key, lon: float, lat: float, level: int, kind: str = "", message: str = "") -> None:
        if not 1 <= int(level) <= 4:
            raise ValueError(f"alarm level {level} is not 1–4")
        self.upsert([key], [lon], [lat], level=[int(level)], kind=[kind], message=[message])


class CaseLayer(PointTableLayer):
    """案件 by stage, with a time light (green / yellow / red / none) from the deadline."""

    COLUMNS = {"stage": object, "light": object}
