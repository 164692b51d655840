"""Position retention: prunes at start, on opening a database and on its timer, in a worker thread,
with the period from QSettings (0 keeps everything)."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from desktop.seat.retention import KEEP_DAYS_KEY, PositionRetention
from desktop.storage.models import VehiclePosition

NOW = datetime(2024, 6, 1, tzinfo=UTC)


@pytest.fixture
def small_city(small_city):
    """Positions 90 to 1 days old, seeded before the shared ``state`` fixture opens the city."""
    with small_city.session() as session, session.begin():
        session.add_all(
            VehiclePosition(vehicle_id=1, ts=NOW - timedelta(days=days), x=118.28, y=33.95)
            for days in (90, 60, 40, 20, 1)
        )
    return small_city


def count(state) -> int:
    with state.database.session() as session:
        return session.scalar(select(func.count()).select_from(VehiclePosition))


def finish(retention: PositionRetention) -> None:
    retention.worker.join()


def test_start_prunes_beyond_the_default_30_days(state, caplog):
    caplog.set_level("INFO", logger="desktop.seat.retention")
    retention = PositionRetention(state, clock=lambda: NOW)
    retention.start()
    finish(retention)
    assert count(state) == 2
    assert "已清理 3 条超过 30 天的车辆定位记录" in caplog.text


def test_the_period_comes_from_the_settings_and_zero_keeps_everything(state, small_city):
    QSettings().setValue(KEEP_DAYS_KEY, 0)
    retention = PositionRetention(state, clock=lambda: NOW)
    retention.start()
    assert retention.worker is None and count(state) == 5
    QSettings().setValue(KEEP_DAYS_KEY, 50)
    state.set_database(small_city)  # opening a database runs it again
    finish(retention)
    assert count(state) == 3


def test_the_timer_runs_it_again(state, qtbot):
    QSettings().setValue(KEEP_DAYS_KEY, 70)
    retention = PositionRetention(state, interval_ms=10, clock=lambda: NOW)
    retention.start()
    finish(retention)
    assert count(state) == 4
    QSettings().setValue(KEEP_DAYS_KEY, 10)
    qtbot.waitUntil(lambda: retention.worker is not None and not retention.worker.is_alive() and count(state) == 1)
