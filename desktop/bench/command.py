"""``bench KIND``: performance measurements that print one JSON line.

Kinds are registered in :data:`BENCHES` (name → module path); a kind's module provides
``HELP``, ``add_arguments(parser)`` and ``run(args) -> int`` and is imported only when run,
so a new kind is one line here plus its own module.
"""

from __future__ import annotations

import importlib

from desktop.commands._common import add_db_argument

BENCHES: dict[str, str] = {
    "map": "desktop.bench.map",
    "feed": "desktop.bench.feed",
    "db": "desktop.bench.db",
    "video": "desktop.bench.video",
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "bench",
        help="性能测试（输出一行 JSON）",
        description="性能测试：每种测试输出一行 JSON，含同一次运行中测得的基准值。",
    )
    kinds = parser.add_subparsers(dest="bench_kind", metavar="种类", required=True)
    for name, module_path in BENCHES.items():
        module = importlib.import_module(module_path)
        kind = kinds.add_parser(name, help=module.HELP, description=module.HELP)
        add_db_argument(kind)
        module.add_arguments(kind)
        kind.set_defaults(func=module.run)
