"""Cyclic garbage holding Qt objects is collected on the GUI thread, never by a worker that allocates."""

import gc
import threading
import weakref

from PySide6.QtCore import QObject, QThread

from desktop.shell.app import create_application


class _Cycle(QObject):
    def __init__(self):
        super().__init__()
        self.me = self

    def __del__(self):
        _Cycle.last_thread = QThread.currentThread()


def test_garbage_cycles_die_on_the_gui_thread(qtbot, qapp):
    create_application([])
    assert not gc.isenabled()
    cycle = _Cycle()
    gone = weakref.ref(cycle)
    del cycle
    worker = threading.Thread(target=lambda: [[{} for _ in range(100)] for _ in range(20_000)])
    worker.start()
    worker.join()
    assert gone() is not None  # the worker's allocations did not run the collector
    live = [{} for _ in range(2 * gc.get_threshold()[0])]  # past the threshold: the GUI thread's timer collects
    qtbot.waitUntil(lambda: gone() is None, timeout=5_000)
    del live
    assert _Cycle.last_thread is qapp.thread()
