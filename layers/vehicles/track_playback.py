"""轨迹回放 model: one vehicle's loaded track, the replay time, playing or not, and the speed factor.

A pure model (QtCore only): a timer advances the time while playing; views subscribe to
:attr:`TrackPlayback.sig_changed` and read :meth:`fix`, :attr:`index` and :meth:`travelled_m`.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

from desktop.vehicles.tracks import Fix, Summary, Track

SPEEDS = (1, 10, 60, 300)  # replay seconds per real second
TICK_MS = 100


class TrackPlayback(QObject):
    sig_changed = Signal()  # track, time, playing or speed changed

    def __init__(self, parent: QObject | None = None, tick_ms: int = TICK_MS):
        super().__init__(parent)
        self.track: Track | None = None
        self.summary: Summary | None = None
        self.kind = ""  # the vehicle's kind (环卫 …), for its colour
        self.time = 0.0  # epoch seconds
        self.speed = SPEEDS[2]
        self._distance = np.zeros(0)  # metres travelled at each fix
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)

    @property
    def playing(self) -> bool:
        return self._timer.isActive()

    @property
    def index(self) -> int:
        """How many fixes lie at or before the replay time."""
        return self.track.index_at(self.time) if self.track else 0

    def set_track(self, track: Track | None, kind: str = "") -> None:
        """Show ``track`` (None or empty: nothing) from its start, paused."""
        self._timer.stop()
        self.track = track if track is not None and len(track) else None
        self.kind = kind
        self.summary = self.track.summary() if self.track else None
        self._distance = np.concatenate([[0.0], np.cumsum(self.track.segment_lengths)]) if self.track else np.zeros(0)
        self.time = self.track.start if self.track else 0.0
        self.sig_changed.emit()

    def fix(self) -> Fix | None:
        """Where the vehicle is at the replay time."""
        return self.track.at(self.time) if self.track else None

    def travelled_m(self) -> float:
        return float(np.interp(self.time, self.track.ts, self._distance)) if self.track else 0.0

    def seek(self, t: float) -> None:
        if self.track:
            self.time = min(max(float(t), self.track.start), self.track.end)
            self.sig_changed.emit()

    def advance(self, seconds: float) -> None:
        """Move on by ``seconds`` of real time × the speed factor; playing stops at the end."""
        if not self.track:
            return
        self.seek(self.time + seconds * self.speed)
        if self.time >= self.track.end:
            self.pause()

    def play(self) -> None:
        if self.track and not self.playing:
            if self.time >= self.track.end:
                self.time = self.track.start
            self._clock.start()
            self._timer.start()
            self.sig_changed.emit()

    def pause(self) -> None:
        if self.playing:
            self._timer.stop()
            self.sig_changed.emit()

    def toggle(self) -> None:
        self.pause() if self.playing else self.play()

    def set_speed(self, factor: int) -> None:
        if factor != self.speed:
            self.speed = factor
            self.sig_changed.emit()

    def _tick(self) -> None:
        self.advance(self._clock.restart() / 1000.0)
