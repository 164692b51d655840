"""Opening a city database: engine, SQLite pragmas (WAL), migrations to head."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from desktop.storage import guards  # noqa: F401  (registers the append-only guard)
from desktop.storage.changes import ChangeBus
from desktop.storage.migrate import upgrade_to_head

log = logging.getLogger(__name__)


class DatabaseError(RuntimeError):
    """A database that cannot be opened; ``str()`` is a Chinese message."""


#: What a failed read or write of an open database raises: views catch it under this name, not SQL's.
StorageError = SQLAlchemyError


def database_url(target: str | Path) -> str:
    """A SQLAlchemy URL for a file path or a URL given on the command line."""
    text = str(target)
    return text if "://" in text else f"sqlite:///{Path(text).expanduser().resolve()}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_city_engine(target: str | Path) -> Engine:
    url = make_url(database_url(target))
    if url.get_backend_name() == "sqlite" and url.database:
        Path(url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url)
    if url.get_backend_name() == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class CityDatabase:
    """An open city database, migrated to the current schema."""

    def __init__(self, target: str | Path, migrate: bool = True):
        self.url = database_url(target)
        try:
            self.engine = create_city_engine(target)
            if migrate:
                upgrade_to_head(self.engine)
        except Exception as exc:  # reported to the user in Chinese
            log.exception("无法打开数据库 %s", self.url)
            raise DatabaseError(f"无法打开数据库“{target}”：{exc}") from exc
        self.session_factory = sessionmaker(self.engine, expire_on_commit=False)
        self.changes = ChangeBus()  # the services announce every committed write here

    def session(self) -> Session:
        return self.session_factory()

    def close(self) -> None:
        self.engine.dispose()
