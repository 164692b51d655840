"""Feed helpers for tests: alarms to publish, events as the gateway delivers them, a recorder of what a
client receives, a gateway on 127.0.0.1 and an asyncio loop in a thread."""

from __future__ import annotations

import asyncio
import threading
import time
from collections import Counter
from pathlib import Path

from desktop.feeds.gateway import FeedGateway
from tests.support.cities import CELL, CITY_ORIGIN

CLIENT_TOKEN, PRODUCER_TOKEN = "test-seat", "test-producer"


def make_alarm(n: int, kind: str = "井盖开启") -> dict:
    """A valid simulated alarm; ``payload.sent`` is the perf_counter time for latency."""
    return {
        "kind": kind,
        "x": 118.28 + n % 100 * 1e-4,
        "y": 33.95,
        "ts": time.time(),
        "message": f"测试告警 {n}",
        "payload": {"sent": time.perf_counter(), "n": n},
        "simulated": True,
    }


async def wait_for(predicate, timeout: float, interval: float = 0.01) -> bool:
    """Poll ``predicate`` until true or ``timeout`` seconds have passed."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        await asyncio.sleep(interval)
    return True


class AlarmRecorder:
    """An ``on_batch`` callback recording alarms (thread-safe); returns True (= persisted)."""

    def __init__(self):
        self.seqs: list[int] = []
        self.by_msg: Counter = Counter()
        self.latencies: list[float] = []
        self.snapshots: list[dict] = []
        self.positions: list[dict] = []
        self.last_at = 0.0
        self._lock = threading.Lock()

    def __call__(self, kind: str, items: list) -> bool:
        now = time.perf_counter()
        with self._lock:
            if kind == "alarm":
                for item in items:
                    self.seqs.append(item["seq"])
                    self.by_msg[item["msg_id"]] += 1
                    self.latencies.append(now - item["alarm"]["payload"].get("sent", now))
                self.last_at = now
            elif kind == "snapshot":
                self.snapshots.extend(items)
            elif kind == "position":
                self.positions.extend(items)
        return True


def new_gateway(log_path: Path, port: int = 0, **kwargs) -> FeedGateway:
    """A gateway on 127.0.0.1 that accepts the test tokens."""
    return FeedGateway("127.0.0.1", port, log_path, {CLIENT_TOKEN}, {PRODUCER_TOKEN}, **kwargs)


def alarm_event(
    seq: int,
    *,
    level: int = 2,
    kind: str = "井盖开启",
    drill: bool = False,
    age_s: float = 0.0,
    row: int = 0,
    col: int = 0,
) -> dict:
    """Event ``seq`` placed in unit grid (row, col) of the small test city."""
    return {
        "seq": seq,
        "producer_id": "test",
        "msg_id": f"t{seq}",
        "alarm": {
            "kind": kind,
            "level": level,
            "device_id": f"JG-{seq:04d}",
            "component_code": None,
            "x": CITY_ORIGIN[0] + (col + 0.5) * CELL,
            "y": CITY_ORIGIN[1] + (row + 0.5) * CELL,
            "ts": time.time() - age_s,
            "message": f"{kind} {seq}",
            "payload": {"n": seq},
            "simulated": True,
            "drill": drill,
        },
    }


class LoopThread:
    """An asyncio loop running in its own thread; ``run(coro)`` waits for the result."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coro, timeout: float = 20.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
