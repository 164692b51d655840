"""The feed's stores announce one change per committed batch, and nothing for what they did not write."""

import time
from datetime import UTC, datetime, timedelta

from desktop.feeds import alarm_store, position_store
from desktop.storage.changes import DELETE, INSERT, UPDATE, Change
from desktop.vehicles.tracks import prune_positions
from tests.support.changes import Heard
from tests.support.feed_events import alarm_event


def test_an_alarm_batch_is_one_change_and_a_replay_none(small_city):
    heard = Heard(small_city)
    events = [alarm_event(seq, row=seq % 3, col=seq % 2) for seq in range(1, 1201)]  # more than one SQL chunk
    rows = alarm_store.persist(small_city, events)
    (change,) = heard
    xs, ys = [r.x for r in rows], [r.y for r in rows]
    assert change == Change("alarm", tuple(r.id for r in rows), INSERT, (min(xs), min(ys), max(xs), max(ys)))
    assert alarm_store.persist(small_city, events) == [] and len(heard) == 1  # all stored already


def test_a_status_change_is_announced_only_when_made(small_city):
    (row,) = alarm_store.persist(small_city, [alarm_event(1)])
    heard = Heard(small_city)
    alarm_store.set_status(small_city, row.id, alarm_store.ACKED, "李娜")
    assert heard == [Change("alarm", (row.id,), UPDATE, (row.x, row.y, row.x, row.y))]
    alarm_store.set_status(small_city, row.id, alarm_store.ACKED, "李娜")  # 已确认 cannot be acknowledged again
    assert len(heard) == 1


def test_positions_are_one_change_per_batch_and_pruning_one_more(small_city):
    known = position_store.vehicle_ids(small_city)
    vehicle = min(known)
    heard = Heard(small_city)
    old = time.time() - 40 * 86_400
    fixes = [{"id": vehicle, "x": 118.2 + i / 100, "y": 33.9, "ts": old + i} for i in range(3)]
    assert position_store.persist(small_city, [*fixes, {"id": 999_999, "x": 0, "y": 0, "ts": old}], known) == 3
    assert heard == [Change("vehicle_position", (vehicle,), INSERT, (118.2, 33.9, 118.22, 33.9))]
    assert position_store.persist(small_city, [{"id": 999_999, "x": 0, "y": 0, "ts": old}], known) == 0
    assert prune_positions(small_city, 30, datetime.now(UTC)) == 2
    assert heard[1:] == [Change("vehicle_position", (), DELETE)]
    prune_positions(small_city, 30, datetime.now(UTC) + timedelta(seconds=1))  # nothing left to prune
    assert len(heard) == 2
