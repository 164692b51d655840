"""Feed benchmark: producers → gateway → a :class:`FeedClient` callback, with a gateway crash mid-run.

Everything runs on 127.0.0.1 in one process (the client in its own thread, as in the app).
"""
from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

from desktop.feeds.client import FeedClient, FeedPublisher
from desktop.feeds.gateway import FeedGateway

CLIENT_TOKEN, PRODUCER_TOKEN = "bench-seat", "bench-producer"


def make_alarm(n: int, kind: str = "井盖开启") -> dict:
    """A valid simulated alarm; ``payload.sent`` is the perf_counter time for latency."""
    return {"kind": kind, "x": 118.28 + n % 100 * 1e-4, "y": 33.95, "ts": time.time(), "message": f"测试告警 {n}",
            "payload": {"sent": time.perf_counter(), "n": n}, "simulated": True}


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
    return FeedGateway("127.0.0.1", port, log_path, {CLIENT_TOKEN}, {PRODUCER_TOKEN}, **kwargs)


async def _bench(alarms: int, producers: int, restarts: int, window: int, timeout_s: float, workdir: Path) -> dict:
    gateway = new_gateway(workdir / "bench-log.db")
    await gateway.start()
    recorder = AlarmRecorder()
    client = FeedClient(gateway.url, CLIENT_TOKEN, "bench-seat", recorder, last_seq={"alarms": 0, "cases": 0})
    client.start()
    publishers = [FeedPublisher(gateway.url, PRODUCER_TOKEN, f"bench-{i}") for i in range(producers)]
    for p in publishers:
        await p.start()
    await wait_for(lambda: client.state == "已连接", 5)
    started = time.perf_counter()
    restart_at = {alarms * (k + 1) // (restarts + 1) for k in range(restarts)}
    try:
        for n in range(alarms):
            publisher = publishers[n % producers]
            if publisher.pending >= window:
                await wait_for(lambda: publisher.pending < window, timeout_s)
            publisher.publish(make_alarm(n), msg_id=f"m{n}")
            if n in restart_at:
                await gateway.stop(graceful=False)
                gateway = new_gateway(workdir / "bench-log.db", gateway.port)
                await gateway.start()
        await wait_for(lambda: len(recorder.by_msg) >= alarms, max(1.0, timeout_s - (time.perf_counter() - started)))
    finally:
        client.stop()
        for p in publishers:
            await p.close()
        await gateway.stop()
    lat = sorted(recorder.latencies) or [0.0]
    elapsed = max(recorder.last_at - started, 1e-9)
    return {
        "alarms": alarms, "producers": producers, "restarts": restarts,
        "msgs_per_s": round(len(recorder.by_msg) / elapsed, 1),
        "alarm_latency_ms_p50": round(statistics.median(lat) * 1000, 2),
        "alarm_latency_ms_p99": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000, 2),
        "alarms_lost": alarms - len(recorder.by_msg),
        "alarms_duplicated": sum(c - 1 for c in recorder.by_msg.values()),
        "in_seq_order": recorder.seqs == sorted(recorder.seqs),
        "elapsed_s": round(elapsed, 2),
    }


def run_feed_bench(alarms: int = 20_000, producers: int = 4, restarts: int = 1, window: int = 2_000,
                   timeout_s: float = 55.0, workdir: str | Path | None = None) -> dict:
    """Publish ``alarms`` from ``producers``, crash-restart the gateway ``restarts`` times (same log file).

    Returns ``msgs_per_s``, ``alarm_latency_ms_p50/p99`` (publish → client callback),
    ``alarms_lost``, ``alarms_duplicated`` and ``in_seq_order``.
    """
    with tempfile.TemporaryDirectory(prefix="feed-bench-") as tmp:
        return asyncio.run(_bench(alarms, producers, restarts, window, timeout_s, Path(workdir or tmp)))
