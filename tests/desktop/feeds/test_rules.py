"""The simulated city's rules: an idle limit raises once per stop; thresholds classify by level."""

from desktop.feeds.protocol import validate_alarm
from desktop.feeds.rules import SENSOR_THRESHOLDS, IdleLimit, VehicleRules

LAT = 33.95


def test_idle_limit_for_sanitation_vehicles():
    rules = VehicleRules()
    rules.add(1, IdleLimit(max_idle_s=300), plate="苏N·12345")
    speeds = [10, 0.5, 0, 0, 0, 0.2, 0, 0]  # every 60 s: idle from t=60 to t=420
    raised = [rules.check(1, 118.28, LAT, s, i * 60.0) for i, s in enumerate(speeds)]
    assert [i for i, r in enumerate(raised) if r] == [7]
    assert raised[7][0]["kind"] == "环卫车长时间停留"
    assert "苏N·12345" in raised[7][0]["message"]
    validate_alarm(raised[7][0])
    # moving again re-arms; a second long stop raises again
    again = [rules.check(1, 118.28, LAT, s, 600 + i * 60.0) for i, s in enumerate([20, 0, 0, 0, 0, 0, 0, 0])]
    assert [i for i, r in enumerate(again) if r] == [7]


def test_thresholds_give_the_level_of_the_highest_band_crossed():
    water = SENSOR_THRESHOLDS["water_level_m"]
    assert [water.classify(v) for v in (0.1, 0.16, 0.3, 0.6)] == [(0, None), (2, 0.15), (3, 0.27), (4, 0.5)]


def test_low_pressure_alarms_below_the_threshold():
    pressure = SENSOR_THRESHOLDS["supply_pressure_mpa"]
    assert [pressure.classify(v)[0] for v in (0.3, 0.13, 0.09, 0.2, 0.12)] == [0, 2, 3, 0, 2]
