"""The seat's live feed in Qt: a :class:`FeedClient` whose alarms are persisted before they are confirmed.

The client's loop thread calls :meth:`FeedBridge._on_batch`: alarms are written to the city
database (idempotent on ``stream, seq``) and only then confirmed, so the committed seq never
runs ahead of the table — after a crash or reconnect the gateway replays exactly what is
missing. Results reach the GUI thread by queued signals; positions are coalesced per vehicle
and handed over at most ``position_hz`` times a second, and the latest fix per vehicle is
stored every ``store_every_s`` seconds (one bulk insert) for what reads ``vehicle_position``.
"""

from __future__ import annotations

import logging
import sys
import threading
import time

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.feeds import alarm_store, position_store
from desktop.feeds.client import OFFLINE, FeedClient
from desktop.seat.inbox import Inbox
from desktop.storage.database import CityDatabase

log = logging.getLogger(__name__)

HAND_OVER_MAX = 1000  # alarm rows per GUI slot (a few ms of the model, table and map work)
# The GUI thread gives up the GIL in every Qt call and signal emission; while the feed thread computes,
# taking it back waits up to the switch interval (5 ms by default) each time — ~10 such waits per
# hand-over made 50–100 ms GUI stalls under bursts. 1 ms bounds that wait.
GIL_SWITCH_S = 0.001


class FeedBridge(QObject):
    sig_alarms = Signal(list)  # [AlarmRow] newly persisted, in seq order
    sig_positions = Signal(list)  # [{"id", "x", "y", "speed", "heading", "ts", "plate"?}] latest per vehicle
    sig_state = Signal(str, float)  # 已连接 / 重连中 / 离线, since (Unix seconds)

    def __init__(
        self,
        db: CityDatabase,
        url: str,
        token: str,
        client_id: str,
        *,
        position_hz: float = 5.0,
        streets: alarm_store.StreetIndex | None = None,
        store_every_s: float = position_store.STORE_EVERY_S,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.db, self.url, self._token, self.client_id = db, url, token, client_id
        self._streets = streets
        self.client: FeedClient | None = None
        self.state, self.since = OFFLINE, time.time()
        self._positions: dict = {}
        self._lock = threading.Lock()
        self._alarm_inbox = Inbox(HAND_OVER_MAX, self)  # persisted rows on their way to the GUI thread
        self._alarm_inbox.sig_items.connect(self.sig_alarms)
        self.store_every_s = store_every_s
        self._unstored: dict = {}  # loop thread only
        self._next_store = 0.0
        self._vehicle_ids: frozenset[int] | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(max(1, round(1000 / position_hz)))
        self._timer.timeout.connect(self._flush_positions)
        self.sig_state.connect(self._remember_state)

    def start(self) -> None:
        """Connect, resuming after the last alarm persisted in the city database."""
        resume = alarm_store.last_seq(self.db)
        sys.setswitchinterval(min(sys.getswitchinterval(), GIL_SWITCH_S))
        self.client = FeedClient(
            self.url,
            self._token,
            self.client_id,
            self._on_batch,
            self.sig_state.emit,
            last_seq={alarm_store.STREAM: resume},
        )
        self.client.start()
        self._timer.start()
        log.info("推送已启动：%s（告警从序号 %d 之后续传）", self.url, resume)

    def stop(self) -> None:
        self._timer.stop()
        if self.client is not None:
            self.client.stop()
            self.client = None
        self.sig_state.emit(OFFLINE, time.time())

    def _remember_state(self, state: str, since: float) -> None:
        self.state, self.since = state, since

    # --- loop thread ----------------------------------------------------------------------

    def _on_batch(self, kind: str, items: list) -> bool | None:
        if kind == "alarm":
            return self._persist(items)
        if kind == "position":
            self._keep_positions(items)
        elif kind == "snapshot":
            self._keep_positions([v for snapshot in items for v in snapshot.get("vehicles", ())])
        return None

    def _persist(self, events: list[dict]) -> bool:
        try:
            rows = alarm_store.persist(self.db, events)
        except Exception:  # not confirmed: reconnect so the gateway replays the batch
            log.exception("告警写入数据库失败，重连后补收")
            self.client.disconnect()
            return False
        if rows:
            if self._streets is not None:
                self._streets.streets(rows)
            self._alarm_inbox.put(rows)
        return True

    def _keep_positions(self, items: list[dict]) -> None:
        with self._lock:
            for item in items:
                if isinstance(item, dict) and "id" in item:
                    self._positions[item["id"]] = self._unstored[item["id"]] = item
        self._store_positions()

    def _store_positions(self) -> None:
        """Every ``store_every_s``: the latest fix per vehicle into the database (a failure only loses that round)."""
        now = time.monotonic()
        if now < self._next_store or not self._unstored:
            return
        items, self._unstored, self._next_store = list(self._unstored.values()), {}, now + self.store_every_s
        try:
            if self._vehicle_ids is None:
                self._vehicle_ids = position_store.vehicle_ids(self.db)
            position_store.persist(self.db, items, self._vehicle_ids)
        except Exception:  # positions are refreshed next round; alarms must keep flowing
            log.exception("车辆位置写入数据库失败")

    # --- GUI thread -----------------------------------------------------------------------

    def _flush_positions(self) -> None:
        with self._lock:
            items, self._positions = list(self._positions.values()), {}
        if items:
            self.sig_positions.emit(items)
