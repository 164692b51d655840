"""The video bench: per-tile fps and process CPU for 1, 4, 9 and 16 tiles of 640×360 @ 25 fps
local HTTP-TS streams (ffmpeg servers on 127.0.0.1), against ``ffmpeg -i URL -f null -`` decoding
the same stream. Measures the decode path up to the frame handed to the tile (painting excluded)."""

from __future__ import annotations

import json
import os
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from desktop.video.demo_clips import make_clip
from desktop.video.health import StreamState
from desktop.video.player import StreamPlayer
from desktop.video.serving import serve_http_ts

HELP = "视频墙：1/4/9/16 路 640×360@25 本地流的每路帧率与进程 CPU，对照 ffmpeg 解码同一路流的 CPU"
COUNTS = (1, 4, 9, 16)


def _kill(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


class _Counter:
    def __init__(self):
        self.frames = 0
        self._lock = threading.Lock()

    def __call__(self, _frame) -> None:
        with self._lock:
            self.frames += 1


def _poll(players: list[StreamPlayer], seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for player in players:
            player.poll()
        time.sleep(0.1)


def _tiles(clip: Path, count: int, seconds: float) -> dict:
    servers = [serve_http_ts(clip) for _ in range(count)]
    counters = [_Counter() for _ in range(count)]
    players = [StreamPlayer(counter, label=f"bench {i}") for i, counter in enumerate(counters)]
    try:
        for player, (_, url) in zip(players, servers):
            player.play(url)
        end = time.monotonic() + 20
        while time.monotonic() < end and not all(p.poll() is StreamState.PLAYING for p in players):
            time.sleep(0.1)
        _poll(players, 2.0)  # warm-up
        start_frames = [c.frames for c in counters]
        cpu, wall = time.process_time(), time.monotonic()
        _poll(players, seconds)
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        fps = [round((c.frames - f) / wall, 1) for c, f in zip(counters, start_frames)]
        return {
            "fps": fps,
            "fps_min": min(fps),
            "cpu_cores": round(cpu / wall, 3),
            "backends": sorted({p.backend_name for p in players}),
        }
    finally:
        for player in players:
            player.stop()
        _kill([process for process, _ in servers])


def _ffmpeg_baseline(clip: Path, seconds: float) -> float:
    """CPU cores ``ffmpeg -i URL -f null -`` spends decoding one such stream."""
    server, url = serve_http_ts(clip)
    try:
        start = time.monotonic()
        decoder = subprocess.Popen(
            ["ffmpeg", "-nostdin", "-v", "error", "-i", url, "-t", str(seconds), "-f", "null", "-"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _, _, usage = os.wait4(decoder.pid, 0)
        decoder.returncode = 0
        return round((usage.ru_utime + usage.ru_stime) / (time.monotonic() - start), 3)
    finally:
        _kill([server])


def run_video_bench(counts: tuple[int, ...] = COUNTS, seconds: float = 8.0) -> dict:
    """One dict: ``tiles_N_fps`` (per tile), ``tiles_N_fps_min``, ``tiles_N_cpu_cores`` for each count,
    and ``ffmpeg_cpu_cores_per_stream``."""
    with tempfile.TemporaryDirectory(prefix="video-bench-") as folder:
        clip = make_clip(0, Path(folder) / "bench.mp4")
        result: dict = {"stream": "640x360@25 H.264 HTTP-TS", "seconds": seconds}
        for count in counts:
            tiles = _tiles(clip, count, seconds)
            result.update({f"tiles_{count}_{key}": value for key, value in tiles.items()})
        result["ffmpeg_cpu_cores_per_stream"] = _ffmpeg_baseline(clip, seconds)
    return result


def add_arguments(parser) -> None:
    parser.add_argument("--seconds", type=float, default=8.0, metavar="秒", help="每组测量时长，默认 8 秒")


def run(args) -> int:
    print(json.dumps(run_video_bench(seconds=args.seconds), ensure_ascii=False))
    return 0
