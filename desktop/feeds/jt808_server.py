"""Asyncio TCP server for JT/T 808 vehicle terminals.

Per connection: frames are split, checked and reassembled (:mod:`desktop.feeds.jt808_codec`), then

* 0x0100 registration → 0x8100: success with an auth code if ``terminals`` knows the phone, else
  result 4 (:attr:`RegistrationResult.NO_SUCH_TERMINAL`, the terminal is not in the database);
* 0x0102 authentication → 0x8001 success if the code is the one issued to that phone, else failure;
  the phone is then authenticated for the rest of the connection;
* 0x0002 heartbeat → 0x8001 success;
* 0x0200 / 0x0704 → ``await on_location(phone, report)`` once per report, in order (a batch gives one
  call per item), then 0x8001 success; failure if the connection has not authenticated that phone
  (counted in ``unauthenticated``) or if the callback raised (logged, ``callback_errors``);
* a body that does not decode → 0x8001 "bad message"; unknown or encrypted bodies → "unsupported";
  0x0001 terminal replies get no answer.

Phones are the terminal number without BCD zero padding (:attr:`Header.phone`). Bad frames are counted
in :attr:`JT808Server.stats` and logged; they never end the connection. A connection that sends nothing
for ``heartbeat_timeout`` seconds is closed. Sub-packaged messages are answered once, when complete
(incomplete ones that time out are added to ``subpackages_dropped`` when their connection ends).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import Awaitable, Callable, Container, MutableMapping, Sequence
from dataclasses import dataclass, field

from desktop.feeds.jt808_codec import (
    MAX_FRAME,
    Authentication,
    BatchLocation,
    Body,
    FrameDecoder,
    GeneralReply,
    Header,
    Heartbeat,
    JT808ChecksumError,
    JT808Error,
    LocationReport,
    Reassembler,
    Registration,
    RegistrationReply,
    RegistrationResult,
    ReplyResult,
    SerialCounter,
    decode_body,
    decode_frame,
    encode_message,
)

log = logging.getLogger(__name__)

LocationCallback = Callable[[str, LocationReport], Awaitable[None]]
TerminalRegistry = Container[str] | Callable[[str, Registration], bool]
TERMINAL_REPLY = 0x0001
STAT_KEYS = (
    "connections",
    "frames_ok",
    "frames_bad_checksum",
    "frames_malformed",
    "frames_oversize",
    "unauthenticated",
    "locations",
    "callback_errors",
    "idle_timeouts",
    "subpackages_dropped",
)


@dataclass
class _Session:
    peer: str
    decoder: FrameDecoder
    reassembler: Reassembler = field(default_factory=Reassembler)
    serials: SerialCounter = field(default_factory=SerialCounter)
    authenticated: set[str] = field(default_factory=set)


class JT808Server:
    """``terminals``: phones allowed to register, as a container or a ``(phone, registration) -> bool``
    predicate. ``auth_codes`` (phone → issued code) may be a persistent mapping so terminals can
    re-authenticate across restarts without registering again."""

    def __init__(
        self,
        host: str,
        port: int,
        terminals: TerminalRegistry,
        on_location: LocationCallback,
        *,
        heartbeat_timeout: float = 180.0,
        max_frame: int = MAX_FRAME,
        auth_codes: MutableMapping[str, str] | None = None,
    ) -> None:
        self.host, self._requested_port = host, port
        self.heartbeat_timeout, self.max_frame = heartbeat_timeout, max_frame
        self._terminals, self._on_location = terminals, on_location
        self._auth_codes = {} if auth_codes is None else auth_codes
        self.stats = dict.fromkeys(STAT_KEYS, 0)
        self._server: asyncio.Server | None = None
        self._connections: dict[asyncio.Task, asyncio.StreamWriter] = {}

    @property
    def port(self) -> int:
        """The bound port (useful when constructed with port 0)."""
        if self._server is None:
            raise RuntimeError("server not started")
        return self._server.sockets[0].getsockname()[1]

    async def start(self) -> None:
        self._server = await asyncio.start_server(self._serve, self.host, self._requested_port)
        log.info("JT/T 808 服务已在 %s:%d 监听", self.host, self.port)

    async def stop(self) -> None:
        if self._server is None:
            return
        self._server.close()
        for writer in self._connections.values():  # the handlers then read EOF and finish
            writer.close()
        await asyncio.gather(*self._connections, return_exceptions=True)
        await self._server.wait_closed()
        self._server = None

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        task = asyncio.current_task()
        self._connections[task] = writer
        self.stats["connections"] += 1
        session = _Session(str(writer.get_extra_info("peername")), FrameDecoder(self.max_frame))
        try:
            await self._session(session, reader, writer)
        except ConnectionError as exc:
            log.info("%s：连接断开（%s）", session.peer, exc)
        finally:
            del self._connections[task]
            self.stats["subpackages_dropped"] += session.reassembler.dropped
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def _session(self, session: _Session, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while True:
            try:
                data = await asyncio.wait_for(reader.read(65536), self.heartbeat_timeout)
            except TimeoutError:
                self.stats["idle_timeouts"] += 1
                log.info("%s：%.0f 秒无数据，关闭连接", session.peer, self.heartbeat_timeout)
                return
            if not data:
                return
            oversize = session.decoder.oversize
            frames = session.decoder.feed(data)
            if session.decoder.oversize > oversize:
                self.stats["frames_oversize"] += session.decoder.oversize - oversize
                log.warning("%s：帧过长，已丢弃", session.peer)
            for frame in frames:
                reply = await self._handle(session, frame)
                if reply is not None:
                    writer.write(reply)
            await writer.drain()

    async def _handle(self, session: _Session, frame: bytes) -> bytes | None:
        """One escaped frame → the encoded reply, if any."""
        try:
            packet = decode_frame(frame)
        except JT808ChecksumError as exc:
            return self._reject(session, "frames_bad_checksum", exc)
        except JT808Error as exc:
            return self._reject(session, "frames_malformed", exc)
        whole = session.reassembler.add(packet)
        if whole is None:
            self.stats["frames_ok"] += 1
            return None
        header = whole.header
        try:
            body = decode_body(whole)
        except JT808Error as exc:
            self._reject(session, "frames_malformed", exc)
            reply: Body | None = _ack(header, ReplyResult.BAD_MESSAGE)
        else:
            self.stats["frames_ok"] += 1
            reply = await self._dispatch(session, header, body)
        return (
            None if reply is None else encode_message(reply, header.phone_bcd, session.serials.next(), header.version)
        )

    def _reject(self, session: _Session, stat: str, exc: JT808Error) -> None:
        self.stats[stat] += 1
        log.warning("%s：%s：%s", session.peer, stat, exc)

    async def _dispatch(self, session: _Session, header: Header, body: Body | None) -> Body | None:
        match body:
            case Registration():
                return self._register(header, body)
            case Authentication():
                ok = body.code != "" and self._auth_codes.get(header.phone) == body.code
                if ok:
                    session.authenticated.add(header.phone)
                return _ack(header, ReplyResult.SUCCESS if ok else ReplyResult.FAILURE)
            case Heartbeat():
                return _ack(header, ReplyResult.SUCCESS)
            case LocationReport() | BatchLocation():
                if header.phone not in session.authenticated:
                    self.stats["unauthenticated"] += 1
                    log.warning("%s：未鉴权终端 %s 的位置汇报已拒绝", session.peer, header.phone)
                    return _ack(header, ReplyResult.FAILURE)
                reports = body.reports if isinstance(body, BatchLocation) else (body,)
                return _ack(header, await self._deliver(header.phone, reports))
        return None if header.msg_id == TERMINAL_REPLY else _ack(header, ReplyResult.UNSUPPORTED)

    def _register(self, header: Header, registration: Registration) -> RegistrationReply:
        terminals = self._terminals
        known = terminals(header.phone, registration) if callable(terminals) else header.phone in terminals
        if not known:
            log.warning("未知终端 %s 的注册已拒绝", header.phone)
            return RegistrationReply(header.serial, RegistrationResult.NO_SUCH_TERMINAL)
        code = self._auth_codes.setdefault(header.phone, secrets.token_hex(8))
        return RegistrationReply(header.serial, RegistrationResult.SUCCESS, code)

    async def _deliver(self, phone: str, reports: Sequence[LocationReport]) -> ReplyResult:
        for report in reports:
            try:
                await self._on_location(phone, report)
            except Exception:  # a faulty consumer must not take the terminal link down
                self.stats["callback_errors"] += 1
                log.exception("终端 %s 的位置处理失败", phone)
                return ReplyResult.FAILURE
            self.stats["locations"] += 1
        return ReplyResult.SUCCESS


def _ack(header: Header, result: ReplyResult) -> GeneralReply:
    return GeneralReply(header.serial, header.msg_id, result)
