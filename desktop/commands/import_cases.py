"""``main.py import-cases FILE.csv``: load historical cases (columns: docs/case-history-import.md)."""

from __future__ import annotations

import argparse

from desktop.commands._common import add_db_argument, run_reported


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import-cases",
        help="导入历史案件（CSV），供考核统计使用",
        description="把历史案件表（CSV，列见 docs/case-history-import.md）导入数据库。任何一行有错则整个文件不导入；"
        "按案件编号匹配，重复导入同一文件不会产生重复案件。",
    )
    parser.add_argument("file", metavar="文件", help="历史案件 CSV 文件（UTF-8）")
    add_db_argument(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from desktop.cases.history_import import import_history

    def action(db) -> None:
        result = import_history(db, args.file)
        print(f"已导入历史案件：新增 {result.created}，更新 {result.updated}，未变 {result.unchanged}")

    return run_reported(args, action, "导入历史案件失败")
