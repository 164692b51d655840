"""One StreetIndex per open database: the alarm model, the feed bridge and the overdue watch share it."""

from desktop.cases.service import CaseService
from desktop.cases.workflow import Actor
from desktop.feeds import alarm_store
from desktop.seat import app_state
from desktop.seat.app_state import AppState
from desktop.seat.live_feed import live_feed
from plugins.registry import load_builtin_layers
from tests.desktop.cases.conftest import CALENDAR, Clock
from tests.support.cities import build_small_city
from tests.support.feed_events import alarm_event

FIELDS = {"class_kind": "事项", "class_code": "0102", "x": 118.2825, "y": 33.9525}  # 立案 within 10 minutes


def test_opening_a_database_builds_the_street_index_once(qtbot, small_city, tmp_path, monkeypatch):
    built = []

    class CountingIndex(alarm_store.StreetIndex):
        def __init__(self, db):
            built.append(db)
            super().__init__(db)

    monkeypatch.setattr(app_state, "StreetIndex", CountingIndex)
    alarm_store.persist(small_city, [alarm_event(1)])
    CaseService(small_city, calendar=CALENDAR, clock=Clock()).report(
        Actor("张伟", "监督员"), None, source="监督员上报", **FIELDS
    )  # long overdue by now
    state = AppState(load_builtin_layers)
    state.set_database(small_city)
    feed = live_feed(state)  # the model's stored alarm gets its street
    feed.connect_to("ws://127.0.0.1:9", "token")  # nothing listens there: the bridge only keeps the index
    feed.overdue.check()
    assert [row.street for row in feed.model.rows()] == ["测试街道", "测试街道"]
    assert built == [small_city] and feed.bridge._streets is state.street_index()
    feed.stop()

    other = build_small_city(tmp_path / "other.db")
    state.set_database(other)
    assert state.street_index() is state.street_index() and built == [small_city, other]
    state.close()
    state.deleteLater()
