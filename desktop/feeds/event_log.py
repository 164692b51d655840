"""Durable event log of the gateway: its own SQLite file (WAL), one sequence per stream.

Sequence numbers are assigned inside the write transaction (``max(seq) + 1``), so two
processes sharing the file after a crash cannot collide. A producer's ``msg_id`` is the
idempotency key: re-sending it returns the original sequence number instead of a new event.
:class:`GroupCommitter` batches appends from many coroutines into few transactions and
resolves each caller only after its batch is committed.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.feeds.protocol import dumps, loads

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS event (
    stream TEXT NOT NULL,
    seq INTEGER NOT NULL,
    msg_key TEXT,
    ts REAL NOT NULL,
    body TEXT NOT NULL,
    PRIMARY KEY (stream, seq)
) WITHOUT ROWID;
CREATE UNIQUE INDEX IF NOT EXISTS ix_event_msg_key ON event (msg_key) WHERE msg_key IS NOT NULL;
"""


@dataclass(frozen=True)
class Record:
    stream: str
    seq: int
    body: dict | None  # None when read with ``decode=False``
    duplicate: bool = False
    text: str | None = field(default=None, compare=False, repr=False)  # the body as stored (JSON)


class EventLog:
    """Thread-safe append/read access to one log file."""

    def __init__(self, path: str | Path, synchronous: str = "FULL"):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self._conn = sqlite3.connect(str(path), check_same_thread=False, isolation_level=None)
        self._conn.execute("PRAGMA journal_mode=WAL")
        self._conn.execute(f"PRAGMA synchronous={synchronous}")
        self._conn.execute("PRAGMA busy_timeout=10000")
        self._conn.executescript(_SCHEMA)
        self._lock = threading.Lock()

    def append(self, stream: str, body: dict, key: str | None = None) -> int:
        return self.append_many([(stream, body, key)])[0].seq

    def append_many(self, items: list[tuple[str, dict, str | None]]) -> list[Record]:
        """Append ``(stream, body, key)`` items in one transaction; duplicates keep their old seq."""
        with self._lock:
            cur = self._conn.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                records = self._append_in_transaction(cur, items)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        return records

    def _append_in_transaction(self, cur: sqlite3.Cursor, items) -> list[Record]:
        known = self._known_keys(cur, list({key for _, _, key in items if key}))
        heads: dict[str, int] = {}
        records, rows, now = [], [], time.time()
        for stream, body, key in items:
            old = known.get(key) if key else None
            if old is not None:
                records.append(Record(old.stream, old.seq, old.body, duplicate=True, text=old.text))
                continue
            if stream not in heads:
                heads[stream] = cur.execute(
                    "SELECT coalesce(max(seq), 0) FROM event WHERE stream = ?", (stream,)
                ).fetchone()[0]
            heads[stream] += 1
            text = dumps(body)
            record = Record(stream, heads[stream], body, text=text)
            rows.append((stream, record.seq, key, now, text))
            if key:
                known[key] = record
            records.append(record)
        cur.executemany("INSERT INTO event (stream, seq, msg_key, ts, body) VALUES (?, ?, ?, ?, ?)", rows)
        return records

    @staticmethod
    def _known_keys(cur: sqlite3.Cursor, keys: list[str], chunk: int = 500) -> dict[str, Record]:
        """Already logged ``msg_key`` → its record, looked up in a few queries for a whole batch."""
        known: dict[str, Record] = {}
        for i in range(0, len(keys), chunk):
            part = keys[i : i + chunk]
            for key, stream, seq, body in cur.execute(
                f"SELECT msg_key, stream, seq, body FROM event WHERE msg_key IN ({','.join('?' * len(part))})", part
            ):
                known[key] = Record(stream, seq, loads(body), text=body)
        return known

    def read_after(self, stream: str, seq: int, limit: int = 500, decode: bool = True) -> list[Record]:
        """Events after ``seq``; ``decode=False`` leaves ``body`` None (``text`` is always set)."""
        return self._read(
            "SELECT seq, body FROM event WHERE stream = ? AND seq > ? ORDER BY seq LIMIT ?",
            stream,
            (stream, seq, limit),
            decode,
        )

    def recent(self, stream: str, limit: int, upto: int) -> list[Record]:
        """The last ``limit`` events with ``seq <= upto``, oldest first."""
        rows = self._read(
            "SELECT seq, body FROM event WHERE stream = ? AND seq <= ? ORDER BY seq DESC LIMIT ?",
            stream,
            (stream, upto, limit),
        )
        return rows[::-1]

    def head(self, stream: str) -> int:
        with self._lock:
            row = self._conn.execute("SELECT coalesce(max(seq), 0) FROM event WHERE stream = ?", (stream,))
            return row.fetchone()[0]

    def _read(self, sql: str, stream: str, params: tuple, decode: bool = True) -> list[Record]:
        with self._lock:
            rows = self._conn.execute(sql, params).fetchall()
        return [Record(stream, seq, loads(body) if decode else None, text=body) for seq, body in rows]

    def close(self) -> None:
        with self._lock:
            self._conn.close()


class GroupCommitter:
    """Batches appends: every queued item (up to ``max_batch``) is committed in one transaction.

    ``on_commit(records)`` runs in the event loop, in sequence order, before any caller is
    resolved — so a broadcast never precedes durability and never lags an ack.
    """

    def __init__(
        self,
        event_log: EventLog,
        on_commit: Callable[[list[Record]], None],
        max_batch: int = 1000,
        linger_s: float = 0.002,
    ):
        self._log, self._on_commit = event_log, on_commit
        self._max_batch, self._linger = max_batch, linger_s
        self._queue: asyncio.Queue = asyncio.Queue()
        self._task: asyncio.Task | None = None

    def start(self) -> None:
        self._task = asyncio.create_task(self._run(), name="event-log-writer")

    def submit(self, stream: str, body: dict, key: str | None = None) -> asyncio.Future:
        """A future resolving to the committed :class:`Record` (``duplicate`` set for a re-sent key)."""
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait(([(stream, body, key)], future, True))
        return future

    def submit_many(self, items: list[tuple[str, dict, str | None]]) -> asyncio.Future:
        """One future for many ``(stream, body, key)`` items: the list of their records, in order."""
        future = asyncio.get_running_loop().create_future()
        self._queue.put_nowait((list(items), future, False))
        return future

    async def stop(self, drain: bool = True) -> None:
        """Commit what is queued (``drain``) or abandon it (a simulated crash), then end the writer."""
        if self._task is None:
            return
        if drain:
            self._queue.put_nowait(None)
            await asyncio.gather(self._task, return_exceptions=True)
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)
        self._task = None
        while not self._queue.empty():  # abandoned by a crash: nobody will commit them
            _abandon([self._queue.get_nowait()])

    async def _run(self) -> None:
        while True:
            batch = []
            try:
                batch.append(await self._queue.get())
                if self._queue.qsize() < self._max_batch and self._linger:
                    await asyncio.sleep(self._linger)
                size = len(batch[0][0]) if batch[0] is not None else 0
                while size < self._max_batch and not self._queue.empty():  # whole submissions, ~max_batch items
                    batch.append(self._queue.get_nowait())
                    size += len(batch[-1][0]) if batch[-1] is not None else 0
                closing = None in batch
                await self._commit([entry for entry in batch if entry is not None])
            except asyncio.CancelledError:
                _abandon(batch)
                raise
            if closing:
                return

    async def _commit(self, batch: list[tuple]) -> None:
        try:
            records = await asyncio.to_thread(self._log.append_many, [item for items, _, _ in batch for item in items])
        except Exception as exc:  # reported to each waiting caller
            log.exception("事件日志写入失败")
            for _, future, _ in batch:
                if not future.done():
                    future.set_exception(exc)
            return
        self._on_commit([r for r in records if not r.duplicate])
        at = 0
        for items, future, single in batch:
            mine, at = records[at : at + len(items)], at + len(items)
            if not future.done():
                future.set_result(mine[0] if single else mine)


def _abandon(batch: list) -> None:
    """Cancel the futures of submissions that will never be committed (their awaiting handlers end)."""
    for entry in batch:
        if entry is not None and not entry[1].done():
            entry[1].cancel()
