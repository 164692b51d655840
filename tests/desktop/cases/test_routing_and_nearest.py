"""Routing on real disposal-grid polygons; nearest vehicles and staff by geodesic distance."""

from datetime import timedelta

import shapely

from desktop.cases.nearest import recommend
from desktop.cases.routing import Router, read_class_departments, responsible_kinds
from desktop.storage.models import Department, DisposalGrid, Vehicle, VehiclePosition
from tests.desktop.cases.conftest import START

WEST, EAST = shapely.box(118.0, 33.0, 118.5, 34.0), shapely.box(118.5, 33.0, 119.0, 34.0)


def _grids(db):
    with db.session() as session, session.begin():
        session.add_all(
            [
                Department(id=3, code="SZ2", name="市政二处", kind="市政"),
                Department(id=4, code="ZF", name="城管执法局", kind="城管执法"),
            ]
        )
        for code, dept, geom in [
            ("SZ-W", 1, WEST),
            ("SZ-E", 3, EAST),
            ("HW-ALL", 2, WEST.union(EAST)),
            ("ZF-W", 4, WEST),
        ]:
            grid = DisposalGrid(code=code, name=code, department_id=dept)
            grid.geometry = geom
            session.add(grid)
    with db.session() as session:
        return Router.from_session(session)


def test_class_table_longest_prefix_wins():
    table = read_class_departments()
    assert responsible_kinds(table, "部件", "0111") == ("燃气",)
    assert responsible_kinds(table, "部件", "0199") == ("市政",)
    assert responsible_kinds(table, "事项", "0404") == ("交通", "城管执法")
    assert responsible_kinds(table, "事项", None) == ()


def test_polygon_and_class_decide_the_department(db):
    router = _grids(db)
    west, east = router.route_many([(118.2, 33.5, "部件", "0113"), (118.7, 33.5, "部件", "0113")])
    assert (west.department_id, east.department_id) == (1, 3)
    assert router.route(118.7, 33.5, "事项", "0102").department_id == 2


def test_ambiguous_or_missing_gives_candidates(db):
    router = _grids(db)
    ambiguous = router.route(118.2, 33.5, "事项", "0110")  # 城管执法 | 街道: only 执法 covers it
    assert ambiguous.department_id == 4
    outside = router.route(120.0, 33.5, "部件", "0113")
    assert outside.department_id is None and {c.department_id for c in outside.candidates} == {1, 3}
    unknown = router.route(118.2, 33.5, None, None)
    assert unknown.department_id is None and {c.department_id for c in unknown.candidates} == {1, 2, 4}
    nowhere = router.route(None, None, "部件", "0111")  # no 燃气 department at all
    assert nowhere.department_id is None and len(nowhere.candidates) == 4 and "派遣员" in nowhere.reason


def test_two_departments_of_the_right_kind_are_left_to_the_dispatcher(db):
    router = _grids(db)
    with db.session() as session, session.begin():
        grid = DisposalGrid(code="SZ-W2", name="SZ-W2", department_id=3)
        grid.geometry = WEST
        session.add(grid)
    with db.session() as session:
        route = Router.from_session(session).route(118.2, 33.5, "部件", "0113")
    assert route.department_id is None and [c.department_id for c in route.candidates] == [1, 3]
    assert router.route(118.2, 33.5, "部件", "0113").department_id == 1


def test_nearest_uses_the_latest_fresh_position_else_the_depot(db):
    with db.session() as session, session.begin():
        session.add_all(
            [
                Vehicle(id=1, plate="苏N00001", kind="市政抢修", department_id=1, depot_x=118.0, depot_y=33.0),
                Vehicle(id=2, plate="苏N00002", kind="环卫", department_id=1, depot_x=118.30, depot_y=33.90),
                Vehicle(id=3, plate="苏N00003", kind="环卫", department_id=2, depot_x=118.30, depot_y=33.95),
            ]
        )
        session.flush()
        session.add_all(
            [
                VehiclePosition(vehicle_id=1, ts=START - timedelta(minutes=60), x=118.30, y=33.95),
                VehiclePosition(vehicle_id=1, ts=START - timedelta(minutes=5), x=118.31, y=33.95),
                VehiclePosition(vehicle_id=2, ts=START - timedelta(hours=5), x=118.30, y=33.95),
                VehiclePosition(vehicle_id=2, ts=START - timedelta(minutes=1), x=118.30, y=33.95, is_drill=True),
            ]
        )
    with db.session() as session:
        found = recommend(session, 1, 118.30, 33.95, START)
    assert [(r.id, r.located_by) for r in found] == [(1, "实时定位"), (2, "停车场")]
    assert 900 < found[0].distance_m < 950 and found[0].eta_min < found[1].eta_min
