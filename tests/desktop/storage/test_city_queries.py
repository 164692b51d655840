"""The map's bulk reads return numpy columns of the small city (no ORM objects, no Qt)."""

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import shapely

from desktop.storage.city_queries import (
    read_base_map,
    read_city_summary,
    read_components,
    read_disposal_grids,
    read_grid_component_counts,
    read_live,
    read_open_cases,
)
from desktop.storage.geometry import geometry_columns
from desktop.storage.models import Alarm, Case, Department, DisposalGrid, VehiclePosition
from tests.support.cities import CELL, CITY_ORIGIN

X0, Y0 = CITY_ORIGIN
T = datetime(2024, 5, 1, 9, tzinfo=UTC)


def test_summary_and_base_map(small_city):
    assert read_city_summary(small_city) == (summary := read_city_summary(small_city))
    assert (summary.city_name, summary.grids, summary.components, summary.vehicles, summary.cameras) == (
        "测试市",
        9,
        300,
        1,
        2,
    )
    base = read_base_map(small_city)
    assert len(base.grids.geometries) == 9 and base.grids.keys[0] == "32130200100101"
    assert base.grids.labels.tolist() == base.grids.keys.tolist()  # no names: labelled by code
    assert sorted(base.roads.categories) == ["主干路", "次干路"] and base.roads.keys is None
    assert base.water.categories.tolist() == ["湖泊"] and base.green.categories.tolist() == ["公园"]
    assert base.districts.categories.tolist() == ["district"] and len(base.places.geometries) == 0
    assert all(isinstance(g, shapely.Geometry) for g in base.grids.geometries)


def test_components_at_their_bbox_centres(small_city):
    components = read_components(small_city)
    assert len(components.keys) == 300 and components.x.dtype == float
    assert ((components.x > X0) & (components.x < X0 + CELL)).all()
    assert len(components.columns["class_code"]) == len(components.columns["symbol"]) == 300


def test_grid_component_counts(small_city):
    codes, geometries, counts = read_grid_component_counts(small_city)
    assert dict(zip(codes, counts))["32130200100101"] == 300 and counts.sum() == 300 and len(geometries) == 9


def test_live_rows_leave_out_drills_closed_cases_and_handled_alarms(small_city):
    x, y = X0 + 0.5 * CELL, Y0 + 0.5 * CELL
    at = {"x": x, "y": y, "source": "监督员上报", "created_at": T}
    with small_city.session() as session, session.begin():
        session.add_all(
            [
                Case(case_no="AJ1", stage="任务派遣", deadline=T, **at),
                Case(case_no="AJ2", stage="已结案", **at),
                Case(case_no="AJ3", stage="任务派遣", is_drill=True, **at),
            ]
        )
        for seq, status in enumerate(("未处理", "已确认")):
            session.add(
                Alarm(
                    stream="alarms",
                    seq=seq,
                    kind="井盖开启",
                    level=2,
                    source="物联感知",
                    x=x,
                    y=y,
                    ts=T,
                    status=status,
                    message="井盖",
                )
            )
        session.add_all(
            [
                VehiclePosition(vehicle_id=1, ts=T - timedelta(hours=1), x=x, y=y),
                VehiclePosition(vehicle_id=1, ts=T, x=x + 0.001, y=y, heading=90.0, speed_kmh=20.0),
                VehiclePosition(vehicle_id=1, ts=T, x=x + 0.001, y=y, heading=90.0, speed_kmh=20.0),
            ]
        )
    live = read_live(small_city)
    assert live.cameras.columns["name"].tolist() == ["测试摄像机一", "测试摄像机二"]
    assert live.cases.columns["stage"].tolist() == ["任务派遣"] and live.cases.columns["deadline"][0] is not None
    assert read_open_cases(small_city).keys.tolist() == live.cases.keys.tolist()
    assert live.alarms.columns["message"].tolist() == ["井盖"]
    fleet = live.vehicles
    assert fleet.ids.tolist() == [1] and fleet.plates.tolist() == ["苏N00001"] and fleet.kinds.tolist() == ["环卫"]
    assert fleet.x[0] == pytest.approx(x + 0.001) and fleet.speed[0] == 20.0 and len(fleet.ts) == 1


def test_disposal_grids_by_department_then_code(small_city):
    with small_city.session() as session, session.begin():
        session.add_all(
            [
                Department(id=1, code="SZ", name="市政处", kind="市政"),
                Department(id=2, code="HW", name="环卫处", kind="环卫"),
            ]
        )
        session.flush()
        cell = shapely.box(X0, Y0, X0 + CELL, Y0 + CELL)
        session.add_all(
            [
                DisposalGrid(code="SZ-2", name="二", department_id=1, **geometry_columns(cell)),
                DisposalGrid(code="SZ-1", name="一", department_id=1, **geometry_columns(cell)),
                DisposalGrid(code="HW-1", name="全域", department_id=2, **geometry_columns(cell)),
            ]
        )
    grids = read_disposal_grids(small_city)
    assert grids.categories.tolist() == ["市政处", "市政处", "环卫处"]
    assert grids.keys.tolist() == ["SZ-1", "SZ-2", "HW-1"] and grids.labels.tolist() == ["一", "二", "全域"]


def test_an_empty_city_reads_as_empty_columns(tmp_path):
    from desktop.storage.database import CityDatabase

    db = CityDatabase(tmp_path / "empty.db")
    try:
        assert len(read_components(db).keys) == 0 and len(read_base_map(db).grids.geometries) == 0
        codes, geometries, counts = read_grid_component_counts(db)
        assert len(codes) == len(geometries) == 0 and counts.dtype == np.float64
        assert len(read_live(db).vehicles.ids) == 0 and len(read_disposal_grids(db).keys) == 0
    finally:
        db.close()
