"""The change bus: a broken listener is logged and the others still hear; unsubscribing is final."""

from desktop.storage.changes import Change, ChangeBus, batch_bbox


def test_a_broken_listener_is_logged_and_the_others_still_hear_the_change(caplog):
    bus, heard = ChangeBus(), []

    def broken(change):
        raise RuntimeError("坏的监听者")

    bus.subscribe(broken)
    unsubscribe = bus.subscribe(heard.append)
    change = Change.of("case", (7,), points=[(118.3, 33.9), (None, None)])
    bus.announce(change)
    assert heard == [change] and change.bbox == (118.3, 33.9, 118.3, 33.9)
    assert "变更通知处理失败" in caplog.text
    unsubscribe()
    bus.announce(Change("case"))
    assert heard == [change]


def test_a_batch_without_positions_has_no_box():
    assert batch_bbox([{"x": None, "y": 1.0}, {}]) is None
    assert batch_bbox([{"x": 1.0, "y": 2.0}, {"x": 3.0, "y": 0.5}]) == (1.0, 0.5, 3.0, 2.0)
