"""StreamPlayer on real local streams: libvlc for files, HTTP-TS and UDP, PyAV for RTSP; failures
become states; a dead stream comes back on its own."""

import threading

import pytest

from desktop.video.health import StreamState
from desktop.video.player import StreamPlayer
from desktop.video.sources import LIBVLC, PYAV
from tests.desktop.video.streams import http_ts_server, mean_bgr, rtsp_available, rtsp_server, udp_server, wait_until

RED, BLUE = (0, 0, 254), (254, 0, 0)  # BGR


class Recorder:
    """Collects frames from the decode threads."""

    def __init__(self):
        self.frames = 0
        self.last = None
        self._lock = threading.Lock()

    def __call__(self, frame):
        with self._lock:
            self.frames += 1
            self.last = frame


@pytest.fixture
def player():
    recorder = Recorder()
    stream = StreamPlayer(recorder, label="test")
    stream.recorder = recorder
    try:
        yield stream
    finally:
        stream.stop()


def play_until(player, state, timeout=15.0) -> bool:
    return wait_until(lambda: player.poll() is state, timeout)


def assert_colour(frame, bgr):
    mean = mean_bgr(frame.data, frame.width, frame.height, frame.stride)
    assert all(abs(a - b) < 30 for a, b in zip(mean, bgr)), mean


def test_a_file_plays_through_libvlc_and_its_pixels_arrive(player, clips):
    player.play(clips["red"].as_uri())
    assert play_until(player, StreamState.PLAYING)
    assert player.backend_name == LIBVLC
    assert wait_until(lambda: player.recorder.frames > 10, 10)
    assert (player.recorder.last.width, player.recorder.last.height) == (640, 360)
    assert_colour(player.recorder.last, RED)


def test_a_file_loops_past_its_end(player, clips):
    player.play(str(clips["blue"]))  # a plain path works too; the clip is 4 s long
    assert play_until(player, StreamState.PLAYING)
    assert wait_until(lambda: player.recorder.frames > 150, 15, pump=player.poll)
    assert player.poll() is StreamState.PLAYING
    assert_colour(player.recorder.last, BLUE)


def test_stop_ends_the_frames(player, clips):
    player.play(clips["pattern"].as_uri())
    assert play_until(player, StreamState.PLAYING)
    player.stop()
    assert player.state is StreamState.IDLE and not player.active
    count = player.recorder.frames
    assert not wait_until(lambda: player.recorder.frames > count, 1.0)


def test_http_ts_plays_through_libvlc(player, clips, servers):
    server = servers(http_ts_server(clips["blue"]))
    player.play(server.url)
    assert play_until(player, StreamState.PLAYING)
    assert player.backend_name == LIBVLC
    assert wait_until(lambda: player.recorder.frames > 5, 10)
    assert_colour(player.recorder.last, BLUE)


def test_udp_plays_through_libvlc(player, clips, servers):
    server = servers(udp_server(clips["red"]))
    player.play(server.url)
    assert play_until(player, StreamState.PLAYING)
    assert player.backend_name == LIBVLC
    assert wait_until(lambda: player.recorder.frames > 5, 10)
    assert_colour(player.recorder.last, RED)


@pytest.mark.skipif(
    not rtsp_available(),
    reason="no RTSP server: apt install gir1.2-gst-rtsp-server-1.0 python3-gi "
    "gstreamer1.0-plugins-good gstreamer1.0-plugins-bad",
)
def test_rtsp_plays_through_pyav(player, clips, servers):
    server = servers(rtsp_server(clips["red"]))
    player.play(server.url)
    assert play_until(player, StreamState.PLAYING)
    assert player.backend_name == PYAV
    assert wait_until(lambda: player.recorder.frames > 5, 10)
    assert_colour(player.recorder.last, RED)


def test_a_dead_stream_is_interrupted_and_recovers_when_it_returns(player, clips, servers):
    server = servers(http_ts_server(clips["red"]))
    player.play(server.url)
    assert play_until(player, StreamState.PLAYING)
    server.kill()
    assert play_until(player, StreamState.INTERRUPTED, 10)
    servers(http_ts_server(clips["blue"], port=server.port))
    assert play_until(player, StreamState.PLAYING, 10)
    assert wait_until(lambda: mean_bgr(*_frame_fields(player.recorder.last))[0] > 200, 10, pump=player.poll)


def _frame_fields(frame):
    return frame.data, frame.width, frame.height, frame.stride


def test_a_closed_port_is_an_interruption_retried_with_back_off(player):
    player.play("http://127.0.0.1:9/live.ts")
    assert play_until(player, StreamState.INTERRUPTED)
    assert player.backend_name == PYAV  # libvlc failed first, PyAV is the fallback
    assert player.health.retry_at is not None


def test_a_missing_file_or_bad_scheme_is_an_invalid_address(player, tmp_path):
    player.play((tmp_path / "none.mp4").as_uri())
    assert player.poll() is StreamState.INVALID
    player.play("gopher://camera/1")
    assert player.poll() is StreamState.INVALID
    player.play(None)
    assert player.poll() is StreamState.NO_SOURCE


def test_http_404_is_an_invalid_address_and_401_no_permission(player, status_server):
    player.play(f"{status_server}/missing.ts")
    assert play_until(player, StreamState.INVALID)
    player.play(f"{status_server}/secret.ts")
    assert play_until(player, StreamState.FORBIDDEN)


def test_without_libvlc_files_fall_back_to_pyav_and_without_both_the_player_is_missing(player, clips, monkeypatch):
    from desktop.video import pyav_backend, vlc_backend
    from desktop.video.frames import BackendUnavailable

    def missing():
        raise BackendUnavailable("not installed")

    monkeypatch.setattr(vlc_backend, "_instance", missing)
    player.play(clips["red"].as_uri())
    assert play_until(player, StreamState.PLAYING)
    assert player.backend_name == PYAV
    assert wait_until(lambda: player.recorder.frames > 5, 10)
    assert_colour(player.recorder.last, RED)
    monkeypatch.setattr(pyav_backend, "_av", missing)
    player.play(clips["red"].as_uri())
    assert player.poll() is StreamState.UNAVAILABLE
