"""The feed gateway: producers publish alarms, every connected seat receives each one exactly once.

Paths: ``/feed`` for seats (clients), ``/produce`` for producers. Events are appended to the
durable :class:`~desktop.feeds.event_log.EventLog` first (group commit); only committed events
are acked and broadcast. Each seat has a bounded send queue and a cursor per stream; a gap
between the cursor and a live event is filled from the log, so replay after reconnect and
live delivery are one mechanism. A seat whose queue overflows is disconnected and catches up
by replay when it comes back. Vehicle positions are coalesced (latest per vehicle) and flushed
every ``position_flush_s``.
"""

from __future__ import annotations

import asyncio
import logging
import ssl as ssl_module
import time
import uuid
from collections import Counter, deque
from http import HTTPStatus
from pathlib import Path

from websockets.asyncio.server import Server, ServerConnection, serve
from websockets.exceptions import ConnectionClosed

from desktop.feeds import protocol
from desktop.feeds.event_log import EventLog, GroupCommitter, Record
from desktop.feeds.protocol import ProtocolError

log = logging.getLogger(__name__)

PATHS = ("/feed", "/produce")
_REPLAY_PAGE = 500
_POSITION_CHUNK = 1000
STAT_KEYS = (
    "clients",
    "producers",
    "published",
    "duplicates_dropped",
    "malformed",
    "unauthenticated",
    "slow_disconnects",
    "replayed",
    "positions_in",
    "position_batches",
)


class _Seat:
    """One connected client: its send queue (bounded in events) and the last seq sent per stream.

    Queue items are ``(stream, [(seq, text), ...])`` — one committed batch of a stream — or
    ``(None, text)`` for a frame outside the streams (positions, heartbeats).
    """

    def __init__(
        self, ws: ServerConnection, client_id: str, cursor: dict[str, int], queue_size: int, batch: bool = False
    ):
        self.ws, self.client_id, self.cursor, self.batch = ws, client_id, cursor, batch
        self.limit, self.pending = queue_size, 0
        self._items: deque = deque()
        self._wake = asyncio.Event()

    def offer(self, item: tuple, size: int) -> bool:
        """Queue ``item`` (``size`` messages); False when that would overflow a non-empty queue."""
        if self.pending and self.pending + size > self.limit:
            return False
        self._items.append((item, size))
        self.pending += size
        self._wake.set()
        return True

    async def take(self) -> tuple:
        while not self._items:
            self._wake.clear()
            await self._wake.wait()
        item, size = self._items.popleft()
        self.pending -= size
        return item


class FeedGateway:
    """Websocket gateway; ``await start()``, then ``url`` / ``port``; ``await stop(graceful=False)`` simulates
    a crash."""

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 8765,
        log_path: str | Path = "feed-log.db",
        client_tokens=(),
        producer_tokens=(),
        ssl: ssl_module.SSLContext | None = None,
        heartbeat: float = 10.0,
        position_flush_s: float = 0.2,
        queue_size: int = 20_000,
        snapshot_alarms: int = 200,
        rules=None,
        synchronous: str = "FULL",
    ):
        self.host, self.port, self.ssl = host, port, ssl
        self._log_path, self._synchronous = log_path, synchronous
        self._client_tokens, self._producer_tokens = set(client_tokens), set(producer_tokens)
        self._heartbeat, self._flush_s = heartbeat, position_flush_s
        self._queue_size, self._snapshot_alarms = queue_size, snapshot_alarms
        self.rules = rules
        self.server_id = uuid.uuid4().hex[:12]
        self.stats: Counter = Counter(dict.fromkeys(STAT_KEYS, 0))  # plus error_<code> per rejection
        self._seats: set[_Seat] = set()
        self._vehicles: dict = {}
        self._dirty: dict = {}
        self._heads: dict[str, int] = {}
        self._tasks: list[asyncio.Task] = []
        self._server: Server | None = None
        self._log: EventLog | None = None
        self._writer: GroupCommitter | None = None

    @property
    def url(self) -> str:
        return f"{'wss' if self.ssl else 'ws'}://{self.host}:{self.port}"

    async def start(self) -> None:
        self._log = EventLog(self._log_path, self._synchronous)
        self._heads = {s: self._log.head(s) for s in protocol.STREAMS}
        self._writer = GroupCommitter(self._log, self._broadcast_events)
        self._writer.start()
        self._server = await serve(
            self._handle,
            self.host,
            self.port,
            ssl=self.ssl,
            max_size=protocol.MAX_FRAME,
            ping_interval=self._heartbeat,
            ping_timeout=self._heartbeat * 2,
            close_timeout=2,
            compression=None,
            process_request=self._check_path,
        )
        self.port = self._server.sockets[0].getsockname()[1]
        self._tasks = [asyncio.create_task(self._flush_positions()), asyncio.create_task(self._heartbeats())]
        log.info("推送网关已启动：%s（日志 %s，序号 %s）", self.url, self._log_path, self._heads)

    async def stop(self, graceful: bool = True) -> None:
        """Close; ``graceful=False`` aborts connections and abandons uncommitted appends (a crash)."""
        for task in self._tasks:
            task.cancel()
        if not graceful:
            for ws in list(self._server.connections):
                ws.transport.abort()
        self._server.close(close_connections=graceful)
        await self._writer.stop(drain=graceful)
        await self._server.wait_closed()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await asyncio.to_thread(self._log.close)
        self._seats.clear()
        log.info("推送网关已停止（%s）", "正常" if graceful else "中止")

    # --- ingestion (producers, internal rules, position sources) ---------------------------

    async def ingest_alarm(self, alarm: dict, producer_id: str = "internal", msg_id: str | None = None) -> Record:
        """Validate, log and broadcast an alarm; a repeated ``msg_id`` returns the original record."""
        body = {"producer_id": producer_id, "msg_id": msg_id, "alarm": protocol.validate_alarm(alarm, msg_id)}
        return await self.ingest_event("alarms", body, f"{producer_id}:{msg_id}" if msg_id else None)

    async def ingest_event(self, stream: str, body: dict, key: str | None = None) -> Record:
        return self._counted(await self._writer.submit(stream, body, key))

    def _counted(self, record: Record) -> Record:
        self.stats["duplicates_dropped" if record.duplicate else "published"] += 1
        return record

    async def ingest_position(
        self, vehicle_id, x: float, y: float, speed_kmh: float, heading: float, ts: float, plate: str | None = None
    ) -> None:
        """Record a position fix (coalesced until the next flush) and run the vehicle rules on it."""
        item = protocol.position(vehicle_id, x, y, speed_kmh, heading, ts, plate)
        self._vehicles[vehicle_id] = self._dirty[vehicle_id] = item
        self.stats["positions_in"] += 1
        if self.rules is not None:
            for alarm in self.rules.check(vehicle_id, x, y, speed_kmh, ts):
                await self.ingest_alarm(alarm, producer_id="rules")

    async def ingest_positions(self, items: list[dict]) -> None:
        """Many fixes: dicts with ``id, x, y, speed, heading, ts`` and optional ``plate``."""
        for p in items:
            await self.ingest_position(p["id"], p["x"], p["y"], p["speed"], p["heading"], p["ts"], p.get("plate"))

    # --- connections ----------------------------------------------------------------------

    def _check_path(self, ws: ServerConnection, request):
        if request.path not in PATHS:
            return ws.respond(HTTPStatus.NOT_FOUND, "未知路径，应为 /feed 或 /produce\n")
        return None

    async def _handle(self, ws: ServerConnection) -> None:
        try:
            if ws.request.path == "/feed":
                await self._serve_seat(ws)
            else:
                await self._serve_producer(ws)
        except ConnectionClosed as exc:
            if exc.sent is not None and exc.sent.code == 1009:
                self._count_malformed(ProtocolError("too_large", "消息过大"), ws)
        except Exception:  # one connection must never take the gateway down
            log.exception("连接处理异常：%s", ws.remote_address)

    def _count_malformed(self, exc: ProtocolError, ws: ServerConnection) -> None:
        self.stats["unauthenticated" if exc.code == "unauthorized" else "malformed"] += 1
        self.stats[f"error_{exc.code}"] += 1
        log.debug("拒绝来自 %s 的消息：%s", ws.remote_address, exc)

    async def _reject(self, ws: ServerConnection, exc: ProtocolError) -> None:
        self._count_malformed(exc, ws)
        await ws.send(protocol.encode(protocol.error(exc.code, exc.message, exc.ref)))
        if exc.code == "unauthorized":
            await ws.close(1008, "unauthorized")

    async def _serve_seat(self, ws: ServerConnection) -> None:
        while True:  # until a valid hello
            try:
                hello = protocol.decode(await ws.recv(), ("hello",))
                token, client_id, last_seq = protocol.parse_hello(hello)
                if token not in self._client_tokens:
                    raise ProtocolError("unauthorized", "令牌无效，拒绝接入")
                break
            except ProtocolError as exc:
                await self._reject(ws, exc)
        cursor = {s: min(last_seq.get(s, self._heads[s]), self._heads[s]) for s in protocol.STREAMS}
        seat = _Seat(ws, client_id, cursor, self._queue_size, protocol.wants_batch(hello))
        self._seats.add(seat)  # from here on live events queue up; the pump fills gaps from the log
        self.stats["clients"] += 1
        log.info("坐席 %s 已接入（起始序号 %s）", client_id, cursor)
        try:
            await ws.send(protocol.encode(protocol.welcome(self.server_id, dict(self._heads), self._heartbeat)))
            await ws.send(protocol.encode(await self._snapshot(cursor)))
            pump = asyncio.create_task(self._pump(seat))
            try:
                async for raw in ws:
                    try:
                        protocol.decode(raw, ("ping",))
                        await ws.send(protocol.encode(protocol.heartbeat(time.time(), dict(self._heads))))
                    except ProtocolError as exc:
                        await self._reject(ws, exc)
            finally:
                pump.cancel()
                await asyncio.gather(pump, return_exceptions=True)
        finally:
            self._seats.discard(seat)
            self.stats["clients"] -= 1
            log.info("坐席 %s 已断开", client_id)

    async def _snapshot(self, cursor: dict[str, int]) -> dict:
        recent = await asyncio.to_thread(self._log.recent, "alarms", self._snapshot_alarms, cursor["alarms"])
        alarms = [{"seq": r.seq, **r.body} for r in recent]
        return protocol.snapshot(list(self._vehicles.values()), alarms)

    async def _pump(self, seat: _Seat) -> None:
        """Send replay then live traffic to one seat, strictly in seq order per stream."""
        try:
            for stream in protocol.STREAMS:
                await self._replay(seat, stream)
            while True:
                stream, payload = await seat.take()
                if stream is None:
                    await seat.ws.send(payload)
                    continue
                fresh = [e for e in payload if e[0] > seat.cursor[stream]]
                if fresh and fresh[0][0] > seat.cursor[stream] + 1:
                    await self._replay(seat, stream)  # a gap: the log has it (and this batch, committed)
                    fresh = [e for e in fresh if e[0] > seat.cursor[stream]]
                if fresh:
                    await self._send_events(seat, [text for _, text in fresh])
                    seat.cursor[stream] = fresh[-1][0]
        except ConnectionClosed:
            pass

    async def _send_events(self, seat: _Seat, texts: list[str]) -> None:
        """Encoded events in seq order: ``events`` frames for a seat that asked for them, else one frame each."""
        if seat.batch:
            for i in range(0, len(texts), protocol.BATCH_MAX):
                await seat.ws.send(protocol.events_text(texts[i : i + protocol.BATCH_MAX]))
        else:
            for text in texts:
                await seat.ws.send(text)

    async def _replay(self, seat: _Seat, stream: str) -> None:
        while True:
            page = await asyncio.to_thread(self._log.read_after, stream, seat.cursor[stream], _REPLAY_PAGE, False)
            if page:
                await self._send_events(seat, [protocol.event_text(stream, r.seq, r.text) for r in page])
                seat.cursor[stream] = page[-1].seq
            self.stats["replayed"] += len(page)
            if len(page) < _REPLAY_PAGE:
                return

    # --- broadcasting ---------------------------------------------------------------------

    def _broadcast_events(self, records: list[Record]) -> None:
        """One queue item per stream per committed batch (events encoded once for every seat)."""
        by_stream: dict[str, list] = {}
        for r in records:
            text = r.text if r.text is not None else protocol.dumps(r.body)
            by_stream.setdefault(r.stream, []).append((r.seq, protocol.event_text(r.stream, r.seq, text)))
        for stream, events in by_stream.items():
            self._heads[stream] = max(self._heads[stream], events[-1][0])
            self._offer((stream, events), len(events))

    def _offer(self, item: tuple, size: int = 1) -> None:
        for seat in list(self._seats):
            if not seat.offer(item, size):
                self._seats.discard(seat)
                self.stats["slow_disconnects"] += 1
                log.warning("坐席 %s 接收过慢，已断开（重连后补发）", seat.client_id)
                seat.ws.transport.abort()

    async def _flush_positions(self) -> None:
        while True:
            await asyncio.sleep(self._flush_s)
            if self._dirty:
                items, self._dirty = list(self._dirty.values()), {}
                for i in range(0, len(items), _POSITION_CHUNK):
                    self._offer((None, protocol.encode(protocol.positions(items[i : i + _POSITION_CHUNK]))))
                self.stats["position_batches"] += 1

    async def _heartbeats(self) -> None:
        while True:
            await asyncio.sleep(self._heartbeat)
            self._offer((None, protocol.encode(protocol.heartbeat(time.time(), dict(self._heads)))))

    # --- producers ------------------------------------------------------------------------

    async def _serve_producer(self, ws: ServerConnection) -> None:
        self.stats["producers"] += 1
        acks: asyncio.Queue = asyncio.Queue()
        sender = asyncio.create_task(self._send_acks(ws, acks))
        try:
            async for raw in ws:
                try:
                    message = protocol.decode(raw, protocol.PRODUCER_TYPES)
                    if message["type"] == "publish_batch":
                        await self._publish_batch(ws, message, acks)
                        continue
                    token, producer_id, msg_id, alarm = protocol.parse_publish(message)
                    if token not in self._producer_tokens:
                        raise ProtocolError("unauthorized", "生产者令牌无效", msg_id)
                except ProtocolError as exc:
                    await self._reject(ws, exc)
                    continue
                body = {"producer_id": producer_id, "msg_id": msg_id, "alarm": alarm}
                acks.put_nowait((msg_id, self._writer.submit("alarms", body, f"{producer_id}:{msg_id}")))
        finally:
            sender.cancel()
            await asyncio.gather(sender, return_exceptions=True)
            self.stats["producers"] -= 1

    async def _publish_batch(self, ws: ServerConnection, message: dict, acks: asyncio.Queue) -> None:
        """Many publishes in one frame: each valid item is logged, answered by one ``acks`` frame."""
        token, producer_id, items = protocol.parse_publish_batch(message)
        if token not in self._producer_tokens:
            raise ProtocolError("unauthorized", "生产者令牌无效")
        msg_ids, entries = [], []
        for item in items:
            try:
                msg_id, alarm = protocol.parse_item(item)
            except ProtocolError as exc:
                await self._reject(ws, exc)
                continue
            msg_ids.append(msg_id)
            entries.append(
                ("alarms", {"producer_id": producer_id, "msg_id": msg_id, "alarm": alarm}, f"{producer_id}:{msg_id}")
            )
        if entries:
            acks.put_nowait((msg_ids, self._writer.submit_many(entries)))

    async def _send_acks(self, ws: ServerConnection, acks: asyncio.Queue) -> None:
        """Acks in publish order, each after its event is durable (one ``acks`` frame per batch)."""
        while True:
            msg_id, committed = await acks.get()
            if isinstance(msg_id, list):
                await self._send_batch_acks(ws, msg_id, committed)
                continue
            try:
                record = self._counted(await committed)
                reply = protocol.ack(msg_id, record.seq, record.duplicate)
            except Exception as exc:  # noqa: BLE001 - storage failure, the producer will resend
                log.error("告警写入失败：%s", exc)
                reply = protocol.error("internal", "告警暂未能持久化，请重发", msg_id)
            await ws.send(protocol.encode(reply))

    async def _send_batch_acks(self, ws: ServerConnection, msg_ids: list[str], committed: asyncio.Future) -> None:
        try:
            records = [self._counted(r) for r in await committed]
        except Exception as exc:  # noqa: BLE001 - storage failure, the producer will resend
            log.error("告警写入失败：%s", exc)
            for msg_id in msg_ids:
                await ws.send(protocol.encode(protocol.error("internal", "告警暂未能持久化，请重发", msg_id)))
            return
        await ws.send(protocol.encode(protocol.acks([(m, r.seq, r.duplicate) for m, r in zip(msg_ids, records)])))
