"""``kpi``: evaluation figures (绩效考核) for a period, per department, grid or inspector."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime, time, timedelta

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.kpi import GROUPINGS, KpiRow, KpiTable, compute_kpis, read_kpi_table
from desktop.commands._common import add_db_argument
from desktop.paths import default_database_path
from desktop.storage.database import CityDatabase, DatabaseError

_BY_NAMES = {"department": "处置部门", "grid": "单元网格", "inspector": "监督员"}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "kpi",
        help="统计考核指标（立案率、结案率、按期结案率、综合指数 …）",
        description="按统计期统计案件考核指标（演练案件不计入）。统计期按上报日期（北京时间），含起止两日。",
    )
    parser.add_argument(
        "--from", dest="date_from", required=True, type=_date, metavar="日期", help="起始日期，如 2026-11-01"
    )
    parser.add_argument("--to", dest="date_to", required=True, type=_date, metavar="日期", help="截止日期（含当日）")
    parser.add_argument(
        "--by", choices=sorted(GROUPINGS), help="分组：department 处置部门、grid 单元网格、inspector 监督员；不填为全部"
    )
    parser.add_argument("--json", action="store_true", help="以 JSON 输出")
    add_db_argument(parser)
    parser.set_defaults(func=run)


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期“{text}”无效，应为 YYYY-MM-DD") from None


def run(args) -> int:
    if args.date_to < args.date_from:
        print("错误：截止日期早于起始日期")
        return 2
    start = datetime.combine(args.date_from, time(), LOCAL_TZ)
    end = datetime.combine(args.date_to + timedelta(days=1), time(), LOCAL_TZ)
    try:
        db = CityDatabase(getattr(args, "db", None) or default_database_path())
    except DatabaseError as exc:
        print(f"错误：{exc}")
        return 1
    table = read_kpi_table()
    try:
        with db.session() as session:
            rows = compute_kpis(session, start, end, args.by, table)
    finally:
        db.close()
    print(
        json.dumps([_as_dict(r) for r in rows], ensure_ascii=False, indent=2)
        if args.json
        else _as_text(rows, table, args.by)
    )
    return 0


def _as_dict(row: KpiRow) -> dict:
    return {"key": row.key, "name": row.label, **row.counts, **row.rates, "index": row.index, "grade": row.grade}


def _as_text(rows: list[KpiRow], table: KpiTable, by: str | None) -> str:
    if not rows:
        return "统计期内没有案件。"
    header = [
        _BY_NAMES.get(by, "范围"),
        *(d.name for d in table.counts),
        *(d.name for d in table.rates),
        "综合指数",
        "等级",
    ]
    lines = ["\t".join(header)]
    for row in rows:
        rates = (f"{v * 100:.1f}%" if v is not None else "—" for v in row.rates.values())
        index = f"{row.index:.1f}" if row.index is not None else "—"
        lines.append("\t".join([row.label, *map(str, row.counts.values()), *rates, index, row.grade or "—"]))
    return "\n".join(lines)
