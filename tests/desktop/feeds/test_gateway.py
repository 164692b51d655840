"""The gateway on a real socket: exactly-once delivery across crashes and drops, snapshot, coalescing, auth, fuzz."""

import asyncio
import json
import random

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from desktop.feeds import protocol
from desktop.feeds.client import FeedClient, FeedPublisher
from tests.support.feed_events import CLIENT_TOKEN, PRODUCER_TOKEN, AlarmRecorder, make_alarm, new_gateway, wait_for


def _assert_exactly_once(recorder: AlarmRecorder, n: int) -> None:
    assert recorder.seqs == list(range(1, n + 1))
    assert set(recorder.by_msg) == {f"m{i}" for i in range(n)}
    assert max(recorder.by_msg.values()) == 1


async def _stream(publisher: FeedPublisher, n: int, during, chunk: int = 50) -> None:
    """Publish ``n`` alarms in chunks, calling ``await during(i)`` between chunks."""
    for i in range(n):
        publisher.publish(make_alarm(i), msg_id=f"m{i}")
        if i % chunk == chunk - 1:
            await during(i)


def test_gateway_crashes_lose_and_duplicate_nothing(tmp_path):
    n, crashes = 1200, 5

    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat-1", recorder, last_seq={"alarms": 0})
        client.start()
        publisher = FeedPublisher(gateway.url, PRODUCER_TOKEN, "p1")
        await publisher.start()
        crash_points = {n * (k + 1) // (crashes + 1) // 50 * 50 - 1 for k in range(crashes)}

        async def during(i):
            nonlocal gateway
            await asyncio.sleep(0.005)
            if i in crash_points:
                await gateway.stop(graceful=False)
                await asyncio.sleep(0.05)
                gateway = new_gateway(tmp_path / "log.db", gateway.port)
                await gateway.start()

        try:
            await _stream(publisher, n, during)
            assert await wait_for(lambda: publisher.pending == 0 and len(recorder.seqs) >= n, 15)
            await asyncio.sleep(0.2)  # nothing late may arrive twice
        finally:
            client.stop()
            await publisher.close()
            await gateway.stop()
        return recorder, publisher

    recorder, publisher = asyncio.run(main())
    _assert_exactly_once(recorder, n)
    assert publisher.resent > 0  # the crashes did interrupt unacked publishes


def test_dropped_client_connections_lose_and_duplicate_nothing(tmp_path):
    n = 1500

    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat-1", recorder, last_seq={"alarms": 0})
        client.start()
        publisher = FeedPublisher(gateway.url, PRODUCER_TOKEN, "p1")
        await publisher.start()
        rng = random.Random(3)

        async def during(i):
            await asyncio.sleep(0.002)
            if rng.random() < 0.3:
                client.disconnect()  # client side
            if rng.random() < 0.3:
                for seat in list(gateway._seats):  # server side
                    seat.ws.transport.abort()

        try:
            await _stream(publisher, n, during)
            assert await wait_for(lambda: len(recorder.seqs) >= n, 15)
            await asyncio.sleep(0.2)
        finally:
            client.stop()
            await publisher.close()
            await gateway.stop()
        return recorder, client

    recorder, _client = asyncio.run(main())
    _assert_exactly_once(recorder, n)


def test_snapshot_on_connect_then_live(tmp_path):
    async def main():
        gateway = new_gateway(tmp_path / "log.db", snapshot_alarms=3)
        await gateway.start()
        await gateway.ingest_position(1, 118.28, 33.95, 12.0, 90.0, 1.0, plate="苏N·00001")
        await gateway.ingest_position(2, 118.29, 33.96, 0.0, 0.0, 1.0)
        for i in range(5):
            await gateway.ingest_alarm(make_alarm(i), msg_id=f"m{i}")
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat-new", recorder)  # no last seq: live from now
        client.start()
        try:
            assert await wait_for(lambda: recorder.snapshots, 5)
            await gateway.ingest_alarm(make_alarm(5), msg_id="m5")
            assert await wait_for(lambda: recorder.seqs, 5)
        finally:
            client.stop()
            await gateway.stop()
        return recorder, client

    recorder, client = asyncio.run(main())
    snapshot = recorder.snapshots[0]
    assert {v["id"] for v in snapshot["vehicles"]} == {1, 2}
    assert snapshot["vehicles"][0]["plate"] == "苏N·00001"
    assert [a["seq"] for a in snapshot["alarms"]] == [3, 4, 5]
    assert recorder.seqs == [6]
    assert client.committed["alarms"] == 6


def test_positions_are_coalesced_per_vehicle(tmp_path):
    async def main():
        gateway = new_gateway(tmp_path / "log.db", position_flush_s=0.2)
        await gateway.start()
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat-1", recorder)
        client.start()
        try:
            assert await wait_for(lambda: client.state == "已连接", 5)
            for step in range(100):
                await gateway.ingest_positions(
                    [
                        {
                            "id": v,
                            "x": 118.28 + step * 1e-5,
                            "y": 33.95,
                            "speed": 30.0,
                            "heading": 90.0,
                            "ts": float(step),
                        }
                        for v in (1, 2)
                    ]
                )
                await asyncio.sleep(0.004)
            assert await wait_for(lambda: any(p["ts"] == 99.0 for p in recorder.positions), 5)
        finally:
            client.stop()
            await gateway.stop()
        return recorder, gateway

    recorder, gateway = asyncio.run(main())
    assert gateway.stats["positions_in"] == 200
    assert len(recorder.positions) < 40  # ~0.4 s of fixes in 0.2 s flushes, not 200
    latest = {p["id"]: p["ts"] for p in recorder.positions}
    assert latest == {1: 99.0, 2: 99.0}


async def _exchange(url: str, message: dict) -> list[dict]:
    """Send one message on a raw connection; the replies until the gateway closes (or 1 s passes)."""
    replies = []
    async with connect(url) as ws:
        await ws.send(json.dumps(message))
        try:
            while True:
                replies.append(json.loads(await asyncio.wait_for(ws.recv(), 1.0)))
        except (TimeoutError, ConnectionClosed):
            return replies


def test_bad_tokens_are_refused_and_counted(tmp_path):
    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        try:
            seat = await _exchange(gateway.url + "/feed", protocol.hello("wrong", "intruder", {}))
            producer = await _exchange(
                gateway.url + "/produce", protocol.publish(CLIENT_TOKEN, "p", "m1", make_alarm(1))
            )
            return seat, producer, dict(gateway.stats)
        finally:
            await gateway.stop()

    seat, producer, stats = asyncio.run(main())
    assert [m["code"] for m in seat] == ["unauthorized"]
    assert [(m["code"], m.get("ref")) for m in producer] == [("unauthorized", "m1")]
    assert stats["unauthenticated"] == 2 and stats.get("published", 0) == 0 and stats["clients"] == 0


def test_fuzzed_input_is_rejected_counted_and_harmless(tmp_path):
    rng = random.Random(7)
    valid = protocol.publish(PRODUCER_TOKEN, "fuzz", "ok", make_alarm(0))

    def garbage(i: int) -> str:
        pick = i % 6
        if pick == 0:
            return protocol.encode(valid)[: rng.randrange(1, 80)]  # truncated JSON
        if pick == 1:
            return json.dumps([1, 2, 3])
        if pick == 2:
            return json.dumps({**valid, "alarm": {**valid["alarm"], "kind": f"未知{i}"}})
        if pick == 3:
            return json.dumps({**valid, "alarm": {**valid["alarm"], "x": rng.choice(["a", None, [], True])}})
        if pick == 4:
            return json.dumps({**valid, "v": rng.choice([0, 2, "1", None])})
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64))).decode("latin-1")

    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat-1", recorder, last_seq={"alarms": 0})
        client.start()
        publisher = FeedPublisher(gateway.url, PRODUCER_TOKEN, "good")
        await publisher.start()
        errors = 0
        try:
            async with connect(gateway.url + "/produce", max_size=None) as ws:
                for i in range(3000):
                    await ws.send(garbage(i))
                    if i % 100 == 0:
                        publisher.publish(make_alarm(i // 100), msg_id=f"m{i // 100}")
                for _ in range(3000):
                    errors += json.loads(await asyncio.wait_for(ws.recv(), 5))["type"] == "error"
            for _ in range(3):  # oversize frames: the connection is closed with 1009
                async with connect(gateway.url + "/produce", max_size=None) as ws:
                    await ws.send("x" * (protocol.MAX_FRAME + 10))
                    await ws.wait_closed()
                    assert ws.close_code == 1009
            assert await wait_for(lambda: len(recorder.seqs) >= 30 and gateway.stats["malformed"] >= 3003, 5)
            return errors, dict(gateway.stats), recorder
        finally:
            client.stop()
            await publisher.close()
            await gateway.stop()

    errors, stats, recorder = asyncio.run(main())
    assert errors == 3000
    assert stats["malformed"] == 3003 and stats["error_too_large"] == 3
    assert stats["published"] == 30
    _assert_exactly_once(recorder, 30)
