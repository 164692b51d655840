"""The stream health state machine: back-off, slow retries, silence."""

from desktop.video.health import Health, StreamState


def test_interruptions_back_off_up_to_a_cap_and_playing_resets_it():
    health = Health()
    delays = []
    for now in (0.0, 10.0, 20.0, 30.0, 40.0, 50.0):
        health.connecting(now)
        health.failed(StreamState.INTERRUPTED, "refused", now)
        delays.append(health.retry_at - now)
    assert delays == [0.5, 1.0, 2.0, 3.0, 3.0, 3.0]
    health.connecting(60.0)
    health.frame(61.0)
    assert health.state is StreamState.PLAYING and health.failures == 0
    health.failed(StreamState.INTERRUPTED, "eof", 62.0)
    assert health.retry_at == 62.5 and not health.retry_due(62.4) and health.retry_due(62.5)


def test_states_a_person_must_fix_retry_slowly():
    health = Health()
    health.failed(StreamState.FORBIDDEN, "401", 0.0)
    assert health.retry_at == health.slow_retry


def test_silence_while_playing_or_connecting_counts_as_failure():
    health = Health(stall_after=3.0, connect_timeout=8.0)
    health.connecting(0.0)
    assert health.silence(7.9) is None and health.silence(8.1) == "connect timeout"
    health.frame(1.0)
    assert health.silence(3.9) is None and health.silence(4.1) == "no frames"
    health.stopped()
    assert health.state is StreamState.IDLE and health.silence(100.0) is None
