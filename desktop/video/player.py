"""One camera's stream: picks the backend, tracks health, restarts with back-off.

Backends call in from their threads; everything else runs on the caller's thread, which
calls :meth:`StreamPlayer.poll` a few times a second (the tile's timer).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable

from desktop.video import pyav_backend, vlc_backend
from desktop.video.frames import FRAME_SIZE, BackendUnavailable, Frame
from desktop.video.health import Health, StreamState
from desktop.video.sources import LIBVLC, PYAV, backends_for, problem

log = logging.getLogger(__name__)
BACKENDS = {LIBVLC: vlc_backend.VlcBackend, PYAV: pyav_backend.PyAVBackend}


class _Attempt:
    """The sink of one backend attempt: forwards frames until closed, queues failures."""

    def __init__(self, player: StreamPlayer):
        self._player = player
        self._lock = threading.Lock()
        self._open = True
        self.last_frame: float | None = None

    def frame(self, frame: Frame) -> None:
        with self._lock:
            if self._open:
                self.last_frame = self._player._clock()
                self._player._on_frame(frame)

    def failed(self, state: StreamState, detail: str) -> None:
        if self._open:
            self._player._events.put((self, state, detail))

    def close(self) -> None:
        with self._lock:
            self._open = False


class StreamPlayer:
    def __init__(
        self,
        on_frame: Callable[[Frame], None],
        size: tuple[int, int] = FRAME_SIZE,
        clock: Callable[[], float] = time.monotonic,
        label: str = "",
    ):
        self._on_frame, self._size, self._clock, self.label = on_frame, size, clock, label
        self.health = Health()
        self.url: str | None = None
        self.backend_name = ""
        self._candidates: list[str] = []
        self._backend = None
        self._attempt: _Attempt | None = None
        self._events: queue.Queue = queue.Queue()
        self._logged: tuple | None = None

    @property
    def state(self) -> StreamState:
        return self.health.state

    @property
    def active(self) -> bool:
        return self.url is not None

    def play(self, url: str | None) -> None:
        self.stop()
        self.url = url or ""
        self._candidates = backends_for(self.url)
        reason = problem(url)
        if reason is not None:
            state = StreamState.NO_SOURCE if not url else StreamState.INVALID
            self.health.failed(state, reason, self._clock())
            log.warning("视频 %s：%s（%s）", self.label, reason, url)
            return
        self._start()

    def stop(self) -> None:
        self._end_attempt()
        self.url, self.backend_name, self._logged = None, "", None
        self.health.stopped()

    def poll(self) -> StreamState:
        """Apply the backends' reports, notice stalls, retry when due; returns the state."""
        now = self._clock()
        while True:
            try:
                attempt, state, detail = self._events.get_nowait()
            except queue.Empty:
                break
            if attempt is self._attempt:
                self._attempt_failed(state, detail, now)
        if self._attempt is not None and self._attempt.last_frame is not None:
            self.health.frame(self._attempt.last_frame)
            if self._logged is not None:
                log.info("视频 %s：已通过 %s 恢复播放", self.label, self.backend_name)
                self._logged = None
        silence = self.health.silence(now)
        if silence is not None and self._attempt is not None:
            self._attempt_failed(StreamState.INTERRUPTED, silence, now)
        if self.url and self.health.retry_due(now) and problem(self.url) is None:
            self._start()
        return self.health.state

    def _attempt_failed(self, state: StreamState, detail: str, now: float) -> None:
        never_played = self._attempt.last_frame is None
        self._end_attempt()
        if never_played and len(self._candidates) > 1:
            log.info(
                "视频 %s：%s 无法打开 %s（%s），改用 %s",
                self.label,
                self.backend_name,
                self.url,
                detail,
                self._candidates[1],
            )
            self._candidates.pop(0)
            self._start()
            return
        if (state, detail) != self._logged:  # one line per change, not per retry
            self._logged = (state, detail)
            log.warning("视频 %s：%s（%s）：%s", self.label, state.value, self.backend_name, detail)
        self.health.failed(state, detail, now)
        self._candidates = backends_for(self.url)  # the next retry starts again from the preferred backend

    def _start(self) -> None:
        while self._candidates:
            name = self._candidates[0]
            self._attempt = _Attempt(self)
            backend = BACKENDS[name](self.url, self._attempt, self._size)
            try:
                backend.start()
            except BackendUnavailable as exc:
                log.warning("视频 %s：%s", self.label, exc)
                self._attempt.close()
                self._attempt = None
                if len(self._candidates) == 1:
                    self.health.failed(StreamState.UNAVAILABLE, str(exc), self._clock())
                    return
                self._candidates.pop(0)
                continue
            self._backend, self.backend_name = backend, name
            self.health.connecting(self._clock())
            return

    def _end_attempt(self) -> None:
        if self._attempt is not None:
            self._attempt.close()
            self._attempt = None
        if self._backend is not None:
            self._backend.stop()
            self._backend = None
