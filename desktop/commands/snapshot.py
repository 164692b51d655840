"""``snapshot``: render the 一张图 of a city database to a PNG without a window."""

from __future__ import annotations

import sys

from desktop.commands._common import add_db_argument
from desktop.commands._map import bbox_argument, headless_canvas, size_argument
from desktop.paths import default_database_path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "snapshot",
        help="把一张图渲染为 PNG（无需界面）",
        description="以与主界面相同的地图画布渲染城市数据库，等该视图的瓦片全部绘制完成后保存为 PNG。",
    )
    add_db_argument(parser)
    parser.add_argument("--out", required=True, metavar="文件", help="输出 PNG 文件")
    parser.add_argument(
        "--size", type=size_argument, default=(1600, 1000), metavar="宽x高", help="图片尺寸，默认 1600x1000"
    )
    parser.add_argument(
        "--bbox", type=bbox_argument, metavar="经纬度范围", help="最小经度,最小纬度,最大经度,最大纬度；默认整个城市"
    )
    parser.add_argument("--layers", metavar="图层名", help="只显示这些图层（逗号分隔的图层名，如 单元网格,道路）")
    parser.add_argument(
        "--base",
        choices=("auto", "own"),
        default="auto",
        help="底图：auto 有 QGIS 时由 QGIS 绘制，own 由本程序绘制；默认 auto",
    )
    parser.add_argument("--timeout", type=float, default=120.0, metavar="秒", help="等待瓦片的最长时间，默认 120 秒")
    parser.set_defaults(func=run)


def run(args) -> int:
    from desktop.storage.database import DatabaseError

    width, height = args.size
    try:
        _app, state, canvas = headless_canvas(
            getattr(args, "db", None) or default_database_path(), width, height, args.base
        )
    except DatabaseError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    try:
        if args.layers:
            wanted = {name.strip() for name in args.layers.split(",") if name.strip()}
            unknown = wanted - {layer.name for layer in state.layers}
            if unknown:
                print(
                    f"错误：没有图层 {'、'.join(sorted(unknown))}"
                    f"（可用：{'、'.join(layer.name for layer in state.layers)}）",
                    file=sys.stderr,
                )
                return 2
            for layer in state.layers:
                layer.visible = layer.name in wanted
        if args.bbox:
            canvas.show_bbox(args.bbox)
        complete = canvas.wait_until_complete(args.timeout)
        saved = canvas.render_image().save(args.out)
    finally:
        canvas.close()
        state.close()
    if not saved:
        print(f"错误：无法写入 {args.out}", file=sys.stderr)
        return 1
    if not complete:
        print(f"警告：{args.timeout:g} 秒内瓦片未全部完成，图片可能不完整", file=sys.stderr)
    print(args.out)
    return 0
