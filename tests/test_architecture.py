"""The import-linter contracts of pyproject.toml hold (layers and domain code import no QtWidgets), and
the Qt-free core loads no Qt at run time either."""

import subprocess
import sys
import tomllib
from pathlib import Path

from tests.support.fresh_imports import loaded_after_importing, modules_of, within

ROOT = Path(__file__).resolve().parents[1]
QT = ("PySide6", "shiboken6", "pyqtgraph")
# Started by path under the system Python with PyQGIS, never imported by the app.
NOT_IN_THE_APP = {"desktop.qgis_render.worker"}


def test_import_contracts_are_kept():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert "BROKEN" not in result.stdout


def core_packages() -> list[str]:
    """The packages of the "core is Qt-free" contract (it checks their imports statically)."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    [contract] = [c for c in config["tool"]["importlinter"]["contracts"] if c["name"].startswith("The core is Qt-free")]
    return contract["source_modules"]


def test_every_core_module_loads_no_qt_in_a_fresh_interpreter():
    """Also what the static contract cannot see: imports inside third-party packages and by name at run time."""
    modules = [m for package in core_packages() for m in modules_of(package) if m not in NOT_IN_THE_APP]
    assert len(modules) > len(core_packages())
    loaded = loaded_after_importing(modules)
    assert set(modules) <= set(loaded)
    assert [m for m in loaded if within(m, QT)] == []
