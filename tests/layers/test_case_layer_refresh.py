"""The map's case layer follows the case workflow: the service announces, AppState.sig_changed delivers."""

from datetime import timedelta

from desktop.cases.service import CaseService
from desktop.cases.workflow import Actor
from desktop.seat.app_state import AppState
from desktop.storage.changes import Change
from layers.point_table import CaseLayer
from plugins.registry import load_builtin_layers
from tests.desktop.cases.conftest import CALENDAR, LEAD, SEAT, Clock

FIELDS = {"class_kind": "事项", "class_code": "0102", "x": 118.2825, "y": 33.9525}


def _shown(layer: CaseLayer) -> dict:
    return {
        key: (stage, light)
        for key, stage, light in zip(layer.keys.tolist(), layer.column("stage"), layer.column("light"))
    }


def test_cases_appear_change_and_disappear_on_the_map(qtbot, state, small_city):
    clock = Clock()
    layer = next(la for la in state.layers if isinstance(la, CaseLayer))
    service = CaseService(small_city, calendar=CALENDAR, clock=clock)
    assert len(layer) == 0
    case = service.report(Actor("张伟", "监督员"), None, source="监督员上报", **FIELDS)
    with qtbot.waitSignal(layer.sig_data_changed):
        service.report(Actor("张伟", "监督员"), None, source="监督员上报", is_drill=True, **FIELDS)
    assert list(_shown(layer)) == [case.id]  # the drill case is not on the map
    assert _shown(layer)[case.id][0] == "信息采集" and layer.x[0] == FIELDS["x"]

    clock.now += timedelta(minutes=1)
    case = service.file(case.id, LEAD, None, expected_version=case.version)
    assert _shown(layer)[case.id][0] == "案件建立"

    case = service.void(case.id, SEAT, None, expected_version=case.version, comment="重复")
    case = service.approve(case.id, LEAD, None, expected_version=case.version)
    assert case.stage == "作废"
    assert len(layer) == 0
    state.close()


def test_no_database_no_error(qtbot):
    state = AppState(load_builtin_layers)
    state.sig_changed.emit(Change("case"))
