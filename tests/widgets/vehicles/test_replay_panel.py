"""The 轨迹回放 panel end to end on the fixture city, and the overlay's pixels on the rendered map."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTabBar

from desktop.storage.models import VehiclePosition
from layers.city_styles import VEHICLE_COLOURS
from tests.support.cities import CELL, CITY_ORIGIN
from widgets.vehicles.replay_panel import TrackReplayPanel

T0 = datetime(2024, 6, 1, 0, 0, tzinfo=UTC)  # 08:00 in 宿迁
WEST, EAST = CITY_ORIGIN[0] + 0.2 * CELL, CITY_ORIGIN[0] + 2.8 * CELL
LAT = CITY_ORIGIN[1] + 0.5 * CELL  # along the bottom row of grid cells, off the roads


def lon_at(minute: float) -> float:
    """East at a steady pace for 10 min, 6 min standing, 10 min on east."""
    share = min(minute, 10) / 20 + max(minute - 16, 0) / 20
    return WEST + (EAST - WEST) * share


@pytest.fixture
def small_city(small_city):
    """Seeded with a track before the shared ``state`` fixture opens it."""
    with small_city.session() as session, session.begin():
        session.add_all(
            VehiclePosition(
                vehicle_id=1,
                ts=T0 + timedelta(minutes=m),
                x=lon_at(m),
                y=LAT,
                heading=90.0,
                speed_kmh=0.0 if 10 <= m <= 16 else 12.0,
            )
            for m in range(27)
        )
    return small_city


@pytest.fixture
def panel(qtbot, state, canvas):
    widget = TrackReplayPanel(state, canvas)
    widget.resize(360, 700)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def test_selecting_the_vehicle_on_the_map_picks_it_with_the_two_hours_before_its_latest_fix(panel, state):
    assert panel.vehicle.currentIndex() == -1
    state.set_selection((("vehicle", 1),))
    assert panel.vehicle.currentText() == "苏N00001"
    end = T0 + timedelta(minutes=26)
    assert panel.end_edit.dateTime().toSecsSinceEpoch() == end.timestamp()
    assert panel.start_edit.dateTime().toSecsSinceEpoch() == (end - timedelta(hours=2)).timestamp()
    assert panel.end_edit.text() == "2024-06-01 08:26:00"


def test_query_seek_and_readouts(panel, state, qtbot):
    panel.select_vehicle("苏N00001")
    with qtbot.waitSignal(state.sig_fly_to) as flown:
        qtbot.mouseClick(panel.query_button, Qt.MouseButton.LeftButton)
    x0, y0, x1, y1 = flown.args[0]
    assert x0 < WEST and x1 > EAST and y0 < LAT < y1
    assert panel.message.text() == "" and panel.overlay in panel.canvas._overlays
    assert panel.readouts["max_speed"].text() == "12.0 km/h"
    assert panel.readouts["stops"].text() == "1 次"
    assert panel.stop_list.count() == 1 and panel.stop_list.item(0).text() == "1. 08:10–08:16，停留 6 分钟"
    panel.slider.setValue(5 * 60)
    assert panel.playback.time == (T0 + timedelta(minutes=5)).timestamp()
    assert panel.readouts["time"].text() == "2024-06-01 08:05:00"
    assert panel.readouts["speed"].text() == "12.0 km/h"
    distance = panel.playback.summary.distance_m / 1000
    assert panel.readouts["distance"].text() == f"{distance / 4:.2f} / {distance:.2f} 公里"
    with qtbot.waitSignal(state.sig_fly_to):
        panel.stop_list.itemClicked.emit(panel.stop_list.item(0))
    assert panel.playback.time == (T0 + timedelta(minutes=10)).timestamp() and panel.slider.value() == 600
    qtbot.mouseClick(panel.play_button, Qt.MouseButton.LeftButton)
    assert panel.playback.playing and panel.play_button.text() == "暂停"


def test_an_empty_range_says_so_in_chinese(panel):
    panel.select_vehicle("苏N00001")
    panel.set_range(T0 - timedelta(days=3), T0 - timedelta(days=2))
    panel.query()
    assert (
        panel.message.text() == "所选时段内没有该车的轨迹记录。该车有记录的时段：2024-06-01 08:00 至 2024-06-01 08:26。"
    )
    assert panel.playback.track is None and panel.overlay not in panel.canvas._overlays
    assert not panel.slider.isEnabled() and panel.readouts["speed"].text() == "—"


def test_closing_or_another_database_takes_the_track_off_the_map(panel, state, small_city):
    panel.select_vehicle("苏N00001")
    panel.query()
    panel.playback.play()
    panel.set_shown(False)
    assert panel.overlay not in panel.canvas._overlays and not panel.playback.playing
    panel.set_shown(True)
    assert panel.overlay in panel.canvas._overlays
    state.set_database(small_city)
    assert panel.overlay not in panel.canvas._overlays and panel.playback.track is None


def test_the_travelled_path_is_drawn_in_the_vehicle_colour(panel, canvas):
    panel.select_vehicle("苏N00001")
    panel.query()
    canvas.show_bbox((CITY_ORIGIN[0], CITY_ORIGIN[1], CITY_ORIGIN[0] + 3 * CELL, CITY_ORIGIN[1] + 3 * CELL))
    panel.playback.seek((T0 + timedelta(minutes=20)).timestamp())
    image = canvas.render_image()
    travelled = image.pixelColor(canvas.to_screen(lon_at(5), LAT).toPoint())
    ahead = image.pixelColor(canvas.to_screen(lon_at(25), LAT).toPoint())
    assert travelled.name() == VEHICLE_COLOURS[0]  # 环卫
    assert ahead.name() != VEHICLE_COLOURS[0]


def test_the_dock_opens_from_the_view_menu_and_closing_it_takes_the_track_off(qtbot, state, main_window):
    window = main_window
    dock, panel = window.docks["track_replay"], window.track_replay
    assert dock.isHidden() and dock.windowTitle() == "轨迹回放"
    dock.toggleViewAction().trigger()
    tabs = next(
        bar for bar in window.findChildren(QTabBar) if "轨迹回放" in [bar.tabText(i) for i in range(bar.count())]
    )
    qtbot.waitUntil(lambda: tabs.tabText(tabs.currentIndex()) == "轨迹回放")  # the tab beside 案件 comes to the front
    state.set_selection((("vehicle", 1),))
    panel.query()
    assert panel.overlay in window.canvas._overlays
    dock.close()
    assert panel.overlay not in window.canvas._overlays
