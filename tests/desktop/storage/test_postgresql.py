"""The same models and migrations run on a real PostgreSQL (started here on loopback)."""

from datetime import UTC, datetime

import pytest
import shapely
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, Base, Case
from tests.support.postgres import TempPostgres, postgres_bin
from tests.support.seats import assert_second_seat_loses

pytestmark = pytest.mark.skipif(postgres_bin() is None, reason="PostgreSQL 未安装（installer/setup.sh 会安装）")


@pytest.fixture(scope="module")
def pg_url():
    server = TempPostgres()
    try:
        yield server.start()
    finally:
        server.stop()


def test_schema_migrates_and_matches_models_on_postgresql(pg_url):
    db = CityDatabase(pg_url)
    with db.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), Base.metadata) == []
    polygon = shapely.box(118.2, 33.9, 118.3, 34.0)
    with db.session() as session, session.begin():
        area = AdminArea(code="321302", name="宿城区", level="district")
        area.geometry = polygon
        session.add(area)
        session.add(Case(case_no="PG-1", source="公众举报", created_at=datetime.now(UTC)))
    with db.session() as session:
        assert session.get(AdminArea, "321302").geometry.equals(polygon)
    assert_second_seat_loses(db)
    db.close()
