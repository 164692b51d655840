"""The map canvas paints the fixture city where it is (from tiles), pans, zooms, reports clicks and
the cursor, shows scaled stand-ins while a zoom renders, and draws live layers and overlays."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from layers.city_styles import ROAD_SYMBOLS, SELECTION, ZONE_FILLS
from layers.point_table import AlarmLayer
from layers.vehicle_layer import VehicleLayer
from tests.support.cities import CELL, CITY_ORIGIN, MAIN_ROAD_LAT, ZONES
from widgets.map_canvas import BACKGROUND, MapCanvas
from widgets.static_layers import CLUSTER, SYMBOLS


def layer(state, name):
    return next(layer for layer in state.layers if layer.name == name)


def pixel(canvas, lon, lat) -> QColor:
    return canvas.render_image().pixelColor(canvas.to_screen(lon, lat).toPoint())


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


def test_components_cluster_at_city_zoom_and_are_symbols_at_street_zoom(canvas, state):
    name = layer(state, "管理部件").name
    corner = canvas.to_screen(CITY_ORIGIN[0] + CELL / 2, CITY_ORIGIN[1] + CELL / 2)
    assert {canvas.tiles.mode(key, name) for key in canvas.view.tiles()} - {None} == {CLUSTER}
    canvas.zoom(2 ** (18 - canvas.view.zoom), corner)
    assert canvas.wait_until_complete(30)
    assert canvas.view.tile_zoom == 18
    assert {canvas.tiles.mode(key, name) for key in canvas.view.tiles()} - {None} == {SYMBOLS}


def test_hidden_layer_is_not_painted(canvas, state):
    lon, lat = cell_centre(5)
    layer(state, "单元网格").visible = False
    assert canvas.wait_until_complete(30)
    assert near(pixel(canvas, lon, lat), BACKGROUND.name())


def test_zoom_shows_the_scaled_old_tiles_until_the_new_ones_arrive(canvas):
    lon, lat = cell_centre(3)
    old_level = canvas.view.tile_zoom
    canvas.tiles.hold()
    canvas.zoom(4.0, canvas.to_screen(lon, lat))
    assert canvas.view.tile_zoom == old_level + 2
    assert not any(canvas.tiles.is_current(key) for key in canvas.view.tiles())
    assert near(pixel(canvas, lon, lat), ZONE_FILLS[ZONES[3]])  # the level above, scaled ×4
    canvas.tiles.release()
    assert canvas.wait_until_complete(30)
    assert near(pixel(canvas, lon, lat), ZONE_FILLS[ZONES[3]])


def test_pans_past_the_composited_margin_still_show_each_grid_in_place(canvas):
    for dx, dy in ((300, 0), (0, -300), (-700, 450)):
        canvas.pan_pixels(dx, dy)
        assert canvas.wait_until_complete(30)
        for index in (2, 3, 5, 8):
            at = canvas.to_screen(*cell_centre(index))
            if 0 <= at.x() < canvas.width() and 0 <= at.y() < canvas.height():
                assert near(pixel(canvas, *cell_centre(index)), ZONE_FILLS[ZONES[index]])


def test_zoom_keeps_the_point_under_the_cursor(canvas):
    anchor = QPointF(300, 420)
    resolution = canvas.view.res
    before = canvas.to_lonlat(anchor)
    canvas.zoom(2.0, anchor)
    after = canvas.to_lonlat(anchor)
    assert abs(before.x() - after.x()) < 1e-9 and abs(before.y() - after.y()) < 1e-9
    assert canvas.view.res == pytest.approx(resolution / 2)


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


def test_click_reports_the_map_position_with_a_pixel_tolerance(canvas, state, qtbot):
    lon, lat = cell_centre(4)
    at = canvas.to_screen(lon, lat).toPoint()
    with qtbot.waitSignal(state.sig_map_clicked) as clicked:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=at)
    got_lon, got_lat, tolerance = clicked.args
    assert (got_lon, got_lat) == pytest.approx((lon, lat), abs=2e-5)
    assert 0 < tolerance < 0.001


def test_fly_to_shows_the_box(canvas, state):
    canvas.hide()
    box = (118.281, 33.951, 118.283, 33.952)
    state.fly_to(box)
    x0, y0, x1, y1 = canvas.view.bbox_lonlat
    assert x0 <= box[0] and y0 <= box[1] and x1 >= box[2] and y1 >= box[3]
    assert x1 - x0 < 0.01


def test_selected_grid_is_outlined(canvas, state):
    grids = layer(state, "单元网格")
    state.set_selection([("unit_grid", grids.keys[4])])
    edge = canvas.to_screen(CITY_ORIGIN[0] + 1.5 * CELL, CITY_ORIGIN[1] + 1.0 * CELL).toPoint()
    assert near(canvas.render_image().pixelColor(edge), SELECTION, tolerance=40)


def test_overlays_are_painted_with_the_view(canvas):
    seen = []

    class Probe:
        def paint(self, painter, view):
            seen.append(view)

    probe = Probe()
    canvas.add_overlay(probe)
    canvas.render_image()
    canvas.remove_overlay(probe)
    canvas.render_image()
    assert len(seen) == 1 and seen[0].width == 800


def test_vehicles_in_view_are_drawn_and_the_rest_culled(canvas, state):
    vehicles: VehicleLayer = layer(state, "车辆")
    inside = (CITY_ORIGIN[0] + CELL, CITY_ORIGIN[1] + CELL)
    vehicles.set_vehicles(
        [1, 2, 3],
        [0, 1, 2],
        ["苏N1", "苏N2", "苏N3"],
        [inside[0], inside[0] + 0.001, 120.0],
        [inside[1], inside[1], 30.0],
    )
    painter = next(p for p in canvas._live if p.layer is vehicles)
    canvas.render_image()
    assert painter.drawn == 2
    vehicles.update_positions([2], [121.0], [31.0], [0.0], [0.0], [0.0])
    canvas.render_image()
    assert painter.drawn == 1
    x, y = canvas.to_screen(*inside).toPoint().toTuple()
    image = canvas.render_image()
    assert any(
        image.pixelColor(x + dx, y + dy) != image.pixelColor(x + 30, y + 30)
        for dx in range(-3, 4)
        for dy in range(-3, 4)
    )


def test_alarms_pulse_only_while_there_are_alarms(canvas, state):
    alarms: AlarmLayer = layer(state, "告警")
    assert not canvas._pulse.isActive()
    alarms.add(1, *cell_centre(4), level=1)
    assert canvas._pulse.isActive()
    alarms.remove([1])
    assert not canvas._pulse.isActive()


def test_overview_map_boxes_the_view_and_recentres_on_click(qtbot, state):
    widget = MapCanvas(state, base_map="own")
    widget.resize(800, 800)
    qtbot.addWidget(widget)
    widget.show()
    widget.fit_to_city()
    widget.zoom(8.0, QPointF(400, 400))
    overview = widget.overview
    assert overview.geometry().right() < widget.width() and overview.isVisible()
    target = overview._frame.lonlat_to_screen(*cell_centre(0))
    qtbot.mouseClick(overview, Qt.MouseButton.LeftButton, pos=QPoint(int(target[0]), int(target[1])))
    centre = widget.to_lonlat(QPointF(400, 400))
    assert (centre.x(), centre.y()) == pytest.approx(cell_centre(0), abs=CELL / 5)
    assert np.isfinite(widget.view.res)


def test_a_layer_outside_its_scale_range_is_not_drawn(canvas, state):
    grids = layer(state, "单元网格")
    lon, lat = cell_centre(4)
    assert canvas.wait_until_complete(30)
    drawn = pixel(canvas, lon, lat)
    grids.scale_range = (0.0, 1.0)  # only closer than 1:1 — never at this zoom
    assert canvas.wait_until_complete(30)
    assert pixel(canvas, lon, lat) != drawn
    grids.scale_range = (0.0, 0.0)
    assert canvas.wait_until_complete(30)
    assert near(pixel(canvas, lon, lat), drawn.name())
