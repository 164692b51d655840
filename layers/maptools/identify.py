"""What is under the cursor (see :mod:`desktop.storage.map_identify`), as features with an attribute card."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.storage.database import CityDatabase
from desktop.storage.map_identify import FeatureProbe
from layers.maptools.features import Feature, level_name, view_box
from layers.maptools.measure import format_area

translate = QCoreApplication.translate


def _value(value) -> str:
    if value is None or value == "":
        return "—"
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _card(*pairs) -> tuple[tuple[str, str], ...]:
    return tuple((label, _value(value)) for label, value in pairs)


def _vehicle(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Plate"), r.plate),
        (translate("Identify", "Vehicle type"), r.kind),
        (translate("Identify", "Terminal"), r.terminal_id),
        (translate("Identify", "Department"), r.department),
        (translate("Identify", "Position time"), r.ts),
    )
    return Feature("vehicle", r.id, r.plate, r.kind, view_box(r.x, r.y), attributes)


def _case(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Case number"), r.case_no),
        (translate("Identify", "Stage"), r.stage),
        (translate("Identify", "Source"), r.source),
        (translate("Identify", "Description"), r.description),
        (translate("Identify", "Address"), r.address),
        (translate("Identify", "Unit grid"), r.grid_code),
        (translate("Identify", "Reported"), r.created_at),
    )
    return Feature("case", r.id, r.case_no, r.stage, view_box(r.x, r.y), attributes)


def _camera(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Code"), r.code),
        (translate("Identify", "Name"), r.name),
        (translate("Identify", "Heading"), f"{r.heading:.0f}°"),
        (translate("Identify", "Field of view"), f"{r.fov:.0f}°"),
        (translate("Identify", "Range"), f"{r.range_m:.0f} m"),
    )
    return Feature("camera", r.id, r.name, r.code, view_box(r.x, r.y), attributes)


def _component(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Component code"), r.code),
        (translate("Identify", "Major class"), r.major_name),
        (translate("Identify", "Class"), f"{r.class_name or ''} {r.class_code}".strip()),
        (translate("Identify", "Status"), r.status),
        (translate("Identify", "Name"), r.name),
        (translate("Identify", "Unit grid"), r.grid_code),
        (translate("Identify", "Department"), r.department),
    )
    return Feature(
        "component",
        r.code,
        r.code,
        r.class_name or r.class_code,
        view_box(r.min_x, r.min_y, r.max_x, r.max_y),
        attributes,
    )


def _grid(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Grid code"), r.code),
        (translate("Identify", "Zone type"), r.zone_type),
        (translate("Identify", "Name"), r.name),
        (translate("Identify", "Area"), format_area(r.area_m2)),
        (translate("Identify", "Community"), r.community),
    )
    return Feature("grid", r.code, r.code, r.zone_type, view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes)


def _disposal_grid(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Disposal grid"), r.name),
        (translate("Identify", "Code"), r.code),
        (translate("Identify", "Department"), r.department),
        (translate("Identify", "Phone"), r.phone),
    )
    return Feature(
        "disposal_grid", r.code, r.name, r.department, view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes
    )


def _admin_area(r) -> Feature:
    attributes = _card(
        (translate("Identify", "Name"), r.name),
        (translate("Identify", "Administrative code"), r.code),
        (translate("Identify", "Level"), level_name(r.level)),
    )
    return Feature(
        "admin_area", r.code, r.name, level_name(r.level), view_box(r.min_x, r.min_y, r.max_x, r.max_y), attributes
    )


_MAKERS = {
    "vehicle": _vehicle,
    "case": _case,
    "camera": _camera,
    "component": _component,
    "grid": _grid,
    "disposal_grid": _disposal_grid,
    "admin_area": _admin_area,
}


class Identifier:
    """``at(lon, lat, tolerance)``: the features there, topmost first, nearest first within a kind."""

    def __init__(self, database: CityDatabase):
        self._probe = FeatureProbe(database)

    def at(self, lon: float, lat: float, tolerance: float) -> list[Feature]:
        return [_MAKERS[kind](record) for kind, record in self._probe.at(lon, lat, tolerance)]
