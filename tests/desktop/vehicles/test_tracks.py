"""Tracks from hand-made fixes: loading, interpolation, summary with stops, and retention."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop.storage.database import CityDatabase
from desktop.storage.models import Meta, Vehicle, VehiclePosition
from desktop.vehicles.tracks import fix_span, latest_fix_time, load_track, prune_positions, vehicles
from tests.support.postgres import TempPostgres, postgres_bin

T0 = datetime(2024, 6, 1, 6, 0, tzinfo=UTC)
LON, LAT = 118.28, 33.955
DEG_PER_100M = 100.0 / 111_320.0  # of latitude, near enough


def fix(minutes: float, north_m: float, speed=30.0, heading=0.0, vehicle_id=1, drill=False) -> VehiclePosition:
    return VehiclePosition(
        vehicle_id=vehicle_id,
        ts=T0 + timedelta(minutes=minutes),
        x=LON,
        y=LAT + north_m / 100.0 * DEG_PER_100M,
        speed_kmh=speed,
        heading=heading,
        is_drill=drill,
    )


@pytest.fixture
def driven(small_city):
    """Vehicle 1 drives 1 km north in 2 min, stands 10 min, drives 500 m more; one drill fix far away."""
    with small_city.session() as session, session.begin():
        session.add_all(
            [fix(0, 0), fix(1, 500), fix(2, 1000, speed=0.0)]
            + [fix(2 + m, 1000, speed=0.0) for m in range(1, 11)]
            + [fix(13, 1500, speed=42.0), fix(5, 5000, drill=True)]
        )
    return small_city


def test_load_track_is_ordered_and_leaves_out_drills_and_other_times(driven):
    track = load_track(driven, 1, T0, T0 + timedelta(minutes=12))
    assert len(track) == 13
    assert (track.ts[1:] > track.ts[:-1]).all() and track.start == T0.timestamp()
    assert track.y.max() < LAT + 11 * DEG_PER_100M  # no drill fix, nothing after 12 min
    assert len(load_track(driven, 1, T0 - timedelta(days=1), T0 - timedelta(hours=1))) == 0
    assert fix_span(driven, 1) == (T0, T0 + timedelta(minutes=13))
    assert latest_fix_time(driven, 1) == T0 + timedelta(minutes=13)
    assert latest_fix_time(driven, 99) is None
    assert vehicles(driven) == [(1, "苏N00001", "环卫")]


def test_at_interpolates_and_clamps(driven):
    track = load_track(driven, 1, T0, T0 + timedelta(hours=1))
    half = track.at(T0.timestamp() + 30)
    assert half.y == pytest.approx(LAT + 2.5 * DEG_PER_100M) and half.speed == pytest.approx(30.0)
    assert track.at(0).t == track.start and track.at(1e12).y == pytest.approx(track.y[-1])


def test_heading_turns_the_short_way(small_city):
    with small_city.session() as session, session.begin():
        session.add_all([fix(0, 0, heading=350.0), fix(1, 100, heading=30.0)])
    track = load_track(small_city, 1, T0, T0 + timedelta(hours=1))
    assert track.at(T0.timestamp() + 15).heading == pytest.approx(0.0, abs=1e-9)
    assert track.at(T0.timestamp() + 45).heading == pytest.approx(20.0)


def test_summary_has_distance_duration_max_speed_and_the_stop(driven):
    summary = load_track(driven, 1, T0, T0 + timedelta(hours=1)).summary()
    assert summary.distance_m == pytest.approx(1500.0, rel=0.01)
    assert summary.duration_s == 13 * 60 and summary.max_speed_kmh == 42.0
    (stop,) = summary.stops
    assert (stop.start, stop.end, stop.duration) == (
        (T0 + timedelta(minutes=2)).timestamp(),
        (T0 + timedelta(minutes=12)).timestamp(),
        600.0,
    )
    assert stop.y == pytest.approx(LAT + 10 * DEG_PER_100M)


def test_a_short_halt_is_no_stop(small_city):
    with small_city.session() as session, session.begin():
        session.add_all([fix(0, 0), fix(1, 0, speed=0.0), fix(4, 0, speed=0.0), fix(5, 400)])
    assert load_track(small_city, 1, T0, T0 + timedelta(hours=1)).summary().stops == []


def _positions(db) -> list[tuple[int, datetime, bool]]:
    with db.session() as session:
        rows = session.execute(
            select(VehiclePosition.vehicle_id, VehiclePosition.ts, VehiclePosition.is_drill).order_by(
                VehiclePosition.vehicle_id, VehiclePosition.ts
            )
        ).all()
    return [(v, ts.replace(tzinfo=UTC), drill) for v, ts, drill in rows]


def _prune_keeps_each_vehicles_latest(db) -> None:
    now = T0 + timedelta(days=40)
    with db.session() as session, session.begin():
        session.add(Vehicle(id=2, plate="苏N00002", kind="渣土"))
        session.flush()
        session.add_all(
            [
                fix(0, 0),
                fix(1, 100),  # vehicle 1: both old, the latest stays
                fix(0, 0, vehicle_id=2),
                fix(60 * 24 * 35, 0, vehicle_id=2),  # 2: one old, one recent
                fix(2, 0, drill=True),
            ]
        )  # 1's latest drill fix stays too
    assert prune_positions(db, 30, now) == 2
    assert _positions(db) == [
        (1, T0 + timedelta(minutes=1), False),
        (1, T0 + timedelta(minutes=2), True),
        (2, T0 + timedelta(days=35), False),
    ]
    assert prune_positions(db, 30, now) == 0


def test_prune_deletes_old_fixes_but_keeps_each_vehicles_latest(small_city):
    _prune_keeps_each_vehicles_latest(small_city)


@pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL 未安装（installer/setup.sh 会安装）")
def test_prune_runs_on_postgresql():
    server = TempPostgres()
    try:
        db = CityDatabase(server.start())
        with db.session() as session, session.begin():
            session.add(Vehicle(id=1, plate="苏N00001", kind="环卫"))
        _prune_keeps_each_vehicles_latest(db)
        db.close()
    finally:
        server.stop()


def test_prune_keeps_a_demo_citys_generated_history(small_city):
    with small_city.session() as session, session.begin():
        session.add(Meta(key="sample_history_end", value=(T0 + timedelta(minutes=1)).isoformat()))
        session.add_all([fix(0, 0), fix(1, 100), fix(60 * 24 * 2, 0), fix(60 * 24 * 100, 0)])
    assert prune_positions(small_city, 30, T0 + timedelta(days=100)) == 1
    assert [ts for _, ts, _ in _positions(small_city)] == [T0, T0 + timedelta(minutes=1), T0 + timedelta(days=100)]
