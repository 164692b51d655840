"""Protocol v1: builders round-trip, strict validation with Chinese messages."""

import json

import pytest

from desktop.feeds import protocol
from desktop.feeds.protocol import ProtocolError

ALARM = {"kind": "井盖满溢", "x": 118.3, "y": 33.9, "ts": 1.7e9}


def _publish(**alarm):
    return protocol.publish("t", "p1", "m1", {**ALARM, **alarm})


def test_publish_round_trip_fills_defaults():
    message = protocol.decode(protocol.encode(_publish()), protocol.PRODUCER_TYPES)
    token, producer, msg_id, alarm = protocol.parse_publish(message)
    assert (token, producer, msg_id) == ("t", "p1", "m1")
    assert alarm["level"] == protocol.ALARM_KINDS["井盖满溢"][1]
    assert alarm["simulated"] is False and alarm["payload"] == {}


@pytest.mark.parametrize(
    "alarm",
    [
        ALARM,
        {
            **ALARM,
            "level": 4,
            "x": 118,
            "device_id": "d1",
            "component_code": "0101",
            "message": "满溢",
            "payload": {"value": 0.9},
            "simulated": True,
            "drill": False,
        },
        {**ALARM, "level": 0, "payload": {}, "message": ""},  # falsy values take the defaults
    ],
)
def test_fast_validation_normalises_as_the_field_checks_do(alarm):
    assert protocol.validate_alarm(dict(alarm)) == protocol._checked_alarm(dict(alarm), None)


def test_hello_without_last_seq_starts_live():
    message = protocol.decode(protocol.encode(protocol.hello("t", "seat", {})), protocol.CLIENT_TYPES)
    assert protocol.parse_hello(message) == ("t", "seat", {})


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("{", "bad_json"),
        ("[]", "bad_message"),
        ('{"v": 2, "type": "publish"}', "unsupported_version"),
        ('{"v": 1, "type": "nope"}', "unknown_type"),
        ("x" * (protocol.MAX_FRAME + 1), "too_large"),
    ],
)
def test_decode_rejects(raw, code):
    with pytest.raises(ProtocolError) as err:
        protocol.decode(raw, protocol.PRODUCER_TYPES)
    assert err.value.code == code and err.value.message


@pytest.mark.parametrize(
    ("alarm", "code"),
    [
        ({"kind": "外星人入侵"}, "unknown_kind"),
        ({"level": 5}, "bad_field"),
        ({"level": True}, "bad_field"),
        ({"x": "118"}, "bad_field"),
        ({"x": float("nan")}, "bad_field"),
        ({"ts": None}, "bad_field"),
        ({"message": "长" * 1000}, "bad_field"),
        ({"payload": {"blob": "x" * 5000}}, "bad_field"),
        ({"simulated": "yes"}, "bad_field"),
    ],
)
def test_alarm_validation(alarm, code):
    with pytest.raises(ProtocolError) as err:
        protocol.parse_publish(json.loads(protocol.encode(_publish(**alarm))))
    assert err.value.code == code
    assert err.value.ref == "m1"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err.value.message)


def test_hello_rejects_unknown_stream_and_negative_seq():
    for last_seq in ({"other": 1}, {"alarms": -1}, {"alarms": "3"}):
        with pytest.raises(ProtocolError):
            protocol.parse_hello(protocol.hello("t", "seat", last_seq))


def test_kinds_table_covers_required_kinds_with_valid_levels():
    for kind in (
        "井盖位移",
        "井盖开启",
        "井盖满溢",
        "甲烷超标",
        "路灯通信中断",
        "亮灯异常",
        "水位超限",
        "雨量超限",
        "燃气泄漏",
        "供水压力异常",
        "排水液位超限",
        "扬尘超标",
        "店外经营",
        "占道经营",
        "乱堆物料",
        "沿街晾挂",
        "暴露垃圾",
        "渣土车偏离路线",
        "渣土车进入禁区",
        "执法车离开辖区",
        "环卫车长时间停留",
    ):
        assert protocol.ALARM_KINDS[kind][1] in protocol.LEVELS
