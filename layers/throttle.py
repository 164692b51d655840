"""A rate limit for signals, in the spirit of pyqtgraph's ``SignalProxy`` (QtCore only)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QObject, QTimer, Signal

_NOTHING = object()


class Throttle(QObject):
    """Coalesces :meth:`push` calls into at most one :attr:`sig_fired` per :attr:`interval_ms`.

    The delivered value is the last one pushed, or with ``merge`` all of them folded together
    (``merge(pending, new)``). Trailing by default: a quiet throttle fires ``interval_ms`` after the
    first push of a burst; with ``leading`` it fires at once when the last firing is that long ago.
    """

    sig_fired = Signal(object)

    def __init__(
        self,
        interval_ms: int,
        *,
        leading: bool = False,
        merge: Callable[[object, object], object] | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.interval_ms = max(1, int(interval_ms))
        self._leading = leading
        self._merge = merge
        self._pending = _NOTHING
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    def push(self, value: object = None) -> None:
        """Note ``value``; fire now (leading, quiet) or when the interval is over."""
        pending = self._pending
        self._pending = value if pending is _NOTHING or self._merge is None else self._merge(pending, value)
        if self._timer.isActive():
            return
        since = self._clock.elapsed() if self._clock.isValid() else None
        if self._leading and (since is None or since >= self.interval_ms):
            self.flush()
        else:
            self._timer.start(
                self.interval_ms if since is None or not self._leading else max(1, self.interval_ms - since)
            )

    def flush(self) -> None:
        """Fire now with what is pending (nothing pending: nothing fires)."""
        self._timer.stop()
        value, self._pending = self._pending, _NOTHING
        if value is not _NOTHING:
            self._clock.start()
            self.sig_fired.emit(value)

    def cancel(self) -> None:
        """Drop what is pending."""
        self._timer.stop()
        self._pending = _NOTHING

    @property
    def pending(self) -> bool:
        return self._pending is not _NOTHING
