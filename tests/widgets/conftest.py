"""Shared widget fixtures."""

import pytest

from widgets.map_canvas import MapCanvas


@pytest.fixture
def canvas(qtbot, state):
    """The map canvas on ``state`` (tests/support/app.py, or a module's override), drawn by our own base
    map, complete."""
    widget = MapCanvas(state, base_map="own", overview=False)
    widget.resize(800, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.wait_until_complete(30)
    return widget
