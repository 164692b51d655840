"""Shared fixtures: a real SQLite city database with departments, a fixed clock and calendar."""

from datetime import UTC, date, datetime

import pytest

from desktop.cases.calendar import WorkCalendar
from desktop.cases.service import CaseService
from desktop.cases.time_limits import TimeLimits
from desktop.cases.workflow import Actor
from desktop.storage.models import Department

# Wednesday 2026-11-25 09:00 Beijing time.
START = datetime(2026, 11, 25, 1, 0, tzinfo=UTC)
CALENDAR = WorkCalendar(holidays=frozenset({date(2026, 10, 1)}), workdays=frozenset({date(2026, 10, 10)}))

INSPECTOR = Actor("张伟", "监督员", staff_id=None)
SEAT = Actor("李娜", "坐席")
LEAD = Actor("王强", "值班长")
COMMANDER = Actor("赵敏", "指挥长")


class Clock:
    def __init__(self, now=START):
        self.now = now

    def __call__(self):
        return self.now


@pytest.fixture
def db(empty_city):
    with empty_city.session() as session, session.begin():
        session.add_all(
            [
                Department(id=1, code="SZ", name="市政处", kind="市政"),
                Department(id=2, code="HW", name="环卫处", kind="环卫"),
            ]
        )
    return empty_city


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def service(db, clock):
    return CaseService(db, calendar=CALENDAR, limits=TimeLimits.read(), clock=clock)


def worker(department_id=1):
    return Actor("孙师傅", "处置人员", department_id=department_id)
