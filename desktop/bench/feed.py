"""``bench feed`` through the application: producers → gateway → FeedBridge → city DB → AlarmModel →
a hidden AlarmPanel, with a 5 ms QTimer on the GUI thread measuring the longest stall.

Processes: this one is the seat (Qt offscreen); the gateway and the producers each run in a child
process of their own, as in a deployment (``main.py gateway`` beside the devices' producers).
Phases: a saturating burst with a gateway crash-restart in the middle (msgs/s, lost, duplicated),
a paced run at the target load (20,000 alarms/s, or 80 % of the burst rate when that is lower) or at
``--paced-rate`` (latency producer send → row in the alarm model, under that load), and 1000 JT/T 808
terminals reporting every 10 s into ``main.py gateway --jt808-port`` (CPU of the gateway process).
``burst_cpu_us_per_msg``: CPU µs per alarm of each process during the burst (where the time goes).
The producers run at a lower CPU priority (they stand in for devices on other machines).
Run ``python -m desktop.bench.feed`` (prints one JSON line).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from desktop.child_process import behind_the_window
from desktop.feeds.client import FeedPublisher
from desktop.feeds.gateway import FeedGateway
from desktop.paths import ROOT

CLIENT_TOKEN, PRODUCER_TOKEN = "bench-seat", "bench-producer"
TARGET_RATE = 20_000.0  # alarms/s the seat must sustain (issue #4)


def new_gateway(log_path: Path, port: int = 0) -> FeedGateway:
    return FeedGateway("127.0.0.1", port, log_path, {CLIENT_TOKEN}, {PRODUCER_TOKEN})


# --- the load: two child processes ---------------------------------------------------------
# The gateway runs alone in its process (as ``main.py gateway`` does); the producers are another
# process, so generating the load never competes with the gateway for one event loop.


async def _gateway(args) -> None:
    """Serve until stdin says so; crash-restart (connections aborted, queued appends lost) once the
    log has ``restart_at`` new alarms."""
    gateway = new_gateway(Path(args.log), args.port)
    await gateway.start()
    print("ready", flush=True)
    if args.restart_at >= 0:
        while gateway.stats["published"] < args.restart_at:
            await asyncio.sleep(0.002)
        await gateway.stop(graceful=False)
        gateway = new_gateway(Path(args.log), gateway.port)
        await gateway.start()
    await asyncio.to_thread(sys.stdin.readline)
    await gateway.stop()


async def _produce(args) -> None:
    """``alarms`` alarms from ``producers`` publishers (at most 2000 unacked each), at ``rate``/s or flat out."""
    url = f"ws://127.0.0.1:{args.port}"
    publishers = [FeedPublisher(url, PRODUCER_TOKEN, f"bench-{i}") for i in range(args.producers)]
    for p in publishers:
        await p.start()
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    started = time.perf_counter()
    for n in range(args.alarms):
        publisher = publishers[n % len(publishers)]
        while publisher.pending >= 2000:
            await asyncio.sleep(0.002)
        publisher.publish(
            {
                "kind": "井盖开启",
                "x": 118.28,
                "y": 33.95,
                "ts": time.time(),
                "message": f"压测 {n}",
                "payload": {"sent": time.time(), "n": n},
                "simulated": True,
            },
            msg_id=f"{args.port}-{n}",
        )
        if args.rate:
            await asyncio.sleep(max(0.0, started + (n + 1) / args.rate - time.perf_counter()))
        elif n % 200 == 0:
            await asyncio.sleep(0)
    while any(p.pending for p in publishers):
        await asyncio.sleep(0.01)
    await asyncio.to_thread(sys.stdin.readline)
    for p in publishers:
        await p.close()


def _spawn(mode: str, *args, preexec_fn=None) -> subprocess.Popen:
    command = [sys.executable, "-m", "desktop.bench.feed", mode, *map(str, args)]
    child = subprocess.Popen(
        command, cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, preexec_fn=preexec_fn
    )
    assert child.stdout.readline().strip() == "ready"
    return child


def _tell(child: subprocess.Popen, line: str) -> None:
    child.stdin.write(line + "\n")
    child.stdin.flush()


# --- the seat: this process, with Qt --------------------------------------------------------


class _Seat:
    """An AppState on a fresh city DB, its LiveFeed, a hidden AlarmPanel and a stall meter."""

    def __init__(self, db_path: Path):
        from PySide6.QtCore import QElapsedTimer, QTimer

        from desktop.seat.live_feed import live_feed
        from desktop.shell.app import new_app_state
        from widgets.alarms.alarm_panel import AlarmPanel

        self.state = new_app_state()
        self.state.open_database(db_path)
        self.feed = live_feed(self.state)
        self.panel = AlarmPanel(self.state)  # hidden: it still keeps its table model up to date
        self.latencies: list[float] = []
        self.arrivals: list[float] = []
        self.feed.model.sig_alarms_added.connect(self._arrived)
        self.stall_ms = 0.0
        self._clock = QElapsedTimer()
        self._ticker = QTimer()
        self._ticker.setInterval(5)
        self._ticker.timeout.connect(self._tick)

    def _arrived(self, rows) -> None:
        now = time.time()
        self.latencies.extend(now - r.payload.get("sent", now) for r in rows)
        self.arrivals.append(now)

    def _tick(self) -> None:
        self.stall_ms = max(self.stall_ms, self._clock.restart() - 5)

    def measure_stall(self) -> None:
        self.stall_ms = 0.0
        self._clock.start()
        self._ticker.start()

    def wait(self, predicate, timeout: float) -> bool:
        """Run the Qt event loop (as the application does) until ``predicate()`` or ``timeout`` seconds."""
        from PySide6.QtCore import QEventLoop, QTimer

        loop, deadline = QEventLoop(), time.monotonic() + timeout
        check = QTimer()
        check.setInterval(5)
        check.timeout.connect(lambda: (predicate() or time.monotonic() > deadline) and loop.quit())
        check.start()
        if not predicate():
            loop.exec()
        check.stop()
        return predicate()


def _numbers(db) -> list[int]:
    from sqlalchemy import select

    from desktop.storage.models import Alarm

    with db.session() as session:
        return [p["n"] for p in session.scalars(select(Alarm.payload))]


def _run_phase(seat: _Seat, workdir: Path, alarms: int, rate: float, restart: bool, timeout: float) -> dict:
    from desktop.feeds.client import CONNECTED
    from desktop.seat.live_feed import free_port

    port = free_port()
    gateway = _spawn(
        "gateway", "--log", workdir / "log.db", "--port", port, "--restart-at", alarms // 2 if restart else -1
    )
    producers = _spawn(
        "produce", "--port", port, "--alarms", alarms, "--rate", rate, preexec_fn=behind_the_window
    )  # the load stands in for other machines: it yields the CPU
    seat.feed.connect_to(f"ws://127.0.0.1:{port}", CLIENT_TOKEN)
    seat.wait(lambda: seat.feed.bridge.state == CONNECTED, 10)
    base = len(seat.feed.model)
    seat.latencies.clear()
    seat.arrivals.clear()
    seat.measure_stall()
    started, cpu = time.time(), _cpu(gateway, producers)
    _tell(producers, "go")
    seat.wait(lambda: len(seat.feed.model) - base >= alarms, timeout)
    elapsed = (seat.arrivals[-1] if seat.arrivals else time.time()) - started
    cpu = {name: round((used - cpu[name]) / alarms * 1e6, 1) for name, used in _cpu(gateway, producers).items()}
    for child in (producers, gateway):
        _tell(child, "done")
        child.wait(20)
    seat.feed.stop()
    return {
        "received": len(seat.feed.model) - base,
        "elapsed_s": elapsed,
        "stall_ms": seat.stall_ms,
        "cpu_us_per_msg": cpu,
    }


def _cpu(gateway: subprocess.Popen, producers: subprocess.Popen) -> dict[str, float]:
    """CPU seconds used so far by the three processes."""
    return {"gateway": _cpu_seconds(gateway.pid), "producers": _cpu_seconds(producers.pid), "seat": time.process_time()}


def _cpu_per_1000_terminals(workdir: Path, terminals: int, reports: int) -> float:
    """CPU seconds per wall second of ``main.py gateway --jt808-port`` while ``terminals`` report every 10 s."""
    from desktop.feeds.jt808_terminal import run_fleet
    from desktop.seat.live_feed import free_port
    from desktop.storage.database import CityDatabase
    from desktop.storage.models import Vehicle

    db_path = workdir / "fleet.db"
    db = CityDatabase(db_path)
    phones = [f"1380000{i:05d}" for i in range(terminals)]
    with db.session() as session, session.begin():
        session.add_all(Vehicle(plate=f"苏N{i:05d}", kind="环卫", phone=phone) for i, phone in enumerate(phones))
    db.close()
    port, jt808 = free_port(), free_port()
    gateway = subprocess.Popen(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(db_path),
            "--log-level",
            "WARNING",
            "gateway",
            "--port",
            str(port),
            "--jt808-port",
            str(jt808),
            "--token",
            CLIENT_TOKEN,
            "--producer-token",
            PRODUCER_TOKEN,
            "--log",
            str(workdir / "fleet-log.db"),
        ],
        cwd=ROOT,
    )
    try:
        time.sleep(3)  # imports and the terminal table
        before, started = _cpu_seconds(gateway.pid), time.monotonic()
        asyncio.run(run_fleet("127.0.0.1", jt808, phones, reports, 10.0))
        used, wall = _cpu_seconds(gateway.pid) - before, time.monotonic() - started
    finally:
        gateway.terminate()
        gateway.wait(10)
    return used / wall * 1000 / terminals


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run_app_feed_bench(
    alarms: int = 40_000,
    paced_s: float = 10.0,
    terminals: int = 1000,
    reports: int = 3,
    paced_rate: float | None = None,
    timeout_s: float = 120.0,
) -> dict:
    from desktop.shell.app import create_application, freeze_startup_objects

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    create_application([])
    with tempfile.TemporaryDirectory(prefix="feed-app-bench-") as tmp:
        workdir = Path(tmp)
        seat = _Seat(workdir / "city.db")
        freeze_startup_objects()
        burst = _run_phase(seat, workdir, alarms, 0.0, True, timeout_s)
        numbers = _numbers(seat.state.database)
        rate = burst["received"] / max(burst["elapsed_s"], 1e-9)
        paced_rate = paced_rate or max(10.0, min(TARGET_RATE, 0.8 * rate))
        paced = _run_phase(seat, workdir, int(paced_rate * paced_s), paced_rate, False, timeout_s)
        lat = sorted(seat.latencies) or [0.0]
        cpu = _cpu_per_1000_terminals(workdir, terminals, reports) if terminals else None
        seat.state.close()
    return {
        "msgs_per_s": round(rate, 1),
        "alarm_latency_ms_p50": round(statistics.median(lat) * 1000, 1),
        "alarm_latency_ms_p99": round(lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000, 1),
        "paced_msgs_per_s": round(paced_rate, 1),
        "gui_stall_ms_max": round(max(burst["stall_ms"], paced["stall_ms"]), 1),
        "gui_stall_ms_max_paced": round(paced["stall_ms"], 1),
        "alarms": alarms,
        "alarms_lost": alarms - len(set(numbers) & set(range(alarms))),
        "alarms_duplicated": len(numbers) - len(set(numbers)),
        "gateway_restarts": 1,
        "burst_cpu_us_per_msg": burst["cpu_us_per_msg"],
        "cpu_cores_per_1000_terminals": None if cpu is None else round(cpu, 4),
    }


HELP = "实时接入：生产者→网关→坐席入库的吞吐、告警延迟、界面卡顿、网关重启时的丢失/重复，以及每千台 JT/T 808 终端的 CPU"


def add_arguments(parser) -> None:
    parser.add_argument("--alarms", type=int, default=40_000, help="突发阶段的告警条数，默认 40000")
    parser.add_argument("--terminals", type=int, default=1000, help="JT/T 808 终端数（0 表示不测），默认 1000")
    parser.add_argument(
        "--paced-rate", type=float, help="匀速阶段每秒告警数（测延迟），默认为目标负载 20000（突发速率不足时取其 80%%）"
    )


def run(args) -> int:
    """``main.py bench feed``."""
    print(json.dumps(run_app_feed_bench(args.alarms, terminals=args.terminals, paced_rate=args.paced_rate)), flush=True)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m desktop.bench.feed")
    parser.add_argument("mode", nargs="?", default="bench", choices=("bench", "gateway", "produce"))
    parser.add_argument("--alarms", type=int, default=40_000)
    parser.add_argument("--terminals", type=int, default=1000)
    parser.add_argument("--paced-rate", type=float)
    parser.add_argument("--log")
    parser.add_argument("--port", type=int)
    parser.add_argument("--rate", type=float, default=0.0)
    parser.add_argument("--producers", type=int, default=4)
    parser.add_argument("--restart-at", type=int, default=-1)
    args = parser.parse_args(argv)
    if args.mode == "gateway":
        asyncio.run(_gateway(args))
    elif args.mode == "produce":
        asyncio.run(_produce(args))
    else:
        print(
            json.dumps(run_app_feed_bench(args.alarms, terminals=args.terminals, paced_rate=args.paced_rate)),
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
