"""``main.py import-classes FILE --scheme NAME``: load a 管理部件/事项 class table."""

from __future__ import annotations

import argparse

from desktop.commands._common import add_db_argument, run_reported
from desktop.domain.class_table import DEFAULT_SCHEME


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-classes",
        help="导入管理部件和事项类别表（CSV）",
        description="把类别表（CSV）导入数据库的类别代码表；同一方案中已有的类别会被更新，全部在一个事务中完成。",
    )
    parser.add_argument("file", metavar="文件", help="类别表 CSV 文件（UTF-8）")
    parser.add_argument(
        "--scheme", default=DEFAULT_SCHEME, help=f"类别方案名称（文件没有 scheme 列时使用），默认“{DEFAULT_SCHEME}”"
    )
    add_db_argument(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from desktop.exchange import import_class_table

    def action(db) -> None:
        inserted, updated = import_class_table(db, args.file, args.scheme)
        print(f"已导入 {inserted + updated} 个类别（新增 {inserted}，更新 {updated}）")

    return run_reported(args, action, "导入类别表失败")
