"""The application under test: the QApplication as in production, an AppState on the small city, the main window.

A test module that needs the city seeded before it is opened overrides ``small_city`` (requesting the shared
one); ``state`` and ``main_window`` then open the seeded city.
"""

import pytest

from desktop.seat.app_state import AppState
from desktop.storage.database import CityDatabase
from plugins.registry import load_builtin_layers


def city_state(database: CityDatabase) -> AppState:
    """An AppState with ``database`` open: the built-in plugins' layers loaded, as the shell does."""
    state = AppState(load_builtin_layers)
    state.set_database(database)
    return state


@pytest.fixture
def gui_app(qapp):
    """The shared QApplication set up as in production: zh_CN translators, CJK font, dark theme."""
    from desktop.shell.app import create_application

    if not getattr(qapp, "translators", None):
        create_application([])
    return qapp


@pytest.fixture
def state(gui_app, small_city):
    """An AppState on this test's copy of the small city; closed after the test."""
    app_state = city_state(small_city)
    yield app_state
    app_state.close()


@pytest.fixture
def main_window(qtbot, state):
    """The main window on ``state``, shown and exposed; its plugins unloaded after the test."""
    from desktop.shell.main_window import MainWindow

    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.map_tools.plugins.unload_all()
