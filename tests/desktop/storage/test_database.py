"""The city database: migrations from empty, SQLite pragmas, geometry columns, guards."""

from datetime import UTC, datetime

import pytest
import shapely
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, select, text
from sqlalchemy.exc import IntegrityError

from desktop.storage.database import CityDatabase, DatabaseError
from desktop.storage.guards import AppendOnlyError
from desktop.storage.migrate import current_revision, head_revision
from desktop.storage.models import AdminArea, Base, Case, CaseAudit, UnitGrid
from tests.support.seats import assert_second_seat_loses

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def db(tmp_path):
    database = CityDatabase(tmp_path / "city.db")
    yield database
    database.close()


def test_migrations_from_empty_reach_head_and_match_the_models(db):
    assert current_revision(db.engine) == head_revision()
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []
    assert set(Base.metadata.tables) <= set(inspect(db.engine).get_table_names())


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path):
    path = tmp_path / "city.db"
    first = CityDatabase(path)
    with first.session() as session, session.begin():
        session.add(AdminArea(code="321302", name="宿城区", level="district"))
    first.close()
    second = CityDatabase(path)
    with second.session() as session:
        assert session.get(AdminArea, "321302").name == "宿城区"
    second.close()


def test_sqlite_runs_in_wal_mode_with_foreign_keys(db):
    with db.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_geometry_is_stored_as_wkb_with_bbox(db):
    polygon = shapely.box(118.27, 33.95, 118.28, 33.96)
    with db.session() as session, session.begin():
        session.add(AdminArea(code="321302", name="宿城区", level="district"))
        session.add(AdminArea(code="321302001", name="幸福街道", level="street", parent_code="321302"))
        session.add(AdminArea(code="321302001001", name="幸福社区", level="community", parent_code="321302001"))
        grid = UnitGrid(code="32130200100101", community_code="321302001001", area_m2=9200.0)
        grid.geometry = polygon
        session.add(grid)
    with db.session() as session:
        stored = session.get(UnitGrid, "32130200100101")
        assert stored.geometry.equals(polygon)
        assert (stored.min_x, stored.min_y, stored.max_x, stored.max_y) == polygon.bounds
        hits = session.scalars(select(UnitGrid.code).where(UnitGrid.min_x <= 118.275, UnitGrid.max_x >= 118.275)).all()
        assert hits == ["32130200100101"]


def test_foreign_keys_are_enforced(db):
    with pytest.raises(IntegrityError), db.session() as session, session.begin():
        session.add(AdminArea(code="321302001", name="孤儿街道", level="street", parent_code="999999"))


def _case(session, drill=False) -> Case:
    case = Case(case_no="2026112500001", source="监督员上报", created_at=NOW, is_drill=drill)
    session.add(case)
    session.flush()
    return case


def test_audit_log_is_append_only(db):
    with db.session() as session, session.begin():
        case = _case(session)
        session.add(CaseAudit(case_id=case.id, ts=NOW, actor="张伟", action="上报", to_stage="信息采集"))
    with db.session() as session:
        entry = session.scalars(select(CaseAudit)).one()
        entry.comment = "改写历史"
        with pytest.raises(AppendOnlyError):
            session.commit()
        session.rollback()
        session.delete(session.scalars(select(CaseAudit)).one())
        with pytest.raises(AppendOnlyError):
            session.commit()


def test_two_seats_editing_one_case_one_wins(db):
    with db.session() as session, session.begin():
        _case(session)
    assert_second_seat_loses(db)


def test_records_default_to_real_and_can_be_marked_drill(db):
    with db.session() as session, session.begin():
        real = _case(session)
        drill = Case(case_no="演练-0001", source="演练", created_at=NOW, is_drill=True)
        session.add(drill)
    with db.session() as session:
        flags = dict(session.execute(select(Case.case_no, Case.is_drill)).all())
    assert flags == {real.case_no: False, "演练-0001": True}


def test_unopenable_database_gives_a_chinese_error(tmp_path):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(DatabaseError, match="无法打开数据库"):
        CityDatabase(broken)
