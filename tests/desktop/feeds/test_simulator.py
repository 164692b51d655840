"""The simulator: deterministic, vehicles on roads at plausible speeds, alarm ratios, alarms-only fallback."""

import asyncio
import math
from collections import Counter

import shapely

from desktop.feeds import simulator
from desktop.feeds.client import FeedClient
from desktop.feeds.protocol import validate_alarm
from desktop.feeds.simulator import CitySimulator, World, load_world
from desktop.storage.database import CityDatabase
from desktop.storage.geometry import geometry_columns
from desktop.storage.models import BaseFeature, IoTDevice, Vehicle
from tests.support.feed_events import CLIENT_TOKEN, AlarmRecorder, new_gateway, wait_for

X0, Y0 = 118.27, 33.95
STEP = 0.003  # ≈ 280 m grid


def _city(tmp_path) -> CityDatabase:
    db = CityDatabase(tmp_path / "city.db")
    with db.session() as s, s.begin():
        for i in range(4):  # a 4×4 grid of streets
            for line in (
                shapely.LineString([(X0, Y0 + i * STEP), (X0 + 3 * STEP, Y0 + i * STEP)]),
                shapely.LineString([(X0 + i * STEP, Y0), (X0 + i * STEP, Y0 + 3 * STEP)]),
            ):
                s.add(BaseFeature(kind="road", **geometry_columns(line)))
        for n, kind in enumerate(("环卫", "渣土", "执法")):
            s.add(Vehicle(plate=f"苏N·0000{n}", kind=kind, depot_x=X0, depot_y=Y0))
        for n in range(300):
            s.add(IoTDevice(device_id=f"JG{n:05d}", kind="井盖", x=X0 + n * 1e-5, y=Y0))
        s.add(IoTDevice(device_id="SW1", kind="水位", x=X0, y=Y0))
    return db


def _world(tmp_path) -> World:
    db = _city(tmp_path)
    with db.session() as session:
        world = load_world(session)
    db.close()
    return world


def test_same_seed_same_run(tmp_path):
    world = _world(tmp_path)

    def run(seed):
        sim = CitySimulator(world, seed=seed, start_ts=0)
        return [sim.step(600) for _ in range(50)]

    assert run(5) == run(5)
    assert run(5) != run(6)


def test_vehicles_drive_on_roads_at_their_kind_speeds(tmp_path):
    world = _world(tmp_path)
    sim = CitySimulator(world, seed=1, start_ts=0)
    roads = shapely.union_all(world.roads)
    moving = Counter()
    for _ in range(720):  # 12 h in 60 s steps
        positions, _ = sim.step(60)
        for p in positions:
            assert roads.distance(shapely.Point(p["x"], p["y"])) < 1e-6 or (p["x"], p["y"]) == (X0, Y0)
            low, high = simulator.SPEEDS_KMH[{1: "环卫", 2: "渣土", 3: "执法"}[p["id"]]]
            assert p["speed"] == 0 or low <= p["speed"] <= high
            moving[p["id"]] += p["speed"] > 0
    assert all(moving[v] > 60 for v in (1, 2, 3))  # everybody works …
    assert all(moving[v] < 700 for v in (1, 2, 3))  # … and parks at the depot


def test_alarm_rates_keep_the_reported_ratios(tmp_path):
    sim = CitySimulator(_world(tmp_path), seed=2, start_ts=0)
    kinds = Counter()
    for _ in range(365):
        for a in sim.step(86_400)[1]:
            kinds[a["kind"]] += 1
            assert a["simulated"] is True
    per_cover = {k: v / 300 for k, v in kinds.items()}
    expected = {"井盖位移": 20_313, "井盖开启": 21_670, "井盖满溢": 15_382, "甲烷超标": 683}
    for kind, total in expected.items():
        assert math.isclose(per_cover[kind], total / 6_371, rel_tol=0.15 if total > 1000 else 0.5)
    assert kinds["水位超限"] > 0


def test_alarms_validate_and_sensor_alarms_carry_values(tmp_path):
    sim = CitySimulator(_world(tmp_path), seed=3, start_ts=0)
    alarms = [a for _ in range(200) for a in sim.step(86_400)[1]]
    for a in alarms:
        validate_alarm(a)
    sensor = [a for a in alarms if a["kind"] in ("甲烷超标", "水位超限")]
    assert sensor and all(a["payload"]["value"] >= a["payload"]["threshold"] for a in sensor)


def test_runs_alarms_only_without_roads_or_vehicles(tmp_path, caplog):
    world = World(
        devices=[{"device_id": f"JG{n}", "kind": "井盖", "component_code": None, "x": X0, "y": Y0} for n in range(6371)]
    )

    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat", recorder, last_seq={"alarms": 0})
        client.start()
        stop = asyncio.Event()
        feeder = asyncio.create_task(
            simulator.run(gateway, CitySimulator(world, seed=1), speed=3600, tick_s=0.05, stop=stop)
        )
        await wait_for(lambda: len(recorder.seqs) >= 5, 10)
        stop.set()
        await feeder
        client.stop()
        await gateway.stop()
        return recorder

    recorder = asyncio.run(main())
    assert len(recorder.seqs) >= 5
    assert "没有道路或车辆" in caplog.text


def test_vehicles_turn_only_onto_roads_that_meet_them():
    """A road whose box holds a junction but which does not touch it is no way on; crossings are junctions."""
    net = simulator._RoadNet(
        [
            shapely.LineString([(0, 0), (1, 0)]),  # east, ends at (1, 0)
            shapely.LineString([(0.5, -1), (0.5, 1)]),  # crosses the first at (0.5, 0)
            shapely.LineString([(0.9, 0.5), (1.5, -0.5)]),
        ]
    )  # box holds (1, 0), passes it by
    east = next(i for i, r in enumerate(net.roads) if r.coords[0] == (0.5, 0.0) and r.coords[-1] == (1.0, 0.0))
    assert net.next_roads(east, at_end=True) == []  # a dead end: the passing road is no way on
    onward = {tuple(net.roads[j].coords[-1 if forward else 0]) for j, forward in net.next_roads(east, at_end=False)}
    assert onward == {(0.0, 0.0), (0.5, -1.0), (0.5, 1.0)}  # west, south, north from the crossing


def test_a_returning_vehicle_leaves_the_road_where_it_joined_it():
    """No leap home from the far end of its first road: the last fix before parking is beside home."""
    home = (X0 + 0.35 * STEP, Y0)  # on the first road, a third of the way along
    world = World(
        vehicles=[{"id": 1, "plate": "苏N·00001", "kind": "执法", "depot": home}],
        roads=[
            shapely.LineString([(X0, Y0), (X0 + 3 * STEP, Y0)]),
            shapely.LineString([(X0 + 3 * STEP, Y0), (X0 + 3 * STEP, Y0 + 3 * STEP)]),
        ],
    )
    sim = CitySimulator(world, seed=3)
    fixes = [sim.step(10.0)[0][0] for _ in range(3000)]
    moving = [i for i in range(1, len(fixes)) if fixes[i]["speed"] == 0 and fixes[i - 1]["speed"] > 0]
    assert moving  # it went out and came back at least once
    for i in moving:
        last = fixes[i - 1]
        assert math.hypot((last["x"] - home[0]) * math.cos(math.radians(Y0)), last["y"] - home[1]) * 111_320 < 120
