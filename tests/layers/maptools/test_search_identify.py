"""Search and identify on the small city (known codes and positions)."""

from datetime import UTC, datetime

import pytest

from desktop.storage.models import Case, VehiclePosition
from layers.maptools.identify import Identifier
from layers.maptools.search import SearchIndex
from tests.support.cities import CELL, CITY_ORIGIN

X0, Y0 = CITY_ORIGIN
TOL = 0.0002


@pytest.fixture
def city(small_city):
    with small_city.session() as session, session.begin():
        session.add(
            VehiclePosition(vehicle_id=1, ts=datetime(2024, 5, 1, 8, tzinfo=UTC), x=X0 + 2.5 * CELL, y=Y0 + 2.5 * CELL)
        )
        session.add(
            VehiclePosition(vehicle_id=1, ts=datetime(2024, 5, 1, 9, tzinfo=UTC), x=X0 + 1.9 * CELL, y=Y0 + 0.6 * CELL)
        )
        session.add(
            Case(
                case_no="AJ20240501001",
                stage="任务派遣",
                source="监督员上报",
                description="井盖破损",
                x=X0 + 1.1 * CELL,
                y=Y0 + 1.1 * CELL,
                created_at=datetime(2024, 5, 1, tzinfo=UTC),
            )
        )
    return small_city


def test_exact_code_first_then_prefix_matches(gui_app, city):
    index = SearchIndex(city)
    hits = index.search("32130200100105")
    assert (hits[0].kind, hits[0].key, hits[0].detail) == ("grid", "32130200100105", "公园绿地")
    assert hits[0].bbox == pytest.approx((X0 + CELL, Y0 + CELL, X0 + 2 * CELL, Y0 + 2 * CELL))  # wider than 300 m
    grids = index.search("3213020010010")
    assert [f.key for f in grids] == [f"321302001001{i:02d}" for i in range(1, 10)]
    assert index.best("3213020101000007").selection == (("component", "3213020101000007"),)


def test_substring_plate_case_and_place_names(gui_app, city):
    index = SearchIndex(city)
    vehicle = index.best("n00001")  # lower case, no province prefix
    assert (vehicle.kind, vehicle.title, vehicle.selection) == ("vehicle", "苏N00001", (("vehicle", 1),))
    lon, lat = (vehicle.bbox[0] + vehicle.bbox[2]) / 2, (vehicle.bbox[1] + vehicle.bbox[3]) / 2
    assert (lon, lat) == pytest.approx((X0 + 1.9 * CELL, Y0 + 0.6 * CELL))  # the latest position
    assert index.best("0501001").selection == (("case", 1),)
    names = [(f.kind, f.title, f.detail) for f in index.search("测试")]
    assert ("admin_area", "测试区", "区") in names and ("admin_area", "测试市", "市") in names
    assert index.search("") == [] and index.search("不存在的东西") == []


def test_component_substring_needs_a_long_query(gui_app, city):
    index = SearchIndex(city)
    assert [f.key for f in index.search("0101000299")] == ["3213020101000299"]
    assert all(f.kind != "component" for f in index.search("299"))


def test_identify_camera_over_grid_over_district(gui_app, city):
    hits = Identifier(city).at(X0 + 0.5 * CELL, Y0 + 2.5 * CELL, TOL)
    assert [(f.kind, f.key) for f in hits] == [
        ("camera", 1),
        ("grid", "32130200100107"),
        ("admin_area", "321302"),
        ("admin_area", "3213"),
    ]
    camera = dict(hits[0].attributes)
    assert camera["名称"] == "测试摄像机一" and camera["编号"] == "CAM-1"
    grid = dict(hits[1].attributes)
    assert grid == {
        "网格编码": "32130200100107",
        "区域类型": "广场",
        "名称": "—",
        "面积": "25.00 公顷",
        "所属社区": "测试社区",
    }


def test_identify_component_nearest_first(gui_app, city):
    index = SearchIndex(city)
    target = index.best("3213020101000042")
    lon, lat = (target.bbox[0] + target.bbox[2]) / 2, (target.bbox[1] + target.bbox[3]) / 2
    hits = Identifier(city).at(lon, lat, 1e-6)
    assert [(f.kind, f.key) for f in hits][:2] == [("component", "3213020101000042"), ("grid", "32130200100101")]
    assert dict(hits[0].attributes)["部件编码"] == "3213020101000042"


def test_identify_vehicle_and_open_case_on_top(gui_app, city):
    kinds = [f.kind for f in Identifier(city).at(X0 + 1.9 * CELL, Y0 + 0.6 * CELL, TOL)]
    assert kinds[0] == "vehicle" and "grid" in kinds
    hits = Identifier(city).at(X0 + 1.1 * CELL, Y0 + 1.1 * CELL, TOL)
    assert hits[0].kind == "case" and dict(hits[0].attributes)["阶段"] == "任务派遣"
    assert Identifier(city).at(X0 - 1.0, Y0 - 1.0, TOL) == []
