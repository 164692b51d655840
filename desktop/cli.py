"""Command line: ``python main.py [--db PATH] [subcommand …]``.

Each subcommand is a module in :mod:`desktop.commands` (and ``bench`` in :mod:`desktop.bench`) with
``register(subparsers)`` that adds its parser and sets ``func(args) -> int``. No subcommand opens the GUI.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import pkgutil
import sys

import desktop.commands
from desktop.paths import default_database_path


class _ChineseHelpFormatter(argparse.RawDescriptionHelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        return super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="main.py",
        description="城市运管服 · 一张图指挥中心。不带子命令时打开图形界面。",
        formatter_class=_ChineseHelpFormatter,
        add_help=False,
    )
    parser.add_argument("-h", "--help", action="help", help="显示帮助并退出")
    parser.add_argument("--db", help=f"城市数据库（SQLite 文件路径或数据库 URL），默认 {default_database_path()}")
    parser.add_argument("--log-level", default="INFO", help="日志级别（DEBUG/INFO/WARNING），默认 INFO")
    parser._positionals.title = "子命令"
    parser._optionals.title = "选项"
    subparsers = parser.add_subparsers(dest="command", metavar="子命令", parser_class=_subparser_class())
    modules = {
        info.name: f"desktop.commands.{info.name}"
        for info in pkgutil.iter_modules(desktop.commands.__path__)
        if not info.name.startswith("_")
    }
    modules["bench"] = "desktop.bench.command"
    for name in sorted(modules):
        importlib.import_module(modules[name]).register(subparsers)
    return parser


def _subparser_class():
    class ChineseParser(argparse.ArgumentParser):
        def __init__(self, *args, **kwargs):
            kwargs.setdefault("formatter_class", _ChineseHelpFormatter)
            kwargs["add_help"] = False
            super().__init__(*args, **kwargs)
            self._positionals.title = "参数"
            self._optionals.title = "选项"
            self.add_argument("-h", "--help", action="help", help="显示帮助并退出")

        def error(self, message):
            self.print_usage(sys.stderr)
            self.exit(2, f"{self.prog}：错误：{message}\n")

    return ChineseParser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.command is None:
        from desktop.shell.app import run_gui

        return run_gui(args.db)
    return int(args.func(args) or 0)
