"""Asyncio JT/T 808 terminal simulator: register → authenticate → periodic 0x0200 reports and heartbeats.

Used by the server tests and the gateway load bench (e.g. 1000 terminals reporting every 10 s).
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime

from desktop.feeds.jt808_codec import (
    CHINA_TZ,
    Authentication,
    BatchLocation,
    Body,
    FrameDecoder,
    GeneralReply,
    Heartbeat,
    LocationReport,
    Registration,
    RegistrationReply,
    RegistrationResult,
    ReplyResult,
    SerialCounter,
    decode_body,
    decode_frame,
    encode_message,
)


class TerminalRefused(Exception):
    """The platform refused registration or authentication."""


class JT808Terminal:
    """One simulated terminal. ``version`` None speaks 2013 headers, an int the 2019 ones."""

    def __init__(
        self,
        phone: str,
        *,
        version: int | None = None,
        registration: Registration | None = None,
        imei: str = "860000000000000",
        software_version: str = "sim-1.0",
        reply_timeout: float = 10.0,
        heartbeat_interval: float = 60.0,
    ) -> None:
        self.phone, self.version = phone, version
        self.registration = registration or Registration(44, 300, "SIM", "JT808-SIM", phone[-7:], 1, "粤B" + phone[-5:])
        self.imei, self.software_version = imei, software_version
        self.reply_timeout, self.heartbeat_interval = reply_timeout, heartbeat_interval
        self.auth_code: str | None = None
        self._serials = SerialCounter()
        self._decoder = FrameDecoder()
        self._frames: deque[bytes] = deque()
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def connect(self, host: str, port: int) -> None:
        self._reader, self._writer = await asyncio.open_connection(host, port)

    async def close(self) -> None:
        if self._writer is not None:
            writer, self._writer = self._writer, None
            writer.close()
            with contextlib.suppress(ConnectionError):
                await writer.wait_closed()

    async def start(self, host: str, port: int) -> None:
        """Connect, register (unless an auth code is already known) and authenticate; closes on failure."""
        await self.connect(host, port)
        try:
            if self.auth_code is None and (result := (await self.register()).result) != RegistrationResult.SUCCESS:
                raise TerminalRefused(f"{self.phone}: registration result {result}")
            if (await self.authenticate()).result != ReplyResult.SUCCESS:
                raise TerminalRefused(f"{self.phone}: authentication failed")
        except BaseException:
            await self.close()
            raise

    async def register(self) -> RegistrationReply:
        reply = await self.request(self.registration)
        if reply.result == RegistrationResult.SUCCESS:
            self.auth_code = reply.auth_code
        return reply

    async def authenticate(self) -> GeneralReply:
        return await self.request(Authentication(self.auth_code or "", self.imei, self.software_version))

    async def heartbeat(self) -> GeneralReply:
        return await self.request(Heartbeat())

    async def report(self, report: LocationReport) -> GeneralReply:
        return await self.request(report)

    async def report_batch(self, reports: Sequence[LocationReport], kind: int = 0) -> GeneralReply:
        return await self.request(BatchLocation(kind, tuple(reports)))

    async def run(self, reports: Iterable[LocationReport], interval: float) -> int:
        """Send one report every ``interval`` s, heartbeats filling longer gaps; returns the reports acked."""
        acked = 0
        for index, report in enumerate(reports):
            if index:
                await self._idle(interval)
            acked += (await self.report(report)).result == ReplyResult.SUCCESS
        return acked

    async def _idle(self, seconds: float) -> None:
        while seconds > self.heartbeat_interval:
            await asyncio.sleep(self.heartbeat_interval)
            await self.heartbeat()
            seconds -= self.heartbeat_interval
        await asyncio.sleep(seconds)

    async def send_raw(self, data: bytes) -> None:
        """Write arbitrary bytes (tests: garbage, corrupted frames)."""
        self._writer.write(data)
        await self._writer.drain()

    async def request(self, body: Body) -> Body:
        """Send ``body`` and return the platform reply acknowledging its serial."""
        serial = self._serials.next()
        await self.send_raw(encode_message(body, self.phone, serial, self.version))
        return await asyncio.wait_for(self._reply_to(serial), self.reply_timeout)

    async def _reply_to(self, serial: int) -> Body:
        while True:
            while not self._frames:
                data = await self._reader.read(65536)
                if not data:
                    raise ConnectionError(f"{self.phone}: connection closed by the platform")
                self._frames.extend(self._decoder.feed(data))
            reply = decode_body(decode_frame(self._frames.popleft()))
            if isinstance(reply, (GeneralReply, RegistrationReply)) and reply.ack_serial == serial:
                return reply


def track_report(terminal: int, step: int, when: datetime | None = None) -> LocationReport:
    """A deterministic report for simulated terminal ``terminal`` at ``step``: a small circle around
    Shenzhen's civic centre, 36 km/h, with mileage."""
    angle = (terminal * 0.7 + step * 0.1) % math.tau
    return LocationReport.at(
        22.543 + 0.01 * math.sin(angle) + terminal * 1e-4,
        114.058 + 0.01 * math.cos(angle),
        when or datetime.now(CHINA_TZ).replace(microsecond=0),
        speed_kmh=36.0,
        heading=round(math.degrees(angle)) % 360,
        mileage_km=step / 10,
    )


async def run_fleet(
    host: str,
    port: int,
    phones: Sequence[str],
    reports: int,
    interval: float,
    *,
    version: int | None = None,
    make_report: Callable[[int, int], LocationReport] = track_report,
) -> int:
    """Start one terminal per phone concurrently, each sending ``reports`` reports ``interval`` s apart
    (report *k* of terminal *i* is ``make_report(i, k)``); returns the total reports acknowledged."""

    async def one(index: int, phone: str) -> int:
        terminal = JT808Terminal(phone, version=version)
        await terminal.start(host, port)
        try:
            return await terminal.run((make_report(index, step) for step in range(reports)), interval)
        finally:
            await terminal.close()

    return sum(await asyncio.gather(*(one(i, phone) for i, phone in enumerate(phones))))
