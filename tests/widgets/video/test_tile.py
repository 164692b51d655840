"""A video tile on real streams: pixels arrive, states read in Chinese, hidden tiles stop decoding,
a dead stream recovers on its own, a wrong address never blocks the UI."""

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from desktop.video.cameras import CameraInfo
from tests.desktop.video.streams import http_ts_server, rtsp_available, rtsp_server

WAIT = 15_000  # ms: every wait is bounded


def camera(url: str | None, name: str = "测试摄像机") -> CameraInfo:
    return CameraInfo("CAM-T", name, 118.28, 33.95, 0.0, 60.0, 80.0, url, "测试街道", "城管执法局")


@pytest.fixture
def tile(gui_app, qtbot):
    from widgets.video.tile import VideoTile

    window = QWidget()
    qtbot.addWidget(window)
    window.resize(640, 360)
    tile = VideoTile(0, window)
    tile.resize(640, 360)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield tile
    finally:
        tile.set_camera(None)


def dominant(image) -> QColor:
    return QColor(image.pixel(image.width() // 2, image.height() // 2))


def test_a_playing_tile_paints_the_stream(tile, qtbot, clips):
    tile.set_camera(camera(clips["red"].as_uri()))
    qtbot.waitUntil(lambda: tile.state_text() == "播放中" and tile.current_image() is not None, timeout=WAIT)
    colour = dominant(tile.current_image())
    assert colour.red() > 220 and colour.green() < 40 and colour.blue() < 40
    painted = tile.grab().toImage()
    assert QColor(painted.pixel(320, 180)).red() > 220  # the frame is on screen, under the name bar
    assert tile.player.backend_name == "libvlc"


def test_hidden_tiles_stop_decoding_and_resume_when_shown(tile, qtbot, clips):
    tile.set_camera(camera(clips["blue"].as_uri()))
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)
    tile.hide()
    assert not tile.decoding and tile.current_image() is None
    tile.show()
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)


def test_a_minimised_window_stops_decoding(tile, qtbot, clips):
    tile.set_camera(camera(clips["blue"].as_uri()))
    qtbot.waitUntil(lambda: tile.decoding, timeout=WAIT)
    tile.window().showMinimized()
    qtbot.waitUntil(lambda: not tile.decoding, timeout=WAIT)
    tile.window().showNormal()
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)


def test_wrong_addresses_show_a_chinese_state_and_the_ui_stays_alive(tile, qtbot, tmp_path):
    tile.set_camera(camera((tmp_path / "none.mp4").as_uri()))
    qtbot.waitUntil(lambda: tile.state_text() == "地址无效", timeout=WAIT)
    tile.set_camera(camera("http://127.0.0.1:9/live.ts"))
    qtbot.waitUntil(lambda: tile.state_text() == "信号中断", timeout=WAIT)
    assert tile.detail_text().endswith("秒后重试")
    with qtbot.waitSignal(tile._timer.timeout, timeout=2_000):  # the event loop keeps turning
        pass
    tile.set_camera(camera(None))
    qtbot.waitUntil(lambda: tile.state_text() == "无视频源", timeout=WAIT)


def test_a_dead_stream_recovers_on_its_own(tile, qtbot, clips, servers):
    server = servers(http_ts_server(clips["red"]))
    tile.set_camera(camera(server.url))
    qtbot.waitUntil(lambda: tile.state_text() == "播放中", timeout=WAIT)
    server.kill()
    qtbot.waitUntil(lambda: tile.state_text() == "信号中断", timeout=WAIT)
    servers(http_ts_server(clips["blue"], port=server.port))
    qtbot.waitUntil(lambda: tile.state_text() == "播放中" and dominant(tile.current_image()).blue() > 200, timeout=WAIT)


@pytest.mark.skipif(
    not rtsp_available(),
    reason="no RTSP server: apt install gir1.2-gst-rtsp-server-1.0 python3-gi "
    "gstreamer1.0-plugins-good gstreamer1.0-plugins-bad",
)
def test_rtsp_plays_through_pyav_in_a_tile(tile, qtbot, clips, servers):
    server = servers(rtsp_server(clips["red"]))
    tile.set_camera(camera(server.url))
    qtbot.waitUntil(lambda: tile.state_text() == "播放中" and tile.current_image() is not None, timeout=WAIT)
    assert tile.player.backend_name == "PyAV" and dominant(tile.current_image()).red() > 220


def test_an_empty_tile_invites_a_drop(tile):
    assert tile.state_text() == "拖入摄像机" and not tile.decoding
