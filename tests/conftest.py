"""Shared test set-up: headless Qt, and user files (CITYOPS_HOME, QSettings) in temporary dirs.

The environment is set before anything imports Qt, so every test runs offscreen and never
touches the user's database or settings.
"""
import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CITYOPS_HOME"] = tempfile.mkdtemp(prefix="cityops-home-")

import numpy as np  # noqa: E402
import pytest  # noqa: E402
import shapely  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from desktop.storage.database import CityDatabase  # noqa: E402
from desktop.storage.geometry import bulk_geometry_columns, geometry_columns  # noqa: E402
from desktop.storage.models import (  # noqa: E402
    AdminArea,
    BaseFeature,
    Camera,
    Component,
    Meta,
    UnitGrid,
    Vehicle,
)

QSettings.setDefaultFormat(QSettings.Format.IniFormat)


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the application: cyclic garbage is collected on the GUI thread only (desktop.shell.gui_gc)."""
    from desktop.shell.gui_gc import collect_on_gui_thread

    return collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def collect_after_each_test():
    """Tests that never spin the event loop still get their garbage collected, on this thread."""
    yield
    from desktop.shell.gui_gc import collect_due

    collect_due()


@pytest.fixture(autouse=True)
def isolated_user_files(tmp_path, monkeypatch):
    """Each test gets its own CITYOPS_HOME and QSettings directory."""
    monkeypatch.setenv("CITYOPS_HOME", str(tmp_path / "cityops-home"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))


# --- a small city: 3 × 3 unit grids, two roads, water, green, components, cameras ---------
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
                AdminArea(code="321302", name="测试区", level="district", parent_code="3213", **geometry_columns(whole)),
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


@pytest.fixture
def small_city(tmp_path):
    db = build_small_city(tmp_path / "t.db")
    yield db
    db.close()


@pytest.fixture
def gui_app(qapp):
    """The shared QApplication set up as in production: zh_CN translators, CJK font, dark theme."""
    from desktop.shell.app import create_application

    if not getattr(qapp, "translators", None):
        create_application([])
    return qapp
