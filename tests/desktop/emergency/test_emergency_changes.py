"""Plans, incidents and drills announce what they committed, and nothing for a refusal."""

import pytest

from desktop.cases.workflow import WorkflowError
from desktop.emergency.drill import DrillRunner
from desktop.emergency.incident import IncidentService
from desktop.emergency.plan_store import centre, list_plans, store_plan
from desktop.emergency.plans import PlanFormatError
from desktop.emergency.samples import install_sample_plans
from desktop.emergency.scenarios import find_scenario
from desktop.storage.changes import INSERT, UPDATE, Change
from tests.support.changes import Heard


def test_storing_a_plan_announces_it_and_a_refused_one_nothing(city):
    plan = next(p for p in list_plans(city) if p["code"] == "YA-FX-001")
    heard = Heard(city)
    copy = {k: v for k, v in plan.items() if k != "id"} | {"code": "YA-FX-COPY"}
    plan_id = store_plan(city, copy)
    assert heard == [Change("plan", (plan_id,))]
    with pytest.raises(PlanFormatError):
        store_plan(city, {**copy, "levels": [{"level": "V"}]})
    assert install_sample_plans(city) == 0
    assert len(heard) == 1


def test_incident_actions_announce_the_incident_over_its_area(city, clock):
    service = IncidentService(city, clock=clock)
    plan_id = next(p["id"] for p in list_plans(city) if p["code"] == "YA-FX-001")
    x, y = centre(city)
    heard = Heard(city)
    activation = service.activate(plan_id, "IV", x, y, "值班长王伟", radius_m=500)
    (change,) = heard
    assert (change.kind, change.ids, change.action) == ("incident", (activation,), INSERT)
    min_x, min_y, max_x, max_y = change.bbox
    assert min_x < x < max_x and min_y < y < max_y and 0.005 < max_y - min_y < 0.02  # the 500 m circle
    step = service.view(activation).steps[0]
    service.tick(step.id, "值班长王伟")
    assert heard[-1] == Change("incident", (activation,), UPDATE, change.bbox)
    with pytest.raises(WorkflowError):
        service.tick(step.id, "值班长王伟")  # already done: rolled back
    with pytest.raises(WorkflowError):
        service.change_level(activation, "III", "", "值班长王伟")
    assert len(heard) == 2


def test_a_drill_announces_its_run_and_its_injected_alarms(city):
    heard = Heard(city)
    runner = DrillRunner(city, find_scenario("rainstorm-underpass"), auto_participant=False)
    assert heard.kinds()[:2] == [("drill", INSERT), ("drill", UPDATE)]
    runner.advance_to(8 * 60)
    alarms = heard.of("alarm")
    assert len(alarms) == 4 and all(c.action == INSERT and len(c.ids) == 1 and c.bbox for c in alarms)
