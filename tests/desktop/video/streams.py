"""Real local streams for the video tests: clips made with ffmpeg, served over HTTP-TS and UDP by
ffmpeg and over RTSP by GStreamer's gst-rtsp-server, all on 127.0.0.1. Every process started is
killed by its fixture; every wait is bounded."""

from __future__ import annotations

import http.server
import shutil
import socket
import subprocess
import threading
import time
from pathlib import Path

import numpy as np
import pytest

from desktop.video.serving import ffmpeg_command, free_port, http_ts_url, listening

RTSP_SCRIPT = Path(__file__).with_name("rtsp_server.py")
SYSTEM_PYTHON = "/usr/bin/python3"
needs_ffmpeg = pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed (apt install ffmpeg)")


def make_clip(path: Path, source: str, seconds: int = 4) -> Path:
    """A 640×360 25 fps H.264 clip of a lavfi source (e.g. ``color=c=red``)."""
    source += (":" if "=" in source else "=") + "s=640x360:r=25"
    subprocess.run(
        [
            "ffmpeg",
            "-nostdin",
            "-v",
            "error",
            "-y",
            "-f",
            "lavfi",
            "-i",
            source,
            "-t",
            str(seconds),
            "-c:v",
            "libx264",
            "-preset",
            "ultrafast",
            "-g",
            "25",
            "-pix_fmt",
            "yuv420p",
            str(path),
        ],
        check=True,
        timeout=60,
    )
    return path


def wait_until(condition, timeout: float, step: float = 0.05, pump=None) -> bool:
    """Poll ``condition`` (running ``pump`` between polls) until true or ``timeout`` seconds pass."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if pump is not None:
            pump()
        if condition():
            return True
        time.sleep(step)
    return bool(condition())


class Server:
    """A stream-serving process that can be killed and restarted on the same address."""

    def __init__(self, command: list[str], url: str, ready_line: str | None = None, port: int | None = None):
        self.command, self.url, self._ready_line, self.port = command, url, ready_line, port
        self.process: subprocess.Popen | None = None

    def start(self) -> Server:
        self.process = subprocess.Popen(
            self.command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        if self._ready_line is not None:
            ready = threading.Event()
            threading.Thread(target=lambda: (self.process.stdout.readline(), ready.set()), daemon=True).start()
            if not ready.wait(15):
                self.kill()
                pytest.skip(f"stream server did not start: {self.command[:3]}")
        if self.port is not None and not wait_until(lambda: listening(self.port), 10):
            self.kill()
            raise RuntimeError(f"stream server not listening on {self.port}")
        return self

    def kill(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None


def http_ts_server(clip: Path, port: int | None = None) -> Server:
    """ffmpeg serving one client at http://127.0.0.1:PORT/live.ts (restart it for the next)."""
    port = port or free_port()
    return Server(ffmpeg_command(clip, "-listen", "1", http_ts_url(port)), http_ts_url(port), port=port)


def udp_server(clip: Path) -> Server:
    port = free_port(socket.SOCK_DGRAM)
    return Server(ffmpeg_command(clip, f"udp://127.0.0.1:{port}?pkt_size=1316"), f"udp://@127.0.0.1:{port}")


def rtsp_available() -> bool:
    probe = "import gi; gi.require_version('GstRtspServer', '1.0'); from gi.repository import GstRtspServer"
    try:
        return subprocess.run([SYSTEM_PYTHON, "-c", probe], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def rtsp_server(clip: Path) -> Server:
    port = free_port()
    return Server(
        [SYSTEM_PYTHON, str(RTSP_SCRIPT), str(port), str(clip)], f"rtsp://127.0.0.1:{port}/cam", "ready", port
    )


class _StatusHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # http.server's naming
        self.send_response(401 if self.path.startswith("/secret") else 404)
        self.send_header("WWW-Authenticate", 'Basic realm="camera"')
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def status_server():
    """An HTTP server answering /secret… with 401 and anything else with 404: its base URL."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _StatusHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def clips(tmp_path_factory) -> dict[str, Path]:
    """Solid red, solid blue and a moving test pattern."""
    if shutil.which("ffmpeg") is None:
        pytest.skip("ffmpeg not installed (apt install ffmpeg)")
    folder = tmp_path_factory.mktemp("clips")
    return {
        name: make_clip(folder / f"{name}.mp4", source)
        for name, source in (("red", "color=c=red"), ("blue", "color=c=blue"), ("pattern", "testsrc2"))
    }


@pytest.fixture
def servers():
    """Start servers with ``servers(server)``; all are killed at the end of the test."""
    started: list[Server] = []

    def start(server: Server) -> Server:
        started.append(server)
        return server.start()

    try:
        yield start
    finally:
        for server in started:
            server.kill()


def mean_bgr(data: bytes, width: int, height: int, stride: int) -> tuple[float, float, float]:
    """The mean (B, G, R) of a BGRX frame."""
    pixels = np.frombuffer(data, np.uint8)[: height * stride].reshape(height, stride)[:, : width * 4]
    b, g, r = pixels.reshape(height, width, 4)[..., :3].reshape(-1, 3).mean(axis=0)
    return float(b), float(g), float(r)
