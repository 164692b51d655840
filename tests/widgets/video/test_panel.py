"""The 视频墙 dock: camera tree, click and drop onto tiles, alarm → video, detaching, screenshot."""

import shutil
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QLabel

from desktop.storage.models import Alarm, Camera, Meta
from tests.support.app import city_state
from tests.support.cities import CELL, CITY_ORIGIN

WAIT = 15_000


@pytest.fixture
def panel(gui_app, qtbot, small_city, clips):
    from widgets.video.panel import VideoPanel

    with small_city.session() as session, session.begin():
        session.get(Camera, 1).stream_url = clips["red"].as_uri()
        session.get(Camera, 2).stream_url = clips["pattern"].as_uri()
    panel = VideoPanel(city_state(small_city))
    qtbot.addWidget(panel)
    panel.resize(1280, 560)
    panel.show()
    qtbot.waitExposed(panel)
    try:
        yield panel
    finally:
        panel.hide()


def camera_index(panel, row=0):
    return panel.model.index(row, 0, panel.model.index(0, 0))


def test_tree_groups_cameras_and_a_click_plays_in_the_focused_tile(panel, qtbot):
    group = panel.model.index(0, 0)
    assert group.data() == "测试街道 (2)" or group.data().endswith("(2)")
    panel.wall.focus_tile(panel.wall.tiles[2])
    panel.tree.clicked.emit(camera_index(panel))
    tile = panel.wall.tiles[2]
    assert tile.camera.code == "CAM-1"
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)
    panel.group_combo.setCurrentIndex(1)
    assert panel.model.index(0, 0).data() == "未分组 (2)"


def test_a_camera_dragged_from_the_tree_plays_where_it_is_dropped(panel, qtbot):
    tile = panel.wall.tiles[3]
    data = panel.model.mimeData([camera_index(panel, 1)])
    drop = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    tile.dropEvent(drop)
    assert tile.camera.code == "CAM-2" and panel.wall.focused is tile
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)


def add_alarm(db, x, y):
    with db.session() as session, session.begin():
        session.add(Alarm(id=7, seq=7, source="iot", kind="井盖位移", x=x, y=y, ts=datetime.now(UTC)))


def test_a_selected_alarm_proposes_the_covering_cameras_and_auto_linkage_shows_them(panel, qtbot):
    x0, y0 = CITY_ORIGIN
    add_alarm(
        panel.state.database, x0 + 0.5 * CELL, y0 + 2.5 * CELL + 0.0003
    )  # ~33 m north of CAM-1, which looks north
    panel.state.set_selection((("alarm", 7),))
    assert [c.code for c in panel.proposed] == ["CAM-1"]
    assert panel.proposal_label.text() == "1 台摄像机覆盖事发位置：测试摄像机一"
    assert not any(tile.alarm for tile in panel.wall.tiles)  # no auto linkage: only proposed
    panel.auto_link.setChecked(True)
    panel.state.set_selection(())
    panel.state.set_selection((("alarm", 7),))
    tile = panel.wall.tiles[0]
    assert tile.camera.code == "CAM-1" and tile.alarm
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)
    panel.state.set_selection((("component", "x"),))
    assert not tile.alarm and panel.proposal_label.text() == ""


def test_an_empty_wall_starts_with_the_playable_cameras(panel):
    playable = [c.code for c in panel.cameras if c.stream_url][: panel.wall.per_page]
    assert playable and [t.camera.code for t in panel.wall.tiles[: len(playable)]] == playable


def test_a_camera_picked_on_the_map_plays_in_the_focused_tile(panel):
    panel.wall.focus_tile(panel.wall.tiles[2])
    panel.state.set_selection((("camera", 2),))
    assert panel.wall.tiles[2].camera.code == "CAM-2"
    assert panel.wall.focused is panel.wall.tiles[3]


def test_the_wall_detaches_into_its_own_window_and_docks_again(panel, qtbot):
    panel.toggle_detached()
    assert panel.detached is not None and panel.wall.window() is panel.detached
    assert panel.detached.windowTitle() == "视频墙" and panel.detach_button.text() == "停靠回主窗口"
    panel.detached.close()
    assert panel.detached is None and panel.wall.window() is panel.window()
    assert panel.detach_button.text() == "分离窗口"


def test_screenshot_of_four_playing_tiles_reads_in_chinese(panel, qtbot, tmp_path):
    cams = list(panel.wall.cameras.values())
    for tile, camera in zip(panel.wall.tiles, cams * 2):
        panel.wall.assign(tile, camera)
    qtbot.waitUntil(
        lambda: all(t.state_text() == "播放中" and t.current_image() is not None for t in panel.wall.tiles[:4]),
        timeout=WAIT,
    )
    qtbot.wait(300)
    image = panel.grab()
    assert image.save(str(tmp_path / "video_dock.png"))
    texts = [w.text() for w in panel.findChildren(QLabel) if w.isVisible() and w.text()]
    assert texts == ["第 1/16 页"]
    assert image.toImage().pixelColor(QPoint(image.width() - 5, image.height() - 5)).isValid()


@pytest.mark.skipif(shutil.which("ffmpeg") is None, reason="ffmpeg not installed (apt install ffmpeg)")
def test_first_open_of_the_demo_city_gives_its_cameras_playable_clips(gui_app, qtbot, small_city):
    from widgets.video.panel import VideoPanel

    with small_city.session() as session, session.begin():
        session.add(Meta(key="generator", value="demo-city"))
    panel = VideoPanel(city_state(small_city))
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: all(c.stream_url for c in panel.cameras), timeout=60_000)  # clips made on a thread
    panel.tree.clicked.emit(camera_index(panel))
    qtbot.waitUntil(lambda: panel.wall.tiles[0].state_text() == "播放中", timeout=WAIT)
    panel.hide()
