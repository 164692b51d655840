"""Test city databases: the small city (3 × 3 unit grids, two roads, water, green, components, cameras),
and an empty one, each built once per session and copied per test.

Building a city runs every migration and insert; copying the closed file is a thousand times cheaper.
"""

import shutil
from pathlib import Path

import numpy as np
import pytest
import shapely

from desktop.storage.database import CityDatabase
from desktop.storage.geometry import bulk_geometry_columns, geometry_columns
from desktop.storage.models import AdminArea, BaseFeature, Camera, Component, Meta, UnitGrid, Vehicle

CITY_ORIGIN = (118.28, 33.95)  # lon, lat (宿迁市宿城区)
CELL = 0.005  # degrees
ZONES = ("居住小区", "学校", "医院", "商业街区", "公园绿地", "其他", "广场", "河道", "工业园区")
MAIN_ROAD_LAT = CITY_ORIGIN[1] + 1.5 * CELL  # a 主干路 running east–west through the middle row


def grid_cell(row: int, col: int) -> shapely.Polygon:
    x0, y0 = CITY_ORIGIN[0] + col * CELL, CITY_ORIGIN[1] + row * CELL
    return shapely.box(x0, y0, x0 + CELL, y0 + CELL)


def build_small_city(path) -> CityDatabase:
    db = CityDatabase(path)
    x0, y0 = CITY_ORIGIN
    whole = shapely.box(x0, y0, x0 + 3 * CELL, y0 + 3 * CELL)
    with db.session() as session, session.begin():
        session.add(Meta(key="city_name", value="测试市"))
        session.add_all(
            [
                AdminArea(code="3213", name="测试市", level="city", **geometry_columns(whole)),
                AdminArea(
                    code="321302", name="测试区", level="district", parent_code="3213", **geometry_columns(whole)
                ),
                AdminArea(code="321302001", name="测试街道", level="street", parent_code="321302"),
                AdminArea(code="321302001001", name="测试社区", level="community", parent_code="321302001"),
            ]
        )
        session.flush()
        for index, zone in enumerate(ZONES):
            cell = grid_cell(index // 3, index % 3)
            session.add(
                UnitGrid(
                    code=f"321302001001{index + 1:02d}",
                    community_code="321302001001",
                    area_m2=250_000.0,
                    zone_type=zone,
                    **geometry_columns(cell),
                )
            )
        session.flush()
        roads = [
            ("主干路", shapely.LineString([(x0 - CELL, MAIN_ROAD_LAT), (x0 + 4 * CELL, MAIN_ROAD_LAT)])),
            ("次干路", shapely.LineString([(x0 + 1.5 * CELL, y0 - CELL), (x0 + 1.5 * CELL, y0 + 4 * CELL)])),
        ]
        for subkind, line in roads:
            session.add(BaseFeature(kind="road", subkind=subkind, name="测试路", **geometry_columns(line)))
        water = shapely.box(x0 + 2.2 * CELL, y0 + 2.2 * CELL, x0 + 2.8 * CELL, y0 + 2.8 * CELL)
        green = shapely.box(x0 + 1.2 * CELL, y0 + 2.2 * CELL, x0 + 1.4 * CELL, y0 + 2.8 * CELL)
        session.add(BaseFeature(kind="water", subkind="湖泊", **geometry_columns(water)))
        session.add(BaseFeature(kind="green", subkind="公园", **geometry_columns(green)))
        # Components only in the bottom-left cell, so other cells show their plain fill.
        rng = np.random.default_rng(1)
        xy = rng.uniform((x0 + 0.1 * CELL, y0 + 0.1 * CELL), (x0 + 0.9 * CELL, y0 + 0.9 * CELL), size=(300, 2))
        classes = ["0101", "0201", "0301", "0401", "0501", "0601"]
        session.add_all(
            Component(
                code=f"3213020101{i:06d}",
                scheme="GB/T 30428.2-2013",
                class_code=classes[i % len(classes)],
                admin_code="321302001001",
                grid_code="32130200100101",
                **columns,
            )
            for i, columns in enumerate(bulk_geometry_columns(shapely.points(xy)))
        )
        session.add_all(
            [
                Camera(code="CAM-1", name="测试摄像机一", x=x0 + 0.5 * CELL, y=y0 + 2.5 * CELL, heading=0.0),
                Camera(code="CAM-2", name="测试摄像机二", x=x0 + 2.5 * CELL, y=y0 + 0.5 * CELL, heading=90.0),
                Vehicle(plate="苏N00001", kind="环卫"),
            ]
        )
    return db


def city_layers(db: CityDatabase) -> list:
    """The layers a city opens with (the built-in plugins, in stack order)."""
    from desktop.seat.app_state import AppState
    from plugins.registry import load_builtin_layers

    state = AppState(load_builtin_layers)
    state.database = db
    return load_builtin_layers(state)


def _template(factory, name: str, build) -> Path:
    """``build(path)`` once into a session directory, its WAL checkpointed into the main file and closed."""
    path = factory.mktemp("city-templates") / name
    db = build(path)
    with db.engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    assert not Path(f"{path}-wal").exists(), "the template is still open: its copies would miss data"
    return path


def copy_city(template: Path, target: Path) -> Path:
    """A fresh copy of a session template at ``target``, its folder made as opening a database would."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template, target)
    return target


@pytest.fixture(scope="session")
def small_city_template(tmp_path_factory) -> Path:
    return _template(tmp_path_factory, "small-city.db", build_small_city)


@pytest.fixture(scope="session")
def empty_city_template(tmp_path_factory) -> Path:
    """A city database migrated to the current schema, with no rows."""
    return _template(tmp_path_factory, "empty-city.db", CityDatabase)


@pytest.fixture
def empty_city(empty_city_template, tmp_path):
    """An empty city database open on this test's own copy (``tmp_path / "city.db"``)."""
    db = CityDatabase(copy_city(empty_city_template, tmp_path / "city.db"))
    yield db
    db.close()


@pytest.fixture
def small_city(small_city_template, tmp_path):
    """The small city open on this test's own copy (``tmp_path / "t.db"``)."""
    db = CityDatabase(copy_city(small_city_template, tmp_path / "t.db"))
    yield db
    db.close()
