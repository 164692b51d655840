"""What a backend hands over: decoded frames (32-bit BGRX, Qt's RGB32 on little-endian) and failures."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop.video.health import StreamState

FRAME_SIZE = (640, 360)  # backends scale to this; tiles scale to their own size when painting


@dataclass(frozen=True)
class Frame:
    data: bytes
    width: int
    height: int
    stride: int


class Sink(Protocol):
    """Called from the backend's threads."""

    def frame(self, frame: Frame) -> None: ...

    def failed(self, state: StreamState, detail: str) -> None: ...


class BackendUnavailable(RuntimeError):
    """The backend's library is missing or does not start."""
