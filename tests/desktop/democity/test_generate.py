"""The demo-city generator: determinism, targets, code rules and geometric consistency."""

from __future__ import annotations

import hashlib
import sqlite3
from collections import Counter
from datetime import datetime

import numpy as np
import pytest
import shapely

from desktop.cli import build_parser
from desktop.democity.generate import generate_city
from desktop.democity.writer import DemoCityError
from desktop.domain.codes import DEFAULT_COMPONENT_RULE, DEFAULT_GRID_RULE

TABLES = (
    "meta",
    "class_code",
    "admin_area",
    "department",
    "staff",
    "unit_grid",
    "grid_responsibility",
    "disposal_grid",
    "component",
    "iot_device",
    "vehicle",
    "vehicle_position",
    "camera",
    "base_feature",
)
TOLERANCE_DEG = 1e-7  # about a centimetre


@pytest.fixture(scope="session")
def demo(tmp_path_factory):
    path = tmp_path_factory.mktemp("democity") / "demo.db"
    messages = []
    summary = generate_city(path, scale="demo", seed=1, progress=messages.append)
    connection = sqlite3.connect(path)
    yield connection, summary, messages
    connection.close()


@pytest.fixture(scope="session")
def tiny_dbs(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tiny")
    return {
        name: generate_city(folder / f"{name}.db", scale="tiny", seed=seed)["path"]
        for name, seed in (("a", 7), ("b", 7), ("other", 8))
    }


def _content_hash(path: str) -> str:
    digest = hashlib.sha256()
    with sqlite3.connect(path) as connection:
        for table in TABLES:
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY {', '.join(columns)}"):
                digest.update(repr(row).encode())
    return digest.hexdigest()


def _geoms(connection, sql, *params):
    rows = connection.execute(sql, params).fetchall()
    return rows, shapely.from_wkb([r[-1] for r in rows])


def test_same_seed_gives_same_content_and_another_seed_does_not(tiny_dbs):
    assert _content_hash(tiny_dbs["a"]) == _content_hash(tiny_dbs["b"])
    assert _content_hash(tiny_dbs["a"]) != _content_hash(tiny_dbs["other"])


def test_refuses_existing_file_without_force(tiny_dbs):
    with pytest.raises(DemoCityError, match="已存在"):
        generate_city(tiny_dbs["a"], scale="tiny")


def test_cli_registers_demo_city():
    args = build_parser().parse_args(["demo-city", "--out", "x.db"])
    assert (args.scale, args.seed, args.force, callable(args.func)) == ("demo", 1, False, True)


def test_demo_counts_are_near_targets(demo):
    connection, summary, messages = demo
    counts = summary["counts"]
    assert 1_700 <= counts["unit_grid"] <= 2_400
    assert 85_000 <= counts["component"] <= 115_000
    assert counts["vehicle"] == 300 and counts["vehicle_position"] == 300 * 240  # 2 h of fixes every 30 s
    assert counts["camera"] == 64
    assert counts["grid_responsibility"] == 5 * counts["unit_grid"]
    assert messages[0].startswith("[1/") and "完成" in messages[-1]
    levels = Counter(level for (level,) in connection.execute("SELECT level FROM admin_area"))
    assert levels["city"] == levels["district"] == 1 and 6 <= levels["street"] <= 10
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    assert meta["generator"] == "demo-city" and meta["grid_rule"] == "6+3+3+2" and meta["seed"] == "1"


def test_grid_codes_follow_the_rule_and_their_community_exists(demo):
    connection = demo[0]
    communities = dict(connection.execute("SELECT code, parent_code FROM admin_area WHERE level = 'community'"))
    streets = {code for (code,) in connection.execute("SELECT code FROM admin_area WHERE level = 'street'")}
    per_community = Counter()
    for code, community, _zone in connection.execute("SELECT code, community_code, zone_type FROM unit_grid"):
        DEFAULT_GRID_RULE.validate(code)
        assert DEFAULT_GRID_RULE.community_of(code) == community and communities[community] in streets
        per_community[community] += 1
    assert max(per_community.values()) <= 99
    zones = Counter(zone for (zone,) in connection.execute("SELECT zone_type FROM unit_grid"))
    assert zones.most_common(1)[0][0] == "居住小区" and {"主要道路", "河道", "公园绿地", "学校"} <= set(zones)


def test_grids_tile_the_district_without_overlap(demo):
    connection = demo[0]
    _, grids = _geoms(connection, "SELECT geom_wkb FROM unit_grid")
    _, (district,) = _geoms(connection, "SELECT geom_wkb FROM admin_area WHERE level = 'district'")
    union = shapely.union_all(grids)
    assert shapely.area(grids).sum() == pytest.approx(union.area, rel=1e-5)
    assert union.area == pytest.approx(district.area, rel=1e-5)
    assert shapely.within(grids, district.buffer(TOLERANCE_DEG)).all()
    areas = np.array([a for (a,) in connection.execute("SELECT area_m2 FROM unit_grid")])
    assert 0.9e4 < areas.mean() < 1.6e4 and areas.min() > 1e3


def test_components_have_valid_codes_and_lie_in_their_grid(demo):
    connection = demo[0]
    grid_rows, grids = _geoms(connection, "SELECT code, geom_wkb FROM unit_grid")
    grid_index = {row[0]: k for k, row in enumerate(grid_rows)}
    classes = {code for (code,) in connection.execute("SELECT code FROM class_code WHERE kind = '部件'")}
    rows, points = _geoms(connection, "SELECT code, class_code, grid_code, status, geom_wkb FROM component")
    for code, class_code, *_ in rows:
        assert class_code in classes
        DEFAULT_COMPONENT_RULE.validate(code, class_code)
    own_grid = grids[[grid_index[row[2]] for row in rows]]
    assert shapely.dwithin(points, own_grid, TOLERANCE_DEG).all()
    statuses = Counter(row[3] for row in rows)
    assert statuses["完好"] > 0.85 * len(rows) and len(statuses) == 5
    per_class = Counter(row[1] for row in rows)
    assert per_class["0402"] > per_class["0118"] > per_class["0301"] > 0  # trees > street lights > toilets


def test_every_department_disposal_layer_covers_the_city(demo):
    connection = demo[0]
    _, (district,) = _geoms(connection, "SELECT geom_wkb FROM admin_area WHERE level = 'district'")
    rows, polygons = _geoms(connection, "SELECT department_id, geom_wkb FROM disposal_grid")
    departments = np.array([row[0] for row in rows])
    assert len(set(departments)) == connection.execute("SELECT count(*) FROM department").fetchone()[0]
    for department in set(departments):
        layer = polygons[departments == department]
        assert shapely.area(layer).sum() == pytest.approx(district.area, rel=1e-4)
        assert shapely.union_all(layer).area == pytest.approx(district.area, rel=1e-4)


def test_vehicles_cameras_and_devices_are_consistent(demo):
    connection = demo[0]
    plates, terminals = zip(*connection.execute("SELECT plate, terminal_id FROM vehicle"))
    assert len(set(plates)) == len(plates) and all(p.startswith("苏N·") for p in plates)
    assert len(set(terminals)) == len(terminals) and all(len(t) == 12 and t.isdigit() for t in terminals)
    assert connection.execute("SELECT count(DISTINCT vehicle_id), max(is_drill) FROM vehicle_position").fetchone() == (
        300,
        0,
    )
    for name, fov, range_m in connection.execute("SELECT name, fov, range_m FROM camera"):
        assert "与" in name and name.endswith("向") and 50 <= fov <= 90 and 60 <= range_m <= 150
    kinds = Counter(kind for (kind,) in connection.execute("SELECT kind FROM iot_device"))
    assert kinds["井盖"] > kinds["路灯"] > 0 and kinds["水位"] > 0


def test_vehicle_history_drives_on_roads_every_30_s_up_to_the_latest_fix(demo):
    connection = demo[0]
    _, roads = _geoms(connection, "SELECT geom_wkb FROM base_feature WHERE kind = 'road'")
    rows = connection.execute(
        "SELECT p.vehicle_id, p.x, p.y, v.depot_x, v.depot_y FROM vehicle_position p "
        "JOIN vehicle v ON v.id = p.vehicle_id ORDER BY p.vehicle_id, p.ts"
    ).fetchall()
    vehicle, x, y, depot_x, depot_y = (np.array(column, dtype=float) for column in zip(*rows))
    parked = (x == depot_x) & (y == depot_y)
    points = shapely.points(x[~parked], y[~parked])
    near_road = np.zeros(len(points), dtype=bool)
    near_road[shapely.STRtree(roads).query(points, predicate="dwithin", distance=3e-5)[0]] = True  # ≈ 3 m
    assert near_road.all() and 0.3 < (~parked).mean() < 1.0
    assert len(set(vehicle[~parked])) > 200  # most of the fleet drives at some time
    same = vehicle[1:] == vehicle[:-1]
    step_m = np.hypot(np.diff(x) * np.cos(np.radians(y[1:])), np.diff(y)) * 111_320.0
    assert step_m[same].max() < 600  # no leaps: 50 km/h covers 417 m in 30 s
    spans = connection.execute("SELECT min(ts), max(ts), count(*) FROM vehicle_position GROUP BY vehicle_id").fetchall()
    assert {((_time(last) - _time(first)).total_seconds(), count) for first, last, count in spans} == {(7170.0, 240)}
    assert all(datetime(2024, 5, 31, 23, 50) <= _time(last) <= datetime(2024, 6, 1) for _, last, _ in spans)
    meta = dict(connection.execute("SELECT key, value FROM meta"))
    assert meta["sample_history_end"] == "2024-06-01T00:00:00+00:00"


def _time(text: str) -> datetime:
    return datetime.fromisoformat(text)
