"""Turning source features into table rows, one spec per kind (admin / grids / components).

Each spec reads its attributes (with Chinese aliases), applies the code rules of
:mod:`desktop.domain.codes` and looks up what must already exist in the database.
A problem with one feature raises :class:`FeatureProblem`; the importer collects them.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import shapely
from sqlalchemy import Connection, Select, Table, select

from desktop.domain.class_table import DEFAULT_SCHEME
from desktop.domain.codes import (
    DEFAULT_COMPONENT_RULE,
    DEFAULT_GRID_RULE,
    CodeError,
    admin_level,
    normalize_admin_code,
    parent_admin_code,
)
from desktop.domain.geodesy import GEOD
from desktop.storage.models import COMPONENT_STATUSES, ZONE_TYPES, AdminArea, ClassCode, Component, UnitGrid

# Canonical attribute → accepted field names (compared case-insensitively).
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "code": ("code", "编码", "代码", "adcode"),
    "name": ("name", "名称"),
    "zone_type": ("zone_type", "区域属性"),
    "class_code": ("class_code", "类别代码"),
    "scheme": ("scheme", "类别方案"),
    "status": ("status", "状态"),
    "grid_code": ("grid_code", "所属网格", "网格编码"),
}


class FeatureProblem(ValueError):
    """What is wrong with one feature (Chinese, without the feature label)."""


def _text(value) -> str | None:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    return text or None


class Attributes:
    """Attribute lookup by canonical name through :data:`FIELD_ALIASES`, then ``defaults``."""

    def __init__(self, properties: dict, defaults: dict[str, str]):
        self._props = {str(k).strip().lower(): v for k, v in properties.items()}
        self._defaults = defaults

    def get(self, key: str) -> str | None:
        for alias in FIELD_ALIASES.get(key, (key,)):
            value = _text(self._props.get(alias.lower()))
            if value is not None:
                return value
        return _text(self._defaults.get(key))

    def required(self, key: str, label: str) -> str:
        value = self.get(key)
        if value is None:
            names = "、".join(FIELD_ALIASES.get(key, (key,)))
            raise FeatureProblem(f"缺少{label}（属性 {names}）")
        return value


def geodesic_area_m2(geometry: shapely.Geometry) -> float:
    """Area on the ellipsoid of a lon/lat (Multi)Polygon in square metres."""
    oriented = shapely.orient_polygons(geometry, exterior_cw=False)
    return abs(GEOD.geometry_area_perimeter(oriented)[0])


def _center(geometry: shapely.Geometry) -> shapely.Point:
    centroid = geometry.centroid
    return centroid if geometry.contains(centroid) else geometry.point_on_surface()


@dataclass
class KindSpec:
    """How one kind of feature becomes a row of ``table``."""

    kind: str
    label: str  # 行政区划 / 单元网格 / 管理部件
    table: Table
    geometry_types: tuple[str, ...]
    build: Callable[[Lookups, Attributes, shapely.Geometry], dict]


class Lookups:
    """Codes already in the database, read once per import (inside its transaction)."""

    def __init__(self, conn: Connection):
        self.conn = conn
        self._cache: dict[object, set] = {}

    def _codes(self, key, query: Callable[[], Select]) -> set:
        if key not in self._cache:
            self._cache[key] = set(self.conn.execute(query()).scalars())
        return self._cache[key]

    def admin_codes(self) -> set[str]:
        return self._codes("admin", lambda: select(AdminArea.code))

    def grid_codes(self) -> set[str]:
        return self._codes("grid", lambda: select(UnitGrid.code))

    def class_codes(self, scheme: str) -> set[str]:
        return self._codes(
            ("class", scheme),
            lambda: select(ClassCode.code).where(ClassCode.scheme == scheme, ClassCode.kind == "部件"),
        )


def _admin_row(_lookups: Lookups, attrs: Attributes, geometry: shapely.Geometry) -> dict:
    code = normalize_admin_code(attrs.required("code", "行政区划代码"))
    center = _center(geometry)
    return {
        "code": code,
        "name": attrs.required("name", "名称"),
        "level": admin_level(code).value,
        "parent_code": parent_admin_code(code),  # resolved against the database by the importer
        "center_x": center.x,
        "center_y": center.y,
    }


def _grid_row(lookups: Lookups, attrs: Attributes, geometry: shapely.Geometry) -> dict:
    code = DEFAULT_GRID_RULE.validate(attrs.required("code", "单元网格编码"))
    community = DEFAULT_GRID_RULE.community_of(code)
    if community not in lookups.admin_codes():
        raise FeatureProblem(f"所属社区 {community} 不存在，请先导入行政区划")
    zone_type = attrs.get("zone_type") or "其他"
    if zone_type not in ZONE_TYPES:
        raise FeatureProblem(f"区域属性“{zone_type}”无效，应为 {'、'.join(ZONE_TYPES)} 之一")
    return {
        "code": code,
        "community_code": community,
        "area_m2": geodesic_area_m2(geometry),
        "zone_type": zone_type,
        "name": attrs.get("name"),
    }


def _component_row(lookups: Lookups, attrs: Attributes, _geometry: shapely.Geometry) -> dict:
    code = attrs.required("code", "部件编码")
    serial = DEFAULT_COMPONENT_RULE.serial_digits
    class_code = attrs.get("class_code") or code[6:-serial]
    DEFAULT_COMPONENT_RULE.validate(code, class_code)
    scheme = attrs.get("scheme") or DEFAULT_SCHEME
    known = lookups.class_codes(scheme)
    if known and class_code not in known:
        raise FeatureProblem(f"类别代码 {class_code} 不在类别表“{scheme}”的管理部件中")
    status = attrs.get("status") or "完好"
    if status not in COMPONENT_STATUSES:
        raise FeatureProblem(f"状态“{status}”无效，应为 {'、'.join(COMPONENT_STATUSES)} 之一")
    grid_code = attrs.get("grid_code")
    if grid_code is not None and grid_code not in lookups.grid_codes():
        raise FeatureProblem(f"所属单元网格 {grid_code} 不存在，请先导入单元网格")
    return {
        "code": code,
        "scheme": scheme,
        "class_code": class_code,
        "admin_code": code[:6],
        "grid_code": grid_code,
        "status": status,
        "name": attrs.get("name"),
    }


POLYGONS = ("Polygon", "MultiPolygon")
SPECS: dict[str, KindSpec] = {
    "admin": KindSpec("admin", "行政区划", AdminArea.__table__, POLYGONS, _admin_row),
    "grids": KindSpec("grids", "单元网格", UnitGrid.__table__, POLYGONS, _grid_row),
    "components": KindSpec("components", "管理部件", Component.__table__, ("Point",), _component_row),
}


def build_row(spec: KindSpec, lookups: Lookups, attrs: Attributes, geometry: shapely.Geometry) -> dict:
    """The row for one feature; code-rule violations become :class:`FeatureProblem`."""
    try:
        return spec.build(lookups, attrs, geometry)
    except CodeError as exc:
        raise FeatureProblem(str(exc)) from exc
