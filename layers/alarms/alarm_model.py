"""The seat's alarms (QtCore only): rows from the feed, status changes written to the city database.

Rows come from :func:`desktop.feeds.alarm_store.load` and the feed bridge; the model mirrors
unhandled real alarms into the map's :class:`~layers.point_table.AlarmLayer` and re-checks
escalation (unacknowledged past the level's response limit) every few seconds.
"""

from __future__ import annotations

import heapq
import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.feeds import alarm_store
from desktop.feeds.alarm_store import ACKED, CLOSED, FALSE_ALARM, UNHANDLED, AlarmRow
from desktop.storage.database import CityDatabase
from layers.point_table import AlarmLayer
from layers.throttle import Throttle


class AlarmModel(QObject):
    sig_reset = Signal()
    sig_alarms_added = Signal(list)  # [AlarmRow], newest last
    sig_alarm_changed = Signal(object)  # AlarmRow (status, who/when or escalation)

    def __init__(
        self,
        limits: dict[int, float] | None = None,
        escalation_check_ms: int = 5000,
        map_sync_ms: int = 100,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.limits = limits or alarm_store.response_limits()
        self._db: CityDatabase | None = None
        self._map: AlarmLayer | None = None
        self._rows: dict[int, AlarmRow] = {}
        self._escalated: set[int] = set()
        self._due: list[tuple[float, int]] = []  # heap (deadline, id) of unhandled, not yet escalated rows
        self._due_limits: dict | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(escalation_check_ms)
        self._timer.timeout.connect(self.check_escalation)
        self._timer.start()
        # under a burst, sync the map layer (and so its repaints) at most every map_sync_ms
        self._map_pending: dict[int, AlarmRow] = {}
        self._map_sync_ms, self._map_cost_ms = map_sync_ms, 0.0
        self._map_throttle = Throttle(map_sync_ms, leading=True, parent=self)
        self._map_throttle.sig_fired.connect(self._apply_pending)

    def reset(self, db: CityDatabase | None, rows: list[AlarmRow], map_layer: AlarmLayer | None = None) -> None:
        """Replace everything (a database was opened); ``map_layer`` already shows the stored alarms."""
        self._db, self._map = db, map_layer
        self._map_pending.clear()
        self._map_throttle.cancel()
        self._rows = {r.id: r for r in sorted(rows, key=lambda r: (r.ts, r.id))}
        self._escalated = {r.id for r in rows if self._overdue(r, time.time())}
        self._rebuild_due()
        self.sig_reset.emit()

    def add(self, rows: list[AlarmRow]) -> None:
        """New alarms from the feed; ids already known are ignored (per row: a few dict and heap steps)."""
        known = self._rows
        fresh = [r for r in rows if r.id not in known]
        if not fresh:
            return
        now, limits, fallback = time.time(), self.limits, self.limits[min(self.limits)]
        for row in fresh:
            known[row.id] = row
            if row.status != UNHANDLED:
                continue
            limit = limits.get(row.level, fallback)
            if now - row.ts > limit:  # as alarm_store.is_escalated
                self._escalated.add(row.id)
            else:
                heapq.heappush(self._due, (row.ts + limit, row.id))
        self._sync_map(fresh, throttled=True)
        self.sig_alarms_added.emit(fresh)

    # --- queries --------------------------------------------------------------------------

    def rows(self) -> list[AlarmRow]:
        """All rows, oldest first."""
        return list(self._rows.values())

    def get(self, alarm_id: int) -> AlarmRow | None:
        return self._rows.get(alarm_id)

    def __len__(self) -> int:
        return len(self._rows)

    def is_escalated(self, alarm_id: int) -> bool:
        return alarm_id in self._escalated

    def unacknowledged_count(self) -> int:
        """Real (not drill) alarms nobody has acknowledged yet."""
        return sum(1 for r in self._rows.values() if r.status == UNHANDLED and not r.is_drill)

    # --- seat actions (written to the database first) --------------------------------------

    def acknowledge(self, alarm_id: int, who: str) -> bool:
        return self._set_status(alarm_id, ACKED, who)

    def mark_false(self, alarm_id: int, who: str) -> bool:
        return self._set_status(alarm_id, FALSE_ALARM, who)

    def close(self, alarm_id: int, who: str) -> bool:
        return self._set_status(alarm_id, CLOSED, who)

    def refresh(self, alarm_id: int) -> None:
        """Re-read one alarm (another module changed it, e.g. 生成案件 marks it 已转案件)."""
        stored = alarm_store.get(self._db, alarm_id) if self._db is not None and alarm_id in self._rows else None
        if stored is not None:
            self._apply(stored)

    def _set_status(self, alarm_id: int, status: str, who: str) -> bool:
        """True when the database now has ``status`` for the alarm (another seat may have been first)."""
        if self._db is None or alarm_id not in self._rows:
            return False
        stored = alarm_store.set_status(self._db, alarm_id, status, who)
        if stored is None:
            return False
        self._apply(stored)
        return stored.status == status

    def _apply(self, stored: AlarmRow) -> None:
        row = self._rows[stored.id]
        for name in ("status", "acked_by", "acked_at", "closed_by", "closed_at"):
            setattr(row, name, getattr(stored, name))
        if row.status != UNHANDLED:
            self._escalated.discard(row.id)
        self._sync_map([row])
        self.sig_alarm_changed.emit(row)

    # --- escalation and the map -----------------------------------------------------------

    def _overdue(self, row: AlarmRow, now: float) -> bool:
        return alarm_store.is_escalated(row, self.limits, now)

    def check_escalation(self, now: float | None = None) -> None:
        """Mark alarms that have just run past their response limit (O(newly due), not O(all rows))."""
        now = time.time() if now is None else now
        if self._due_limits is not self.limits:
            self._rebuild_due()
        while self._due and self._due[0][0] < now:
            entry = heapq.heappop(self._due)
            row = self._rows.get(entry[1])
            if row is None or row.id in self._escalated or row.status != UNHANDLED:
                continue  # handled (or gone) before its limit ran out
            if not self._overdue(row, now):  # rounding at the very limit: next check
                heapq.heappush(self._due, entry)
                break
            self._escalated.add(row.id)
            self.sig_alarm_changed.emit(row)

    def _deadline(self, row: AlarmRow) -> float:
        return row.ts + self.limits.get(row.level, self.limits[min(self.limits)])

    def _rebuild_due(self) -> None:
        self._due_limits = self.limits
        self._due = [
            (self._deadline(r), r.id)
            for r in self._rows.values()
            if r.status == UNHANDLED and r.id not in self._escalated
        ]
        heapq.heapify(self._due)

    def _sync_map(self, rows: list[AlarmRow], throttled: bool = False) -> None:
        """Mirror ``rows`` into the map layer: at once, or (``throttled``, feed bursts) at most every
        ``map_sync_ms`` — the first batch after a quiet period still goes at once."""
        if self._map is None:
            return
        for r in rows:
            self._map_pending[r.id] = r
        self._map_throttle.interval_ms = round(max(self._map_sync_ms, 10 * self._map_cost_ms))  # ≤ ~10 % of the GUI
        self._map_throttle.push()
        if not throttled:
            self._map_throttle.flush()

    def _apply_pending(self, _value=None) -> None:
        rows, self._map_pending = list(self._map_pending.values()), {}
        if self._map is None or not rows:
            return
        started = time.perf_counter()
        self._apply_map(rows)
        self._map_cost_ms = min(100.0, (time.perf_counter() - started) * 1000)

    def _apply_map(self, rows: list[AlarmRow]) -> None:
        shown = [r for r in rows if r.status == UNHANDLED and not r.is_drill and r.x is not None and 1 <= r.level <= 4]
        shown_ids = {r.id for r in shown}
        gone = [r.id for r in rows if r.id not in shown_ids]
        if shown:
            self._map.upsert(
                [r.id for r in shown],
                [r.x for r in shown],
                [r.y for r in shown],
                level=[r.level for r in shown],
                kind=[r.kind for r in shown],
                message=[r.message for r in shown],
            )
        if gone:
            self._map.remove(gone)
