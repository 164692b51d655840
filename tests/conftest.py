"""Shared test set-up: headless Qt, and user files (CITYOPS_HOME, QSettings) in temporary dirs.

The environment is set before anything imports Qt, so every test runs offscreen and never
touches the user's database or settings. The shared fixtures (the test cities, an AppState, the main
window) live in tests/support and are loaded here as plugins.
"""

import os
import tempfile

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["CITYOPS_HOME"] = tempfile.mkdtemp(prefix="cityops-home-")

import pytest
from PySide6.QtCore import QSettings

pytest.register_assert_rewrite("tests.support")  # before the plugins load: their asserts report like tests'
pytest_plugins = ["tests.support.cities", "tests.support.app"]

QSettings.setDefaultFormat(QSettings.Format.IniFormat)


@pytest.fixture(scope="session", autouse=True)
def gui_thread_gc(qapp):
    """As in the application: cyclic garbage is collected on the GUI thread only (desktop.shell.gui_gc)."""
    from desktop.shell.gui_gc import collect_on_gui_thread

    return collect_on_gui_thread(qapp)


@pytest.fixture(autouse=True)
def collect_after_each_test():
    """Tests that never spin the event loop still get their garbage collected, on this thread."""
    yield
    from desktop.shell.gui_gc import collect_due

    collect_due()


@pytest.fixture(autouse=True)
def isolated_user_files(tmp_path, monkeypatch):
    """Each test gets its own CITYOPS_HOME and QSettings directory."""
    monkeypatch.setenv("CITYOPS_HOME", str(tmp_path / "cityops-home"))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
