"""The replay model advances with the speed factor, clamps to the track and stops at its end."""

import numpy as np
import pytest

from desktop.vehicles.tracks import Track
from layers.vehicles.track_playback import TrackPlayback

T0 = 1_717_200_000.0


def track() -> Track:
    """Ten minutes northwards in two legs, a fix per minute (about 111 m per minute)."""
    ts = T0 + 60.0 * np.arange(11)
    return Track(7, ts, np.full(11, 118.28), 33.95 + 0.001 * np.arange(11), np.full(11, 6.7), np.zeros(11))


@pytest.fixture
def playback(qapp):
    model = TrackPlayback()
    model.set_track(track(), "渣土")
    return model


def test_a_new_track_starts_paused_at_its_start(playback):
    assert (playback.time, playback.playing, playback.index, playback.kind) == (T0, False, 1, "渣土")
    assert playback.summary.duration_s == 600 and playback.travelled_m() == 0.0


def test_advance_moves_by_real_seconds_times_the_speed(playback, qtbot):
    playback.set_speed(10)
    with qtbot.waitSignal(playback.sig_changed):
        playback.advance(9.0)
    assert playback.time == T0 + 90 and playback.index == 2
    assert playback.fix().y == pytest.approx(33.9515)
    assert playback.travelled_m() == pytest.approx(playback.summary.distance_m * 0.15)


def test_playing_stops_at_the_end_and_play_again_restarts(playback):
    playback.play()
    assert playback.playing
    playback.set_speed(300)
    playback.advance(5.0)
    assert playback.time == playback.track.end and not playback.playing
    assert playback.travelled_m() == pytest.approx(playback.summary.distance_m)
    playback.play()
    assert playback.time == T0 and playback.playing
    playback.toggle()
    assert not playback.playing


def test_seek_clamps_and_an_empty_track_shows_nothing(playback):
    playback.seek(T0 - 1000)
    assert playback.time == T0
    playback.seek(T0 + 1e6)
    assert playback.time == T0 + 600
    playback.set_track(Track(7, *(np.zeros(0) for _ in range(5))))
    assert playback.track is None and playback.fix() is None and playback.index == 0
    playback.play()
    assert not playback.playing


def test_the_timer_advances_time(playback, qtbot):
    playback.play()
    qtbot.waitUntil(lambda: playback.time > T0)
    playback.pause()
