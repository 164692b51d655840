"""``main.py demo-city``: generate the deterministic demo city (宿迁市宿城区) into a new database file."""

from __future__ import annotations

import sys

from desktop.democity.scales import PUBLIC_SCALES


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "demo-city",
        help="生成演示城市（宿迁市宿城区）数据库",
        description="生成确定性的演示城市：路网、单元网格、行政区划、部门人员、管理部件、车辆、视频与物联设备。"
        "相同的种子生成相同的数据库内容。",
    )
    parser.add_argument(
        "--scale",
        choices=PUBLIC_SCALES,
        default="demo",
        help="规模：demo 约 2000 个网格、10 万部件（数秒）；city 约 5 万网格、200 万部件（用于性能测试）",
    )
    parser.add_argument(
        "--out", required=True, metavar="PATH", help="输出的 SQLite 文件路径（不得已存在，除非加 --force）"
    )
    parser.add_argument("--seed", type=int, default=1, metavar="N", help="随机种子，默认 1")
    parser.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    parser.set_defaults(func=run)


def run(args) -> int:
    from desktop.democity.generate import generate_city
    from desktop.democity.writer import DemoCityError
    from desktop.storage.database import DatabaseError

    try:
        summary = generate_city(
            args.out,
            scale=args.scale,
            seed=args.seed,
            force=args.force,
            progress=lambda message: print(message, file=sys.stderr, flush=True),
        )
    except (DemoCityError, DatabaseError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    counts = "，".join(f"{table} {count}" for table, count in summary["counts"].items())
    print(
        f"已生成演示城市 {summary['path']}（规模 {summary['scale']}，种子 {summary['seed']}，"
        f"{summary['seconds']} 秒）：{counts}"
    )
    return 0
