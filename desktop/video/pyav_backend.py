"""PyAV backend (FFmpeg in the wheel): RTSP, and whatever libvlc cannot open. Decodes on a thread."""

from __future__ import annotations

import threading
import time

from desktop.video.frames import FRAME_SIZE, BackendUnavailable, Frame, Sink
from desktop.video.health import StreamState
from desktop.video.sources import PYAV, is_file, local_path

OPEN_TIMEOUT, READ_TIMEOUT = 5.0, 3.0


def _av():
    try:
        import av
    except ImportError as exc:
        raise BackendUnavailable(f"PyAV: {exc}") from exc
    return av


def classify(av, exc: Exception) -> StreamState:
    """The stream state an open/read error means."""
    if isinstance(exc, (av.error.HTTPUnauthorizedError, av.error.HTTPForbiddenError, PermissionError)):
        return StreamState.FORBIDDEN
    if isinstance(exc, (av.error.HTTPNotFoundError, FileNotFoundError, av.error.InvalidDataError)):
        return StreamState.INVALID
    return StreamState.INTERRUPTED


class PyAVBackend:
    """One attempt at playing ``url``; files loop in real time, live streams are decoded as they come."""

    name = PYAV

    def __init__(self, url: str, sink: Sink, size: tuple[int, int] = FRAME_SIZE):
        self.url, self._sink, self._size = url, sink, size
        self._stop = threading.Event()

    def start(self) -> None:
        av = _av()
        threading.Thread(target=self._run, args=(av,), name="pyav-decode", daemon=True).start()

    def stop(self) -> None:
        self._stop.set()

    def _open(self, av):
        if is_file(self.url):
            return av.open(str(local_path(self.url)))
        options = {"rtsp_transport": "tcp"} if self.url.startswith("rtsp") else {}
        return av.open(self.url, options=options, timeout=(OPEN_TIMEOUT, READ_TIMEOUT))

    def _run(self, av) -> None:
        try:
            with self._open(av) as container:
                self._decode(container)
        except Exception as exc:  # noqa: BLE001 - every decoder failure is a stream state, never a crash
            if not self._stop.is_set():
                self._sink.failed(classify(av, exc), str(exc))
        else:
            if not self._stop.is_set():
                self._sink.failed(StreamState.INTERRUPTED, "end of stream")

    def _decode(self, container) -> None:
        stream = container.streams.video[0]
        stream.thread_type = "AUTO"
        width, height = self._size
        looping = is_file(self.url)
        while not self._stop.is_set():
            start, first = time.monotonic(), None
            for frame in container.decode(stream):
                if self._stop.is_set():
                    return
                if looping and frame.time is not None:
                    first = frame.time if first is None else first
                    self._stop.wait(max(0.0, frame.time - first - (time.monotonic() - start)))
                plane = frame.reformat(width, height, "bgra").planes[0]
                self._sink.frame(Frame(bytes(plane), width, height, plane.line_size))
            if not looping:
                return
            container.seek(0)
