"""Importing 行政区划 / 单元网格 / 管理部件 from GeoJSON, GeoPackage or Shapefile.

Field conventions (names are case-insensitive; Chinese aliases in brackets):

* admin — ``code`` (编码/代码/adcode, 4/6/9/12 digits, normalised to its short form),
  ``name`` (名称, required). ``level`` and ``parent_code`` are inferred from the code; a
  parent that is neither in the database nor in the file is left empty (with a warning)
  and linked automatically once it is imported. (Multi)Polygon.
* grids — ``code`` (编码, checked with ``DEFAULT_GRID_RULE``), ``zone_type`` (区域属性,
  default 其他), ``name`` (名称). ``community_code`` comes from the code and must already
  exist in admin_area; ``area_m2`` is computed on the CGCS2000 ellipsoid. (Multi)Polygon.
* components — ``code`` (编码), ``class_code`` (类别代码; inferred from the code when
  missing), ``scheme`` (类别方案, default ``DEFAULT_SCHEME``), ``status`` (状态, default
  完好), ``name`` (名称), ``grid_code`` (所属网格, optional, must exist). Checked with
  ``DEFAULT_COMPONENT_RULE``; the class must be in the class table when that scheme has
  one loaded. Point.

``defaults`` fills attributes a feature lacks (e.g. ``{"code": "321302", "name": "宿城区"}``
for a bare boundary geometry). Coordinates are transformed from ``crs`` — or the CRS the
file declares, or EPSG:4326 — to storage (EPSG:4490).

An import is one transaction: every feature is checked first and any problem (bad code,
empty / invalid / wrongly typed geometry, duplicate code, missing parent) raises one
:class:`ExchangeError` listing them, leaving the database unchanged. Rows whose code is
already stored are updated (upsert), others inserted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import Connection, select, update

from desktop.domain.codes import CodeError, parent_admin_code
from desktop.domain.crs import crs_label, to_storage, transform_geometry
from desktop.exchange.errors import ExchangeError, ProblemList
from desktop.exchange.records import FIELD_ALIASES, SPECS, Attributes, FeatureProblem, KindSpec, Lookups, build_row
from desktop.exchange.sources import GEOJSON_SUFFIXES, SourceFeature, read_source
from desktop.exchange.upsert import upsert
from desktop.storage.changes import Change
from desktop.storage.database import CityDatabase
from desktop.storage.geometry import geometry_columns
from desktop.storage.models import AdminArea

KINDS = tuple(SPECS)


@dataclass
class ImportReport:
    kind: str
    label: str
    path: Path
    crs: str
    count: int
    inserted: int
    updated: int
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return f"已导入 {self.count} 个{self.label}（新增 {self.inserted}，更新 {self.updated}；源坐标系 {self.crs}）"


def import_file(
    db: CityDatabase,
    path: Path | str,
    kind: str,
    crs: str | None = None,
    *,
    layer: str | None = None,
    encoding: str | None = None,
    defaults: dict[str, str] | None = None,
) -> ImportReport:
    """Import every feature of ``path`` as ``kind`` (admin/grids/components), all or nothing."""
    spec = SPECS.get(kind)
    if spec is None:
        raise ExchangeError(f"未知的数据类型“{kind}”，应为 {'、'.join(KINDS)} 之一")
    defaults = dict(defaults or {})
    unknown = sorted(set(defaults) - set(FIELD_ALIASES))
    if unknown:
        raise ExchangeError(f"无法补充属性 {'、'.join(unknown)}：可用属性为 {'、'.join(FIELD_ALIASES)}")
    path = Path(path)
    source = read_source(path, layer, encoding)
    warnings = []
    if crs is None and source.crs is None and path.suffix.lower() not in GEOJSON_SUFFIXES:
        warnings.append("文件未声明坐标系，按 EPSG:4490 处理（可用 --crs 指定）")
    source_crs = crs if crs is not None else source.crs
    try:
        transform, label = to_storage(source_crs), crs_label(source_crs)
    except CodeError as exc:
        raise ExchangeError(str(exc)) from exc
    if not source.features:
        raise ExchangeError(f"“{path.name}”中没有要素")

    problems = ProblemList(path.name)
    with db.engine.begin() as conn:
        lookups = Lookups(conn)
        geometries = _storage_geometries(spec, source.features, transform, label, problems)
        rows = _rows(spec, source.features, geometries, defaults, lookups, problems)
        problems.raise_if_any()
        if kind == "admin":
            warnings += _resolve_parents(rows, lookups)
        inserted, updated = upsert(conn, spec.table, rows)
        if kind == "admin":
            _link_orphans(conn)
    db.changes.announce(_change(kind, rows))
    return ImportReport(kind, spec.label, path, label, len(rows), inserted, updated, warnings)


#: The entity each import kind writes, as :class:`~desktop.storage.changes.Change` names it.
CHANGE_KINDS = {"admin": "admin_area", "grids": "grid", "components": "component"}


def _change(kind: str, rows: list[dict]) -> Change:
    """The imported rows by code, over the box of their geometries."""
    boxes = np.array([(r["min_x"], r["min_y"], r["max_x"], r["max_y"]) for r in rows], dtype=float)
    bbox = (*boxes[:, :2].min(axis=0).tolist(), *boxes[:, 2:].max(axis=0).tolist()) if len(rows) else None
    return Change(CHANGE_KINDS[kind], tuple(row["code"] for row in rows), bbox=bbox)


def _checked_type(spec: KindSpec, feature: SourceFeature) -> shapely.Geometry:
    geometry = feature.geometry
    if geometry is None:
        raise FeatureProblem(feature.geometry_error or "缺少几何")
    if geometry.is_empty:
        raise FeatureProblem("几何为空")
    if geometry.geom_type == "MultiPoint" and "Point" in spec.geometry_types and len(geometry.geoms) == 1:
        geometry = geometry.geoms[0]
    if geometry.geom_type not in spec.geometry_types:
        raise FeatureProblem(f"几何类型为 {geometry.geom_type}，应为 {' 或 '.join(spec.geometry_types)}")
    return geometry


def _storage_geometries(spec, features, transform, label, problems) -> list[shapely.Geometry | None]:
    """Type-checked geometries in storage coordinates (None where a problem was recorded)."""
    typed: list[shapely.Geometry | None] = []
    for feature in features:
        try:
            typed.append(_checked_type(spec, feature))
        except FeatureProblem as exc:
            problems.add(feature.index, _code_of(feature), str(exc))
            typed.append(None)
    geometries = transform_geometry(np.array(typed, dtype=object), transform)
    bounds = shapely.bounds(geometries)
    valid = shapely.is_valid(geometries)
    result: list[shapely.Geometry | None] = []
    for feature, geometry, box, ok in zip(features, geometries, bounds, valid):
        reason = None
        if geometry is None:
            pass
        elif not np.all(np.isfinite(box)):
            reason = f"坐标无法从 {label} 转换到 EPSG:4490"
        elif box[0] < -180 or box[2] > 180 or box[1] < -90 or box[3] > 90:
            reason = f"转换后的坐标超出经纬度范围，坐标系可能不对（当前按 {label} 处理，可指定坐标系）"
        elif not ok:
            reason = f"几何无效：{shapely.is_valid_reason(geometry)}"
        if reason:
            problems.add(feature.index, _code_of(feature), reason)
            geometry = None
        result.append(geometry)
    return result


def _code_of(feature: SourceFeature) -> str | None:
    return Attributes(feature.properties, {}).get("code")


def _rows(spec, features, geometries, defaults, lookups, problems) -> list[dict]:
    rows: list[dict] = []
    first_index: dict[str, int] = {}
    for feature, geometry in zip(features, geometries):
        if geometry is None:
            continue
        attrs = Attributes(feature.properties, defaults)
        try:
            row = build_row(spec, lookups, attrs, geometry)
        except FeatureProblem as exc:
            problems.add(feature.index, attrs.get("code"), str(exc))
            continue
        if row["code"] in first_index:
            problems.add(feature.index, row["code"], f"编码与第 {first_index[row['code']]} 个要素重复")
            continue
        first_index[row["code"]] = feature.index
        row.update(geometry_columns(geometry))
        rows.append(row)
    return rows


def _resolve_parents(rows: list[dict], lookups: Lookups) -> list[str]:
    """Order admin rows parents-first; clear parents that do not exist (warning)."""
    present = lookups.admin_codes() | {row["code"] for row in rows}
    missing = sorted({row["parent_code"] for row in rows if row["parent_code"] and row["parent_code"] not in present})
    for row in rows:
        if row["parent_code"] in missing:
            row["parent_code"] = None
    rows.sort(key=lambda row: len(row["code"]))
    if not missing:
        return []
    return [
        (
            f"上级区划 {'、'.join(missing[:10])}{' 等' if len(missing) > 10 else ''} 尚不存在，"
            "相应的上级代码暂为空，导入上级区划后会自动关联"
        )
    ]


def _link_orphans(conn: Connection) -> None:
    """Set the parent of stored areas whose parent was imported after them."""
    codes = set(conn.execute(select(AdminArea.code)).scalars())
    orphans = conn.execute(select(AdminArea.code).where(AdminArea.parent_code.is_(None))).scalars().all()
    for code in orphans:
        parent = parent_admin_code(code)
        if parent in codes:
            conn.execute(update(AdminArea).where(AdminArea.code == code).values(parent_code=parent))
