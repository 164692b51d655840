"""A small city with departments, the sample plans and a settable clock."""

from datetime import UTC, datetime, timedelta

import pytest

from desktop.emergency.samples import install_sample_plans
from desktop.storage.models import Department

T0 = datetime(2026, 7, 1, 8, 0, tzinfo=UTC)
DEPARTMENTS = (
    ("SW", "水务局", "水务"),
    ("JJ", "交警大队", "交警"),
    ("SZ", "市政设施管理处", "市政"),
    ("RQ", "燃气公司", "燃气"),
    ("ZF", "城管执法大队", "执法"),
)


class Clock:
    def __init__(self, now=T0):
        self.now = now

    def __call__(self):
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


def add_departments_and_plans(db):
    """The departments a plan's tasks go to, and the sample plans."""
    with db.session() as session, session.begin():
        session.add_all(Department(code=code, name=name, kind=kind) for code, name, kind in DEPARTMENTS)
    install_sample_plans(db)
    return db


@pytest.fixture
def city(small_city):
    return add_departments_and_plans(small_city)


@pytest.fixture
def clock():
    return Clock()
