"""The durable event log: per-stream seqs, idempotent keys, reads, group commit."""

import asyncio
import threading

from desktop.feeds.event_log import EventLog, GroupCommitter


def test_append_assigns_monotonic_seq_per_stream(tmp_path):
    log = EventLog(tmp_path / "log.db")
    assert [log.append("alarms", {"n": i}) for i in range(3)] == [1, 2, 3]
    assert log.append("cases", {"n": 0}) == 1
    assert log.head("alarms") == 3 and log.head("cases") == 1
    assert [r.body["n"] for r in log.read_after("alarms", 1)] == [1, 2]
    assert [r.seq for r in log.recent("alarms", 2, upto=2)] == [1, 2]
    log.close()


def test_resent_key_keeps_its_seq_even_after_reopen(tmp_path):
    log = EventLog(tmp_path / "log.db")
    first = log.append_many([("alarms", {"a": 1}, "p:1"), ("alarms", {"a": 1}, "p:1"), ("alarms", {"a": 2}, "p:2")])
    assert [(r.seq, r.duplicate) for r in first] == [(1, False), (1, True), (2, False)]
    log.close()
    reopened = EventLog(tmp_path / "log.db")
    again = reopened.append_many([("alarms", {"a": 1}, "p:1"), ("alarms", {"a": 3}, "p:3")])
    assert [(r.seq, r.duplicate) for r in again] == [(1, True), (3, False)]
    reopened.close()


def test_two_handles_on_one_file_never_collide(tmp_path):
    """After a crash the old writer may still commit while the new gateway opens the file."""
    logs = [EventLog(tmp_path / "log.db"), EventLog(tmp_path / "log.db")]

    def write(log):
        for i in range(200):
            log.append("alarms", {"i": i})

    threads = [threading.Thread(target=write, args=(log,)) for log in logs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert [r.seq for r in logs[0].read_after("alarms", 0, 1000)] == list(range(1, 401))
    for log in logs:
        log.close()


def test_group_commit_batches_and_broadcasts_before_resolving(tmp_path):
    log = EventLog(tmp_path / "log.db")
    committed = []

    async def main():
        writer = GroupCommitter(log, committed.append)
        writer.start()
        futures = [writer.submit("alarms", {"i": i}, f"k{i % 50}") for i in range(100)]
        records = await asyncio.gather(*futures)
        await writer.stop()
        return records

    records = asyncio.run(main())
    assert [r.seq for r in records[:50]] == list(range(1, 51))
    assert all(r.duplicate for r in records[50:])
    assert [r.seq for batch in committed for r in batch] == list(range(1, 51))
    assert len(committed) < 100  # grouped into few transactions
    log.close()


def test_a_crash_stop_cancels_what_it_abandons_so_no_handler_waits_forever(tmp_path):
    log = EventLog(tmp_path / "log.db")

    async def main():
        writer = GroupCommitter(log, lambda records: None, linger_s=0.5)  # the first batch is still lingering
        writer.start()
        futures = [writer.submit("alarms", {"i": i}) for i in range(5)]
        await asyncio.sleep(0.05)
        await writer.stop(drain=False)
        return await asyncio.wait_for(asyncio.gather(*futures, return_exceptions=True), 2)

    outcomes = asyncio.run(main())
    assert all(isinstance(outcome, asyncio.CancelledError) for outcome in outcomes)
    log.close()
