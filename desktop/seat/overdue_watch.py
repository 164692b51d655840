"""Raises 案件超期 alarms in the seat: on start, on opening a database, then every minute.

The Qt-free part is :mod:`desktop.cases.overdue_alarms`; this object only schedules it and hands
the stored alarms to the :class:`~layers.alarms.alarm_model.AlarmModel` (so the alarm desk and the
map show them at once).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtCore import QObject, QTimer
from sqlalchemy.exc import SQLAlchemyError

from desktop.cases import overdue_alarms
from desktop.cases.calendar import LOCAL_TZ, read_calendar
from desktop.seat.app_state import AppState
from layers.alarms.alarm_model import AlarmModel

log = logging.getLogger(__name__)

CHECK_MS = 60_000


def _now() -> datetime:
    return datetime.now(UTC)


class OverdueWatch(QObject):
    def __init__(
        self,
        state: AppState,
        model: AlarmModel,
        interval_ms: int = CHECK_MS,
        clock: Callable[[], datetime] = _now,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self._state, self._model, self._clock = state, model, clock
        self.calendar = read_calendar()
        self._calendar_warned = False
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.check)

    def start(self) -> None:
        """Check now, every interval, and whenever another database is opened."""
        if not self._timer.isActive():
            self._state.sig_database_changed.connect(self.check)
            self._timer.start()
        self.check()

    def check(self) -> None:
        self._warn_calendar()
        db = self._state.database
        if db is None:
            return
        try:
            rows = overdue_alarms.raise_alarms(db, self.calendar, self._clock())
        except SQLAlchemyError:
            log.exception("案件超期检查失败，下次再试")
            return
        if rows:
            self._state.street_index().streets(rows)
            self._model.add(rows)
            log.info("案件超期告警 %d 条", len(rows))

    def _warn_calendar(self) -> None:
        """Once per seat: say so when the working calendar is about to run out."""
        warning = (
            None
            if self._calendar_warned
            else self.calendar.shortfall_warning(self._clock().astimezone(LOCAL_TZ).date())
        )
        if warning:
            self._calendar_warned = True
            log.warning(warning)
            self._state.show_status(warning)
