"""Alarm rules the simulated city runs: per-vehicle rules with hysteresis and the sensor threshold table.

A vehicle rule raises once when its vehicle enters violation and re-arms only after it has clearly
left it. Coordinates are lon/lat degrees (EPSG:4490).
"""

from __future__ import annotations

from dataclasses import dataclass, field

METRES_PER_DEGREE = 111_320.0


def alarm(kind: str, level: int | None, x: float, y: float, ts: float, message: str, **extra) -> dict:
    """An alarm dict as accepted by :func:`desktop.feeds.protocol.validate_alarm`."""
    return {"kind": kind, "level": level, "x": x, "y": y, "ts": ts, "message": message, "payload": {}, **extra}


class _Latch:
    """Per-key violation state: ``update`` returns True exactly on entering violation."""

    def __init__(self):
        self._on: set = set()

    def update(self, key, violating: bool | None) -> bool:
        if violating and key not in self._on:
            self._on.add(key)
            return True
        if violating is False:
            self._on.discard(key)
        return False


@dataclass
class IdleLimit:
    """环卫车: speed below ``idle_kmh`` for longer than ``max_idle_s``; re-arms when it moves again.

    Keeps the idle start, so use one instance per vehicle (the spatial rules can be shared)."""

    max_idle_s: float = 1800.0
    idle_kmh: float = 1.0
    kind = "环卫车长时间停留"
    _since: float | None = field(default=None, repr=False)

    def state(self, x: float, y: float, speed: float, ts: float) -> bool | None:
        if speed >= self.idle_kmh:
            self._since = None
            return False
        self._since = ts if self._since is None else self._since
        return ts - self._since > self.max_idle_s


_MESSAGES = {"环卫车长时间停留": "环卫车 {plate} 长时间停留"}


class VehicleRules:
    """Rules per vehicle; ``check`` returns the alarms raised by one position fix."""

    def __init__(self, levels: dict[str, int] | None = None):
        from desktop.feeds.protocol import ALARM_KINDS

        self._levels = {k: v[1] for k, v in ALARM_KINDS.items()} | (levels or {})
        self._rules: dict[object, list] = {}
        self._plates: dict[object, str] = {}
        self._latch = _Latch()

    def add(self, vehicle_id, rule, plate: str | None = None) -> None:
        self._rules.setdefault(vehicle_id, []).append(rule)
        if plate:
            self._plates[vehicle_id] = plate

    def check(self, vehicle_id, x: float, y: float, speed_kmh: float, ts: float) -> list[dict]:
        raised = []
        for index, rule in enumerate(self._rules.get(vehicle_id, ())):
            if self._latch.update((vehicle_id, index), rule.state(x, y, speed_kmh, ts)):
                plate = self._plates.get(vehicle_id, str(vehicle_id))
                raised.append(
                    alarm(
                        rule.kind,
                        self._levels[rule.kind],
                        x,
                        y,
                        ts,
                        _MESSAGES[rule.kind].format(plate=plate),
                        device_id=f"vehicle:{vehicle_id}",
                    )
                )
        return raised


@dataclass(frozen=True)
class Threshold:
    """A sensor metric: ``levels`` are ascending ``(value, alarm level)``; clears below ``clear_ratio`` × the lowest."""

    kind: str
    unit: str
    levels: tuple[tuple[float, int], ...]
    clear_ratio: float = 0.9
    below: bool = False  # e.g. supply pressure: alarms when the value falls under the thresholds

    def classify(self, value: float) -> tuple[int, float | None]:
        """``(alarm level, threshold crossed)``; level 0 when no threshold is crossed."""
        hits = [(lvl, limit) for limit, lvl in self.levels if (value <= limit if self.below else value >= limit)]
        return max(hits, default=(0, None))


SENSOR_THRESHOLDS: dict[str, Threshold] = {
    "water_level_m": Threshold("水位超限", "m", ((0.15, 2), (0.27, 3), (0.5, 4))),  # 道路积水深度
    "rain_mm_h": Threshold("雨量超限", "mm/h", ((16.0, 2), (30.0, 3), (50.0, 4))),
    "methane_ppm": Threshold("甲烷超标", "ppm", ((5000.0, 3), (12500.0, 4))),  # 10 % / 25 % LEL
    "gas_lel_pct": Threshold("燃气泄漏", "%LEL", ((10.0, 3), (25.0, 4))),
    "supply_pressure_mpa": Threshold("供水压力异常", "MPa", ((0.14, 2), (0.10, 3)), clear_ratio=1.1, below=True),
    "drain_level_pct": Threshold("排水液位超限", "%", ((80.0, 2), (95.0, 3))),
    "pm10_ug_m3": Threshold("扬尘超标", "µg/m³", ((150.0, 2), (250.0, 3), (350.0, 4))),
}
