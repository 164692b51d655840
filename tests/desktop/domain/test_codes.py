"""Code rules: admin codes, unit-grid codes (configurable width), component codes."""

import pytest

from desktop.domain.codes import (
    DEFAULT_COMPONENT_RULE,
    DEFAULT_GRID_RULE,
    AdminLevel,
    CodeError,
    GridCodeRule,
    admin_level,
    normalize_admin_code,
    parent_admin_code,
)


@pytest.mark.parametrize(
    "code, level",
    [
        ("3213", AdminLevel.CITY),
        ("321302", AdminLevel.DISTRICT),
        ("321302001", AdminLevel.STREET),
        ("321302001001", AdminLevel.COMMUNITY),
        ("321302000000", AdminLevel.DISTRICT),
        ("321302001000", AdminLevel.STREET),
    ],
)
def test_admin_levels(code, level):
    assert admin_level(code) is level


def test_admin_code_normalisation_and_parents():
    assert normalize_admin_code("321302001000") == "321302001"
    assert parent_admin_code("321302001001") == "321302001"
    assert parent_admin_code("321302001") == "321302"
    assert parent_admin_code("321302") == "3213"
    assert parent_admin_code("3213") is None


@pytest.mark.parametrize("bad", ["32130", "32x302", "", "991302", "3213020011"])
def test_bad_admin_codes_are_refused_in_chinese(bad):
    with pytest.raises(CodeError, match="行政区划代码"):
        normalize_admin_code(bad)


def test_grid_code_rule_is_fourteen_digits_by_default():
    assert DEFAULT_GRID_RULE.length == 14
    code = DEFAULT_GRID_RULE.compose("321302001001", 7)
    assert code == "32130200100107"
    assert DEFAULT_GRID_RULE.validate(code) == code
    parts = DEFAULT_GRID_RULE.split(code)
    assert (parts.admin, parts.street, parts.community, parts.serial) == ("321302", "001", "001", "07")
    assert DEFAULT_GRID_RULE.community_of(code) == "321302001001"


@pytest.mark.parametrize(
    "bad, reason",
    [
        ("3213020010010", "应为 14 位"),
        ("3213020010010A", "只能由数字组成"),
        ("32130200000101", "街道码不能为全 0"),
        ("32130200100100", "网格序号不能为全 0"),
        ("99130200100101", "省级代码"),
    ],
)
def test_bad_grid_codes_name_the_reason(bad, reason):
    with pytest.raises(CodeError, match=reason):
        DEFAULT_GRID_RULE.validate(bad)


def test_grid_rule_is_configurable_for_fifteen_digits():
    beijing = GridCodeRule(serial_digits=3)
    assert beijing.length == 15
    assert beijing.compose("110105001001", 123) == "110105001001123"
    with pytest.raises(CodeError):
        beijing.validate("11010500100101")


def test_component_codes_follow_admin_class_serial():
    code = DEFAULT_COMPONENT_RULE.compose("321302", "0102", 42)
    assert code == "3213020102000042"
    assert DEFAULT_COMPONENT_RULE.validate(code, "0102") == code
    five = DEFAULT_COMPONENT_RULE.compose("321302", "01002", 1)
    assert len(five) == 17
    with pytest.raises(CodeError, match="类别码应为 0101"):
        DEFAULT_COMPONENT_RULE.validate(code, "0101")
    with pytest.raises(CodeError, match="序号"):
        DEFAULT_COMPONENT_RULE.compose("321302", "0102", 0)
