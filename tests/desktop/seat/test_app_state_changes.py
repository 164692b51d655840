"""AppState hands the open database's changes to the GUI thread as sig_changed."""

import threading

from PySide6.QtCore import QThread

from desktop.seat.app_state import AppState
from desktop.storage.changes import INSERT, Change
from desktop.storage.database import CityDatabase


def _state(tmp_path, name="city.db") -> AppState:
    state = AppState()
    state.set_database(CityDatabase(tmp_path / name))
    return state


def test_a_change_from_a_worker_thread_arrives_on_the_gui_thread(qtbot, tmp_path):
    state, arrived = _state(tmp_path), []
    state.sig_changed.connect(lambda change: arrived.append((change, QThread.currentThread())))
    change = Change("alarm", (1, 2), INSERT, (118.0, 33.0, 118.1, 33.1))
    writer = threading.Thread(target=state.database.changes.announce, args=(change,))
    writer.start()
    writer.join()
    assert arrived == []  # queued: nothing runs in the writer's thread
    qtbot.waitUntil(lambda: bool(arrived))
    assert arrived == [(change, state.thread())]
    state.close()


def test_a_change_in_the_gui_thread_arrives_at_once(qtbot, tmp_path):
    state, arrived = _state(tmp_path), []
    state.sig_changed.connect(arrived.append)
    state.database.changes.announce(Change("case", (7,)))
    assert arrived == [Change("case", (7,))]
    state.close()


def test_another_database_replaces_the_subscription(qtbot, tmp_path):
    state, arrived = _state(tmp_path), []
    first = state.database
    state.sig_changed.connect(arrived.append)
    state.set_database(CityDatabase(tmp_path / "other.db"))
    first.changes.announce(Change("case", (1,)))
    state.database.changes.announce(Change("case", (2,)))
    assert arrived == [Change("case", (2,))]
    second = state.database
    state.close()
    second.changes.announce(Change("case", (3,)))
    assert arrived == [Change("case", (2,))]
