"""Serving a clip as a local live stream with ffmpeg (for the bench and the tests)."""

from __future__ import annotations

import socket
import subprocess
import time
from pathlib import Path


def free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def listening(port: int) -> bool:
    """A TCP socket listens on ``port`` on this host (read from /proc: connecting would use up
    the only client an ``ffmpeg -listen 1`` server takes)."""
    lines = Path("/proc/net/tcp").read_text().splitlines()[1:]
    return any(line.split()[1].endswith(f":{port:04X}") and line.split()[3] == "0A" for line in lines)


def ffmpeg_command(clip: Path, *output: str) -> list[str]:
    """ffmpeg sending ``clip`` in a loop, in real time, without re-encoding, as MPEG-TS to ``output``."""
    return [
        "ffmpeg",
        "-nostdin",
        "-v",
        "error",
        "-re",
        "-stream_loop",
        "-1",
        "-i",
        str(clip),
        "-c",
        "copy",
        "-f",
        "mpegts",
        *output,
    ]


def http_ts_url(port: int) -> str:
    return f"http://127.0.0.1:{port}/live.ts"


def serve_http_ts(clip: Path, port: int | None = None, timeout: float = 10.0) -> tuple[subprocess.Popen, str]:
    """Start ffmpeg serving ``clip`` to one client over HTTP-TS; returns once it listens."""
    port = port or free_port()
    process = subprocess.Popen(
        ffmpeg_command(clip, "-listen", "1", http_ts_url(port)),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    end = time.monotonic() + timeout
    while not listening(port) and process.poll() is None and time.monotonic() < end:
        time.sleep(0.02)
    return process, http_ts_url(port)
