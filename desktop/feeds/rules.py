"""Alarm rules: vehicle geofences per vehicle kind and sensor thresholds, each with hysteresis.

Coordinates are lon/lat degrees (EPSG:4490); distances are given in metres and converted
with the local scale. A rule raises once when its subject enters violation and re-arms only
after the subject has clearly left it (a spatial margin, a lower threshold), so a vehicle
hovering on a corridor edge or a sensor jittering at its threshold raises one alarm.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Point

METRES_PER_DEGREE = 111_320.0


def metres_to_degrees(metres: float, lat: float) -> float:
    """An (isotropic, conservative) degree distance for ``metres`` at latitude ``lat``."""
    return metres / (METRES_PER_DEGREE * max(math.cos(math.radians(lat)), 0.1))


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
class Corridor:
    """渣土车: must stay within ``width_m`` of its approved route; re-arms inside ``width_m - margin_m``."""

    route: shapely.LineString
    width_m: float = 50.0
    margin_m: float = 15.0
    kind = "渣土车偏离路线"

    def __post_init__(self):
        lat = self.route.centroid.y
        self._out = metres_to_degrees(self.width_m, lat)
        self._back = metres_to_degrees(self.width_m - self.margin_m, lat)

    def state(self, x: float, y: float, speed: float, ts: float) -> bool | None:
        d = self.route.distance(Point(x, y))
        return True if d > self._out else (False if d < self._back else None)


@dataclass
class Zone:
    """A polygon the vehicle must stay out of (``inside=False``, 渣土车禁区) or within (执法车辖区)."""

    polygon: shapely.Polygon
    kind: str
    inside: bool = False
    margin_m: float = 15.0

    def __post_init__(self):
        pad = metres_to_degrees(self.margin_m, self.polygon.centroid.y)
        self._outer, self._inner = self.polygon.buffer(pad), self.polygon.buffer(-pad)

    def state(self, x: float, y: float, speed: float, ts: float) -> bool | None:
        p = Point(x, y)
        if self.inside:  # violating when clearly outside the area
            return True if not self._outer.contains(p) else (False if self._inner.contains(p) else None)
        return True if self._inner.contains(p) else (False if not self._outer.contains(p) else None)


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


_MESSAGES = {
    "渣土车偏离路线": "渣土车 {plate} 偏离核准路线",
    "渣土车进入禁区": "渣土车 {plate} 进入禁行区域",
    "执法车离开辖区": "执法车 {plate} 离开辖区",
    "环卫车长时间停留": "环卫车 {plate} 长时间停留",
}


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
                raised.append(alarm(rule.kind, self._levels[rule.kind], x, y, ts,
                                    _MESSAGES[rule.kind].format(plate=plate),
                                    device_id=f"vehicle:{vehicle_id}"))
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


class SensorRules:
    """Threshold alarms per (device, metric); raises again only when the level rises or after clearing."""

    def __init__(self, thresholds: dict[str, Threshold] | None = None):
        self._thresholds = thresholds or SENSOR_THRESHOLDS
        self._raised: dict[tuple[str, str], int] = {}

    def evaluate(self, device_id: str, metric: str, value: float, x: float, y: float, ts: float,
                 component_code: str | None = None) -> dict | None:
        t = self._thresholds[metric]
        level, limit = t.classify(value)
        key, current = (device_id, metric), self._raised.get((device_id, metric), 0)
        if level == 0:
            clear = t.levels[0][0] * t.clear_ratio
            if value > clear if t.below else value < clear:
                self._raised.pop(key, None)
            return None
        if level <= current:
            return None
        self._raised[key] = level
        found = alarm(t.kind, level, x, y, ts, f"{t.kind}：{value:g} {t.unit}", device_id=device_id,
                      component_code=component_code)
        found["payload"] = {"metric": metric, "value": value, "threshold": limit}
        return found
