"""CAP 1.2 (OASIS Common Alerting Protocol) warnings for an incident.

Messages are built with the standard library; status is ``Exercise`` for drills. Full XSD
validation is a test-time check; :func:`structural_errors` is the cheap check used at runtime.
"""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import datetime

from desktop.cases.calendar import LOCAL_TZ, as_utc
from desktop.emergency.geo import circle
from desktop.emergency.plans import LEVEL_NAMES

NS = "urn:oasis:names:tc:emergency:cap:1.2"
DEFAULT_SENDER = "yingji@cityops.local"
MSG_TYPE_NAMES = {"Alert": "首发", "Update": "更新", "Cancel": "解除"}
CATEGORIES = {
    "防汛排涝": "Met",
    "极端天气": "Met",
    "防震减灾": "Geo",
    "市政设施": "Infra",
    "公共安全": "Safety",
    "环境卫生": "Env",
}
SEVERITIES = {"I": "Extreme", "II": "Severe", "III": "Moderate", "IV": "Minor"}
REQUIRED = ("identifier", "sender", "sent", "status", "msgType", "scope")
INFO_REQUIRED = ("category", "event", "urgency", "severity", "certainty")


@dataclass(frozen=True)
class CapMessage:
    identifier: str
    sent: str
    xml: str


def cap_time(moment: datetime) -> str:
    """CAP dateTime: local time with a numeric offset, no fractions (e.g. 2026-07-01T08:30:00+08:00)."""
    return as_utc(moment).astimezone(LOCAL_TZ).isoformat(timespec="seconds")


def build(
    *,
    sender: str,
    sent: datetime,
    status: str,
    msg_type: str,
    info: dict,
    note: str = "",
    references: list[tuple[str, str, str]] = (),
    identifier: str | None = None,
) -> CapMessage:
    """An alert with one ``info`` block: ``category, event, urgency, severity, certainty, headline,
    description, instruction, area_desc`` and optional ``polygon`` [(lon, lat) …] / ``circle`` (lon, lat, km)."""
    identifier = identifier or f"cityops-{uuid.uuid4().hex[:16]}"
    sent_text = cap_time(sent)
    alert = ET.Element("alert", xmlns=NS)
    for tag, value in (
        ("identifier", identifier),
        ("sender", sender),
        ("sent", sent_text),
        ("status", status),
        ("msgType", msg_type),
        ("scope", "Public"),
        ("note", note),
        ("references", " ".join(",".join(r) for r in references)),
    ):
        if value:
            ET.SubElement(alert, tag).text = value
    block = ET.SubElement(alert, "info")
    for tag in (
        "language",
        "category",
        "event",
        "urgency",
        "severity",
        "certainty",
        "senderName",
        "headline",
        "description",
        "instruction",
    ):
        value = "zh-CN" if tag == "language" else info.get(tag)
        if value:
            ET.SubElement(block, tag).text = value
    area = ET.SubElement(block, "area")
    ET.SubElement(area, "areaDesc").text = info["area_desc"]
    if info.get("polygon"):
        ET.SubElement(area, "polygon").text = " ".join(f"{lat:.6f},{lon:.6f}" for lon, lat in info["polygon"])
    if info.get("circle"):
        lon, lat, km = info["circle"]
        ET.SubElement(area, "circle").text = f"{lat:.6f},{lon:.6f} {km:.3f}"
    xml = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(alert, encoding="unicode")
    return CapMessage(identifier, sent_text, xml)


def for_incident(
    view, msg_type: str, sent: datetime, sender: str = DEFAULT_SENDER, references: list[tuple[str, str, str]] = ()
) -> CapMessage:
    """The CAP message for an :class:`~desktop.emergency.incident.IncidentView`
    (Update/Cancel reference earlier ones)."""
    if msg_type not in MSG_TYPE_NAMES:
        raise ValueError(f"未知的 CAP 消息类型：{msg_type}")
    if msg_type != "Alert" and not references:
        raise ValueError("更新或解除预警须先发布首发预警")
    ring = list(circle(view.x, view.y, view.radius_m, 16).exterior.coords)
    cancel = msg_type == "Cancel"
    info = {
        "category": CATEGORIES.get(view.plan_type, "Other"),
        "event": view.plan_name,
        "urgency": "Past" if cancel else "Immediate",
        "severity": SEVERITIES[view.level],
        "certainty": "Observed",
        "senderName": "城市运行管理服务指挥中心",
        "headline": f"{'解除' if cancel else '启动'}{view.title}" + ("【演练】" if view.is_drill else ""),
        "description": f"{view.plan_name}{LEVEL_NAMES[view.level]}响应" + ("已终止" if cancel else "正在进行"),
        "instruction": "" if cancel else "请周边市民注意避让，服从现场指挥，及时关注后续通告。",
        "area_desc": f"事发地周边 {view.radius_m:.0f} 米",
        "polygon": ring,
        "circle": (view.x, view.y, view.radius_m / 1000),
    }
    return build(
        sender=sender,
        sent=sent,
        status="Exercise" if view.is_drill else "Actual",
        msg_type=msg_type,
        info=info,
        note="演练消息" if view.is_drill else "",
        references=references,
    )


def structural_errors(xml: str) -> list[str]:
    """Missing required elements (a runtime check; the XSD is used in tests)."""
    root = ET.fromstring(xml)
    errors = [f"缺少 {tag}" for tag in REQUIRED if root.find(q(tag)) is None]
    for info in root.findall(q("info")):
        errors += [f"info 缺少 {tag}" for tag in INFO_REQUIRED if info.find(q(tag)) is None]
        errors += ["area 缺少 areaDesc" for area in info.findall(q("area")) if area.find(q("areaDesc")) is None]
    return errors


def q(tag: str) -> str:
    """``tag`` in the CAP namespace (for ElementTree look-ups)."""
    return f"{{{NS}}}{tag}"
