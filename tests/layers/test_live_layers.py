"""Live layer models: vehicles (rate-limited updates, trails), point tables (alarms, cases, cameras)."""

import numpy as np
import pytest
import shapely

from layers.point_table import AlarmLayer, ComponentLayer
from layers.vector_layer import Symbol, VectorLayer
from layers.vehicle_layer import TRAIL_LENGTH, VehicleLayer


@pytest.fixture
def fleet(qapp):
    layer = VehicleLayer("车辆", ("环卫", "渣土"), max_rate_hz=1000)
    layer.set_vehicles([30, 10, 20], [0, 1, 0], ["苏N3", "苏N1", "苏N2"], [3.0, 1.0, 2.0], [30.0, 10.0, 20.0])
    return layer


def test_vehicles_are_kept_sorted_by_id(fleet):
    assert fleet.ids.tolist() == [10, 20, 30] and fleet.plates.tolist() == ["苏N1", "苏N2", "苏N3"]
    assert fleet.rows([20, 99, 10]).tolist() == [1, -1, 0]


def test_update_moves_known_vehicles_and_fires_once_per_burst(fleet, qtbot):
    seen = []
    fleet.sig_data_changed.connect(lambda _bbox: seen.append(1))
    with qtbot.waitSignal(fleet.sig_data_changed):
        for step in range(5):
            moved = fleet.update_positions(
                [10, 99], [1.0 + step, 0.0], [10.0, 0.0], [90.0, 0.0], [30.0, 0.0], [step, 0]
            )
    assert moved == 1 and seen == [1]
    assert fleet.x.tolist() == [5.0, 2.0, 3.0] and fleet.heading[0] == 90.0
    points, counts = fleet.trails(np.array([0, 1]))
    assert counts.tolist() == [6, 1]
    assert points[0, -6:, 0].tolist() == [1.0, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert points[1, -1].tolist() == [2.0, 20.0]


def test_trail_keeps_the_last_positions_only(fleet):
    for step in range(TRAIL_LENGTH + 5):
        fleet.update_positions([30], [float(step)], [0.0], [0.0], [0.0], [0.0])
    points, counts = fleet.trails(np.array([2]))
    assert counts[0] == TRAIL_LENGTH and points[0, -1, 0] == TRAIL_LENGTH + 4 and points[0, 0, 0] == 5


def test_alarm_add_and_remove_report_the_touched_box(qapp):
    alarms = AlarmLayer("告警")
    boxes = []
    alarms.sig_data_changed.connect(boxes.append)
    alarms.add(7, 118.3, 33.9, level=2, message="井盖缺失")
    alarms.add(7, 118.4, 34.0, level=1, message="井盖缺失（升级）")
    assert (
        len(alarms) == 1
        and alarms.column("level").tolist() == [1]
        and alarms.column("message").tolist() == ["井盖缺失（升级）"]
    )
    alarms.remove([7])
    assert len(alarms) == 0
    assert boxes == [(118.3, 33.9, 118.3, 33.9), (118.3, 33.9, 118.4, 34.0), (118.4, 34.0, 118.4, 34.0)]
    with pytest.raises(ValueError):
        alarms.add(8, 0, 0, level=5)


def test_moving_one_component_reports_old_and_new_position(qapp):
    layer = ComponentLayer("管理部件")
    layer.set_rows(["a", "b"], [1.0, 2.0], [1.0, 2.0], class_code=["0101", "0402"], symbol=["manhole", "tree"])
    boxes = []
    layer.sig_data_changed.connect(boxes.append)
    layer.upsert(["b"], [3.0], [2.5])
    assert boxes == [(2.0, 2.0, 3.0, 2.5)] and layer.column("symbol").tolist() == ["manhole", "tree"]


def test_replacing_a_feature_reports_its_extent(qapp):
    layer = VectorLayer("v", {}, Symbol())
    layer.set_features(shapely.points([(0, 0), (5, 5)]), np.array(["a", "a"], dtype=object))
    boxes = []
    layer.sig_data_changed.connect(boxes.append)
    layer.replace_features([1], shapely.points([(6, 7)]))
    assert boxes == [(5.0, 5.0, 6.0, 7.0)]
