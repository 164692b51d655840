"""The wall: layouts, pages, maximise, 16 tiles playing at once, only visible tiles decode."""

import pytest

from desktop.video.cameras import CameraInfo
from desktop.video.layouts import LAYOUTS

WAIT = 20_000


def cameras(clips, n=16) -> list[CameraInfo]:
    names = list(clips)
    return [
        CameraInfo(
            f"CAM-{i:02d}",
            f"摄像机{i:02d}",
            118.28,
            33.95,
            0.0,
            60.0,
            80.0,
            clips[names[i % len(names)]].as_uri(),
            "测试街道",
            "",
        )
        for i in range(n)
    ]


@pytest.fixture
def wall(gui_app, qtbot):
    from widgets.video.wall import VideoWall

    wall = VideoWall()
    qtbot.addWidget(wall)
    wall.resize(1280, 720)
    wall.show()
    qtbot.waitExposed(wall)
    try:
        yield wall
    finally:
        wall.hide()


def fill(wall, cams):
    wall.set_cameras(cams)
    for index, camera in enumerate(cams):
        wall.slots[index] = camera
    wall.set_layout(wall.layout_name)


def test_layouts_show_their_tile_count_with_the_focus_tile_larger(wall, qtbot):
    for name, cells in LAYOUTS.items():
        wall.set_layout(name)
        assert len(wall.visible_tiles()) == len(cells)
    wall.set_layout("1+7")
    qtbot.waitUntil(lambda: wall.tiles[0].width() > 2.5 * wall.tiles[1].width(), timeout=2_000)


def test_sixteen_tiles_play_at_once_and_pixels_arrive(wall, qtbot, clips):
    wall.set_layout("16")
    fill(wall, cameras(clips))
    tiles = wall.tiles[:16]
    qtbot.waitUntil(
        lambda: all(t.state_text() == "播放中" and t.current_image() is not None for t in tiles), timeout=WAIT
    )
    assert {t.camera.code for t in tiles} == {f"CAM-{i:02d}" for i in range(16)}


def test_changing_layout_page_or_maximising_stops_tiles_that_cannot_be_seen(wall, qtbot, clips):
    wall.set_layout("16")
    fill(wall, cameras(clips))
    qtbot.waitUntil(lambda: all(t.decoding for t in wall.tiles), timeout=WAIT)
    wall.set_layout("4")
    assert [t.decoding for t in wall.tiles] == [True] * 4 + [False] * 12
    wall.set_page(1)
    assert [t.camera.code for t in wall.tiles[:4]] == ["CAM-04", "CAM-05", "CAM-06", "CAM-07"]
    assert wall.page_count == 16
    wall.toggle_maximised(wall.tiles[2])
    assert [t.decoding for t in wall.tiles[:4]] == [False, False, True, False]
    qtbot.waitUntil(lambda: wall.tiles[2].width() == wall.width(), timeout=2_000)
    wall.toggle_maximised(wall.tiles[2])
    assert [t.decoding for t in wall.tiles[:4]] == [True] * 4
    wall.hide()
    assert not any(t.decoding for t in wall.tiles)


def test_clicked_cameras_fill_the_wall_from_the_focused_tile(wall, clips):
    cams = cameras(clips, 3)
    wall.set_cameras(cams)
    wall.focus_tile(wall.tiles[1])
    wall.play_in_focused(cams[0])
    wall.play_in_focused(cams[1])
    assert [t.camera and t.camera.code for t in wall.tiles[:4]] == [None, "CAM-00", "CAM-01", None]
    assert wall.focused is wall.tiles[3]
