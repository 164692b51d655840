"""Layer models stay QtCore-only: importing every module of ``layers`` loads no QtWidgets.

(import-linter cannot forbid a subpackage of an external package, so this is checked here.)
"""
import subprocess
import sys

SCRIPT = """
import importlib, pkgutil, sys
import layers
for info in pkgutil.iter_modules(layers.__path__):
    importlib.import_module(f"layers.{info.name}")
print(sorted(m for m in sys.modules if m.startswith(("PySide6.QtWidgets", "widgets", "pyqtgraph"))))
"""


def test_layers_load_no_qtwidgets_and_no_views():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "[]"
