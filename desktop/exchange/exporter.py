"""Exporting 行政区划 / 单元网格 / 管理部件 as a GeoJSON FeatureCollection.

Rows are streamed from the database in batches and their geometries transformed to the
target CRS batch by batch, so millions of components never sit in memory at once. Codes and
attributes become properties. For a target other than EPSG:4326/4490 the file carries the
legacy GeoJSON ``crs`` member (``urn:ogc:def:crs:EPSG::3857``, or ``GCJ02``/``BD09``), which
:func:`desktop.exchange.importer.import_file` reads back.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import shapely
from sqlalchemy import select

from desktop.domain.codes import CodeError
from desktop.domain.crs import from_storage, normalize_crs, transform_geometry
from desktop.exchange.errors import ExchangeError
from desktop.exchange.records import SPECS
from desktop.storage.database import CityDatabase

FORMATS = ("geojson",)
BATCH = 5000
_SKIP_COLUMNS = {"geom_wkb", "min_x", "min_y", "max_x", "max_y", "center_x", "center_y"}  # derived on import


def _crs_member(crs) -> str:
    """The legacy ``crs`` member naming a target CRS ("" for EPSG:4326/4490)."""
    norm = normalize_crs(crs)
    if norm is None:
        return ""
    if isinstance(norm, str):
        name = norm
    else:
        authority = norm.to_authority(min_confidence=90)
        name = f"urn:ogc:def:crs:{authority[0]}::{authority[1]}" if authority else norm.to_wkt()
    return json.dumps({"type": "name", "properties": {"name": name}}, ensure_ascii=False)


def export_file(db: CityDatabase, kind: str, fmt: str = "geojson", crs: str | None = None, *, out: Path | str) -> int:
    """Write every row of ``kind`` to ``out``; returns the number of features written."""
    spec = SPECS.get(kind)
    if spec is None:
        raise ExchangeError(f"未知的数据类型“{kind}”，应为 {'、'.join(SPECS)} 之一")
    if fmt.lower() not in FORMATS:
        raise ExchangeError(f"不支持的导出格式“{fmt}”，目前支持：{'、'.join(FORMATS)}")
    try:
        transform, crs_json = from_storage(crs), _crs_member(crs)
    except CodeError as exc:
        raise ExchangeError(str(exc)) from exc
    out = Path(out)
    columns = [c for c in spec.table.columns if c.name not in _SKIP_COLUMNS]
    key = spec.table.primary_key.columns.values()[0]
    query = select(*columns, spec.table.c.geom_wkb).order_by(key)
    partial = out.with_name(out.name + ".part")
    count = 0
    try:
        with partial.open("w", encoding="utf-8") as handle, db.engine.connect() as conn:
            handle.write('{"type": "FeatureCollection", ')
            if crs_json:
                handle.write(f'"crs": {crs_json}, ')
            handle.write('"features": [\n')
            result = conn.execution_options(stream_results=True, yield_per=BATCH).execute(query)
            for batch in result.partitions(BATCH):
                handle.write(",\n" * (count > 0) + ",\n".join(_features(batch, columns, transform)))
                count += len(batch)
            handle.write("\n]}\n")
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ExchangeError(f"无法写入“{out}”：{exc}") from exc
    return count


def _features(batch, columns, transform) -> list[str]:
    wkbs = np.array([row[-1] for row in batch], dtype=object)
    geometries = transform_geometry(shapely.from_wkb(wkbs), transform)
    texts = shapely.to_geojson(geometries)
    features = []
    for row, text in zip(batch, texts):
        properties = {column.name: row[i] for i, column in enumerate(columns)}
        features.append(
            f'{{"type": "Feature", "properties": {json.dumps(properties, ensure_ascii=False)}, '
            f'"geometry": {text if text is not None else "null"}}}'
        )
    return features
