"""JT/T 808 server against real simulated terminals over TCP on 127.0.0.1."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections import Counter
from datetime import datetime
from pathlib import Path

import pytest

from desktop.feeds.jt808_codec import (
    CHINA_TZ,
    BatchLocation,
    GeneralReply,
    Header,
    LocationReport,
    RegistrationReply,
    RegistrationResult,
    ReplyResult,
    encode_frame,
    encode_message,
    escape,
    unescape,
)
from desktop.feeds.jt808_server import JT808Server
from desktop.feeds.jt808_terminal import JT808Terminal, TerminalRefused, run_fleet, track_report

VECTORS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "jt808" / "jt808_test_vectors.json"
WHEN = datetime(2025, 1, 29, 22, 33, 44, tzinfo=CHINA_TZ)
PHONE = "13912344329"


class Sink:
    """on_location target recording every call."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, LocationReport]] = []
        self.fail = fail

    async def __call__(self, phone: str, report: LocationReport) -> None:
        if self.fail:
            raise RuntimeError("consumer down")
        self.calls.append((phone, report))


def run(coro, timeout: float = 30.0):
    return asyncio.run(asyncio.wait_for(coro, timeout))


@contextlib.asynccontextmanager
async def serving(terminals=(PHONE,), sink=None, **options):
    server = JT808Server("127.0.0.1", 0, set(terminals), sink or Sink(), **options)
    await server.start()
    try:
        yield server
    finally:
        await server.stop()


@contextlib.asynccontextmanager
async def connected(server: JT808Server, phone: str = PHONE, *, start: bool = True, **options):
    terminal = JT808Terminal(phone, **options)
    if start:
        await terminal.start("127.0.0.1", server.port)
    else:
        await terminal.connect("127.0.0.1", server.port)
    try:
        yield terminal
    finally:
        await terminal.close()


@pytest.mark.parametrize("version", [None, 1], ids=["2013", "2019"])
def test_register_authenticate_report(version):
    async def scenario():
        sink = Sink()
        async with serving(sink=sink) as server, connected(server, start=False, version=version) as terminal:
            registered = await terminal.register()
            assert isinstance(registered, RegistrationReply) and registered.ack_serial == 0
            assert registered.result == RegistrationResult.SUCCESS and len(registered.auth_code) == 16
            assert await terminal.authenticate() == GeneralReply(1, 0x0102, ReplyResult.SUCCESS)
            assert await terminal.heartbeat() == GeneralReply(2, 0x0002, ReplyResult.SUCCESS)
            report = LocationReport.at(
                -31.234567, 121.987654, WHEN, speed_kmh=6.6, heading=3, altitude=123, mileage_km=1.2
            )
            assert await terminal.report(report) == GeneralReply(3, 0x0200, ReplyResult.SUCCESS)
            batch = [track_report(0, step, WHEN) for step in range(3)]
            assert await terminal.report_batch(batch, kind=1) == GeneralReply(4, 0x0704, ReplyResult.SUCCESS)
            assert sink.calls == [(PHONE, report)] + [(PHONE, item) for item in batch]
            _phone, received = sink.calls[0]
            assert (received.latitude, received.longitude, received.speed_kmh) == (-31.234567, 121.987654, 6.6)
            assert (received.time, received.altitude, received.heading, received.mileage_km) == (WHEN, 123, 3, 1.2)
            assert server.stats["frames_ok"] == 5 and server.stats["locations"] == 4

    run(scenario())


def test_auth_code_survives_reconnection_and_wrong_code_fails():
    async def scenario():
        async with serving() as server:
            async with connected(server) as first:
                code = first.auth_code
            async with connected(server, start=False) as second:
                second.auth_code = code
                assert (await second.authenticate()).result == ReplyResult.SUCCESS
                assert (await second.report(track_report(0, 0))).result == ReplyResult.SUCCESS
            async with connected(server, start=False) as third:
                third.auth_code = "forged"
                assert (await third.authenticate()).result == ReplyResult.FAILURE
                assert (await third.report(track_report(0, 0))).result == ReplyResult.FAILURE
            assert server.stats["unauthenticated"] == 1

    run(scenario())


def test_unknown_terminal_is_refused():
    async def scenario():
        async with serving() as server:
            async with connected(server, "13800000000", start=False) as terminal:
                reply = await terminal.register()
                assert (reply.result, reply.auth_code) == (RegistrationResult.NO_SUCH_TERMINAL, None)
                assert (await terminal.authenticate()).result == ReplyResult.FAILURE
            with pytest.raises(TerminalRefused):
                async with connected(server, "13800000000"):
                    pass

    run(scenario())


def test_registry_may_be_a_predicate():
    async def scenario():
        server = JT808Server("127.0.0.1", 0, lambda phone, reg: reg.plate.startswith("粤B"), Sink())
        await server.start()
        try:
            async with connected(server, "13700000001") as terminal:  # default plate 粤B…
                assert terminal.auth_code
        finally:
            await server.stop()

    run(scenario())


def test_unauthenticated_location_is_rejected():
    async def scenario():
        sink = Sink()
        async with serving(sink=sink) as server, connected(server, start=False) as terminal:
            assert (await terminal.report(track_report(0, 0))).result == ReplyResult.FAILURE
            assert (await terminal.report_batch([track_report(0, 1)])).result == ReplyResult.FAILURE
            assert server.stats["unauthenticated"] == 2 and sink.calls == []

    run(scenario())


def test_bad_frames_are_counted_and_the_link_survives():
    async def scenario():
        async with serving() as server, connected(server) as terminal:
            await terminal.send_raw(b"\x00\x01garbage\x7e\x7e\x7d\x03\x7e")  # junk, empty, bad escape
            if VECTORS.exists():  # the captured frame whose checksum does not match
                capture = next(
                    v
                    for v in json.loads(VECTORS.read_text(encoding="utf-8"))["traccar_real_device_samples"]
                    if not v["decoded_here"]["checksum_ok"]
                )
                await terminal.send_raw(bytes.fromhex(capture["hex"]))
            else:
                await terminal.send_raw(_bad_checksum(encode_message(track_report(0, 0), PHONE, 99)))
            await terminal.send_raw(b"\x7e" + bytes(10_000) + b"\x7e")  # oversize
            await terminal.send_raw(encode_frame(Header(0x0200, 77, PHONE), b"\x01\x02"))  # short body
            assert (await terminal.heartbeat()).result == ReplyResult.SUCCESS
            assert (await terminal.report(track_report(0, 0))).result == ReplyResult.SUCCESS
            stats = server.stats
            assert (stats["frames_bad_checksum"], stats["frames_oversize"], stats["frames_malformed"]) == (1, 1, 3)
            assert stats["locations"] == 1 and stats["connections"] == 1

    run(scenario())


def _bad_checksum(frame: bytes) -> bytes:
    content = unescape(frame[1:-1])
    return b"\x7e" + escape(content[:-1] + bytes([content[-1] ^ 0xFF])) + b"\x7e"


def test_callback_failure_is_reported_not_fatal():
    async def scenario():
        async with serving(sink=Sink(fail=True)) as server, connected(server) as terminal:
            assert (await terminal.report(track_report(0, 0))).result == ReplyResult.FAILURE
            assert (await terminal.heartbeat()).result == ReplyResult.SUCCESS
            assert server.stats["callback_errors"] == 1

    run(scenario())


def test_unknown_message_is_unsupported_and_subpackages_are_reassembled():
    async def scenario():
        sink = Sink()
        async with serving(sink=sink) as server, connected(server) as terminal:
            batch = BatchLocation(0, tuple(track_report(0, step, WHEN) for step in range(30)))
            body = batch.pack()
            chunks = [body[i : i + 400] for i in range(0, len(body), 400)]
            for index, chunk in enumerate(chunks):
                await terminal.send_raw(
                    encode_frame(Header(0x0704, 500 + index, PHONE, None, 0, len(chunks), index + 1), chunk)
                )
            assert await terminal.request(_Unknown()) == GeneralReply(2, 0x0F00, ReplyResult.UNSUPPORTED)
            assert [report for _, report in sink.calls] == list(batch.reports)

    run(scenario())


class _Unknown(GeneralReply):
    """A message id the server does not handle."""

    MSG_ID = 0x0F00

    def __init__(self) -> None:
        super().__init__(0, 0, 0)


def test_idle_connection_is_closed():
    async def scenario():
        async with serving(heartbeat_timeout=0.2) as server:
            reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
            assert await asyncio.wait_for(reader.read(), 5) == b""  # EOF: the server hung up
            writer.close()
            assert server.stats["idle_timeouts"] == 1

    run(scenario())


def test_two_hundred_concurrent_terminals():
    async def scenario():
        phones = [f"1380000{i:04d}" for i in range(200)]
        sink = Sink()
        async with serving(phones, sink) as server:
            acked = await run_fleet("127.0.0.1", server.port, phones, reports=3, interval=0.05)
            assert acked == 600 and server.stats["connections"] == 200
        assert Counter(phone for phone, _ in sink.calls) == dict.fromkeys(phones, 3)
        expected = {
            (phone, round(track_report(i, step).latitude, 6)) for i, phone in enumerate(phones) for step in range(3)
        }
        assert {(phone, report.latitude) for phone, report in sink.calls} == expected

    run(scenario(), timeout=60)
