"""Activation criteria evaluated on recent alarms: thresholds, counts, radius, window, drill separation."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from desktop.emergency.criteria import matching, propose_activations, trigger_of
from desktop.emergency.geo import offset
from desktop.emergency.incident import IncidentService
from desktop.storage.models import Alarm, EmergencyPlan
from tests.desktop.emergency.conftest import T0

ORIGIN = (118.2875, 33.9575)


def _alarm(db, seq, value, at=(0, 0), minutes=0, kind="水位超限", stream="default", drill=False):
    x, y = offset(*ORIGIN, *at)
    with db.session() as session, session.begin():
        session.add(
            Alarm(
                stream=stream,
                seq=seq,
                kind=kind,
                source="物联感知",
                x=x,
                y=y,
                is_drill=drill,
                ts=T0 + timedelta(minutes=minutes),
                payload={"metric": "water_level_m", "value": value},
            )
        )


def _flood(proposals):
    return [p for p in proposals if p.plan_name == "城区防汛排涝应急预案"]


def test_levels_follow_depth_count_and_distance(city):
    with city.session() as session:
        assert propose_activations(session, T0) == []
    _alarm(city, 1, 0.32)
    with city.session() as session:
        assert [(p.level, len(p.alarm_ids)) for p in _flood(propose_activations(session, T0))] == [("IV", 1)]
    _alarm(city, 2, 0.35, at=(400, 300), minutes=-10)
    _alarm(city, 3, 0.4, at=(5000, 0), minutes=-5)  # too far to join the cluster of III
    with city.session() as session:
        (proposal,) = _flood(propose_activations(session, T0))
    assert proposal.level == "III" and len(proposal.alarm_ids) == 2 and not proposal.is_drill
    assert "满足" in proposal.reason


def test_window_and_metric_limit_the_alarms():
    trigger = trigger_of({"alarm_kinds": ["水位超限"], "metric": "water_level_m", "threshold": 0.3, "window_min": 30})
    assert trigger["min_count"] == 1 and trigger_of({"alarm_kinds": []}) is None
    old = Alarm(
        kind="水位超限", x=0.0, y=0.0, ts=T0 - timedelta(minutes=31), payload={"metric": "water_level_m", "value": 1}
    )
    other = Alarm(kind="水位超限", x=0.0, y=0.0, ts=T0, payload={"metric": "rain_mm_h", "value": 50})
    fresh = Alarm(kind="水位超限", x=0.0, y=0.0, ts=T0, payload={"metric": "water_level_m", "value": 0.3})
    assert matching(trigger, [old, other], T0) == []
    assert matching(trigger, [old, other, fresh], T0) == [fresh]


def test_drill_alarms_never_propose_real_activations(city):
    _alarm(city, 1, 0.9, stream="drill-7", drill=True)
    with city.session() as session:
        assert propose_activations(session, T0) == []
        (proposal,) = _flood(propose_activations(session, T0, drill_stream="drill-7"))
    assert proposal.is_drill and proposal.level == "IV"


def test_no_proposal_where_the_plan_is_already_in_force(city):
    _alarm(city, 1, 0.2)
    with city.session() as session:
        (proposal,) = _flood(propose_activations(session, T0))
        plan_id = session.scalar(select(EmergencyPlan.id).where(EmergencyPlan.code == "YA-FX-001"))
    IncidentService(city, clock=lambda: T0).activate(plan_id, "IV", proposal.x, proposal.y, "值班长")
    with city.session() as session:
        assert _flood(propose_activations(session, T0)) == []


@pytest.mark.parametrize("kinds, count", [(["井盖位移"], 1), (["井盖位移", "井盖开启", "井盖开启"], 3)])
def test_manhole_plan_levels(city, kinds, count):
    for seq, kind in enumerate(kinds, 1):
        _alarm(city, seq, 0, at=(seq * 50, 0), kind=kind)
    with city.session() as session:
        (proposal,) = [p for p in propose_activations(session, T0) if p.plan_name.startswith("井盖")]
    assert proposal.level == ("IV" if count == 1 else "III")
