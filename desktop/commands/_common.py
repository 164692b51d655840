"""Helpers shared by subcommands: ``--db`` on a subcommand, user errors as Chinese messages."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable

log = logging.getLogger(__name__)


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """``--db`` on the subcommand: when given it replaces the global ``--db`` (one ``args.db``)."""
    parser.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="路径",
        help="城市数据库（SQLite 文件路径或数据库 URL），覆盖全局 --db；数据库不存在时自动创建",
    )


def run_reported(args: argparse.Namespace, action: Callable, failure: str) -> int:
    """Open the database and run ``action(db)``; user errors become a message on stderr and 1."""
    from desktop.domain.codes import CodeError
    from desktop.exchange import ExchangeError
    from desktop.paths import default_database_path
    from desktop.storage.database import CityDatabase, DatabaseError

    target = args.db or default_database_path()
    try:
        db = CityDatabase(target)
    except DatabaseError as exc:
        print(str(exc), file=sys.stderr)
        return 1
    try:
        action(db)
    except (ExchangeError, CodeError, OSError) as exc:
        message = f"{failure}：{exc}"
        print(message, file=sys.stderr)
        log.error("%s", message)
        return 1
    finally:
        db.close()
    return 0
