"""Clients of the feed gateway (Qt-free).

:class:`FeedClient` is a seat's subscription: its own thread and event loop, reconnect with
back-off, ``hello`` with the last seq the caller has *persisted*, duplicates dropped by seq,
and batches handed to ``on_batch(kind, items)`` in the loop thread (a Qt bridge can turn
these into signals). :class:`FeedPublisher` is an asyncio producer that re-sends every
unacknowledged alarm after a reconnect (the gateway deduplicates by ``msg_id``).
"""

from __future__ import annotations

import asyncio
import itertools
import logging
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

from desktop.feeds import protocol

log = logging.getLogger(__name__)

CONNECTED, RECONNECTING, OFFLINE = "已连接", "重连中", "离线"
_NETWORK_ERRORS = (OSError, ConnectionClosed, InvalidHandshake, asyncio.TimeoutError)
_STREAM_OF = {v: k for k, v in protocol.EVENT_TYPES.items()}  # "alarm" → "alarms"


class _Resync(Exception):
    """A gap in a stream: reconnect so the gateway replays from the committed seq."""


class _Backoff:
    def __init__(self, first: float, cap: float, rng: random.Random):
        self._first, self._cap, self._rng, self._next = first, cap, rng, first

    def reset(self) -> None:
        self._next = self._first

    def delay(self) -> float:
        delay, self._next = self._next, min(self._next * 2, self._cap)
        return delay * (0.5 + self._rng.random() / 2)


class FeedClient:
    """A seat's subscription to ``url`` (``ws://host:port``); ``start()``/``stop()`` from any thread.

    ``on_batch(kind, items)``: kind ``"alarm"`` / ``"case_event"`` (items carry ``seq``),
    ``"position"`` (coalesced fixes) or ``"snapshot"`` (one item: vehicles + recent alarms, context
    only). Returning True from an event batch confirms it persisted; otherwise call ``commit``.
    """

    def __init__(
        self,
        url: str,
        token: str,
        client_id: str,
        on_batch: Callable[[str, list], object],
        on_state: Callable[[str, float], None] | None = None,
        last_seq: dict[str, int] | None = None,
        ssl=None,
        backoff: tuple[float, float] = (0.1, 5.0),
        batch_max: int = 2000,
        batch: bool = True,
    ):
        self.url, self._token, self.client_id, self._ssl = url.rstrip("/") + "/feed", token, client_id, ssl
        self._on_batch, self._on_state = on_batch, on_state
        self._committed = dict(last_seq or {})
        self._delivered = dict(self._committed)
        self._lock = threading.Lock()
        self._backoff = _Backoff(*backoff, random.Random())
        self._batch_max, self._batch = batch_max, batch
        self.duplicates = 0
        self.state, self.since = OFFLINE, time.time()
        self._thread: threading.Thread | None = None
        self._ws: ClientConnection | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._stopping: asyncio.Event | None = None
        self._ready = threading.Event()

    # --- thread-safe API -------------------------------------------------------------------

    def start(self) -> None:
        self._thread = threading.Thread(
            target=asyncio.run, args=(self._main(),), daemon=True, name=f"feed-client-{self.client_id}"
        )
        self._thread.start()
        self._ready.wait()

    def stop(self, timeout: float = 5.0) -> None:
        if self._thread is None:
            return
        self._loop.call_soon_threadsafe(self._stopping.set)
        self._thread.join(timeout)
        self._thread = None

    def commit(self, stream: str, seq: int) -> None:
        """Confirm that everything up to ``seq`` of ``stream`` is persisted by the caller."""
        with self._lock:
            self._committed[stream] = max(self._committed.get(stream, 0), seq)

    @property
    def committed(self) -> dict[str, int]:
        with self._lock:
            return dict(self._committed)

    def disconnect(self) -> None:
        """Drop the current connection (it reconnects and resumes); for tests and a manual "重连"."""
        if self._loop is not None:
            self._loop.call_soon_threadsafe(self._abort)

    # --- loop thread -----------------------------------------------------------------------

    def _set_state(self, state: str) -> None:
        if state != self.state:
            self.state, self.since = state, time.time()
            if self._on_state:
                self._on_state(state, self.since)

    def _abort(self) -> None:
        if self._ws is not None:
            self._ws.transport.abort()

    async def _main(self) -> None:
        self._loop, self._stopping = asyncio.get_running_loop(), asyncio.Event()
        self._ready.set()
        runner = asyncio.create_task(self._run())
        await self._stopping.wait()
        runner.cancel()
        await asyncio.gather(runner, return_exceptions=True)
        self._set_state(OFFLINE)

    async def _run(self) -> None:
        while True:
            try:
                async with connect(
                    self.url,
                    ssl=self._ssl,
                    max_size=protocol.CLIENT_MAX_FRAME,
                    compression=None,
                    open_timeout=5,
                    close_timeout=1,
                ) as ws:
                    self._ws = ws
                    await self._session(ws)
            except (*_NETWORK_ERRORS, _Resync) as exc:
                log.info("推送连接中断（%s），准备重连", exc.__class__.__name__)
            finally:
                self._ws = None
            self._set_state(RECONNECTING)
            await asyncio.sleep(self._backoff.delay())

    async def _session(self, ws: ClientConnection) -> None:
        await ws.send(protocol.encode(protocol.hello(self._token, self.client_id, self.committed, self._batch)))
        inbox: asyncio.Queue = asyncio.Queue()  # the messages of one frame per entry
        reader = asyncio.create_task(self._read(ws, inbox))
        try:
            while True:
                batch = list(await inbox.get())
                while len(batch) < self._batch_max and not inbox.empty():
                    batch += inbox.get_nowait()
                self._dispatch(batch)
        finally:
            reader.cancel()

    async def _read(self, ws: ClientConnection, inbox: asyncio.Queue) -> None:
        try:
            async for raw in ws:
                message = protocol.loads(raw)
                if message.get("type") == "events":  # many alarm / case_event messages in one frame
                    inbox.put_nowait(message["items"])
                else:
                    inbox.put_nowait((message,))
        finally:
            inbox.put_nowait((None,))

    def _dispatch(self, messages: list[dict | None]) -> None:
        """Group consecutive messages of one kind into a callback each; None ends the session."""
        for kind, group in itertools.groupby(messages, key=lambda m: m and m.get("type")):
            group = list(group)
            if kind is None:
                raise ConnectionResetError("连接已关闭")
            if kind == "welcome":
                self._welcome(group[-1])
            elif kind in _STREAM_OF:
                self._deliver(kind, _STREAM_OF[kind], group)
            elif kind == "position":
                self._emit(kind, [item for m in group for item in m["items"]])
            elif kind == "snapshot":
                self._emit(kind, group)
            elif kind == "error":
                for m in group:
                    log.warning("推送网关报错：%s %s", m.get("code"), m.get("message"))

    def _welcome(self, message: dict) -> None:
        """A stream without a persisted seq starts live at the head; a head behind us means a new log."""
        for stream, head in message["head"].items():
            if stream not in self._committed:
                self.commit(stream, head)
                self._delivered.setdefault(stream, head)
            elif self._delivered.get(stream, 0) > head:
                log.warning("网关日志序号（%s=%d）小于本地记录，按网关重置", stream, head)
                self._delivered[stream] = head
                with self._lock:
                    self._committed[stream] = min(self._committed.get(stream, 0), head)
        self._backoff.reset()
        self._set_state(CONNECTED)

    def _deliver(self, kind: str, stream: str, group: list[dict]) -> None:
        fresh = []
        for m in group:
            last = self._delivered.get(stream, 0)
            if m["seq"] <= last:
                self.duplicates += 1
                continue
            if m["seq"] != last + 1:
                self._emit_events(kind, stream, fresh)
                raise _Resync(f"{stream} 序号缺口 {last} → {m['seq']}")
            self._delivered[stream] = m["seq"]
            fresh.append(m)
        self._emit_events(kind, stream, fresh)

    def _emit_events(self, kind: str, stream: str, items: list[dict]) -> None:
        if items and self._emit(kind, items) is True:
            self.commit(stream, items[-1]["seq"])

    def _emit(self, kind: str, items: list):
        try:
            return self._on_batch(kind, items)
        except Exception:  # a faulty consumer must not kill the feed
            log.exception("on_batch(%s) 处理失败", kind)
            return None


class FeedPublisher:
    """An asyncio producer: ``publish(alarm)`` returns a future of the seq; unacked messages survive reconnects."""

    def __init__(
        self,
        url: str,
        token: str,
        producer_id: str,
        ssl=None,
        backoff: tuple[float, float] = (0.1, 2.0),
        batch: bool = True,
        batch_bytes: int = 48 * 1024,
        linger_s: float = 0.003,
    ):
        self.url, self._token, self.producer_id, self._ssl = url.rstrip("/") + "/produce", token, producer_id, ssl
        self._batch, self._batch_bytes, self._linger = batch, batch_bytes, linger_s
        self._unacked: OrderedDict[str, tuple[str, asyncio.Future]] = OrderedDict()
        self._outbox: asyncio.Queue | None = None
        self._counter = itertools.count(1)
        self._backoff = _Backoff(*backoff, random.Random())
        self._task: asyncio.Task | None = None
        self.resent = 0

    async def start(self) -> None:
        self._task = asyncio.create_task(self._run())

    async def close(self) -> None:
        self._task.cancel()
        await asyncio.gather(self._task, return_exceptions=True)

    def publish(self, alarm: dict, msg_id: str | None = None) -> asyncio.Future:
        msg_id = msg_id or f"{self.producer_id}-{next(self._counter)}"
        if self._batch:  # an item of a publish_batch frame (see _session)
            text = protocol.publish_item_text(msg_id, alarm)
        else:
            text = protocol.encode(protocol.publish(self._token, self.producer_id, msg_id, alarm))
        future = asyncio.get_running_loop().create_future()
        self._unacked[msg_id] = (text, future)
        if self._outbox is not None:
            self._outbox.put_nowait(text)
        return future

    @property
    def pending(self) -> int:
        return len(self._unacked)

    async def _run(self) -> None:
        while True:
            try:
                async with connect(self.url, ssl=self._ssl, compression=None, open_timeout=5, close_timeout=1) as ws:
                    self._outbox = asyncio.Queue()
                    for text, _ in self._unacked.values():
                        self._outbox.put_nowait(text)
                    self.resent += self._outbox.qsize()
                    self._backoff.reset()
                    await self._session(ws)
            except _NETWORK_ERRORS as exc:
                log.info("生产者连接中断（%s），准备重连", exc.__class__.__name__)
            finally:
                self._outbox = None
            await asyncio.sleep(self._backoff.delay())

    async def _session(self, ws: ClientConnection) -> None:
        async def send():
            carry = None
            while True:
                text = carry if carry is not None else await self._outbox.get()
                carry = None
                if not self._batch:
                    await ws.send(text)
                    continue
                if self._linger and self._outbox.empty():  # a trickle: wait a moment for company
                    await asyncio.sleep(self._linger)
                items, size = [text], len(text)  # everything queued, up to batch_bytes per frame
                while not self._outbox.empty():
                    more = self._outbox.get_nowait()
                    if size + len(more) + 1 > self._batch_bytes:
                        carry = more
                        break
                    items.append(more)
                    size += len(more) + 1
                await ws.send(protocol.publish_batch_text(self._token, self.producer_id, items))

        sender = asyncio.create_task(send())
        try:
            async for raw in ws:
                self._receive(protocol.loads(raw))
        finally:
            sender.cancel()

    def _receive(self, message: dict) -> None:
        if message.get("type") == "acks":
            for msg_id, seq, duplicate in message["acks"]:
                self._receive({"type": "ack", "msg_id": msg_id, "seq": seq, "duplicate": duplicate})
            return
        entry = self._unacked.pop(message.get("ref") or message.get("msg_id"), None)
        if entry is None or entry[1].done():
            return
        if message["type"] == "ack":
            entry[1].set_result(message["seq"])
        elif message["code"] == "internal":  # not persisted: send again
            self._unacked[message["ref"]] = entry
            self._outbox.put_nowait(entry[0])
        else:
            entry[1].set_exception(protocol.ProtocolError(message["code"], message["message"], message.get("ref")))
