"""Plan library: the sample plans, the file format round trip, validation, resources and zones."""

import json

import pytest
from sqlalchemy import func, select

from desktop.emergency.plans import (
    SECTIONS,
    PlanFormatError,
    plan_to_dict,
    read_plan_file,
    save_plan,
    validate,
    write_plan_file,
)
from desktop.emergency.samples import install_sample_plans
from desktop.storage.models import RESOURCE_KINDS, EmergencyPlan, EmergencyResource, ResponsibilityZone


def _plan(session, code):
    return session.scalar(select(EmergencyPlan).where(EmergencyPlan.code == code))


def test_sample_plans_are_installed_once_with_every_section(city):
    assert install_sample_plans(city) == 0
    with city.session() as session:
        plans = {p.code: p for p in session.scalars(select(EmergencyPlan))}
        assert {p.name for p in plans.values()} >= {
            "城区防汛排涝应急预案",
            "井盖缺失及路面塌陷市政设施事故应急预案",
            "暴雪清雪保畅应急预案",
        }
        for plan in plans.values():
            assert all(plan.sections[key].strip() for key, _ in SECTIONS), plan.name
            assert all(level.steps and level.command_group for level in plan.levels)
        flood = plans["YA-FX-001"]
        assert [lv.level for lv in sorted(flood.levels, key=lambda lv: lv.id)] == ["IV", "III", "II", "I"]
        assert all(lv.trigger["alarm_kinds"] == ["水位超限"] for lv in flood.levels)
        assert {m["role"] for lv in flood.levels for m in lv.command_group} >= {"总指挥", "值班长"}


def test_sample_resources_cover_every_kind_and_zones_name_people(city):
    with city.session() as session:
        kinds = set(session.scalars(select(EmergencyResource.kind)))
        zones = session.scalars(select(ResponsibilityZone)).all()
    assert kinds == set(RESOURCE_KINDS)
    assert len(zones) == 4 and all(z.person and z.geometry.area > 0 for z in zones)


def test_export_import_round_trip(city, tmp_path):
    with city.session() as session:
        exported = plan_to_dict(_plan(session, "YA-FX-001"))
    path = tmp_path / "plan.json"
    write_plan_file(path, exported)
    again = read_plan_file(path)
    assert again == exported
    again.update(code="YA-FX-COPY", name="城区防汛排涝应急预案（副本）")
    again["levels"][0]["steps"].append(
        {"owner": "值班长", "action": "复核", "deadline_min": 45, "confirm": False, "department": None}
    )
    with city.session() as session, session.begin():
        save_plan(session, again)
    with city.session() as session:
        assert plan_to_dict(_plan(session, "YA-FX-COPY")) == again
        assert session.scalar(select(func.count()).select_from(EmergencyPlan)) == 5
    with city.session() as session, session.begin():  # saving again under the same code replaces it
        save_plan(session, {**again, "levels": again["levels"][:1]})
    with city.session() as session:
        assert len(_plan(session, "YA-FX-COPY").levels) == 1


@pytest.mark.parametrize(
    "change, reason",
    [
        ({"format": "other"}, "不是应急预案文件"),
        ({"name": ""}, "缺少字段：name"),
        ({"levels": [{"level": "V"}]}, "响应级别"),
        ({"levels": [{"level": "I", "steps": [{"owner": "值班长"}]}]}, "I级第 1 步"),
    ],
)
def test_invalid_plans_are_refused_in_chinese(change, reason):
    base = {
        "format": "cityops-emergency-plan",
        "version": 1,
        "code": "X",
        "name": "测试",
        "type": "其他",
        "levels": [{"level": "IV"}],
    }
    with pytest.raises(PlanFormatError, match=reason):
        validate({**base, **change})


def test_unreadable_file(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text("{", encoding="utf-8")
    with pytest.raises(PlanFormatError, match="无法读取"):
        read_plan_file(path)
    path.write_text(json.dumps({"format": "cityops-emergency-plan", "version": 9}), encoding="utf-8")
    with pytest.raises(PlanFormatError, match="版本"):
        read_plan_file(path)
