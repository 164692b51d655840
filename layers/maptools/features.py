"""What search and identify return: a city feature with a title, attributes and a box to fly to."""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

BBox = tuple[float, float, float, float]

POINT_VIEW_M = 150.0  # half the width of the view around a point feature
_M_PER_DEG = 111_320.0


def kind_name(kind: str) -> str:
    names = {
        "vehicle": QCoreApplication.translate("MapFeatures", "Vehicle"),
        "case": QCoreApplication.translate("MapFeatures", "Case"),
        "camera": QCoreApplication.translate("MapFeatures", "Camera"),
        "component": QCoreApplication.translate("MapFeatures", "Component"),
        "grid": QCoreApplication.translate("MapFeatures", "Unit grid"),
        "disposal_grid": QCoreApplication.translate("MapFeatures", "Disposal grid"),
        "place": QCoreApplication.translate("MapFeatures", "Place"),
        "admin_area": QCoreApplication.translate("MapFeatures", "Administrative area"),
    }
    return names[kind]


def level_name(level: str) -> str:
    """市 / 区 / 街道 / 社区 for an administrative level."""
    names = {
        "city": QCoreApplication.translate("MapFeatures", "City"),
        "district": QCoreApplication.translate("MapFeatures", "District"),
        "street": QCoreApplication.translate("MapFeatures", "Subdistrict"),
        "community": QCoreApplication.translate("MapFeatures", "Community"),
    }
    return names.get(level, level)


@dataclass(frozen=True)
class Feature:
    kind: str  # one of desktop.storage.map_search.KINDS
    key: object  # grid/component/admin code, vehicle/case/camera/place id
    title: str  # e.g. the code, plate, case number or name
    detail: str  # one line: class, zone type, stage …
    bbox: BBox  # what the map shows when flying to it
    attributes: tuple[tuple[str, str], ...] = ()  # (Chinese label, value) for the attribute card

    @property
    def selection(self) -> tuple:
        return ((self.kind, self.key),)


def view_box(min_x, min_y, max_x=None, max_y=None, margin_m: float = POINT_VIEW_M) -> BBox:
    """The box to fly to for a feature: its bbox, widened to at least ``2 × margin_m``."""
    max_x = min_x if max_x is None else max_x
    max_y = min_y if max_y is None else max_y
    cx, cy = (min_x + max_x) / 2, (min_y + max_y) / 2
    half_y = max((max_y - min_y) / 2, margin_m / _M_PER_DEG)
    half_x = max((max_x - min_x) / 2, margin_m / (_M_PER_DEG * max(math.cos(math.radians(cy)), 0.01)))
    return cx - half_x, cy - half_y, cx + half_x, cy + half_y
