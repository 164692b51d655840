"""A deterministic city simulator for ``main.py gateway --simulate``: vehicles on roads, sensor alarms.

Vehicles leave their depot, drive along connected road LineStrings at speeds typical of
their kind, and drive the same way back to park. Alarm rates follow seed 001's report
(20 313 位移, 21 670 开启, 15 382 满溢, 683 甲烷 from 6 371 covers; the report period is taken
as one year) and scale with the number of devices. Every alarm is marked ``simulated``.
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import math
import random
from dataclasses import dataclass, field

import shapely
from shapely.geometry import Point
from sqlalchemy import func, select

from desktop.feeds.rules import METRES_PER_DEGREE, SENSOR_THRESHOLDS, IdleLimit, VehicleRules, alarm
from desktop.storage.models import BaseFeature, Camera, IoTDevice, Vehicle, VehiclePosition

log = logging.getLogger(__name__)

DAY = 86_400.0
REPORT_PERIOD_DAYS = 365.0
COVERS_IN_REPORT = 6_371
SPEEDS_KMH = {"环卫": (5, 15), "渣土": (30, 50), "执法": (20, 40), "市政抢修": (25, 45)}
SHIFT_S = {"环卫": (2 * 3600, 4 * 3600), "渣土": (3600, 3 * 3600), "执法": (2 * 3600, 4 * 3600)}
PARK_S = (1800, 5400)
ON_SHIFT_AT_START = 0.75  # share of vehicles already out working when the simulation starts

# alarms per device per day, by IoT device kind: kind → [(alarm kind, rate, sensor metric or None)]
DEVICE_ALARM_RATES: dict[str, list[tuple[str, float, str | None]]] = {
    "井盖": [
        (k, n / COVERS_IN_REPORT / REPORT_PERIOD_DAYS, m)
        for k, n, m in (
            ("井盖位移", 20_313, None),
            ("井盖开启", 21_670, None),
            ("井盖满溢", 15_382, None),
            ("甲烷超标", 683, "methane_ppm"),
        )
    ],
    "路灯": [("路灯通信中断", 0.004, None), ("亮灯异常", 0.002, None)],
    "水位": [("水位超限", 0.01, "water_level_m")],
    "雨量": [("雨量超限", 0.01, "rain_mm_h")],
    "燃气": [("燃气泄漏", 0.0005, "gas_lel_pct")],
    "供水": [("供水压力异常", 0.003, "supply_pressure_mpa")],
    "排水": [("排水液位超限", 0.01, "drain_level_pct")],
    "扬尘": [("扬尘超标", 0.05, "pm10_ug_m3")],
}
VIDEO_AI_RATES = {"店外经营": 0.05, "占道经营": 0.05, "乱堆物料": 0.03, "沿街晾挂": 0.02, "暴露垃圾": 0.03}


@dataclass
class World:
    """What the simulation needs from the city DB."""

    vehicles: list[dict] = field(default_factory=list)  # id, plate, kind, depot (x, y) or None
    roads: list[shapely.LineString] = field(default_factory=list)
    devices: list[dict] = field(default_factory=list)  # device_id, kind, component_code, x, y
    cameras: list[dict] = field(default_factory=list)  # code, x, y


def load_world(session) -> World:
    """Read vehicles, roads (base_feature kind "road"), IoT devices and cameras."""
    roads = [
        shapely.from_wkb(w)
        for w in session.scalars(
            select(BaseFeature.geom_wkb).where(BaseFeature.kind == "road", BaseFeature.geom_wkb.is_not(None))
        )
    ]
    latest = (
        select(VehiclePosition.vehicle_id, func.max(VehiclePosition.ts).label("ts"))
        .group_by(VehiclePosition.vehicle_id)
        .subquery()
    )
    last = {
        vid: (x, y)
        for vid, x, y in session.execute(
            select(VehiclePosition.vehicle_id, VehiclePosition.x, VehiclePosition.y).join(
                latest, (VehiclePosition.vehicle_id == latest.c.vehicle_id) & (VehiclePosition.ts == latest.c.ts)
            )
        )
    }
    return World(
        vehicles=[
            {
                "id": v.id,
                "plate": v.plate,
                "kind": v.kind,
                "depot": (v.depot_x, v.depot_y) if v.depot_x is not None else None,
                "at": last.get(v.id),
            }
            for v in session.scalars(select(Vehicle).order_by(Vehicle.id))
        ],
        roads=[line for r in roads for line in getattr(r, "geoms", [r]) if line.geom_type == "LineString"],
        devices=[
            {"device_id": d.device_id, "kind": d.kind, "component_code": d.component_code, "x": d.x, "y": d.y}
            for d in session.scalars(select(IoTDevice).order_by(IoTDevice.id))
        ],
        cameras=[{"code": c.code, "x": c.x, "y": c.y} for c in session.scalars(select(Camera).order_by(Camera.id))],
    )


def _length_m(line: shapely.LineString) -> float:
    coords = line.coords
    scale = math.cos(math.radians(coords[0][1]))
    steps = (math.hypot((b[0] - a[0]) * scale, b[1] - a[1]) for a, b in itertools.pairwise(coords))
    return sum(steps) * METRES_PER_DEGREE


class _RoadNet:
    """Roads split at every junction (vehicles turn only at line ends), with lengths and the roads
    whose end points meet."""

    def __init__(self, roads: list[shapely.LineString]):
        self.roads = list(shapely.get_parts(shapely.union_all(shapely.get_parts(roads))))
        self.lengths = [max(_length_m(r), 1.0) for r in self.roads]
        self._tree = shapely.STRtree(self.roads)
        self._starts = shapely.get_coordinates(shapely.get_point(self.roads, 0))
        self._ends = shapely.get_coordinates(shapely.get_point(self.roads, -1))

    def nearest(self, x: float, y: float) -> tuple[int, float]:
        index = int(self._tree.nearest(Point(x, y)))
        return index, self.roads[index].project(Point(x, y), normalized=True) * self.lengths[index]

    def next_roads(self, index: int, at_end: bool) -> list[tuple[int, bool]]:
        """``(road, forward)`` continuing from one end of ``index``: the other roads starting or ending there."""
        end = (self._ends if at_end else self._starts)[index]
        found = []
        for j in self._tree.query(Point(end), predicate="dwithin", distance=1e-6).tolist():
            if j == index:
                continue
            if abs(self._starts[j] - end).max() < 1e-6:
                found.append((j, True))
            elif abs(self._ends[j] - end).max() < 1e-6:
                found.append((j, False))
        return found

    def point(self, index: int, d: float) -> tuple[float, float]:
        p = self.roads[index].interpolate(d / self.lengths[index], normalized=True)
        return p.x, p.y


class _Mover:
    """One vehicle: parked → working (driving, remembering its path) → returning → parked."""

    def __init__(self, spec: dict, net: _RoadNet, rng: random.Random):
        self.spec, self.net, self.rng = spec, net, rng
        self.state, self.timer, self.speed, self.heading = "parked", rng.uniform(0, PARK_S[1]), 0.0, 0.0
        self.home = spec["depot"] or net.point(0, 0.0)
        self.x, self.y = self.home
        self.path: list[tuple[int, bool]] = []
        self.d = self.pause = self.start_d = 0.0
        if spec.get("at") and rng.random() < ON_SHIFT_AT_START:  # mid-shift: carry on from its last position
            self._start_shift(spec["at"], rng.uniform(0, 1))

    def _start_shift(self, where: tuple[float, float], remaining: float) -> None:
        road, self.d = self.net.nearest(*where)
        self.start_d = self.d  # returning, the vehicle leaves the road again here
        self.path = [(road, self.rng.random() < 0.5)]
        self.x, self.y = self.net.point(road, self.d)
        self.state = "working"
        self.timer = remaining * self.rng.uniform(*SHIFT_S.get(self.spec["kind"], (3600, 7200)))

    def step(self, dt: float) -> None:
        self.timer -= dt
        if self.state == "parked":
            self.speed = 0.0
            if self.timer <= 0:
                self._start_shift(self.home, 1.0)
            return
        if self.state == "working" and self.timer <= 0:
            self.state = "returning"
            road, forward = self.path[-1]
            self.path[-1] = (road, not forward)
        if self.state == "working" and self.spec["kind"] == "环卫" and self._pause(dt):
            return
        low, high = SPEEDS_KMH.get(self.spec["kind"], (20, 40))
        self.speed = self.rng.uniform(low, high)
        self._advance(self.speed / 3.6 * dt)

    def _pause(self, dt: float) -> bool:
        """环卫 stops to sweep/collect: usually minutes, rarely long enough for an idle alarm."""
        if self.pause > 0:
            self.pause -= dt
            self.speed = 0.0
            return True
        if self.rng.random() < dt / 1800:
            self.pause = self.rng.uniform(2400, 3600) if self.rng.random() < 0.05 else self.rng.uniform(60, 600)
        return False

    def _advance(self, metres: float) -> None:
        while metres > 0 and self.path:
            road, forward = self.path[-1]
            if self.state == "returning" and len(self.path) == 1:  # back on the first road: to where it joined
                room = abs(self.d - self.start_d)
            else:
                room = self.net.lengths[road] - self.d if forward else self.d
            step = min(metres, room)
            self.d += step if forward else -step
            metres -= step
            if step == room:
                self._next_road(road, forward)
        x, y = self.net.point(self.path[-1][0], self.d) if self.path else self.home
        if (x, y) != (self.x, self.y):
            self.heading = math.degrees(math.atan2((x - self.x) * math.cos(math.radians(y)), y - self.y)) % 360
        self.x, self.y = x, y
        if not self.path:
            self.state, self.timer, self.speed = "parked", self.rng.uniform(*PARK_S), 0.0

    def _next_road(self, road: int, forward: bool) -> None:
        if self.state == "returning":
            self.path.pop()
            if self.path:
                prev, prev_forward = self.path[-1]
                self.path[-1] = (prev, not prev_forward)
                self.d = self.net.lengths[prev] if prev_forward else 0.0
            return
        options = self.net.next_roads(road, at_end=forward) or [(road, not forward)]
        nxt, nxt_forward = self.rng.choice(options)
        self.path.append((nxt, nxt_forward))
        self.d = 0.0 if nxt_forward else self.net.lengths[nxt]


class CitySimulator:
    """``step(dt)`` advances simulated time by ``dt`` seconds and returns ``(positions, alarms)``."""

    def __init__(self, world: World, seed: int = 1, start_ts: float = 0.0):
        self.world, self.rng, self.now = world, random.Random(seed), start_ts
        net = _RoadNet(world.roads) if world.roads else None
        self._movers = [_Mover(v, net, self.rng) for v in world.vehicles] if net else []
        self._sources = self._alarm_sources()

    def _alarm_sources(self) -> list[tuple[str, float, str | None, list[dict]]]:
        """``(alarm kind, rate per day over all its devices, metric, devices)``."""
        by_kind: dict[str, list[dict]] = {}
        for device in self.world.devices:
            by_kind.setdefault(device["kind"], []).append(device)
        sources = [
            (k, rate * len(devs), metric, devs)
            for kind, devs in by_kind.items()
            for k, rate, metric in DEVICE_ALARM_RATES.get(kind, ())
        ]
        cameras = [
            {"device_id": c["code"], "component_code": None, "x": c["x"], "y": c["y"]} for c in self.world.cameras
        ]
        if cameras:
            sources += [(k, rate * len(cameras), None, cameras) for k, rate in VIDEO_AI_RATES.items()]
        return sources

    def rules(self, max_idle_s: float = 1800.0) -> VehicleRules:
        """The vehicle rules the simulated fleet can break (环卫车长时间停留)."""
        rules = VehicleRules()
        for v in self.world.vehicles:
            if v["kind"] == "环卫":
                rules.add(v["id"], IdleLimit(max_idle_s), plate=v["plate"])
        return rules

    def step(self, dt: float) -> tuple[list[dict], list[dict]]:
        self.now += dt
        positions = []
        for m in self._movers:
            m.step(dt)
            positions.append(
                {
                    "id": m.spec["id"],
                    "plate": m.spec["plate"],
                    "x": m.x,
                    "y": m.y,
                    "speed": round(m.speed, 1),
                    "heading": round(m.heading, 1),
                    "ts": self.now,
                }
            )
        alarms = [
            self._alarm(kind, metric, self.rng.choice(devices))
            for kind, per_day, metric, devices in self._sources
            for _ in range(self._poisson(per_day * dt / DAY))
        ]
        return positions, sorted(alarms, key=lambda a: a["ts"])

    def _poisson(self, lam: float) -> int:
        """Knuth's method (fine for the small means of one step); split large means."""
        if lam > 30:
            return sum(self._poisson(lam / 2) for _ in range(2))
        limit, k, p = math.exp(-lam), 0, self.rng.random()
        while p > limit:
            k, p = k + 1, p * self.rng.random()
        return k

    def _alarm(self, kind: str, metric: str | None, device: dict) -> dict:
        ts = self.now - self.rng.uniform(0, 1)
        found = alarm(
            kind,
            None,
            device["x"],
            device["y"],
            ts,
            f"{kind}（模拟）",
            device_id=device["device_id"],
            component_code=device.get("component_code"),
            simulated=True,
        )
        if metric:
            t = SENSOR_THRESHOLDS[metric]
            value = round(t.levels[0][0] * (self.rng.uniform(0.5, 0.95) if t.below else self.rng.uniform(1.0, 2.5)), 3)
            found["level"], found["payload"]["threshold"] = t.classify(value)
            found["payload"].update(metric=metric, value=value)
        elif kind in VIDEO_AI_RATES:
            found["payload"]["snapshot_ref"] = f"sim://{device['device_id']}/{int(ts)}.jpg"
        return found


async def run(gateway, simulator: CitySimulator, speed: float = 1.0, tick_s: float = 1.0, stop=None) -> None:
    """Feed ``gateway`` in real time × ``speed`` until ``stop`` (an asyncio.Event) is set or cancelled."""
    if not simulator.world.roads or not simulator.world.vehicles:
        log.warning("城市数据库中没有道路或车辆，模拟器只产生告警")
    while stop is None or not stop.is_set():
        positions, alarms = simulator.step(tick_s * speed)
        await gateway.ingest_positions(positions)
        await asyncio.gather(*(gateway.ingest_alarm(a, producer_id="simulator") for a in alarms))
        await asyncio.sleep(tick_s)
