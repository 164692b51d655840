"""FeedClient: own thread, back-off reconnect, persisted-seq hello, duplicate drop, states."""

import asyncio
import threading

from desktop.feeds.client import CONNECTED, OFFLINE, RECONNECTING, FeedClient
from tests.support.feed_events import CLIENT_TOKEN, AlarmRecorder, make_alarm, new_gateway, wait_for


def test_hello_resumes_from_the_committed_seq_not_the_delivered_one(tmp_path):
    """The caller persists only via commit(); a new client resumes after the last commit."""
    delivered = []

    def unpersisted(kind, items):
        delivered.extend(i["seq"] for i in items if kind == "alarm")
        return None  # not persisted yet

    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        for i in range(10):
            await gateway.ingest_alarm(make_alarm(i), msg_id=f"m{i}")
        first = FeedClient(gateway.url, CLIENT_TOKEN, "seat", unpersisted, last_seq={"alarms": 0})
        first.start()
        await wait_for(lambda: len(delivered) == 10, 5)
        first.commit("alarms", 4)
        first.disconnect()  # reconnects with hello last_seq 4: replays 5..10, all dropped as duplicates
        await wait_for(lambda: first.duplicates == 6, 5)
        committed = first.committed
        first.stop()
        recorder = AlarmRecorder()
        second = FeedClient(gateway.url, CLIENT_TOKEN, "seat", recorder, last_seq=committed)
        second.start()
        await wait_for(lambda: len(recorder.seqs) == 6, 5)
        second.stop()
        await gateway.stop()
        return committed, recorder.seqs, first.duplicates

    committed, seqs, duplicates = asyncio.run(main())
    assert delivered == list(range(1, 11)) and duplicates == 6
    assert committed["alarms"] == 4
    assert seqs == list(range(5, 11))


def test_states_and_backoff_until_the_gateway_appears(tmp_path):
    states = []
    callback_threads = set()

    def on_state(state, since):
        states.append(state)
        callback_threads.add(threading.current_thread().name)

    async def main():
        gateway = new_gateway(tmp_path / "log.db")
        await gateway.start()
        port = gateway.port
        await gateway.stop()  # nobody listens: the client retries with back-off
        client = FeedClient(
            f"ws://127.0.0.1:{port}", CLIENT_TOKEN, "seat", lambda k, i: True, on_state=on_state, backoff=(0.05, 0.2)
        )
        client.start()
        await wait_for(lambda: RECONNECTING in states, 5)
        gateway = new_gateway(tmp_path / "log.db", port)
        await gateway.start()
        await wait_for(lambda: client.state == CONNECTED, 5)
        client.stop()
        await gateway.stop()
        return client

    client = asyncio.run(main())
    assert states == [RECONNECTING, CONNECTED, OFFLINE]
    assert client.state == OFFLINE
    assert callback_threads == {"feed-client-seat"}


def test_a_client_ahead_of_a_new_log_resets_instead_of_dropping_everything(tmp_path):
    async def main():
        gateway = new_gateway(tmp_path / "fresh-log.db")
        await gateway.start()
        recorder = AlarmRecorder()
        client = FeedClient(gateway.url, CLIENT_TOKEN, "seat", recorder, last_seq={"alarms": 500})
        client.start()
        await wait_for(lambda: client.state == CONNECTED, 5)
        await gateway.ingest_alarm(make_alarm(0), msg_id="m0")
        await wait_for(lambda: recorder.seqs, 5)
        client.stop()
        await gateway.stop()
        return recorder

    assert asyncio.run(main()).seqs == [1]
