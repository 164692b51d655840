"""Handing items from any thread to the thread an :class:`Inbox` lives in (the GUI thread)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QTimer, Signal, Slot


class Inbox(QObject):
    """Items :meth:`put` from any thread arrive in order as :attr:`sig_items` in the inbox's thread.

    Only a put into an empty inbox posts an event, so a busy GUI thread takes a whole burst in one go;
    with ``limit`` at most that many items go per event-loop turn and the rest follow on the next
    turns, with the other events (timers, paints) in between. A put from the inbox's own thread is
    delivered at once.
    """

    sig_items = Signal(list)
    _sig_wake = Signal()  # the putting thread → ours (queued across threads)

    def __init__(self, limit: int | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._limit = limit
        self._items: list = []
        self._lock = threading.Lock()
        self._sig_wake.connect(self._deliver)

    def put(self, items: list) -> None:
        with self._lock:
            wake = not self._items
            self._items.extend(items)
        if wake:
            self._sig_wake.emit()

    def clear(self) -> None:
        """Drop what has not been delivered yet."""
        with self._lock:
            self._items = []

    @Slot()
    def _deliver(self) -> None:
        with self._lock:
            if self._limit is None:
                items, self._items = self._items, []
            else:
                items, self._items = self._items[: self._limit], self._items[self._limit :]
            more = bool(self._items)  # a put wakes us only when the inbox was empty: continue ourselves
        if more:
            QTimer.singleShot(0, self, self._deliver)
        if items:
            self.sig_items.emit(items)
