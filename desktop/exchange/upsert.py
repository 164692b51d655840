"""Insert-or-update of many rows by primary key (SQLite and PostgreSQL)."""

from __future__ import annotations

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.dialects import postgresql, sqlite

from desktop.exchange.errors import ExchangeError

CHUNK = 5000
_INSERTS = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}


def upsert(conn: Connection, table: Table, rows: list[dict]) -> tuple[int, int]:
    """Write ``rows`` (all with the same keys); existing primary keys are updated.

    Returns ``(inserted, updated)``. Runs in the caller's transaction.
    """
    if not rows:
        return 0, 0
    insert = _INSERTS.get(conn.dialect.name)
    if insert is None:
        raise ExchangeError(f"不支持的数据库类型：{conn.dialect.name}")
    keys = [column.name for column in table.primary_key.columns]
    statement = insert(table)
    statement = statement.on_conflict_do_update(
        index_elements=keys,
        set_={name: statement.excluded[name] for name in rows[0] if name not in keys},
    )
    before = conn.execute(select(func.count()).select_from(table)).scalar_one()
    for start in range(0, len(rows), CHUNK):
        conn.execute(statement, rows[start : start + CHUNK])
    inserted = conn.execute(select(func.count()).select_from(table)).scalar_one() - before
    return inserted, len(rows) - inserted
