"""A stream's health: connecting → playing → interrupted (retry with back-off) and the states
that need a person (no permission, invalid address). Single-threaded; the clock is passed in."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum


class StreamState(Enum):
    IDLE = "idle"
    NO_SOURCE = "no_source"
    CONNECTING = "connecting"
    PLAYING = "playing"
    INTERRUPTED = "interrupted"
    FORBIDDEN = "forbidden"
    INVALID = "invalid"
    UNAVAILABLE = "unavailable"  # no backend can play it (libvlc and PyAV missing)


FAILURES = (StreamState.INTERRUPTED, StreamState.FORBIDDEN, StreamState.INVALID, StreamState.UNAVAILABLE)


@dataclass
class Health:
    backoff: tuple[float, ...] = (0.5, 1.0, 2.0, 3.0)  # capped at the last: a stream back is seen within ~5 s
    slow_retry: float = 30.0  # for states a person must fix (permission, address)
    stall_after: float = 3.0  # no frame for this long while playing = interrupted
    connect_timeout: float = 8.0
    state: StreamState = StreamState.IDLE
    detail: str = ""
    retry_at: float | None = None
    failures: int = 0
    _since: float = field(default=0.0, repr=False)
    _last_frame: float = field(default=0.0, repr=False)

    def connecting(self, now: float) -> None:
        self.state, self.retry_at, self._since = StreamState.CONNECTING, None, now

    def frame(self, now: float) -> None:
        self._last_frame = now
        if self.state is not StreamState.PLAYING:
            self.state, self.detail, self.failures = StreamState.PLAYING, "", 0

    def failed(self, state: StreamState, detail: str, now: float) -> None:
        self.state, self.detail = state, detail
        if state is StreamState.INTERRUPTED:
            self.retry_at = now + self.backoff[min(self.failures, len(self.backoff) - 1)]
        else:
            self.retry_at = now + self.slow_retry
        self.failures += 1

    def stopped(self, state: StreamState = StreamState.IDLE) -> None:
        self.state, self.detail, self.retry_at, self.failures = state, "", None, 0

    def silence(self, now: float) -> str | None:
        """Why a stream without frames and without an error counts as failed (None: it does not)."""
        if self.state is StreamState.PLAYING and now - self._last_frame > self.stall_after:
            return "no frames"
        if self.state is StreamState.CONNECTING and now - self._since > self.connect_timeout:
            return "connect timeout"
        return None

    def retry_due(self, now: float) -> bool:
        return self.retry_at is not None and now >= self.retry_at
