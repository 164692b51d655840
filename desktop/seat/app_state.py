"""The state panels share: the open database, its layers, summary and street index, the selection, the cursor.

Panels receive the :class:`AppState` and subscribe to its signals; they never talk to each other.
What the core services write reaches them as :attr:`AppState.sig_changed` on the GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.feeds.alarm_store import StreetIndex
from desktop.seat.inbox import Inbox
from desktop.seat.services import Services
from desktop.storage.changes import Change
from desktop.storage.city_queries import CitySummary, read_city_summary
from desktop.storage.database import CityDatabase
from layers.base import Layer
from layers.city_data import reload_cases
from layers.layer_list import LayerList


class AppState(QObject):
    sig_database_changed = Signal()
    sig_selection_changed = Signal(object)  # tuple of (table, key) pairs
    sig_cursor_moved = Signal(float, float)  # lon, lat under the mouse on the map
    sig_fly_to = Signal(object)  # (min_lon, min_lat, max_lon, max_lat): the map shows this box
    sig_map_clicked = Signal(float, float, float)  # lon, lat, tolerance in degrees (a few pixels)
    sig_status_message = Signal(str)  # a one-off line for the status bar
    sig_changed = Signal(object)  # a Change committed to the open database, on the GUI thread

    def __init__(
        self, load_layers: Callable[[AppState], list[Layer]] = lambda _state: [], parent: QObject | None = None
    ):
        """``load_layers(state)`` builds the map's layers for the open database (the shell passes the
        built-in plugins' loader)."""
        super().__init__(parent)
        self._load_layers = load_layers
        self.database: CityDatabase | None = None
        self.summary: CitySummary | None = None
        self._streets: StreetIndex | None = None
        self.layers = LayerList(self)
        self._selection: tuple = ()
        self.services = Services()  # the seat's long-lived objects (the live feed, …)
        self._unsubscribe = lambda: None
        self._announced = Inbox(parent=self)  # the bus's changes, from the writers' threads to ours
        self._announced.sig_items.connect(self._deliver)
        self.sig_changed.connect(self._reload_cases)

    def open_database(self, target: str | Path) -> None:
        """Open, load and make current; raises :class:`DatabaseError` (Chinese message) on failure."""
        self.set_database(CityDatabase(target))

    def set_database(self, database: CityDatabase) -> None:
        self._close_database()
        self.database = database
        self._unsubscribe = database.changes.subscribe(lambda change: self._announced.put([change]))
        self.summary = read_city_summary(database)
        self.layers.set_layers(self._load_layers(self))
        self.set_selection(())
        self.sig_database_changed.emit()

    def street_index(self) -> StreetIndex:
        """Which 街道 a point of the open database lies in (built on first use, once per database)."""
        if self._streets is None:
            self._streets = StreetIndex(self.database)
        return self._streets

    @property
    def selection(self) -> tuple:
        return self._selection

    def set_selection(self, items: tuple) -> None:
        items = tuple(items)
        if items != self._selection:
            self._selection = items
            self.sig_selection_changed.emit(items)

    def set_cursor(self, lon: float, lat: float) -> None:
        self.sig_cursor_moved.emit(lon, lat)

    def fly_to(self, bbox: tuple[float, float, float, float]) -> None:
        """Ask the map to show ``(min_lon, min_lat, max_lon, max_lat)``."""
        self.sig_fly_to.emit(tuple(float(v) for v in bbox))

    def show_status(self, message: str) -> None:
        self.sig_status_message.emit(message)

    def _deliver(self, changes: list[Change]) -> None:
        """In the GUI thread: every change announced since the last delivery, in order."""
        for change in changes:
            self.sig_changed.emit(change)

    def _reload_cases(self, change: Change) -> None:
        if change.kind == "case" and self.database is not None:
            reload_cases(self.database, self.layers)

    def _close_database(self) -> None:
        self._unsubscribe()
        self._unsubscribe, self._streets = (lambda: None), None
        self._announced.clear()  # the closed database's changes are not the next one's
        if self.database is not None:
            self.database.close()
            self.database = None

    def close(self) -> None:
        self._close_database()
