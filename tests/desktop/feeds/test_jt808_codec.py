"""JT/T 808 codec: real frames from the shared test vectors, escaping, round trips, sub-packages, streams, fuzz."""

from __future__ import annotations

import json
import random
import re
import struct
from datetime import datetime
from pathlib import Path

import pytest

from desktop.feeds.jt808_codec import (
    CHINA_TZ,
    Alarm,
    Authentication,
    BatchLocation,
    FrameDecoder,
    GeneralReply,
    Header,
    Heartbeat,
    JT808ChecksumError,
    JT808Error,
    JT808MalformedError,
    LocationReport,
    Packet,
    Reassembler,
    Registration,
    RegistrationReply,
    Status,
    checksum,
    decode_body,
    decode_frame,
    encode_frame,
    encode_message,
    escape,
    unescape,
)

VECTORS = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "jt808" / "jt808_test_vectors.json"
GROUPS = ("smallchi_unit_test_vectors", "traccar_real_device_samples", "xtream_codec_debug_ui_vectors")
MISSING = pytest.mark.skip(reason=f"JT/T 808 test vectors not found at {VECTORS} (shared data folder absent)")


def _vectors() -> list[dict]:
    if not VECTORS.exists():
        return []
    data = json.loads(VECTORS.read_text(encoding="utf-8"))
    return [dict(vector, group=group, index=i) for group in GROUPS for i, vector in enumerate(data[group])]


ALL = _vectors()


def _params(selected: list[dict]) -> list:
    if not VECTORS.exists():
        return [pytest.param(None, marks=MISSING)]
    return [pytest.param(v, id=f"{v['group'].split('_')[0]}-{v['index']}") for v in selected]


FRAMES = [v for v in ALL if "hex" in v]
GOOD_FRAMES = [v for v in FRAMES if v["decoded_here"]["checksum_ok"]]


def _time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=CHINA_TZ)


def _check_location(report: LocationReport, expected: dict) -> None:
    assert report.alarm == expected["alarm_flag"] and report.status == expected["status"]
    assert (report.lat_raw, report.lon_raw) == (expected["lat_raw"], expected["lng_raw"])
    assert report.latitude == pytest.approx(expected["lat_deg"], abs=1e-9)
    assert report.longitude == pytest.approx(expected["lng_deg"], abs=1e-9)
    assert report.altitude == expected["altitude_m"] and report.heading == expected["direction_deg"]
    assert report.speed_raw == expected["speed_raw_0_1kmh"]
    assert report.speed_kmh == pytest.approx(expected["speed_kmh"])
    assert report.time == _time(expected["time"]) and report.time.utcoffset().total_seconds() == 8 * 3600
    assert (report.acc_on, report.positioned) == (expected["acc_on"], expected["positioned"])
    assert [(f"0x{key:02X}", value.hex().upper()) for key, value in report.extras] == [
        (item["id"], item["value_hex"]) for item in expected["additional"]
    ]
    named = {
        "mileage_0_1km": ("mileage_km", 10),
        "fuel_0_1L": ("fuel_l", 10),
        "speed_recorder_0_1kmh": ("recorder_speed_kmh", 10),
        "rssi": ("signal_strength", 1),
        "gnss_satellites": ("satellites", 1),
    }
    for item in expected["additional"]:
        for key, (attribute, scale) in named.items():
            if key in item:
                assert getattr(report, attribute) * scale == pytest.approx(item[key])
    extended = [int(item["value_hex"], 16) for item in expected["additional"] if item["id"] == "0x25"]
    assert report.extended_status == (extended[0] if extended else None)


def _check_body(body, expected: dict) -> None:
    if isinstance(body, LocationReport):
        _check_location(body, expected)
    elif isinstance(body, BatchLocation):
        assert (len(body.reports), body.kind) == (expected["count"], expected["type"])
        for report, item in zip(body.reports, expected["items"], strict=True):
            _check_location(report, item)
    elif isinstance(body, Registration):
        assert (body.province, body.city, body.maker, body.model, body.terminal_id, body.plate_color, body.plate) == (
            expected["province_id"],
            expected["city_id"],
            expected["maker_id"],
            expected["model"],
            expected["terminal_id"],
            expected["plate_color"],
            expected["plate"],
        )
    elif isinstance(body, Authentication):
        assert body.code == expected["auth_code"]
    elif isinstance(body, RegistrationReply):
        assert (body.ack_serial, body.result, body.auth_code) == (
            expected["ack_serial"],
            expected["result"],
            expected["auth_code"],
        )
    else:
        assert isinstance(body, (Heartbeat, GeneralReply)) and expected in ({}, None)


@pytest.mark.parametrize("vector", _params(GOOD_FRAMES))
def test_vector_frames_decode_to_the_expected_values(vector):
    packet = decode_frame(bytes.fromhex(vector["hex"]))
    expected = vector["decoded_here"]
    header, exp = packet.header, expected["header"]
    assert header.msg_id == int(exp["msg_id"], 16) and header.serial == exp["msg_serial"]
    assert header.phone_bcd == exp["phone_bcd"] and len(packet.body) == exp["body_len"]
    assert (header.encryption, header.packet_total > 0) == (exp["encrypt"], exp["subpackage"])
    assert (header.version is not None) == exp["version_flag_2019"]
    assert header.version == exp.get("protocol_version")
    assert packet.body.hex().upper() == expected["body_hex"]
    _check_body(decode_body(packet), expected.get("body"))


def _asserted_value(text):
    match = re.fullmatch(r"\w+\((\d+)\)", str(text))
    return int(match[1]) if match else text


SMALLCHI_FIELDS = {
    "MsgNum": lambda p, b: p.header.serial,
    "TerminalPhoneNo": lambda p, b: p.header.phone,
    "ProtocolVersion": lambda p, b: p.header.version,
    "VersionFlag": lambda p, b: p.header.version is not None,
    "DataLength": lambda p, b: len(p.body),
    "IsPackage": lambda p, b: p.header.packet_total > 0,
    "AreaID": lambda p, b: b.province,
    "CityOrCountyId": lambda p, b: b.city,
    "MakerId": lambda p, b: b.maker,
    "PlateColor": lambda p, b: b.plate_color,
    "PlateNo": lambda p, b: b.plate,
    "TerminalId": lambda p, b: b.terminal_id,
    "TerminalModel": lambda p, b: b.model,
    "Code": lambda p, b: b.code if isinstance(b, Authentication) else b.auth_code,
    "AckMsgNum": lambda p, b: b.ack_serial,
    "Result": lambda p, b: b.result,
    "AlarmFlag": lambda p, b: b.alarm,
    "StatusFlag": lambda p, b: b.status,
    "Lat": lambda p, b: b.lat_raw,
    "Lng": lambda p, b: b.lon_raw,
    "Altitude": lambda p, b: b.altitude,
    "Speed": lambda p, b: b.speed_raw,
    "Direction": lambda p, b: b.heading,
    "GPSTime": lambda p, b: b.time.strftime("%Y-%m-%d %H:%M:%S"),
    "0x01 Mileage": lambda p, b: round(b.mileage_km * 10),
    "0x02 Oil": lambda p, b: round(b.fuel_l * 10),
}


@pytest.mark.parametrize("vector", _params([v for v in FRAMES if "asserted" in v]))
def test_smallchi_asserted_values(vector):
    packet = decode_frame(bytes.fromhex(vector["hex"]))
    body = decode_body(packet)
    asserted = {k: v for k, v in vector["asserted"].items() if k not in ("MsgId", "Bodies", "Encrypt")}
    assert {k: SMALLCHI_FIELDS[k](packet, body) for k in asserted} == {
        k: _asserted_value(v) for k, v in asserted.items()
    }
    assert vector["asserted"].get("Encrypt", "None") == "None" and packet.header.encryption == 0


def _xtream_location(report: LocationReport, item: dict) -> None:
    assert (
        report.alarm,
        report.status,
        report.lat_raw,
        report.lon_raw,
        report.altitude,
        report.speed_raw,
        report.heading,
        report.time,
    ) == (
        item["alarmFlag"],
        item["status"],
        item["latitude"],
        item["longitude"],
        item["altitude"],
        item["speed"],
        item["direction"],
        _time(item["time"]),
    )
    extras = {str(key): int.from_bytes(value) for key, value in report.extras}
    assert extras == item.get("extraItems", {})


@pytest.mark.parametrize("vector", _params([v for v in FRAMES if "asserted_bodyJson" in v]))
def test_xtream_asserted_values(vector):
    body, asserted = decode_body(decode_frame(bytes.fromhex(vector["hex"]))), vector["asserted_bodyJson"]
    if isinstance(body, LocationReport):
        _xtream_location(body, asserted)
        assert body.latitude == pytest.approx(-31.234567)  # status bit 2: south
    elif isinstance(body, BatchLocation):
        assert (len(body.reports), body.kind) == (asserted["count"], asserted["type"])
        for report, item in zip(body.reports, asserted["itemList"], strict=True):
            _xtream_location(report, item)
    elif isinstance(body, RegistrationReply):
        assert (body.ack_serial, body.result, body.auth_code) == (
            asserted["clientFlowId"],
            asserted["result"],
            asserted["authCode"],
        )
    else:
        assert body == GeneralReply(asserted["clientFlowId"], asserted["clientMessageId"], asserted["result"])


@pytest.mark.parametrize("vector", _params([v for v in ALL if "body_hex_only" in v]))
def test_2019_authentication_body(vector):
    body = Authentication.unpack(bytes.fromhex(vector["body_hex_only"]), version=1)
    asserted = vector["asserted"]
    assert body == Authentication(asserted["Code"], asserted["IMEI"], asserted["SoftwareVersion"])
    assert len(asserted["Code"]) == asserted["CodeLength"]
    assert body.pack(1).hex().upper() == vector["body_hex_only"]


@pytest.mark.parametrize("vector", _params([v for v in FRAMES if not v["decoded_here"]["checksum_ok"]]))
def test_bad_checksum_capture_is_rejected(vector):
    with pytest.raises(JT808ChecksumError):
        decode_frame(bytes.fromhex(vector["hex"]))


NOT_BYTE_EXACT = {
    "traccar-1": "2011 registration layout; encoders write the 2013 one",
    "traccar-3": "last vendor item overruns the body; its bytes are kept, its length is not",
}


@pytest.mark.parametrize("vector", _params(GOOD_FRAMES))
def test_vector_frames_reencode(vector, request):
    """Header + raw body re-encode byte for byte; bodies re-encode byte for byte or, for the known
    exceptions, at least decode back to the same values."""
    frame = bytes.fromhex(vector["hex"])
    packet = decode_frame(frame)
    assert encode_frame(packet.header, packet.body) == frame
    body, version = decode_body(packet), packet.header.version
    assert type(body).unpack(body.pack(version), version) == body
    if request.node.callspec.id not in NOT_BYTE_EXACT:
        assert body.pack(version) == packet.body


# --- escaping ----------------------------------------------------------------------------------------


def test_escaping_round_trips_and_rejects_bad_sequences():
    rng = random.Random(808)
    for _ in range(500):
        data = bytes(rng.choice((0x7E, 0x7D, 0x01, 0x02, rng.randrange(256))) for _ in range(rng.randrange(40)))
        escaped = escape(data)
        assert b"\x7e" not in escaped and unescape(escaped) == data
    assert escape(b"\x30\x7e\x08\x7d\x55") == bytes.fromhex("307D02087D0155")
    for bad in (b"\x7d", b"\x7d\x03", b"\x01\x7e\x02", b"\x7d\x7d\x01"):
        with pytest.raises(JT808MalformedError):
            unescape(bad)


@pytest.mark.parametrize("target", [0x7E, 0x7D])
def test_escaped_body_and_checksum_round_trip(target):
    body = bytes.fromhex("7E7D7D7E017D02")
    for serial in range(256):
        header = Header(0x0900, serial, "13800138000")
        if checksum(_content(header, body)) == target:
            break
    frame = encode_frame(header, body)
    assert frame[0] == frame[-1] == 0x7E and b"\x7e" not in frame[1:-1]
    assert frame[-3:-1] == (b"\x7d\x02" if target == 0x7E else b"\x7d\x01")
    packet = decode_frame(frame)
    assert packet == Packet(Header(0x0900, header.serial, "013800138000"), body)


def _content(header: Header, body: bytes) -> bytes:
    return unescape(encode_frame(header, body)[1:-1])[:-1]


# --- round trips ---------------------------------------------------------------------------------------

WHEN = datetime(2024, 10, 29, 21, 39, 3, tzinfo=CHINA_TZ)
REPORT = LocationReport(
    Alarm.OVERSPEED | Alarm.FATIGUE,
    Status.ACC_ON | Status.POSITIONED | Status.WEST | Status.GPS,
    31000562,
    121451372,
    666,
    333,
    89,
    WHEN,
    (
        (0x01, struct.pack(">I", 1234)),
        (0x02, b"\x00\x37"),
        (0x03, b"\x01\x4d"),
        (0x25, b"\x00\x00\x00\x03"),
        (0x30, b"\x14"),
        (0x31, b"\x0c"),
        (0xEB, b"\x7e\x7d\x00"),
    ),
)
BODIES = [
    Registration(44, 303, "70111", "BSJ-A6", "0567872", 1, "粤B88888"),
    Authentication("ok..ok", "860000000000001", "v2.0.0"),
    Heartbeat(),
    REPORT,
    LocationReport.at(-33.5, -70.25, WHEN, speed_kmh=12.3, heading=359, altitude=12, mileage_km=99.9),
    BatchLocation(1, (REPORT, LocationReport.at(22.5, 114.0, WHEN))),
    RegistrationReply(7, 0, "auth-code"),
    RegistrationReply(8, 4),
    GeneralReply(65535, 0x0200, 1),
]


@pytest.mark.parametrize("version", [None, 1], ids=["2013", "2019"])
@pytest.mark.parametrize("body", BODIES, ids=lambda b: type(b).__name__)
def test_encode_decode_round_trip(body, version):
    frame = encode_message(body, "13912344329", 4321, version)
    packet = decode_frame(frame)
    assert packet.header == Header(body.MSG_ID, 4321, "13912344329".zfill(12 if version is None else 20), version)
    assert packet.header.phone == "13912344329"
    decoded = decode_body(packet)
    if isinstance(body, Authentication) and version is None:
        assert decoded == Authentication(body.code)  # 2013 carries only the code
    else:
        assert decoded == body


def test_location_properties():
    assert (REPORT.latitude, REPORT.longitude, REPORT.speed_kmh) == (31.000562, -121.451372, 33.3)
    assert (REPORT.mileage_km, REPORT.fuel_l, REPORT.recorder_speed_kmh) == (123.4, 5.5, 33.3)
    assert (REPORT.extended_status, REPORT.signal_strength, REPORT.satellites) == (3, 20, 12)
    south_west = LocationReport.at(-33.5, -70.25, WHEN, status=Status.ACC_ON | Status.SOUTH | Status.WEST)
    assert (south_west.latitude, south_west.longitude) == (-33.5, -70.25)
    north_east = LocationReport.at(33.5, 70.25, WHEN, status=Status.SOUTH | Status.WEST | Status.POSITIONED)
    assert north_east.status == Status.POSITIONED and north_east.mileage_km is None
    assert LocationReport.unpack(REPORT.pack()[:22] + bytes(6)).time is None  # no valid time: None


def test_encrypted_and_unknown_bodies_are_not_decoded():
    encrypted = decode_frame(encode_frame(Header(0x0200, 1, "1", encryption=1), REPORT.pack()))
    assert encrypted.header.encryption == 1 and decode_body(encrypted) is None
    assert decode_body(decode_frame(encode_frame(Header(0x0F0F, 1, "1"), b"xyz"))) is None


def test_frame_errors():
    good = encode_message(Heartbeat(), "1", 1)
    with pytest.raises(JT808MalformedError, match="shorter"):
        decode_frame(good[:8])
    body_len_lie = bytearray(unescape(good[1:-1]))
    body_len_lie[3] = 5
    body_len_lie[-1] = checksum(body_len_lie[:-1])
    with pytest.raises(JT808MalformedError, match="header says 5"):
        decode_frame(escape(bytes(body_len_lie)))
    with pytest.raises(ValueError):
        encode_frame(Header(0x0200, 1, "1"), bytes(1024))


# --- sub-packages ----------------------------------------------------------------------------------------


def _split(body: bytes, phone: str, first_serial: int, size: int, version=None) -> list[Packet]:
    chunks = [body[i : i + size] for i in range(0, len(body), size)]
    return [
        decode_frame(encode_frame(Header(0x0704, first_serial + i, phone, version, 0, len(chunks), i + 1), chunk))
        for i, chunk in enumerate(chunks)
    ]


@pytest.mark.parametrize("version", [None, 1], ids=["2013", "2019"])
def test_subpackage_reassembly(version):
    batch = BatchLocation(0, tuple(LocationReport.at(22.5 + i / 100, 114.0, WHEN) for i in range(40)))
    body = batch.pack(version)
    parts = _split(body, "13800138000", 0xFFFE, 512, version)  # serials wrap past 0xFFFF
    assert len(parts) == 3 and [p.header.packet_index for p in parts] == [1, 2, 3]
    other = _split(REPORT.pack() * 2, "13900000000", 0xFFFE, 50, version)
    reassembler = Reassembler()
    results = [reassembler.add(p) for p in (parts[2], other[0], parts[0], other[1], parts[1])]
    assert results[:4] == [None] * 4
    whole = results[4]
    assert whole.header == Header(0x0704, 0xFFFE, parts[0].header.phone_bcd, version)
    assert decode_body(whole) == batch
    plain = decode_frame(encode_message(REPORT, "1", 5))
    assert reassembler.add(plain) is plain and reassembler.dropped == 0


def test_subpackage_timeout_and_size_bound():
    now = [0.0]
    reassembler = Reassembler(timeout=30, max_bytes=1000, clock=lambda: now[0])
    parts = _split(bytes(range(256)) * 3, "1", 10, 200)
    assert reassembler.add(parts[0]) is None
    now[0] = 31
    assert [reassembler.add(p) for p in parts[1:]] == [None, None, None]
    assert reassembler.dropped == 1  # part 1 expired, the rest waits for it
    assert reassembler.add(parts[0]) is not None
    huge = _split(bytes(1500), "2", 1, 500)
    assert [reassembler.add(p) for p in huge] == [None, None, None] and reassembler.dropped == 2
    assert [reassembler.add(p) for p in parts] == [
        None,
        None,
        None,
        decode_frame(encode_frame(Header(0x0704, 10, parts[0].header.phone_bcd), bytes(range(256)) * 3)),
    ]  # bookkeeping left room


# --- stream decoding -----------------------------------------------------------------------------------------


def _stream() -> tuple[bytes, list[bytes]]:
    frames = [encode_message(body, "13800138000", i, version) for i, body in enumerate(BODIES) for version in (None, 1)]
    frames += [bytes.fromhex(v["hex"]) for v in FRAMES]
    glue = [b"", b"\x00garbage", b"\x7e", b"\x7e\x7e"]
    stream = b"junk before sync" + b"".join(f + glue[i % len(glue)] for i, f in enumerate(frames))
    return stream, frames


def _decode_stream(chunks) -> list[bytes]:
    decoder, out = FrameDecoder(), []
    for chunk in chunks:
        out += decoder.feed(chunk)
    packets = []
    for frame in out:
        try:
            packets.append(decode_frame(frame))
        except JT808Error:
            continue
    return [encode_frame(p.header, p.body) for p in packets]


def test_stream_decoder_split_at_every_byte_boundary():
    stream, frames = _stream()
    expected = [f for f in frames if _decodable(f)]
    assert _decode_stream([stream]) == expected
    assert _decode_stream([bytes([b]) for b in stream]) == expected
    for cut in range(0, len(stream) + 1, 1):
        assert _decode_stream([stream[:cut], stream[cut:]]) == expected


def _decodable(frame: bytes) -> bool:
    try:
        decode_frame(frame)
    except JT808Error:
        return False
    return True


def test_stream_decoder_drops_oversize_frames():
    decoder = FrameDecoder(max_frame=4096)
    good = encode_message(REPORT, "1", 1)
    escaped_heavy = b"\x7e" + b"\x7d\x01" * 4000 + b"\x7e"  # 8000 bytes escaped, 4000 unescaped: allowed
    assert len(decoder.feed(escaped_heavy)) == 1
    assert decoder.feed(b"\x7e" + bytes(4097) + b"\x7e") == [] and decoder.oversize == 1
    for _ in range(100):  # 100 KB without a delimiter is never buffered whole
        assert decoder.feed(bytes(1000)) == []
    assert len(decoder._buffer) <= 2 * 4096 and decoder.oversize == 2
    assert decoder.feed(good) == [good[1:-1]]


# --- fuzz -------------------------------------------------------------------------------------------------------


def test_fuzz_only_codec_errors():
    rng = random.Random(20240808)
    seeds = [encode_message(body, "13800138000", i, version) for i, body in enumerate(BODIES) for version in (None, 1)]
    seeds += [bytes.fromhex(v["hex"]) for v in FRAMES]
    outcomes = {"ok": 0, "error": 0}
    decoder = FrameDecoder()
    for case in range(5000):
        kind = case % 4
        if kind == 0:
            data = bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
        else:
            content = bytearray(unescape(rng.choice(seeds).strip(b"\x7e"))[:-1])
            if kind == 1:
                content = content[: rng.randrange(len(content) + 1)]
            for _ in range(rng.randrange(1, 6)):
                if content:
                    content[rng.randrange(len(content))] = rng.randrange(256)
            if kind == 3 and len(content) > 21:
                _fix_body_length(content)  # so that mutated bodies reach the body parsers
            data = b"\x7e" + escape(bytes(content) + bytes([checksum(content)])) + b"\x7e"
        for frame in [data] + decoder.feed(data):
            try:
                packet = decode_frame(frame)
                decode_body(packet)
                outcomes["ok"] += 1
            except JT808Error:
                outcomes["error"] += 1
    assert outcomes["ok"] > 500 and outcomes["error"] > 500


def _fix_body_length(content: bytearray) -> None:
    props = struct.unpack_from(">H", content, 2)[0]
    header_size = (4 + 1 + 10 if props & 0x4000 else 4 + 6) + 2 + (4 if props & 0x2000 else 0)
    struct.pack_into(">H", content, 2, props & 0xFC00 | (len(content) - header_size) & 0x3FF)
