"""Geodesic measurement against known lengths, the measuring session, bookmarks, the tool state."""

import math

import pytest

from layers.maptools.bookmarks import BookmarkStore
from layers.maptools.measure import MeasureSession, format_area, format_distance, path_length, polygon_area
from layers.maptools.tools import Tool, ToolState

A, E2 = 6_378_137.0, 0.00669438002290  # GRS80


def parallel_arc(lat: float, degrees: float = 1.0) -> float:
    """Length along a parallel (the geodesic between its ends is slightly shorter)."""
    phi = math.radians(lat)
    return math.radians(degrees) * A * math.cos(phi) / math.sqrt(1 - E2 * math.sin(phi) ** 2)


def test_one_degree_of_longitude_at_34_north():
    d = path_length([118.0, 119.0], [34.0, 34.0])
    assert parallel_arc(34.0) - 20 < d < parallel_arc(34.0)
    assert d == pytest.approx(92_380, abs=15)


def test_one_degree_of_latitude_near_34_north_and_polylines_add_up():
    assert path_length([118.0, 118.0], [33.5, 34.5]) == pytest.approx(110_922, abs=15)
    whole = path_length([118.0, 118.5, 119.0], [34.0, 34.0, 34.0])
    assert whole == pytest.approx(parallel_arc(34.0), abs=1.0)  # two half-degree geodesics hug the parallel


def test_area_of_a_small_box_either_orientation():
    lons, lats = [118.0, 118.01, 118.01, 118.0], [34.0, 34.0, 34.01, 34.01]
    expected = parallel_arc(34.005, 0.01) * 0.01 * 110_922
    assert polygon_area(lons, lats) == pytest.approx(expected, rel=2e-3)
    assert polygon_area(lons[::-1], lats[::-1]) == pytest.approx(polygon_area(lons, lats))
    assert polygon_area(lons[:2], lats[:2]) == 0.0


def test_chinese_units(gui_app):
    assert format_distance(850.04) == "850.0 米"
    assert format_distance(92_380) == "92.380 千米"
    assert format_area(5_000) == "5000.0 平方米"
    assert format_area(250_000) == "25.00 公顷"
    assert format_area(3_200_000) == "3.200 平方千米"


def test_session_counts_the_hover_point_until_finished(gui_app):
    session = MeasureSession()
    session.start(area=False)
    session.add_point(118.0, 34.0)
    session.set_hover(119.0, 34.0)
    assert session.total() == pytest.approx(path_length([118.0, 119.0], [34.0, 34.0]))
    assert session.total_text().startswith("总长 92.")
    session.finish()
    assert session.total() == 0.0 and session.finished
    session.add_point(118.0, 34.0)  # a click after finishing starts afresh
    assert session.points == [(118.0, 34.0)]
    session.start(area=True)
    for lon, lat in [(118.0, 34.0), (118.01, 34.0), (118.01, 34.01)]:
        session.add_point(lon, lat)
    session.set_hover(118.0, 34.01)
    assert (
        session.total_text().startswith("面积 ")
        and "平方千米" in session.total_text()
        and "周长" in session.total_text()
    )


def test_bookmarks_persist_in_the_data_directory(tmp_path):
    store = BookmarkStore()
    assert str(store.path).startswith(str(tmp_path / "cityops-home"))
    store.add("市政府", (118.1, 33.9, 118.2, 34.0))
    store.add("火车站", (118.3, 33.95, 118.35, 34.0))
    store.add("市政府", (118.0, 33.8, 118.2, 34.0))  # same name replaces
    again = BookmarkStore()
    assert [b.name for b in again] == ["火车站", "市政府"]
    assert again.get("市政府").bbox == (118.0, 33.8, 118.2, 34.0)
    again.remove("火车站")
    assert [b.name for b in BookmarkStore()] == ["市政府"]


def test_unreadable_bookmarks_file_starts_empty(tmp_path):
    path = tmp_path / "bm.json"
    path.write_text("{not json", encoding="utf-8")
    assert len(BookmarkStore(path)) == 0


def test_tool_state_defaults_to_identify_and_signals_changes(qtbot):
    tools = ToolState()
    assert tools.tool == Tool.IDENTIFY
    with qtbot.waitSignal(tools.sig_tool_changed) as blocker:
        tools.set_tool(Tool.MEASURE_AREA)
    assert blocker.args == [Tool.MEASURE_AREA]
