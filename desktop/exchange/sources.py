"""Reading features from GeoJSON, GeoPackage and Shapefile into one simple shape.

GeoJSON is parsed here (FeatureCollection, a single Feature or a bare geometry, with the
optional legacy ``crs`` member) so errors can name the feature; other formats are read
with ``pyogrio.raw`` (numpy arrays + WKB, no pandas).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import shapely
import shapely.geometry

from desktop.exchange.errors import ExchangeError

GEOJSON_SUFFIXES = {".geojson", ".json"}
_GEOMETRY_TYPES = {
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
}


@dataclass
class SourceFeature:
    index: int  # 1-based position in the file
    properties: dict
    geometry: shapely.Geometry | None
    geometry_error: str | None = None


@dataclass
class SourceLayer:
    path: Path
    crs: str | None  # as declared by the file; None when it declares none
    features: list[SourceFeature] = field(default_factory=list)


def read_source(path: Path | str, layer: str | None = None, encoding: str | None = None) -> SourceLayer:
    """All features of a file (``layer`` and ``encoding`` only matter for GDAL formats)."""
    path = Path(path)
    if not path.exists():
        raise ExchangeError(f"文件“{path}”不存在")
    if path.suffix.lower() in GEOJSON_SUFFIXES:
        return _read_geojson(path)
    return _read_ogr(path, layer, encoding)


def _geojson_crs(document: dict) -> str | None:
    crs = document.get("crs")
    if not isinstance(crs, dict):
        return None
    props = crs.get("properties") or {}
    if crs.get("type") == "EPSG" and props.get("code"):
        return f"EPSG:{props['code']}"
    name = props.get("name")
    return str(name) if name else None


def _read_geojson(path: Path) -> SourceLayer:
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except json.JSONDecodeError as exc:
        raise ExchangeError(
            f"“{path.name}”不是有效的 GeoJSON：第 {exc.lineno} 行第 {exc.colno} 列 JSON 语法错误（{exc.msg}）"
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise ExchangeError(f"无法读取“{path}”：{exc}") from exc
    kind = document.get("type") if isinstance(document, dict) else None
    if kind == "FeatureCollection":
        items = document.get("features")
        if not isinstance(items, list):
            raise ExchangeError(f"“{path.name}”不是有效的 GeoJSON：FeatureCollection 缺少 features 数组")
    elif kind == "Feature":
        items = [document]
    elif kind in _GEOMETRY_TYPES:
        items = [{"type": "Feature", "properties": {}, "geometry": document}]
    else:
        raise ExchangeError(
            f"“{path.name}”不是有效的 GeoJSON：顶层 type 为“{kind}”，应为 FeatureCollection、Feature 或几何对象"
        )
    layer = SourceLayer(path, _geojson_crs(document))
    for i, item in enumerate(items, start=1):
        item = item if isinstance(item, dict) else {}
        properties = item.get("properties")
        feature = SourceFeature(i, dict(properties) if isinstance(properties, dict) else {}, None)
        if item.get("id") is not None:
            feature.properties.setdefault("id", item["id"])
        geometry = item.get("geometry")
        if geometry is not None:
            try:
                feature.geometry = shapely.geometry.shape(geometry)
            except Exception as exc:  # noqa: BLE001 - any malformed geometry object
                feature.geometry_error = f"几何无法解析（{type(exc).__name__}: {exc}）"
        layer.features.append(feature)
    return layer


def _read_ogr(path: Path, layer: str | None, encoding: str | None) -> SourceLayer:
    import pyogrio
    import pyogrio.raw
    from pyogrio.errors import DataLayerError, DataSourceError

    try:
        if layer is None:
            layers = pyogrio.list_layers(path)
            if len(layers) > 1:
                names = "、".join(str(name) for name in layers[:, 0])
                raise ExchangeError(f"“{path.name}”含多个图层（{names}），请指定要导入的图层")
        meta, _fids, wkbs, values = pyogrio.raw.read(path, layer=layer, encoding=encoding, force_2d=True)
    except (DataSourceError, DataLayerError, OSError) as exc:
        raise ExchangeError(f"无法读取“{path.name}”：{exc}") from exc
    count = len(wkbs) if wkbs is not None else (len(values[0]) if values else 0)
    geometries = shapely.from_wkb(wkbs, on_invalid="ignore") if wkbs is not None else [None] * count
    names = [str(name) for name in meta["fields"]]
    columns = [column.tolist() for column in values]
    result = SourceLayer(path, meta.get("crs"))
    for i, geometry in enumerate(geometries):
        properties = {name: column[i] for name, column in zip(names, columns)}
        result.features.append(SourceFeature(i + 1, properties, geometry))
    return result
