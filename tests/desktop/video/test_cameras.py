"""Cameras with area and department; where alarms and cases are."""

from datetime import UTC, datetime

from desktop.storage.models import Alarm
from desktop.video.cameras import incident_location, load_cameras


def test_cameras_come_with_their_area(small_city):
    cameras = load_cameras(small_city)
    assert [c.code for c in cameras] == ["CAM-1", "CAM-2"]
    assert cameras[0].name == "测试摄像机一" and cameras[0].stream_url is None and cameras[0].department == ""


def test_incident_location(small_city):
    with small_city.session() as session, session.begin():
        session.add_all(
            [
                Alarm(id=1, seq=1, source="iot", kind="井盖位移", x=118.281, y=33.951, ts=datetime.now(UTC)),
                Alarm(id=2, seq=2, source="iot", kind="井盖位移", ts=datetime.now(UTC)),
            ]
        )
    assert incident_location(small_city, "alarm", 1) == (118.281, 33.951)
    assert incident_location(small_city, "alarm", 2) is None
    assert incident_location(small_city, "alarm", 99) is None
    assert incident_location(small_city, "component", "x") is None
