"""Cyclic garbage collection on the GUI thread only.

Python's collector runs in whichever thread allocates past its threshold. When the garbage holds Qt
objects (a closed window's widgets in a reference cycle), a worker thread — a tile painter, the QGIS
fetcher, the feed loop — would destroy them: ``QObject``'s destructor takes Qt's signal lock and
PySide then waits for the GIL, while the GUI thread holds the GIL and waits for that lock. That
deadlock was seen in the test suite (and Qt objects must not be destroyed off their thread anyway).
So automatic collection is switched off and the GUI thread collects, by the same thresholds, on a
timer (pyqtgraph's approach).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 50  # small, frequent collections: a 500 ms interval let 20k alarms/s pile up 50 ms pauses


def collect_due() -> int:
    """Collect the oldest generation whose count passed its threshold, as the automatic collector
    would have; returns the number of objects found unreachable."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    due = -1
    for generation in range(3):
        if counts[generation] <= thresholds[generation]:
            break
        due = generation
    return gc.collect(due) if due >= 0 else 0


class GuiThreadCollector(QObject):
    """Owned by the application: automatic collection off, :func:`collect_due` every ``interval_ms``."""

    def __init__(self, app: QCoreApplication, interval_ms: int = INTERVAL_MS):
        super().__init__(app)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(collect_due)
        self._timer.start()


def collect_on_gui_thread(app: QCoreApplication) -> GuiThreadCollector:
    """Install the collector once per application."""
    collector = app.findChild(GuiThreadCollector)
    return collector if collector is not None else GuiThreadCollector(app)
