"""A small city with what dispatch needs: departments, disposal grids, staff of every seat role."""

import pytest
import shapely

from desktop.seat.app_state import AppState
from desktop.storage.database import CityDatabase
from desktop.storage.geometry import geometry_columns
from desktop.storage.models import Department, DisposalGrid, Staff
from tests.support.app import city_state
from tests.support.cities import CELL, CITY_ORIGIN, copy_city

STAFF = [
    ("S01", "李娜", "坐席", None),
    ("S02", "王强", "值班长", None),
    ("S03", "张伟", "监督员", None),
    ("S04", "孙师傅", "处置人员", 1),
    ("S05", "赵敏", "指挥长", None),
]
INSIDE = (CITY_ORIGIN[0] + 0.5 * CELL, CITY_ORIGIN[1] + 0.5 * CELL)


@pytest.fixture
def city_path(small_city_template, tmp_path):
    db = CityDatabase(copy_city(small_city_template, tmp_path / "city.db"))
    x0, y0 = CITY_ORIGIN
    with db.session() as session, session.begin():
        session.add_all(
            [
                Department(id=1, code="SZ", name="市政处", kind="市政"),
                Department(id=2, code="HW", name="环卫处", kind="环卫"),
            ]
        )
        session.flush()
        whole = shapely.box(x0, y0, x0 + 3 * CELL, y0 + 3 * CELL)
        session.add_all(
            [
                DisposalGrid(code="SZ-1", name="市政一区", department_id=1, **geometry_columns(whole)),
                DisposalGrid(code="HW-1", name="环卫一区", department_id=2, **geometry_columns(whole)),
            ]
        )
        session.add_all(Staff(code=c, name=n, role=r, department_id=d) for c, n, r, d in STAFF)
    db.close()
    return tmp_path / "city.db"


def open_state(path) -> AppState:
    """Another seat's AppState on the same city file."""
    return city_state(CityDatabase(path))


@pytest.fixture
def small_city(city_path):
    """The dispatch city, opened by the shared ``state`` fixture."""
    db = CityDatabase(city_path)
    yield db
    db.close()
