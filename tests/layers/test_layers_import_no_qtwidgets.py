"""Layer models and the seat stay QtCore-only: a fresh interpreter that imports every module of ``layers``
(or of ``desktop.seat``) loads no other Qt module, no view and no pyqtgraph.

(import-linter cannot forbid a subpackage of an external package, so this is checked here, at run time.)
"""

import pytest

from tests.support.fresh_imports import loaded_after_importing, modules_of, within

VIEWS = ("widgets", "desktop.shell", "pyqtgraph")


@pytest.mark.parametrize("package", ["layers", "desktop.seat"])
def test_package_loads_qtcore_only_and_no_views(package):
    modules = modules_of(package)
    assert len(modules) > 1
    loaded = loaded_after_importing(modules)
    assert set(modules) <= set(loaded)
    assert [m for m in loaded if m.startswith("PySide6.Qt") and m != "PySide6.QtCore"] == []
    assert [m for m in loaded if within(m, VIEWS)] == []
