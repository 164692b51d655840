"""Geofence and threshold rules raise one alarm per violation (hysteresis)."""
import shapely

from desktop.feeds.protocol import validate_alarm
from desktop.feeds.rules import Corridor, IdleLimit, SensorRules, VehicleRules, Zone, metres_to_degrees

LAT = 33.95
ROUTE = shapely.LineString([(118.27, LAT), (118.29, LAT)])
M = metres_to_degrees(1.0, LAT)  # one metre in degrees (conservative)


def _track(rules, vehicle, offsets_m, speed=30.0, dt=10.0):
    alarms = []
    for i, off in enumerate(offsets_m):
        alarms += rules.check(vehicle, 118.28, LAT + off * M, speed, i * dt)
    return alarms


def test_corridor_raises_once_while_hovering_at_the_edge():
    rules = VehicleRules()
    rules.add(7, Corridor(ROUTE, width_m=50, margin_m=15), plate="苏N·12345")
    alarms = _track(rules, 7, [0, 20, 60, 45, 60, 48, 70])
    assert [a["kind"] for a in alarms] == ["渣土车偏离路线"]
    assert "苏N·12345" in alarms[0]["message"]
    validate_alarm(alarms[0])
    # back well inside re-arms; leaving again raises again
    assert len(_track(rules, 7, [10, 80])) == 1


def test_forbidden_zone_and_area_bound():
    square = shapely.box(118.279, LAT - 0.001, 118.281, LAT + 0.001)
    rules = VehicleRules()
    rules.add("z", Zone(square, "渣土车进入禁区"))
    rules.add("e", Zone(square, "执法车离开辖区", inside=True))
    assert [a["kind"] for a in _track(rules, "z", [-500, 0, 0, -500, 0])] == ["渣土车进入禁区", "渣土车进入禁区"]
    assert [a["kind"] for a in _track(rules, "e", [0, 500, 500, 0])] == ["执法车离开辖区"]


def test_idle_limit_for_sanitation_vehicles():
    rules = VehicleRules()
    rules.add(1, IdleLimit(max_idle_s=300))
    speeds = [10, 0.5, 0, 0, 0, 0.2, 0, 0]  # every 60 s: idle from t=60 to t=420
    raised = [rules.check(1, 118.28, LAT, s, i * 60.0) for i, s in enumerate(speeds)]
    assert [i for i, r in enumerate(raised) if r] == [7]
    assert raised[7][0]["kind"] == "环卫车长时间停留"


def test_sensor_thresholds_raise_on_level_rise_and_rearm_after_clearing():
    rules = SensorRules()
    values = [0.1, 0.16, 0.2, 0.15, 0.3, 0.14, 0.16, 0.1, 0.16]
    raised = [rules.evaluate("W1", "water_level_m", v, 118.3, LAT, float(i)) for i, v in enumerate(values)]
    assert [(i, a["level"]) for i, a in enumerate(raised) if a] == [(1, 2), (4, 3), (8, 2)]
    assert raised[4]["payload"] == {"metric": "water_level_m", "value": 0.3, "threshold": 0.27}
    validate_alarm(raised[4])


def test_low_pressure_alarms_below_the_threshold():
    rules = SensorRules()
    raised = [rules.evaluate("P1", "supply_pressure_mpa", v, 118.3, LAT, 0.0) for v in (0.3, 0.13, 0.09, 0.2, 0.12)]
    assert [a and a["level"] for a in raised] == [None, 2, 3, None, 2]
