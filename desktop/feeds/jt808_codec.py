"""JT/T 808 codec (2013 and 2019 headers): framing, escaping, XOR checksum, headers, sub-packages and bodies.

Wire layout between two ``0x7E`` delimiters, escaped (``0x7E`` → ``7D 02``, ``0x7D`` → ``7D 01``)::

    msg_id:u16  props:u16  [version:u8 if props bit14]  phone:BCD[6 | 10]  serial:u16
    [packet_total:u16  packet_index:u16 if props bit13]  body  xor_checksum:u8

``props`` bits 0-9 are the body length, 10-12 the encryption mode (1 = RSA; encrypted bodies are
not decoded), 13 the sub-package flag, 14 the 2019 version flag. :class:`Header` ``version`` is
``None`` for a 2013 header and the protocol version byte (1 in JT/T 808-2019) otherwise.

Decoding errors are :class:`JT808Error` subclasses, never anything else.
"""

from __future__ import annotations

import enum
import functools
import operator
import struct
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone
from typing import ClassVar, Self

FLAG = 0x7E
ESCAPE = 0x7D
MAX_FRAME = 4096  # cap on an unescaped frame; the largest legal one is ~1.05 KiB
MAX_BODY = 0x3FF
CHINA_TZ = timezone(timedelta(hours=8), "UTC+08:00")


class JT808Error(ValueError):
    """Base class of every decoding error."""


class JT808ChecksumError(JT808Error):
    """The XOR checksum does not match the frame content."""


class JT808MalformedError(JT808Error):
    """Bad escaping, truncated or inconsistent header, or an undecodable body."""


# --- framing ---------------------------------------------------------------------------------------


def escape(data: bytes) -> bytes:
    return data.replace(b"\x7d", b"\x7d\x01").replace(b"\x7e", b"\x7d\x02")


def unescape(data: bytes) -> bytes:
    if FLAG in data or data.count(b"\x7d") != data.count(b"\x7d\x01") + data.count(b"\x7d\x02"):
        raise JT808MalformedError("bad escape sequence or delimiter inside a frame")
    return data.replace(b"\x7d\x02", b"\x7e").replace(b"\x7d\x01", b"\x7d")


def checksum(data: bytes) -> int:
    return functools.reduce(operator.xor, data, 0)


class FrameDecoder:
    """Splits a TCP byte stream into escaped frame contents (the bytes between two ``0x7E``).

    Bytes before the first delimiter are dropped; anything between two delimiters is a candidate
    frame (garbage then fails in :func:`decode_frame`). Frames longer than ``max_frame`` bytes once
    unescaped are dropped without being buffered whole and counted in :attr:`oversize`.
    """

    def __init__(self, max_frame: int = MAX_FRAME) -> None:
        self.max_frame = max_frame
        self.oversize = 0
        self._buffer = bytearray()
        self._synced = False  # a delimiter has been seen
        self._discarding = False

    def feed(self, data: bytes) -> list[bytes]:
        frames: list[bytes] = []
        start = 0
        while (end := data.find(FLAG, start)) >= 0:
            self._take(data[start:end])
            self._close(frames)
            start = end + 1
        self._take(data[start:])
        return frames

    def _take(self, chunk: bytes) -> None:
        if not self._synced or self._discarding or not chunk:
            return
        self._buffer += chunk
        if len(self._buffer) > 2 * self.max_frame:  # cannot unescape to max_frame or less
            self._drop_oversize()
            self._discarding = True

    def _close(self, frames: list[bytes]) -> None:
        if self._buffer:
            if len(self._buffer) - self._buffer.count(ESCAPE) > self.max_frame:
                self._drop_oversize()
            else:
                frames.append(bytes(self._buffer))
        self._buffer.clear()
        self._synced, self._discarding = True, False

    def _drop_oversize(self) -> None:
        self.oversize += 1
        self._buffer.clear()


# --- header ----------------------------------------------------------------------------------------


def _bcd(digits: str, size: int) -> bytes:
    digits = digits.zfill(2 * size)
    if len(digits) != 2 * size or not digits.isdigit():
        raise ValueError(f"{digits!r} does not fit {size} BCD bytes")
    return bytes.fromhex(digits)


def _from_bcd(raw: bytes) -> str:
    digits = raw.hex()
    if not digits.isdigit():
        raise JT808MalformedError(f"non-decimal BCD {digits!r}")
    return digits


@dataclass(frozen=True)
class Header:
    """Message header; ``phone_bcd`` is the terminal number as sent (encoders zero-pad it)."""

    msg_id: int
    serial: int
    phone_bcd: str
    version: int | None = None
    encryption: int = 0
    packet_total: int = 0  # 0: not a sub-package
    packet_index: int = 0  # 1-based

    @property
    def phone(self) -> str:
        """The terminal number without BCD zero padding: the same for 2013 and 2019 headers."""
        return self.phone_bcd.lstrip("0") or "0"

    @property
    def first_serial(self) -> int:
        """Serial of sub-package 1 of this message (sub-packages use consecutive serials)."""
        return (self.serial - max(self.packet_index, 1) + 1) & 0xFFFF


@dataclass(frozen=True)
class Packet:
    header: Header
    body: bytes


def encode_frame(header: Header, body: bytes) -> bytes:
    """Header + body → checksummed, escaped frame with both delimiters."""
    if len(body) > MAX_BODY:
        raise ValueError(f"body of {len(body)} bytes exceeds {MAX_BODY}; split it into sub-packages")
    split = header.packet_total > 0
    props = len(body) | (header.encryption & 7) << 10 | split << 13 | (header.version is not None) << 14
    parts = [struct.pack(">HH", header.msg_id, props)]
    if header.version is not None:
        parts += [bytes([header.version]), _bcd(header.phone_bcd, 10)]
    else:
        parts.append(_bcd(header.phone_bcd, 6))
    parts.append(struct.pack(">H", header.serial & 0xFFFF))
    if split:
        parts.append(struct.pack(">HH", header.packet_total, header.packet_index))
    content = b"".join(parts) + body
    return bytes([FLAG]) + escape(content + bytes([checksum(content)])) + bytes([FLAG])


def decode_frame(frame: bytes) -> Packet:
    """Escaped frame (with or without its delimiters) → :class:`Packet`; checks escaping and checksum."""
    data = unescape(frame.strip(b"\x7e"))
    if len(data) < 13:
        raise JT808MalformedError(f"frame of {len(data)} bytes is shorter than a header")
    if checksum(data[:-1]) != data[-1]:
        raise JT808ChecksumError(f"checksum {data[-1]:#04x} != computed {checksum(data[:-1]):#04x}")
    msg_id, props = struct.unpack_from(">HH", data)
    version = data[4] if props & 0x4000 else None
    offset = 4 if version is None else 5
    phone_size = 6 if version is None else 10
    split = bool(props & 0x2000)
    if len(data) < offset + phone_size + 2 + 4 * split + 1:
        raise JT808MalformedError("header truncated")
    phone = _from_bcd(data[offset : offset + phone_size])
    offset += phone_size
    (serial,) = struct.unpack_from(">H", data, offset)
    offset += 2
    total = index = 0
    if split:
        total, index = struct.unpack_from(">HH", data, offset)
        offset += 4
        if not 1 <= index <= total:
            raise JT808MalformedError(f"sub-package {index}/{total}")
    body = data[offset:-1]
    if len(body) != props & MAX_BODY:
        raise JT808MalformedError(f"body is {len(body)} bytes, header says {props & MAX_BODY}")
    return Packet(Header(msg_id, serial, phone, version, props >> 10 & 7, total, index), body)


class Reassembler:
    """Joins sub-packages keyed by (phone, msg_id, first serial, total) into one :class:`Packet`.

    Incomplete messages older than ``timeout`` seconds, and any message that would push the pending
    bytes over ``max_bytes``, are dropped and counted in :attr:`dropped`.
    """

    def __init__(
        self, timeout: float = 60.0, max_bytes: int = 256 * 1024, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.timeout, self.max_bytes, self._clock = timeout, max_bytes, clock
        self.dropped = 0
        self._pending: dict[tuple, tuple[float, dict[int, bytes]]] = {}
        self._size = 0

    def add(self, packet: Packet) -> Packet | None:
        """Returns the packet itself if unsplit, the whole message once complete, else ``None``."""
        header = packet.header
        if not header.packet_total:
            return packet
        now = self._clock()
        for key in [k for k, (started, _) in self._pending.items() if now - started > self.timeout]:
            self._discard(key)
        key = (header.phone, header.msg_id, header.first_serial, header.packet_total)
        parts = self._pending.setdefault(key, (now, {}))[1]
        self._size += len(packet.body) - len(parts.get(header.packet_index, b""))
        parts[header.packet_index] = packet.body
        if self._size > self.max_bytes:
            self._discard(key)
            return None
        if len(parts) < header.packet_total:
            return None
        del self._pending[key]
        body = b"".join(parts[i] for i in range(1, header.packet_total + 1))
        self._size -= len(body)
        whole = replace(header, serial=header.first_serial, packet_total=0, packet_index=0)
        return Packet(whole, body)

    def _discard(self, key: tuple) -> None:
        self._size -= sum(map(len, self._pending.pop(key)[1].values()))
        self.dropped += 1


class SerialCounter:
    """Per-connection message serial, wrapping at 0xFFFF."""

    def __init__(self) -> None:
        self._next = 0

    def next(self) -> int:
        serial, self._next = self._next, (self._next + 1) & 0xFFFF
        return serial


# --- body helpers ----------------------------------------------------------------------------------


def _text(raw: bytes) -> str:
    return raw.rstrip(b"\x00").decode("gbk")


def _fixed(text: str, size: int) -> bytes:
    raw = text.encode("gbk")
    if len(raw) > size:
        raise ValueError(f"{text!r} is longer than {size} bytes")
    return raw.ljust(size, b"\x00")


def _need(data: bytes, size: int, what: str) -> None:
    if len(data) < size:
        raise JT808MalformedError(f"{what} needs {size} bytes, got {len(data)}")


def _decode_time(raw: bytes) -> datetime | None:
    """BCD YYMMDDhhmmss in UTC+8; ``None`` when all zero or not a valid date (unpositioned devices)."""
    digits = raw.hex()
    if not digits.isdigit():
        return None
    year, month, day, hour, minute, second = (int(digits[i : i + 2]) for i in range(0, 12, 2))
    try:
        return datetime(2000 + year, month, day, hour, minute, second, tzinfo=CHINA_TZ)
    except ValueError:
        return None


def _encode_time(value: datetime | None) -> bytes:
    """Naive datetimes are taken as UTC+8 wall time."""
    if value is None:
        return bytes(6)
    if value.tzinfo is not None:
        value = value.astimezone(CHINA_TZ)
    return bytes.fromhex(value.strftime("%y%m%d%H%M%S"))


class Body:
    """A message body type: ``MSG_ID`` plus ``pack``/``unpack`` for a header version."""

    MSG_ID: ClassVar[int]

    def pack(self, version: int | None = None) -> bytes:
        raise NotImplementedError

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        raise NotImplementedError


# --- terminal → platform ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Registration(Body):
    """0x0100. Field widths (maker, model, terminal id): 2011 (5, 8, 7), 2013 (5, 20, 7), 2019 (11, 30, 30).

    A 2013 header body shorter than the 2013 layout is read with the 2011 layout; encoders write 2013/2019.
    """

    MSG_ID: ClassVar[int] = 0x0100
    _WIDTHS: ClassVar[dict[str, tuple[int, int, int]]] = {"2011": (5, 8, 7), "2013": (5, 20, 7), "2019": (11, 30, 30)}
    province: int
    city: int
    maker: str
    model: str
    terminal_id: str
    plate_color: int
    plate: str

    @classmethod
    def _widths(cls, version: int | None, size: int | None = None) -> tuple[int, int, int]:
        if version is not None:
            return cls._WIDTHS["2019"]
        return cls._WIDTHS["2011" if size is not None and size < 4 + 32 + 1 else "2013"]

    def pack(self, version: int | None = None) -> bytes:
        widths = self._widths(version)
        fields = (_fixed(t, w) for t, w in zip((self.maker, self.model, self.terminal_id), widths))
        return (
            struct.pack(">HH", self.province, self.city)
            + b"".join(fields)
            + bytes([self.plate_color])
            + self.plate.encode("gbk")
        )

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        widths = cls._widths(version, len(data))
        _need(data, 5 + sum(widths), "registration")
        province, city = struct.unpack_from(">HH", data)
        texts, offset = [], 4
        for width in widths:
            texts.append(_text(data[offset : offset + width]))
            offset += width
        return cls(province, city, *texts, data[offset], _text(data[offset + 1 :]))


@dataclass(frozen=True)
class Authentication(Body):
    """0x0102. 2013: the code is the whole body; 2019: length-prefixed code, IMEI(15), software version(20)."""

    MSG_ID: ClassVar[int] = 0x0102
    code: str
    imei: str = ""
    software_version: str = ""

    def pack(self, version: int | None = None) -> bytes:
        code = self.code.encode("gbk")
        if version is None:
            return code
        return bytes([len(code)]) + code + _fixed(self.imei, 15) + _fixed(self.software_version, 20)

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        if version is None:
            return cls(_text(data))
        _need(data, 1, "authentication")
        n = data[0]
        _need(data, 36 + n, "authentication")
        return cls(_text(data[1 : 1 + n]), _text(data[1 + n : 16 + n]), _text(data[16 + n : 36 + n]))


@dataclass(frozen=True)
class Heartbeat(Body):
    """0x0002, empty body."""

    MSG_ID: ClassVar[int] = 0x0002

    def pack(self, version: int | None = None) -> bytes:
        return b""

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        return cls()


class Alarm(enum.IntFlag):
    """0x0200 alarm flag bits (JT/T 808-2019 table 25; 15-17 are 2019 additions)."""

    EMERGENCY = 1 << 0
    OVERSPEED = 1 << 1
    FATIGUE = 1 << 2
    DANGER_WARNING = 1 << 3
    GNSS_FAULT = 1 << 4
    GNSS_ANTENNA_CUT = 1 << 5
    GNSS_ANTENNA_SHORT = 1 << 6
    POWER_UNDERVOLTAGE = 1 << 7
    POWER_LOST = 1 << 8
    DISPLAY_FAULT = 1 << 9
    TTS_FAULT = 1 << 10
    CAMERA_FAULT = 1 << 11
    IC_CARD_FAULT = 1 << 12
    OVERSPEED_WARNING = 1 << 13
    FATIGUE_WARNING = 1 << 14
    VIOLATION_DRIVING = 1 << 15
    TIRE_PRESSURE_WARNING = 1 << 16
    RIGHT_TURN_BLIND_SPOT = 1 << 17
    DRIVING_TIMEOUT_TODAY = 1 << 18
    PARKING_TIMEOUT = 1 << 19
    AREA_IN_OUT = 1 << 20
    ROUTE_IN_OUT = 1 << 21
    ROUTE_TIME = 1 << 22
    ROUTE_DEVIATION = 1 << 23
    VSS_FAULT = 1 << 24
    FUEL_ABNORMAL = 1 << 25
    STOLEN = 1 << 26
    ILLEGAL_IGNITION = 1 << 27
    ILLEGAL_DISPLACEMENT = 1 << 28
    COLLISION = 1 << 29
    ROLLOVER = 1 << 30
    ILLEGAL_DOOR_OPEN = 1 << 31


class Status(enum.IntFlag):
    """0x0200 status bits (table 24). Bits 8-9 (load: 00 empty, 01 half, 11 full) are left unnamed."""

    ACC_ON = 1 << 0
    POSITIONED = 1 << 1
    SOUTH = 1 << 2
    WEST = 1 << 3
    OUT_OF_SERVICE = 1 << 4
    COORDS_ENCRYPTED = 1 << 5
    FORWARD_COLLISION_WARNING = 1 << 6
    LANE_DEPARTURE_WARNING = 1 << 7
    OIL_CUT = 1 << 10
    CIRCUIT_CUT = 1 << 11
    DOOR_LOCKED = 1 << 12
    DOOR1_OPEN = 1 << 13
    DOOR2_OPEN = 1 << 14
    DOOR3_OPEN = 1 << 15
    DOOR4_OPEN = 1 << 16
    DOOR5_OPEN = 1 << 17
    GPS = 1 << 18
    BEIDOU = 1 << 19
    GLONASS = 1 << 20
    GALILEO = 1 << 21
    MOVING = 1 << 22


_LOCATION = struct.Struct(">IIIIHHH")  # alarm, status, lat, lon, altitude, speed, heading; then BCD time


@dataclass(frozen=True)
class LocationReport(Body):
    """0x0200. Raw integers as sent (round-trip exact); degrees, km/h and extra items via properties.

    ``extras`` keeps every additional item ``(id, value)`` in order, known or not; a last item whose
    length overruns the body keeps the bytes that are there.
    """

    MSG_ID: ClassVar[int] = 0x0200
    alarm: Alarm
    status: Status
    lat_raw: int  # degrees * 1e6, unsigned; the hemisphere is Status.SOUTH
    lon_raw: int  # likewise, Status.WEST
    altitude: int  # m
    speed_raw: int  # 1/10 km/h
    heading: int  # degrees from north
    time: datetime | None  # UTC+8 aware; None when the device sent no valid time
    extras: tuple[tuple[int, bytes], ...] = ()

    @classmethod
    def at(
        cls,
        latitude: float,
        longitude: float,
        time: datetime,
        *,
        speed_kmh: float = 0.0,
        heading: int = 0,
        altitude: int = 0,
        alarm: Alarm = Alarm(0),
        status: Status = Status.ACC_ON | Status.POSITIONED,
        mileage_km: float | None = None,
    ) -> Self:
        """A report for signed degrees; sets the SOUTH/WEST bits from the signs."""
        hemisphere = (Status.SOUTH if latitude < 0 else 0) | (Status.WEST if longitude < 0 else 0)
        status = Status(status & ~(Status.SOUTH | Status.WEST) | hemisphere)
        extras = () if mileage_km is None else ((0x01, struct.pack(">I", round(mileage_km * 10))),)
        return cls(
            alarm,
            status,
            round(abs(latitude) * 1e6),
            round(abs(longitude) * 1e6),
            altitude,
            round(speed_kmh * 10),
            heading,
            time,
            extras,
        )

    @property
    def latitude(self) -> float:
        return -self.lat_raw / 1e6 if self.status & Status.SOUTH else self.lat_raw / 1e6

    @property
    def longitude(self) -> float:
        return -self.lon_raw / 1e6 if self.status & Status.WEST else self.lon_raw / 1e6

    @property
    def speed_kmh(self) -> float:
        return self.speed_raw / 10

    @property
    def acc_on(self) -> bool:
        return bool(self.status & Status.ACC_ON)

    @property
    def positioned(self) -> bool:
        return bool(self.status & Status.POSITIONED)

    def _extra(self, item_id: int, fmt: str) -> int | None:
        for key, value in self.extras:
            if key == item_id and len(value) == struct.calcsize(fmt):
                return struct.unpack(fmt, value)[0]
        return None

    def _scaled(self, item_id: int, fmt: str) -> float | None:
        value = self._extra(item_id, fmt)
        return None if value is None else value / 10

    @property
    def mileage_km(self) -> float | None:
        """Item 0x01, 1/10 km."""
        return self._scaled(0x01, ">I")

    @property
    def fuel_l(self) -> float | None:
        """Item 0x02, 1/10 L."""
        return self._scaled(0x02, ">H")

    @property
    def recorder_speed_kmh(self) -> float | None:
        """Item 0x03, tachograph speed, 1/10 km/h."""
        return self._scaled(0x03, ">H")

    @property
    def extended_status(self) -> int | None:
        """Item 0x25, extended vehicle signal bits."""
        return self._extra(0x25, ">I")

    @property
    def signal_strength(self) -> int | None:
        """Item 0x30, wireless signal strength."""
        return self._extra(0x30, ">B")

    @property
    def satellites(self) -> int | None:
        """Item 0x31, GNSS satellites in use."""
        return self._extra(0x31, ">B")

    def pack(self, version: int | None = None) -> bytes:
        fixed = _LOCATION.pack(
            self.alarm, self.status, self.lat_raw, self.lon_raw, self.altitude, self.speed_raw, self.heading
        )
        items = b"".join(bytes([key, len(value)]) + value for key, value in self.extras)
        return fixed + _encode_time(self.time) + items

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        _need(data, _LOCATION.size + 6, "location report")
        alarm, status, lat, lon, altitude, speed, heading = _LOCATION.unpack_from(data)
        extras, offset = [], _LOCATION.size + 6
        while offset < len(data):
            length = data[offset + 1] if offset + 1 < len(data) else 0
            extras.append((data[offset], data[offset + 2 : offset + 2 + length]))
            offset += 2 + length
        return cls(
            Alarm(alarm),
            Status(status),
            lat,
            lon,
            altitude,
            speed,
            heading,
            _decode_time(data[_LOCATION.size : _LOCATION.size + 6]),
            tuple(extras),
        )


@dataclass(frozen=True)
class BatchLocation(Body):
    """0x0704: ``kind`` 0 = normal batch, 1 = blind-area back-fill; each item a u16-length-prefixed 0x0200 body."""

    MSG_ID: ClassVar[int] = 0x0704
    kind: int
    reports: tuple[LocationReport, ...]

    def pack(self, version: int | None = None) -> bytes:
        items = (report.pack(version) for report in self.reports)
        return struct.pack(">HB", len(self.reports), self.kind) + b"".join(
            struct.pack(">H", len(item)) + item for item in items
        )

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        _need(data, 3, "batch location")
        count, kind = struct.unpack_from(">HB", data)
        reports, offset = [], 3
        for _ in range(count):
            _need(data, offset + 2, "batch item length")
            (length,) = struct.unpack_from(">H", data, offset)
            _need(data, offset + 2 + length, "batch item")
            reports.append(LocationReport.unpack(data[offset + 2 : offset + 2 + length], version))
            offset += 2 + length
        return cls(kind, tuple(reports))


# --- platform → terminal ---------------------------------------------------------------------------


class RegistrationResult(enum.IntEnum):
    SUCCESS = 0
    VEHICLE_REGISTERED = 1
    NO_SUCH_VEHICLE = 2
    TERMINAL_REGISTERED = 3
    NO_SUCH_TERMINAL = 4


class ReplyResult(enum.IntEnum):
    SUCCESS = 0
    FAILURE = 1
    BAD_MESSAGE = 2
    UNSUPPORTED = 3
    ALARM_CONFIRMED = 4


@dataclass(frozen=True)
class RegistrationReply(Body):
    """0x8100; the auth code is present only on success. ``result`` is a :class:`RegistrationResult` value."""

    MSG_ID: ClassVar[int] = 0x8100
    ack_serial: int
    result: int
    auth_code: str | None = None

    def pack(self, version: int | None = None) -> bytes:
        code = (self.auth_code or "").encode("gbk") if self.result == RegistrationResult.SUCCESS else b""
        return struct.pack(">HB", self.ack_serial, self.result) + code

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        _need(data, 3, "registration reply")
        ack_serial, result = struct.unpack_from(">HB", data)
        return cls(ack_serial, result, _text(data[3:]) if len(data) > 3 else None)


@dataclass(frozen=True)
class GeneralReply(Body):
    """0x8001 platform general reply. ``result`` is a :class:`ReplyResult` value."""

    MSG_ID: ClassVar[int] = 0x8001
    ack_serial: int
    ack_msg_id: int
    result: int

    def pack(self, version: int | None = None) -> bytes:
        return struct.pack(">HHB", self.ack_serial, self.ack_msg_id, self.result)

    @classmethod
    def unpack(cls, data: bytes, version: int | None = None) -> Self:
        _need(data, 5, "general reply")
        return cls(*struct.unpack_from(">HHB", data))


BODY_TYPES: dict[int, type[Body]] = {
    cls.MSG_ID: cls
    for cls in (Registration, Authentication, Heartbeat, LocationReport, BatchLocation, RegistrationReply, GeneralReply)
}


def decode_body(packet: Packet) -> Body | None:
    """Body of a whole (reassembled) packet; ``None`` for unknown message ids, encrypted bodies and
    lone sub-packages."""
    header = packet.header
    body_type = BODY_TYPES.get(header.msg_id)
    if body_type is None or header.encryption or header.packet_total:
        return None
    try:
        return body_type.unpack(packet.body, header.version)
    except JT808Error:
        raise
    except (ValueError, struct.error, IndexError) as exc:  # includes UnicodeDecodeError
        raise JT808MalformedError(f"{body_type.__name__}: {exc}") from exc


def encode_message(body: Body, phone: str, serial: int, version: int | None = None) -> bytes:
    """One complete frame for ``body``."""
    return encode_frame(Header(body.MSG_ID, serial, phone, version), body.pack(version))
