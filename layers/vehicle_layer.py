"""Live vehicles as numpy arrays with a short trail each; updates are announced at a limited rate."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from layers.base import Layer
from layers.throttle import Throttle
from layers.vector_layer import BBox, union_bbox

TRAIL_LENGTH = 12  # positions kept per vehicle (oldest overwritten)


class VehicleLayer(Layer):
    """Vehicles (id, kind index, position, heading, speed, time) in lon/lat.

    :meth:`update_positions` may be called at any rate; :attr:`sig_data_changed` (None) fires at
    most ``max_rate_hz`` times a second, so a burst of feed messages costs one repaint. Updates
    replace the position arrays (copy on write), so a painter sees a change by array identity.
    """

    def __init__(
        self,
        name: str,
        kinds: tuple[str, ...],
        *,
        max_rate_hz: float = 10.0,
        visible: bool = True,
        parent: QObject | None = None,
    ):
        super().__init__(name, visible=visible, parent=parent)
        self.table = "vehicle"
        self.kinds = kinds  # kind index → name (环卫, 渣土 …)
        self._throttle = Throttle(round(1000 / max_rate_hz), parent=self)
        self._throttle.sig_fired.connect(self.sig_data_changed)
        self.set_vehicles(
            np.empty(0, dtype=np.int64),
            np.empty(0, dtype=np.int16),
            np.empty(0, dtype=object),
            np.empty(0),
            np.empty(0),
        )

    def set_vehicles(self, ids, kinds, plates, x, y, heading=None, speed=None, ts=None) -> None:
        """Replace the fleet; ``kinds`` are indices into :attr:`kinds`. Trails start afresh."""
        order = np.argsort(np.asarray(ids, dtype=np.int64), kind="stable")
        n = len(order)
        self.ids = np.asarray(ids, dtype=np.int64)[order]
        self.kind = np.asarray(kinds, dtype=np.int16)[order]
        self.plates = np.asarray(plates, dtype=object)[order]
        self.x = np.asarray(x, dtype=float)[order]
        self.y = np.asarray(y, dtype=float)[order]
        self.heading = np.zeros(n) if heading is None else np.asarray(heading, dtype=float)[order]
        self.speed = np.zeros(n) if speed is None else np.asarray(speed, dtype=float)[order]
        self.ts = np.zeros(n) if ts is None else np.asarray(ts, dtype=float)[order]
        self._trail = np.repeat(np.column_stack([self.x, self.y])[:, None, :], TRAIL_LENGTH, axis=1)
        self._head = np.zeros(n, dtype=np.int64)  # next slot to write
        self._count = np.ones(n, dtype=np.int64)
        self._head[:] = 1 % TRAIL_LENGTH
        self._throttle.cancel()
        self.sig_data_changed.emit(None)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def bounds(self) -> BBox | None:
        return union_bbox((self.x.min(), self.y.min(), self.x.max(), self.y.max())) if len(self.x) else None

    def rows(self, ids) -> np.ndarray:
        """Row of each id, -1 for unknown vehicles."""
        ids = np.asarray(ids, dtype=np.int64)
        if not len(self.ids):
            return np.full(len(ids), -1)
        rows = np.searchsorted(self.ids, ids).clip(0, len(self.ids) - 1)
        return np.where(self.ids[rows] == ids, rows, -1)

    def update_positions(self, ids, x, y, heading, speed, ts) -> int:
        """Move known vehicles (unknown ids are ignored); returns how many moved."""
        rows = self.rows(ids)
        known = rows >= 0
        rows = rows[known]
        for column, values in (("x", x), ("y", y), ("heading", heading), ("speed", speed), ("ts", ts)):
            target = getattr(self, column).copy()  # copy on write: painters compare arrays by identity
            target[rows] = np.asarray(values, dtype=float)[known]
            setattr(self, column, target)
        self._trail[rows, self._head[rows]] = np.column_stack([self.x[rows], self.y[rows]])
        self._head[rows] = (self._head[rows] + 1) % TRAIL_LENGTH
        self._count[rows] = np.minimum(self._count[rows] + 1, TRAIL_LENGTH)
        if len(rows):
            self._throttle.push(None)
        return len(rows)

    def trails(self, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(points, counts)``: each row's trail oldest → newest as (len(rows), TRAIL_LENGTH, 2)
        lon/lat, of which the last ``counts[i]`` are real (the others repeat the oldest real one)."""
        rows = np.asarray(rows, dtype=np.int64)
        slots = rows[:, None] * TRAIL_LENGTH + (self._head[rows, None] + np.arange(TRAIL_LENGTH)) % TRAIL_LENGTH
        return self._trail.reshape(-1, 2)[slots], self._count[rows]
