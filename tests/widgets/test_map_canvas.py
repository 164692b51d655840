"""The basic map canvas paints the fixture city where it is, pans, zooms and reports the cursor."""
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from desktop.app_state import AppState
from layers.city_styles import COMPONENT_SYMBOLS, ROAD_SYMBOLS, ZONE_FILLS
from tests.conftest import CELL, CITY_ORIGIN, MAIN_ROAD_LAT, ZONES
from widgets.map_canvas import BACKGROUND, MapCanvas


@pytest.fixture
def canvas(qtbot, small_city):
    state = AppState()
    state.set_database(small_city)
    widget = MapCanvas(state)
    widget.resize(800, 800)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def pixel(canvas, lon, lat) -> QColor:
    image = canvas.grab().toImage()
    point = canvas.to_screen(lon, lat).toPoint()
    return image.pixelColor(point)


def near(colour: QColor, expected: str, tolerance: int = 6) -> bool:
    want = QColor(expected)
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], want.getRgb()[:3]))


def cell_centre(index: int) -> tuple[float, float]:
    row, col = divmod(index, 3)
    return CITY_ORIGIN[0] + (col + 0.15) * CELL, CITY_ORIGIN[1] + (row + 0.15) * CELL


def test_fit_shows_the_whole_city(canvas):
    low, high = canvas.to_screen(118.275, 33.945), canvas.to_screen(118.3, 33.97)
    assert 0 <= low.x() < high.x() <= canvas.width() and 0 <= high.y() < low.y() <= canvas.height()


@pytest.mark.parametrize("index", [2, 3, 5, 8])
def test_grids_are_filled_with_their_zone_colour(canvas, index):
    assert near(pixel(canvas, *cell_centre(index)), ZONE_FILLS[ZONES[index]])


def test_main_road_is_drawn_over_the_grids(canvas):
    lon = CITY_ORIGIN[0] + 2.7 * CELL
    assert near(pixel(canvas, lon, MAIN_ROAD_LAT), ROAD_SYMBOLS["主干路"].stroke)


def test_components_are_dots_in_class_colours(canvas):
    canvas.zoom(4.0, canvas.to_screen(CITY_ORIGIN[0] + CELL / 2, CITY_ORIGIN[1] + CELL / 2))  # full-size dots
    image = canvas.grab().toImage()
    top_left = canvas.to_screen(CITY_ORIGIN[0], CITY_ORIGIN[1] + CELL).toPoint()
    bottom_right = canvas.to_screen(CITY_ORIGIN[0] + CELL, CITY_ORIGIN[1]).toPoint()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(max(0, top_left.x()), min(canvas.width(), bottom_right.x()))
        for y in range(max(0, top_left.y()), min(canvas.height(), bottom_right.y()))
    }
    assert {symbol.fill for symbol in COMPONENT_SYMBOLS.values()} <= colours


def test_hidden_layer_is_not_painted(canvas):
    lon, lat = cell_centre(5)
    canvas._state.layers[0].visible = False  # 单元网格
    assert near(pixel(canvas, lon, lat), BACKGROUND.name())


def test_zoom_keeps_the_point_under_the_cursor(canvas):
    anchor = QPointF(300, 420)
    zoomed_from = canvas._px_per_deg
    before = canvas.to_lonlat(anchor)
    canvas.zoom(2.0, anchor)
    after = canvas.to_lonlat(anchor)
    assert abs(before.x() - after.x()) < 1e-9 and abs(before.y() - after.y()) < 1e-9
    assert canvas._px_per_deg == pytest.approx(2 * zoomed_from)


def test_drag_pans_and_cursor_position_is_reported(canvas, qtbot):
    lon, lat = cell_centre(4)
    start = canvas.to_screen(lon, lat).toPoint()
    with qtbot.waitSignal(canvas._state.sig_cursor_moved) as reported:
        qtbot.mouseMove(canvas, start)
    assert reported.args == pytest.approx([lon, lat], abs=2e-5)
    qtbot.mousePress(canvas, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas, start + QPoint(100, 50))
    qtbot.mouseRelease(canvas, Qt.MouseButton.LeftButton, pos=start + QPoint(100, 50))
    moved = canvas.to_screen(lon, lat)
    assert (moved.x() - start.x(), moved.y() - start.y()) == pytest.approx((100, 50), abs=1.5)
