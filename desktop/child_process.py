"""How the seat starts its helper processes (the local gateway; the feed bench's load) — Qt-free."""

from __future__ import annotations

import ctypes
import os
import signal

BACKGROUND_NICE = 5  # a seat's own gateway yields the CPU to the operator's window


def behind_the_window() -> None:
    """In a child of the seat: a lower CPU priority than the window (``BACKGROUND_NICE``)."""
    os.nice(BACKGROUND_NICE)


def end_with_parent() -> None:
    """In the child: get SIGTERM when the application dies, so no gateway is left behind (Linux),
    and run behind the window."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass
    behind_the_window()
