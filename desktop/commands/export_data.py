"""``main.py export --kind … --out FILE``: export city data as GeoJSON."""

from __future__ import annotations

import argparse

from desktop.commands._common import add_db_argument, run_reported
from desktop.commands.import_data import KIND_LABELS


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "export",
        help="导出行政区划、单元网格或管理部件为 GeoJSON",
        description="把城市数据库中的行政区划、单元网格或管理部件导出为 GeoJSON 要素集合，编码和属性写入 properties。",
    )
    parser.add_argument(
        "--kind",
        required=True,
        choices=list(KIND_LABELS),
        help="数据类型：admin=行政区划，grids=单元网格，components=管理部件",
    )
    parser.add_argument("--format", default="geojson", choices=["geojson"], help="导出格式，目前只有 geojson")
    parser.add_argument("--crs", help="目标坐标系：如 EPSG:4490（默认）、EPSG:4527、EPSG:3857、GCJ02、BD09")
    parser.add_argument("--out", required=True, metavar="文件", help="输出文件路径")
    add_db_argument(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from desktop.exchange import export_file

    def action(db) -> None:
        count = export_file(db, args.kind, args.format, args.crs, out=args.out)
        print(f"已导出 {count} 个{KIND_LABELS[args.kind]}到 {args.out}")

    return run_reported(args, action, "导出失败")
