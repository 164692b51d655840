"""Feed protocol v1 (docs/feed-protocol.md): JSON text frames, message builders and strict validation.

Every inbound message is checked here before the gateway looks at it; anything malformed
raises :class:`ProtocolError` with a machine code and a Chinese message for the peer.
JSON goes through orjson (:func:`dumps` / :func:`loads`): several times faster than the
standard library on the gateway's and the seat's hot paths.
"""

from __future__ import annotations

import math
from typing import Any

import orjson

VERSION = 1
MAX_FRAME = 64 * 1024  # inbound limit (websockets ``max_size``) for clients and producers
CLIENT_MAX_FRAME = 8 * 1024 * 1024  # gateway → client frames (snapshots can be large)
MAX_PAYLOAD = 4 * 1024
MAX_MESSAGE = 500
STREAMS = ("alarms", "cases")
LEVELS = {1: "一般", 2: "较重", 3: "严重", 4: "特别严重"}

# kind → (category, default level)
ALARM_KINDS: dict[str, tuple[str, int]] = {
    "井盖位移": ("井盖", 2),
    "井盖开启": ("井盖", 2),
    "井盖满溢": ("井盖", 3),
    "甲烷超标": ("井盖", 3),
    "路灯通信中断": ("路灯", 1),
    "亮灯异常": ("路灯", 1),
    "水位超限": ("防汛", 3),
    "雨量超限": ("防汛", 2),
    "燃气泄漏": ("管网", 4),
    "供水压力异常": ("管网", 2),
    "排水液位超限": ("管网", 2),
    "扬尘超标": ("环境", 2),
    "店外经营": ("视频AI", 1),
    "占道经营": ("视频AI", 1),
    "乱堆物料": ("视频AI", 1),
    "沿街晾挂": ("视频AI", 1),
    "暴露垃圾": ("视频AI", 1),
    "机动车乱停放": ("视频AI", 1),
    "非机动车乱停放": ("视频AI", 1),
    "垃圾满溢": ("视频AI", 1),
    "违规户外广告": ("视频AI", 1),
    "渣土车偏离路线": ("电子围栏", 2),
    "渣土车进入禁区": ("电子围栏", 3),
    "执法车离开辖区": ("电子围栏", 1),
    "环卫车长时间停留": ("电子围栏", 1),
}

CLIENT_TYPES = ("hello", "ping")
PRODUCER_TYPES = ("publish", "publish_batch")
BATCH_MAX = 250  # events per ``events`` frame (gateway → seat): bounds one decode holding the seat's GIL


class ProtocolError(ValueError):
    """A rejected message: ``code`` for programs, ``message`` (Chinese) for people."""

    def __init__(self, code: str, message: str, ref: str | None = None):
        super().__init__(f"{code}: {message}")
        self.code, self.message, self.ref = code, message, ref


def _plain(value):
    """orjson's fallback: numpy scalars (rules and simulators compute with numpy) as Python numbers."""
    if hasattr(value, "item"):
        return value.item()
    raise TypeError(f"{type(value).__name__} is not JSON serializable")


def dumps(value) -> str:
    """Compact JSON text, non-ASCII characters as they are (frames and the event log)."""
    return orjson.dumps(value, default=_plain).decode()


loads = orjson.loads  # str or bytes → Python objects; ValueError (orjson.JSONDecodeError) when invalid


def encode(message: dict) -> str:
    return dumps(message)


def _msg(kind: str, **fields) -> dict:
    return {"v": VERSION, "type": kind, **fields}


def decode(raw: str | bytes, allowed: tuple[str, ...]) -> dict:
    """Parse one frame into a dict of a type in ``allowed``; raise :class:`ProtocolError` otherwise."""
    if len(raw) > MAX_FRAME:
        raise ProtocolError("too_large", f"消息超过 {MAX_FRAME // 1024} KiB 上限")
    try:
        message = loads(raw)
    except ValueError:
        raise ProtocolError("bad_json", "消息不是有效的 JSON") from None
    if not isinstance(message, dict):
        raise ProtocolError("bad_message", "消息必须是 JSON 对象")
    if message.get("v") != VERSION:
        raise ProtocolError("unsupported_version", f"不支持的协议版本，应为 {VERSION}")
    if message.get("type") not in allowed:
        raise ProtocolError("unknown_type", f"不支持的消息类型：{str(message.get('type'))[:32]}")
    return message


def _field(obj: dict, name: str, kinds, required=True, max_len: int | None = None, ref=None):
    value = obj.get(name)
    if value is None:
        if required:
            raise ProtocolError("bad_field", f"缺少字段 {name}", ref)
        return None
    kinds = kinds if isinstance(kinds, tuple) else (kinds,)
    if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
        raise ProtocolError("bad_field", f"字段 {name} 类型错误", ref)
    if isinstance(value, float) and not math.isfinite(value):
        raise ProtocolError("bad_field", f"字段 {name} 不是有限数值", ref)
    if max_len is not None and len(value) > max_len:
        raise ProtocolError("bad_field", f"字段 {name} 过长", ref)
    return value


def parse_hello(message: dict) -> tuple[str, str, dict[str, int]]:
    """``(token, client_id, last_seq)`` of a hello; streams without a last seq start live."""
    token = _field(message, "token", str, max_len=256)
    client_id = _field(message, "client_id", str, max_len=64)
    last_seq = _field(message, "last_seq", dict, required=False) or {}
    if set(last_seq) - set(STREAMS):
        raise ProtocolError("bad_field", "last_seq 含未知的流")
    for stream in last_seq:
        if _field(last_seq, stream, int, required=False) is not None and last_seq[stream] < 0:
            raise ProtocolError("bad_field", "last_seq 不能为负")
    return token, client_id, {k: v for k, v in last_seq.items() if v is not None}


def wants_batch(hello_message: dict) -> bool:
    """A seat that sends ``"batch": true`` in its hello receives ``events`` frames (many events each)."""
    return hello_message.get("batch") is True


def parse_publish_batch(message: dict) -> tuple[str, str, list]:
    """``(token, producer_id, items)`` of a ``publish_batch``; each item is still checked by :func:`parse_item`."""
    token = _field(message, "token", str, max_len=256)
    producer_id = _field(message, "producer_id", str, max_len=64)
    items = _field(message, "items", list)
    if not items:
        raise ProtocolError("bad_field", "items 不能为空")
    return token, producer_id, items


def parse_item(item) -> tuple[str, dict]:
    """``(msg_id, alarm)`` of one ``publish_batch`` item (ProtocolError with ``ref`` = msg_id when invalid)."""
    if not isinstance(item, dict):
        raise ProtocolError("bad_field", "items 的元素必须是 JSON 对象")
    msg_id = _field(item, "msg_id", str, max_len=64)
    return msg_id, validate_alarm(_field(item, "alarm", dict, ref=msg_id), ref=msg_id)


def parse_publish(message: dict) -> tuple[str, str, str, dict]:
    """``(token, producer_id, msg_id, alarm)`` of a publish, the alarm normalised (default level …)."""
    msg_id = _field(message, "msg_id", str, max_len=64)
    token = _field(message, "token", str, max_len=256, ref=msg_id)
    producer_id = _field(message, "producer_id", str, max_len=64, ref=msg_id)
    alarm = validate_alarm(_field(message, "alarm", dict, ref=msg_id), ref=msg_id)
    return token, producer_id, msg_id, alarm


def _json_length(value) -> int:
    """Characters of ``value`` as compact JSON (bytes of UTF-8 ≥ characters: decode only when near the limit)."""
    data = orjson.dumps(value, default=_plain)
    return len(data) if len(data) <= MAX_PAYLOAD else len(data.decode())


def validate_alarm(alarm: dict, ref: str | None = None) -> dict:
    """A normalised copy of an alarm or :class:`ProtocolError`."""
    return _plainly_valid(alarm) or _checked_alarm(alarm, ref)


def _number(value) -> bool:
    return type(value) is int or (type(value) is float and math.isfinite(value))


def _text(value, max_len: int) -> bool:
    return value is None or (type(value) is str and len(value) <= max_len)


def _plainly_valid(alarm: dict) -> dict | None:
    """The gateway's hot path: the normalised alarm when every field has its exact JSON type within its
    limits, else None (then :func:`_checked_alarm` finds the precise error — or accepts, e.g. a subclass)."""
    get = alarm.get
    kind, level, payload, x, y, ts = get("kind"), get("level"), get("payload"), get("x"), get("y"), get("ts")
    simulated, drill = get("simulated"), get("drill")
    if type(kind) is not str or kind not in ALARM_KINDS:
        return None
    if level is None:
        level = ALARM_KINDS[kind][1]
    elif type(level) is not int or level not in LEVELS:
        return None
    if payload is None:
        payload = {}
    elif type(payload) is not dict or _json_length(payload) > MAX_PAYLOAD:
        return None
    if not (
        _number(x)
        and _number(y)
        and _number(ts)
        and _text(get("device_id"), 64)
        and _text(get("component_code"), 24)
        and _text(get("message"), MAX_MESSAGE)
        and (simulated is None or type(simulated) is bool)
        and (drill is None or type(drill) is bool)
    ):
        return None
    return {
        "kind": kind,
        "level": level,
        "device_id": get("device_id"),
        "component_code": get("component_code"),
        "x": float(x),
        "y": float(y),
        "ts": float(ts),
        "message": get("message") or "",
        "payload": payload,
        "simulated": simulated is True,
        "drill": drill is True,
    }


def _checked_alarm(alarm: dict, ref: str | None) -> dict:
    kind = _field(alarm, "kind", str, max_len=32, ref=ref)
    if kind not in ALARM_KINDS:
        raise ProtocolError("unknown_kind", f"未知的告警类型：{kind}", ref)
    level = _field(alarm, "level", int, required=False, ref=ref) or ALARM_KINDS[kind][1]
    if level not in LEVELS:
        raise ProtocolError("bad_field", "告警等级必须为 1–4", ref)
    payload = _field(alarm, "payload", dict, required=False, ref=ref) or {}
    if _json_length(payload) > MAX_PAYLOAD:
        raise ProtocolError("bad_field", "payload 过大", ref)
    return {
        "kind": kind,
        "level": level,
        "device_id": _field(alarm, "device_id", str, required=False, max_len=64, ref=ref),
        "component_code": _field(alarm, "component_code", str, required=False, max_len=24, ref=ref),
        "x": float(_field(alarm, "x", (int, float), ref=ref)),
        "y": float(_field(alarm, "y", (int, float), ref=ref)),
        "ts": float(_field(alarm, "ts", (int, float), ref=ref)),
        "message": _field(alarm, "message", str, required=False, max_len=MAX_MESSAGE, ref=ref) or "",
        "payload": payload,
        "simulated": bool(_field(alarm, "simulated", bool, required=False, ref=ref)),
        "drill": bool(_field(alarm, "drill", bool, required=False, ref=ref)),
    }


# --- builders -------------------------------------------------------------------------------


def hello(token: str, client_id: str, last_seq: dict[str, int], batch: bool = False) -> dict:
    return _msg("hello", token=token, client_id=client_id, last_seq=last_seq, **({"batch": True} if batch else {}))


def welcome(server_id: str, head: dict[str, int], heartbeat_s: float) -> dict:
    return _msg("welcome", server_id=server_id, head=head, heartbeat_s=heartbeat_s)


def snapshot(vehicles: list[dict], alarms: list[dict]) -> dict:
    return _msg("snapshot", vehicles=vehicles, alarms=alarms)


EVENT_TYPES = {"alarms": "alarm", "cases": "case_event"}


def event(stream: str, seq: int, body: dict) -> dict:
    """An ``alarm`` or ``case_event`` message; ``body`` is the logged event (alarm, producer_id, msg_id)."""
    return _msg(EVENT_TYPES[stream], stream=stream, seq=seq, **body)


def event_text(stream: str, seq: int, body_text: str) -> str:
    """:func:`event` already encoded, from the body as the event log stores it (a JSON object)."""
    head = f'{{"v":{VERSION},"type":"{EVENT_TYPES[stream]}","stream":"{stream}","seq":{int(seq)}'
    inner = body_text.strip()[1:]
    return head + ("}" if inner.lstrip() == "}" else "," + inner)


def events_text(texts: list[str]) -> str:
    """One ``events`` frame carrying already encoded ``alarm`` / ``case_event`` messages, in seq order."""
    return f'{{"v":{VERSION},"type":"events","items":[' + ",".join(texts) + "]}"


def publish_item_text(msg_id: str, alarm: dict) -> str:
    """One item of a ``publish_batch`` frame, encoded."""
    return encode({"msg_id": msg_id, "alarm": alarm})


def publish_batch_text(token: str, producer_id: str, item_texts: list[str]) -> str:
    return (
        f'{{"v":{VERSION},"type":"publish_batch","token":{encode(token)},"producer_id":{encode(producer_id)},'
        f'"items":[' + ",".join(item_texts) + "]}"
    )


def acks(items: list[tuple[str, int, bool]]) -> dict:
    """The answer to a ``publish_batch``: ``[msg_id, seq, duplicate]`` per committed item, in order."""
    return _msg("acks", acks=[list(item) for item in items])


def positions(items: list[dict]) -> dict:
    return _msg("position", items=items)


def heartbeat(ts: float, head: dict[str, int]) -> dict:
    return _msg("heartbeat", ts=ts, head=head)


def error(code: str, message: str, ref: str | None = None) -> dict:
    return _msg("error", code=code, message=message, **({"ref": ref} if ref else {}))


def publish(token: str, producer_id: str, msg_id: str, alarm: dict) -> dict:
    return _msg("publish", token=token, producer_id=producer_id, msg_id=msg_id, alarm=alarm)


def ack(msg_id: str, seq: int, duplicate: bool) -> dict:
    return _msg("ack", msg_id=msg_id, seq=seq, duplicate=duplicate)


def position(
    vehicle_id: int | str, x: float, y: float, speed: float, heading: float, ts: float, plate: str | None = None
) -> dict:
    """One vehicle position item (inside ``position`` batches and snapshots)."""
    item: dict[str, Any] = {"id": vehicle_id, "x": x, "y": y, "speed": speed, "heading": heading, "ts": ts}
    if plate:
        item["plate"] = plate
    return item
