"""CAP 1.2: generated warnings validate against the OASIS schema; the shared examples parse and validate."""

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.emergency import cap
from desktop.emergency.incident import IncidentService
from desktop.emergency.samples import city_centre
from desktop.storage.models import EmergencyPlan
from tests.desktop.emergency.conftest import T0

etree = pytest.importorskip("lxml.etree")
CAP_DIR = Path("/work/shared/data/cap12")
pytestmark = pytest.mark.skipif(not (CAP_DIR / "cap12.xsd").exists(), reason="shared CAP 1.2 data not available")


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(CAP_DIR / "cap12.xsd")))


def _valid(schema, xml: str):
    document = etree.fromstring(xml.encode("utf-8"))
    schema.assertValid(document)
    return document


@pytest.mark.parametrize("drill, status", [(False, "Actual"), (True, "Exercise")])
def test_alert_update_cancel_validate(city, clock, schema, drill, status):
    service = IncidentService(city, clock=clock)
    with city.session() as session:
        plan_id = session.scalar(select(EmergencyPlan.id).where(EmergencyPlan.code == "YA-FX-001"))
        x, y = city_centre(session)
    activation = service.activate(plan_id, "III", x, y, "指挥长", is_drill=drill)
    with pytest.raises(ValueError, match="首发"):
        service.issue_cap(activation, "Update", "孙静")
    messages = [service.issue_cap(activation, kind, "孙静") for kind in ("Alert", "Update", "Cancel")]
    docs = [_valid(schema, xml) for xml in messages]
    ns = {"c": cap.NS}
    assert [d.findtext("c:status", namespaces=ns) for d in docs] == [status] * 3
    assert [d.findtext("c:msgType", namespaces=ns) for d in docs] == ["Alert", "Update", "Cancel"]
    alert = docs[0]
    assert alert.findtext("c:sent", namespaces=ns) == "2026-07-01T16:00:00+08:00"
    assert alert.findtext("c:info/c:language", namespaces=ns) == "zh-CN"
    assert alert.findtext("c:info/c:category", namespaces=ns) == "Met"
    assert alert.findtext("c:info/c:severity", namespaces=ns) == "Moderate"
    polygon = alert.findtext("c:info/c:area/c:polygon", namespaces=ns).split()
    assert len(polygon) >= 4 and polygon[0] == polygon[-1]
    assert alert.findtext("c:info/c:area/c:circle", namespaces=ns).endswith(" 1.500")
    identifier, sent = alert.findtext("c:identifier", namespaces=ns), alert.findtext("c:sent", namespaces=ns)
    first = f"{cap.DEFAULT_SENDER},{identifier},{sent}"
    assert docs[2].findtext("c:references", namespaces=ns).startswith(first)
    assert all(cap.structural_errors(xml) == [] for xml in messages)
    assert [e.kind for e in service.view(activation).log].count("预警") == 3


@pytest.mark.parametrize("example", sorted(p.name for p in CAP_DIR.glob("*.xml")) if CAP_DIR.exists() else [])
def test_shared_examples_validate_and_pass_the_structural_check(schema, example):
    xml = (CAP_DIR / example).read_text(encoding="utf-8")
    _valid(schema, xml)
    assert cap.structural_errors(xml) == []


def test_structural_check_names_missing_elements():
    message = cap.build(
        sender="a@b",
        sent=T0,
        status="Exercise",
        msg_type="Alert",
        info={
            "category": "Met",
            "event": "暴雨",
            "urgency": "Immediate",
            "severity": "Minor",
            "certainty": "Likely",
            "area_desc": "全市",
        },
    )
    broken = message.xml.replace("<status>Exercise</status>", "").replace("<event>暴雨</event>", "")
    assert cap.structural_errors(broken) == ["缺少 status", "info 缺少 event"]
