"""Seat maintenance: vehicle positions older than the retention period are pruned at start, on opening
a database, then hourly (each vehicle keeps its latest fix; see :func:`prune_positions`).

The period is QSettings ``retention/position_days`` (default 30; 0 keeps everything). The DELETE runs
in a worker thread, so a large backlog never stalls the map.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QSettings, QTimer
from sqlalchemy.exc import SQLAlchemyError

from desktop.seat.app_state import AppState
from desktop.storage.database import CityDatabase
from desktop.vehicles.tracks import prune_positions

log = logging.getLogger(__name__)

KEEP_DAYS_KEY = "retention/position_days"
DEFAULT_KEEP_DAYS = 30.0
PRUNE_EVERY_MS = 3_600_000


def _now() -> datetime:
    return datetime.now(UTC)


def keep_days() -> float:
    try:
        return float(QSettings().value(KEEP_DAYS_KEY, DEFAULT_KEEP_DAYS))
    except (TypeError, ValueError):
        log.warning("设置 %s 不是数字，按 %g 天保留车辆轨迹", KEEP_DAYS_KEY, DEFAULT_KEEP_DAYS)
        return DEFAULT_KEEP_DAYS


def prune(db: CityDatabase, days: float, now: datetime) -> int:
    """Prune and log; a database error is logged and retried at the next run."""
    try:
        removed = prune_positions(db, days, now)
    except SQLAlchemyError:
        log.exception("清理过期车辆轨迹失败，下次再试")
        return 0
    log.info("已清理 %d 条超过 %g 天的车辆定位记录", removed, days)
    return removed


class PositionRetention(QObject):
    def __init__(
        self,
        state: AppState,
        interval_ms: int = PRUNE_EVERY_MS,
        clock: Callable[[], datetime] = _now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._state, self._clock = state, clock
        self.worker: threading.Thread | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.run)

    def start(self) -> None:
        """Run now, every interval, and whenever another database is opened."""
        if not self._timer.isActive():
            self._state.sig_database_changed.connect(self.run)
            self._timer.start()
        self.run()

    def run(self) -> None:
        """Prune the open database in a worker thread (unless one is still busy or retention is off)."""
        db, days = self._state.database, keep_days()
        if db is None or days <= 0 or (self.worker is not None and self.worker.is_alive()):
            return
        self.worker = threading.Thread(
            target=prune, args=(db, days, self._clock()), name="position-retention", daemon=True
        )
        self.worker.start()


def start_retention(state: AppState) -> PositionRetention:
    """Called once the GUI has opened its database."""
    retention = PositionRetention(state, parent=state)
    retention.start()
    return retention
