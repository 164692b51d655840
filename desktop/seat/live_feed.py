"""The seat's live feed: the alarm model, the feed bridge, and for the demo city a local gateway.

:func:`live_feed` gives the one :class:`LiveFeed` of an :class:`AppState` (panels reach the alarm
model through it). :func:`start_local_feed` makes it follow the open database: the embedded demo
city gets ``main.py gateway --simulate`` in a subprocess on a free 127.0.0.1 port (its own
interpreter, so the gateway's and simulator's CPU never holds the GUI's GIL); any other database
(a control room) uses the gateway in QSettings ``feed/url`` + ``feed/token``, or runs without a feed.
"""

from __future__ import annotations

import logging
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal

from desktop.child_process import end_with_parent
from desktop.feeds import alarm_store
from desktop.feeds.client import OFFLINE
from desktop.paths import ROOT, default_database_path
from desktop.seat.app_state import AppState
from desktop.seat.feed_bridge import FeedBridge
from desktop.seat.overdue_watch import OverdueWatch
from desktop.storage.database import database_url
from layers.alarms.alarm_model import AlarmModel
from layers.point_table import AlarmLayer
from layers.vehicle_layer import VehicleLayer

log = logging.getLogger(__name__)

SEAT_KEY, URL_KEY, TOKEN_KEY = "seat/name", "feed/url", "feed/token"


def seat_name() -> str:
    return str(QSettings().value(SEAT_KEY, "") or "") or socket.gethostname()


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as s:
        s.bind((host, 0))
        return s.getsockname()[1]


class LocalGateway:
    """``main.py gateway --simulate`` for one city database, its event log beside the database."""

    def __init__(self, db_path: Path):
        self.db_path, self.port, self.token = db_path, free_port(), secrets.token_urlsafe(16)
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"ws://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(self.db_path),
            "--log-level",
            "WARNING",
            "gateway",
            "--simulate",
            "--port",
            str(self.port),
            "--token",
            self.token,
            "--producer-token",
            secrets.token_urlsafe(16),
            "--log",
            str(self.db_path.with_suffix(".feed-log.db")),
        ]
        self._process = subprocess.Popen(
            command, cwd=ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, preexec_fn=end_with_parent
        )
        log.info("本地推送网关已启动：%s（进程 %d）", self.url, self._process.pid)

    def stop(self, timeout: float = 5.0) -> None:
        if self._process is None:
            return
        self._process.terminate()  # SIGTERM: the gateway drains its log and exits
        try:
            self._process.wait(timeout)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None


class LiveFeed(QObject):
    """Owns the alarm model, the bridge, a local gateway and the overdue-case watch; child of the AppState."""

    sig_state = Signal(str, float)  # 已连接 / 重连中 / 离线, since
    sig_configured = Signal(bool)  # False: this database has no feed gateway configured

    def __init__(self, state: AppState):
        super().__init__(state)
        self.setObjectName("liveFeed")
        self._state = state
        self.model = AlarmModel(parent=self)
        self.overdue = OverdueWatch(state, self.model, parent=self)
        self.bridge: FeedBridge | None = None
        self.gateway: LocalGateway | None = None
        self.configured = True
        self._following = False
        state.sig_database_changed.connect(self._database_changed)
        self._reload_model()

    @property
    def connection(self) -> tuple[str, float]:
        return (self.bridge.state, self.bridge.since) if self.bridge else (OFFLINE, time.time())

    def follow_database(self) -> None:
        """Start the feed for the open database, and again whenever another one is opened."""
        if not self._following:
            self._following = True
            QCoreApplication.instance().aboutToQuit.connect(self.stop)
            self.overdue.start()
        self._start_feed()

    def connect_to(self, url: str, token: str) -> None:
        """Subscribe the open database to the gateway at ``url`` (a local gateway keeps running)."""
        self._stop_bridge()
        self.bridge = FeedBridge(
            self._state.database, url, token, seat_name(), parent=self, streets=self._state.street_index()
        )
        self.bridge.sig_alarms.connect(self.model.add)
        self.bridge.sig_positions.connect(self._move_vehicles)
        self.bridge.sig_state.connect(self.sig_state)
        self._set_configured(True)
        self.bridge.start()

    def stop(self) -> None:
        self._stop_bridge()
        if self.gateway is not None:
            self.gateway.stop()
            self.gateway = None

    def _stop_bridge(self) -> None:
        if self.bridge is not None:
            self.bridge.stop()
            self.bridge.deleteLater()
            self.bridge = None

    def _database_changed(self) -> None:
        self._reload_model()
        if self._following:
            self._start_feed()

    def _reload_model(self) -> None:
        db = self._state.database
        rows = alarm_store.load(db) if db is not None else []
        if rows:
            self._state.street_index().streets(rows)
        layer = next((la for la in self._state.layers if isinstance(la, AlarmLayer)), None)
        self.model.reset(db, rows, layer)

    def _start_feed(self) -> None:
        self.stop()
        db = self._state.database
        if db is None:
            return
        if db.url == database_url(default_database_path()):
            self.gateway = LocalGateway(default_database_path())
            self.gateway.start()
            self.connect_to(self.gateway.url, self.gateway.token)
            return
        settings = QSettings()
        url, token = settings.value(URL_KEY, ""), settings.value(TOKEN_KEY, "")
        if url and token:
            self.connect_to(str(url), str(token))
        else:
            self._set_configured(False)

    def _set_configured(self, configured: bool) -> None:
        self.configured = configured
        self.sig_configured.emit(configured)

    def _move_vehicles(self, items: list[dict]) -> None:
        layer = next((la for la in self._state.layers if isinstance(la, VehicleLayer)), None)
        try:
            columns = np.array(
                [
                    (p["id"], p["x"], p["y"], p.get("heading", 0.0), p.get("speed", 0.0), p.get("ts", 0.0))
                    for p in items
                    if isinstance(p.get("id"), int)
                ],
                dtype=float,
            ).reshape(-1, 6)
        except (KeyError, TypeError, ValueError):
            log.warning("忽略格式错误的车辆位置批次")
            return
        if layer is None or not len(columns):
            return
        layer.update_positions(columns[:, 0].astype(np.int64), *columns[:, 1:].T)


def live_feed(state: AppState) -> LiveFeed:
    """The state's live feed from its services (created and registered on first use, without connecting)."""
    return state.services.get_or_create(LiveFeed, lambda: LiveFeed(state))


def start_local_feed(state: AppState) -> LiveFeed:
    """Called once the GUI has opened its database: connect the feed (see the module docstring)."""
    feed = live_feed(state)
    feed.follow_database()
    return feed
