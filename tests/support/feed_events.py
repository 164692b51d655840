"""Feed alarm events for tests (as the gateway delivers them) and an asyncio loop in a thread."""
from __future__ import annotations

import asyncio
import threading
import time

from tests.support.cities import CITY_ORIGIN, CELL


def alarm_event(seq: int, *, level: int = 2, kind: str = "井盖开启", drill: bool = False, age_s: float = 0.0,
                row: int = 0, col: int = 0) -> dict:
    """Event ``seq`` placed in unit grid (row, col) of the small test city."""
    return {"seq": seq, "producer_id": "test", "msg_id": f"t{seq}", "alarm": {
        "kind": kind, "level": level, "device_id": f"JG-{seq:04d}", "component_code": None,
        "x": CITY_ORIGIN[0] + (col + 0.5) * CELL, "y": CITY_ORIGIN[1] + (row + 0.5) * CELL,
        "ts": time.time() - age_s, "message": f"{kind} {seq}", "payload": {"n": seq}, "simulated": True,
        "drill": drill}}


class LoopThread:
    """An asyncio loop running in its own thread; ``run(coro)`` waits for the result."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()

    def run(self, coro, timeout: float = 20.0):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def close(self) -> None:
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(5)
