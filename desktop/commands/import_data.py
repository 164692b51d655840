"""``main.py import FILE --kind admin|grids|components``: import city data files."""

from __future__ import annotations

import argparse

from desktop.commands._common import add_db_argument, run_reported

KIND_LABELS = {"admin": "行政区划", "grids": "单元网格", "components": "管理部件"}


def _parse_default(text: str) -> tuple[str, str]:
    key, sep, value = text.partition("=")
    if not sep or not key.strip():
        raise argparse.ArgumentTypeError(f"“{text}”应写成 属性=值，如 code=321302")
    return key.strip(), value.strip()


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "import",
        help="导入行政区划、单元网格或管理部件（GeoJSON / GeoPackage / Shapefile）",
        description=(
            "把 GeoJSON、GeoPackage 或 Shapefile 中的要素导入城市数据库。\n"
            "整个文件在一个事务中导入：有任何错误时一条也不导入，并列出出错的要素；\n"
            "编码已存在的记录会被更新。字段约定见 docs/data-exchange.md。"
        ),
    )
    parser.add_argument("file", metavar="文件", help="要导入的文件（.geojson/.json、.gpkg、.shp）")
    parser.add_argument(
        "--kind",
        required=True,
        choices=list(KIND_LABELS),
        help="数据类型：admin=行政区划，grids=单元网格，components=管理部件",
    )
    parser.add_argument(
        "--crs",
        help="源坐标系，覆盖文件声明的坐标系：如 EPSG:4490、EPSG:4527、EPSG:3857、GCJ02、BD09；"
        "GeoJSON 未声明时按 EPSG:4326",
    )
    parser.add_argument("--layer", help="GeoPackage 等多图层文件中要导入的图层名")
    parser.add_argument("--encoding", help="Shapefile 属性表的字符编码（如 GBK），默认读取 .cpg")
    parser.add_argument(
        "--set",
        dest="defaults",
        action="append",
        type=_parse_default,
        default=[],
        metavar="属性=值",
        help="为缺少该属性的要素补充属性值，可重复，如 --set code=321302 --set name=宿城区",
    )
    add_db_argument(parser)
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    from desktop.exchange import import_file

    def action(db) -> None:
        report = import_file(
            db, args.file, args.kind, args.crs, layer=args.layer, encoding=args.encoding, defaults=dict(args.defaults)
        )
        for warning in report.warnings:
            print(f"注意：{warning}")
        print(report.summary())

    return run_reported(args, action, "导入失败")
