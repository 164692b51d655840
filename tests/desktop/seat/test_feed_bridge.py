"""FeedBridge against a real gateway and producer on 127.0.0.1, persisting into a real SQLite city DB."""

import time
from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select, update

from desktop.cases.nearest import recommend
from desktop.feeds import alarm_store, position_store
from desktop.feeds.client import CONNECTED, FeedPublisher
from desktop.seat.feed_bridge import FeedBridge
from desktop.storage.models import Alarm, Department, Vehicle, VehiclePosition
from layers.alarms.alarm_model import AlarmModel
from tests.support.feed_events import CLIENT_TOKEN, PRODUCER_TOKEN, LoopThread, alarm_event, make_alarm, new_gateway

TOTAL = 300


class Rig:
    """Gateway + producer in a loop thread; the bridge and the model in the GUI thread."""

    def __init__(self, tmp_path, db):
        self.log_path, self.db = tmp_path / "feed-log.db", db
        self.loop = LoopThread()
        self.gateway = new_gateway(self.log_path)
        self.loop.run(self.gateway.start())
        self.publisher = FeedPublisher(self.gateway.url, PRODUCER_TOKEN, "test-producer")
        self.loop.run(self.publisher.start())
        self.model = AlarmModel()
        self.bridge = self.new_bridge()

    def new_bridge(self) -> FeedBridge:
        bridge = FeedBridge(self.db, self.gateway.url, CLIENT_TOKEN, "test-seat")
        bridge.sig_alarms.connect(self.model.add)
        bridge.start()
        return bridge

    def publish(self, first: int, last: int) -> None:
        async def send():
            for n in range(first, last):
                self.publisher.publish(make_alarm(n), msg_id=f"m{n}")

        self.loop.run(send())

    def crash_and_restart_gateway(self) -> None:
        port = self.gateway.port
        self.loop.run(self.gateway.stop(graceful=False))
        self.gateway = new_gateway(self.log_path, port)
        self.loop.run(self.gateway.start())

    def stored_numbers(self) -> list[int]:
        with self.db.session() as session:
            return [p["n"] for p in session.scalars(select(Alarm.payload).order_by(Alarm.seq))]

    def close(self) -> None:
        self.bridge.stop()
        self.loop.run(self.publisher.close())
        self.loop.run(self.gateway.stop())
        self.loop.close()


@pytest.fixture
def rig(qtbot, tmp_path, small_city):
    rig = Rig(tmp_path, small_city)
    qtbot.waitUntil(lambda: rig.bridge.state == CONNECTED, timeout=10_000)
    yield rig
    rig.close()


def _assert_exactly_once(qtbot, rig, total=TOTAL):
    qtbot.waitUntil(lambda: len(rig.model) >= total, timeout=30_000)
    assert sorted(rig.stored_numbers()) == list(range(total))
    assert sorted(r.payload["n"] for r in rig.model.rows()) == list(range(total))
    qtbot.waitUntil(lambda: rig.bridge.client.committed["alarms"] == total, timeout=5_000)  # confirmed after emit
    assert alarm_store.last_seq(rig.db) == total


def test_every_alarm_is_persisted_and_modelled_once(qtbot, rig):
    rig.publish(0, TOTAL)
    _assert_exactly_once(qtbot, rig)


def test_gateway_crash_mid_stream_loses_and_repeats_nothing(qtbot, rig):
    rig.publish(0, TOTAL // 2)
    rig.crash_and_restart_gateway()
    rig.publish(TOTAL // 2, TOTAL)
    _assert_exactly_once(qtbot, rig)


def test_dropped_connection_mid_burst_loses_and_repeats_nothing(qtbot, rig):
    rig.publish(0, TOTAL // 2)
    rig.bridge.client.disconnect()
    rig.publish(TOTAL // 2, TOTAL)
    qtbot.waitUntil(lambda: rig.bridge.state == CONNECTED, timeout=10_000)
    _assert_exactly_once(qtbot, rig)


def test_a_restarted_seat_resumes_after_the_last_persisted_alarm(qtbot, rig):
    rig.publish(0, 100)
    qtbot.waitUntil(lambda: len(rig.model) >= 100, timeout=20_000)
    rig.bridge.stop()
    rig.publish(100, 150)  # while the seat is away
    rig.model = AlarmModel()
    rig.bridge = rig.new_bridge()
    qtbot.waitUntil(lambda: len(rig.model) >= 50, timeout=20_000)
    assert sorted(r.payload["n"] for r in rig.model.rows()) == list(range(100, 150))
    assert sorted(rig.stored_numbers()) == list(range(150))


def test_positions_are_coalesced_for_the_gui(qtbot, rig):
    received = []
    rig.bridge.sig_positions.connect(received.append)
    for ts in (1.0, 2.0):
        rig.loop.run(rig.gateway.ingest_position(7, 118.28, 33.95 + ts * 1e-4, 30.0, 90.0, ts))
    qtbot.waitUntil(lambda: any(p["id"] == 7 and p["ts"] == 2.0 for batch in received for p in batch), timeout=5_000)


def test_persist_is_idempotent_and_skips_malformed_events(small_city):
    events = [alarm_event(1), alarm_event(2)]
    assert [r.seq for r in alarm_store.persist(small_city, events + [{"seq": 3, "alarm": {}}])] == [1, 2]
    assert alarm_store.persist(small_city, events) == []
    with small_city.session() as session:
        assert session.scalar(select(func.count()).select_from(Alarm)) == 2


def test_a_failed_write_is_not_confirmed(small_city, monkeypatch):
    bridge = FeedBridge(small_city, "ws://127.0.0.1:9", CLIENT_TOKEN, "seat")
    bridge.client = type("Client", (), {"disconnect": lambda self: None})()
    monkeypatch.setattr(alarm_store, "persist", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    assert bridge._on_batch("alarm", [alarm_event(1)]) is False


def test_gateway_unreachable_never_blocks(qtbot, small_city):
    bridge = FeedBridge(small_city, "ws://127.0.0.1:9", CLIENT_TOKEN, "seat")
    states = []
    bridge.sig_state.connect(lambda state, since: states.append(state))
    bridge.start()
    qtbot.waitUntil(lambda: "重连中" in states, timeout=10_000)
    bridge.stop()


def _stored_positions(db) -> list[tuple[int, float]]:
    with db.session() as session:
        return session.execute(select(VehiclePosition.vehicle_id, VehiclePosition.y).order_by(VehiclePosition.id)).all()


def test_live_positions_are_stored_at_a_low_rate(qtbot, rig):
    now = time.time()
    rig.loop.run(rig.gateway.ingest_position(1, 118.28, 33.951, 30.0, 90.0, now))
    rig.loop.run(rig.gateway.ingest_position(999, 118.28, 33.951, 30.0, 90.0, now))  # not in this city
    qtbot.waitUntil(lambda: _stored_positions(rig.db) == [(1, 33.951)], timeout=5_000)
    received = []
    rig.bridge.sig_positions.connect(received.append)
    rig.loop.run(rig.gateway.ingest_position(1, 118.28, 33.952, 30.0, 90.0, now + 1))
    qtbot.waitUntil(lambda: any(p["y"] == 33.952 for batch in received for p in batch), timeout=5_000)
    assert _stored_positions(rig.db) == [(1, 33.951)]  # the next round is 30 s later


def test_stored_positions_place_vehicles_for_nearest_units(small_city):
    with small_city.session() as session, session.begin():
        session.add(Department(id=1, code="HW", name="环卫处", kind="环卫"))
        session.flush()
        session.execute(update(Vehicle).values(department_id=1, depot_x=118.0, depot_y=33.0))
    known = position_store.vehicle_ids(small_city)
    fixes = [
        {"id": 1, "x": 118.281, "y": 33.951, "speed": 20.0, "heading": 0.0, "ts": time.time()},
        {"id": 1, "x": "bad"},
        {"id": 42, "x": 118.0, "y": 33.0, "ts": time.time()},
    ]
    assert position_store.persist(small_city, fixes, known) == 1
    with small_city.session() as session:
        [best] = recommend(session, 1, 118.282, 33.951, datetime.now(UTC), limit=1)
    assert (best.located_by, best.distance_m < 200) == ("实时定位", True)
