"""Loading a 管理部件 / 管理事项 class table into the ``class_code`` table."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from desktop.domain.class_table import DEFAULT_SCHEME, read_class_table
from desktop.domain.codes import CodeError
from desktop.exchange.errors import ExchangeError
from desktop.exchange.upsert import upsert
from desktop.storage.changes import Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import ClassCode

SCHEME_LENGTH = ClassCode.__table__.c.scheme.type.length


def import_class_table(db: CityDatabase, path: Path | str, scheme: str = DEFAULT_SCHEME) -> tuple[int, int]:
    """Upsert every class of the table in one transaction; returns ``(inserted, updated)``.

    ``scheme`` names the table when the file has no ``scheme`` column.
    """
    try:
        entries = read_class_table(path, scheme)
    except CodeError as exc:
        raise ExchangeError(str(exc)) from exc
    too_long = [e.scheme for e in entries if len(e.scheme) > SCHEME_LENGTH]
    if too_long:
        raise ExchangeError(f"类别方案名称“{too_long[0]}”过长：最多 {SCHEME_LENGTH} 个字符")
    with db.engine.begin() as conn:
        counts = upsert(conn, ClassCode.__table__, [asdict(entry) for entry in entries])
    db.changes.announce(Change("class_code", tuple(sorted({e.scheme for e in entries}))))
    return counts
