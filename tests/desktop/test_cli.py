"""The command line: Chinese help for every subcommand, and a clear message when there is no screen."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
SUBCOMMANDS = sorted(build_parser()._subparsers._group_actions[0].choices)


def run(*args, env=None):
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT
    )


@pytest.mark.parametrize("command", [[]] + [[name] for name in SUBCOMMANDS], ids=lambda c: c[0] if c else "main")
def test_help_is_chinese(command):
    result = run(*command, "--help")
    assert result.returncode == 0, result.stderr
    assert "用法：" in result.stdout and "显示帮助并退出" in result.stdout


def test_gui_without_a_screen_says_what_to_do(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["CITYOPS_HOME"] = str(tmp_path)
    result = run(env=env)
    assert result.returncode == 1
    assert "未检测到图形显示" in result.stderr and "xvfb-run" in result.stderr
