"""Import and export of admin areas, unit grids and components (real SQLite files in tmp_path)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyogrio.raw
import pytest
import shapely
from sqlalchemy import select

from desktop.cli import main
from desktop.domain import coords
from desktop.domain.crs import from_storage, transform_geometry
from desktop.exchange import ExchangeError, export_file, exporter, import_class_table, import_file
from desktop.exchange.records import geodesic_area_m2
from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, ClassCode, Component, UnitGrid

REPO = Path(__file__).resolve().parents[3]
SHARED_DATA = REPO / ".." / "shared" / "data"
CLASS_TABLE = REPO / "resources" / "codes" / "classes_gbt30428_2013.csv"

# 宿迁市 宿城区 with one street and two communities (codes in the GB/T 2260 style).
ADMIN = [
    ("3213", "宿迁市", (118.0, 33.6, 118.8, 34.2)),
    ("321302", "宿城区", (118.1, 33.7, 118.6, 34.1)),
    ("321302001", "幸福街道", (118.25, 33.9, 118.35, 34.0)),
    ("321302001001", "幸福社区", (118.25, 33.9, 118.30, 33.95)),
    ("321302001002", "项王社区", (118.30, 33.9, 118.35, 33.95)),
]
GRID_1 = "32130200100101"
GRID_2 = "32130200100201"
COMPONENT_1 = "3213020101000001"  # 0101 上水井盖
COMPONENT_2 = "3213020202000007"


def shared_file(*parts: str) -> Path:
    """A file of the shared test data next to the repository, or skip."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.is_file():
        pytest.skip(f"shared test data absent: {path.resolve()}")
    return path


def feature(properties: dict, geometry: shapely.Geometry | None) -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": None if geometry is None else json.loads(shapely.to_geojson(geometry)),
    }


def write_geojson(path: Path, features: list[dict], crs: str | None = None) -> Path:
    document = {"type": "FeatureCollection", "features": features}
    if crs:
        document["crs"] = {"type": "name", "properties": {"name": crs}}
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def dump(db: CityDatabase) -> list[str]:
    """The whole content of a SQLite database as SQL statements."""
    path = db.engine.url.database
    with sqlite3.connect(path) as connection:
        return list(connection.iterdump())


@pytest.fixture
def db(empty_city) -> CityDatabase:
    return empty_city


@pytest.fixture
def admin_file(tmp_path) -> Path:
    features = [feature({"code": code, "name": name}, shapely.box(*bbox)) for code, name, bbox in ADMIN]
    return write_geojson(tmp_path / "admin.geojson", features)


@pytest.fixture
def grids_file(tmp_path) -> Path:
    features = [
        feature(
            {"code": GRID_1, "zone_type": "居住小区", "name": "幸福一网格"}, shapely.box(118.25, 33.90, 118.26, 33.91)
        ),
        feature({"编码": GRID_2, "名称": "项王一网格"}, shapely.box(118.30, 33.90, 118.31, 33.91)),
    ]
    return write_geojson(tmp_path / "grids.geojson", features)


@pytest.fixture
def seeded_db(db, admin_file, grids_file) -> CityDatabase:
    """Admin areas, two grids and the bundled class table."""
    import_file(db, admin_file, "admin")
    import_file(db, grids_file, "grids")
    import_class_table(db, CLASS_TABLE)
    return db


POINTS = {COMPONENT_1: (118.2512345, 33.9012345), COMPONENT_2: (118.3087654, 33.9187654)}


def rows(db, model) -> dict:
    with db.session() as session:
        return {row.code: row for row in session.scalars(select(model))}


def component_features(crs: str | None = None) -> list[dict]:
    transform = from_storage(crs)
    return [
        feature(
            {"code": code, "class_code": code[6:10], "status": "完好"},
            transform_geometry(shapely.Point(lon, lat), transform),
        )
        for code, (lon, lat) in POINTS.items()
    ]


def write_ogr(path, features: list[dict], crs: str | None, geometry_type: str, driver: str):
    names = list(features[0]["properties"])
    values = [np.array([f["properties"][name] for f in features], dtype=object) for name in names]
    wkbs = np.array([shapely.to_wkb(shapely.geometry.shape(f["geometry"])) for f in features], dtype=object)
    pyogrio.raw.write(path, wkbs, values, names, geometry_type=geometry_type, crs=crs, driver=driver, encoding="UTF-8")
    return path


# --- admin -----------------------------------------------------------------------------


def test_admin_hierarchy_levels_and_parents(db, admin_file):
    report = import_file(db, admin_file, "admin")
    assert (report.count, report.inserted, report.updated, report.warnings) == (5, 5, 0, [])
    assert report.summary().startswith("已导入 5 个行政区划")
    stored = rows(db, AdminArea)
    assert {code: (a.level, a.parent_code) for code, a in stored.items()} == {
        "3213": ("city", None),
        "321302": ("district", "3213"),
        "321302001": ("street", "321302"),
        "321302001001": ("community", "321302001"),
        "321302001002": ("community", "321302001"),
    }
    district = stored["321302"]
    assert district.geometry.equals(shapely.box(*ADMIN[1][2]))
    assert (district.min_x, district.max_y) == (118.1, 34.1)
    assert district.geometry.contains(shapely.Point(district.center_x, district.center_y))


def test_admin_missing_parent_is_linked_later(db, tmp_path):
    child = write_geojson(
        tmp_path / "child.geojson", [feature({"code": "321302000000", "名称": "宿城区"}, shapely.box(118, 33, 119, 34))]
    )
    report = import_file(db, child, "admin")
    assert "3213" in report.warnings[0]
    assert rows(db, AdminArea)["321302"].parent_code is None  # 12-digit code normalised to 6 digits
    parent = write_geojson(
        tmp_path / "parent.geojson", [feature({"adcode": 3213, "name": "宿迁市"}, shapely.box(117, 33, 119, 35))]
    )
    import_file(db, parent, "admin")
    assert rows(db, AdminArea)["321302"].parent_code == "3213"


def test_real_county_boundary_gcj02(db):
    fence = shared_file("admin_codes", "vonng_adcode", "fence_321302.geojson")
    source = shapely.from_geojson(fence.read_text(encoding="utf-8"))
    assert source.geom_type == "Polygon"  # a bare geometry: attributes come from --set
    assert (
        main(
            [
                "--db",
                str(db.engine.url.database),
                "import",
                str(fence),
                "--kind",
                "admin",
                "--crs",
                "GCJ02",
                "--set",
                "code=321302",
                "--set",
                "name=宿城区",
            ]
        )
        == 0
    )
    area = rows(db, AdminArea)["321302"]
    assert (area.name, area.level) == ("宿城区", "district")
    stored = shapely.get_coordinates(area.geometry)
    expected = np.column_stack(coords.gcj02_to_wgs84(*shapely.get_coordinates(source).T))
    assert np.abs(stored - expected).max() < 1e-12
    shift = np.hypot(*(shapely.get_coordinates(source) - stored).T).max() * 111_000
    assert 100 < shift < 1000  # GCJ-02 offsets are hundreds of metres
    assert 500e6 < geodesic_area_m2(area.geometry) < 1500e6  # 宿城区 ≈ 850 km²


# --- grids -------------------------------------------------------------------------------


def test_grids_with_aliases_defaults_and_area(db, admin_file, grids_file):
    import_file(db, admin_file, "admin")
    report = import_file(db, grids_file, "grids")
    assert report.summary().startswith("已导入 2 个单元网格")
    grids = rows(db, UnitGrid)
    assert (grids[GRID_1].zone_type, grids[GRID_1].name, grids[GRID_1].community_code) == (
        "居住小区",
        "幸福一网格",
        "321302001001",
    )
    assert (grids[GRID_2].zone_type, grids[GRID_2].name, grids[GRID_2].community_code) == (
        "其他",
        "项王一网格",
        "321302001002",
    )
    # 0.01° × 0.01° at 33.9°N ≈ 1110 m × 924 m
    assert grids[GRID_1].area_m2 == pytest.approx(1.0264e6, rel=2e-3)


def test_grids_upsert_updates_existing(seeded_db, tmp_path):
    changed = write_geojson(
        tmp_path / "changed.geojson",
        [
            feature(
                {"code": GRID_1, "区域属性": "学校", "name": "实验小学"}, shapely.box(118.25, 33.90, 118.27, 33.91)
            ),
        ],
    )
    report = import_file(seeded_db, changed, "grids")
    assert (report.inserted, report.updated) == (0, 1)
    grid = rows(seeded_db, UnitGrid)[GRID_1]
    assert (grid.zone_type, grid.name) == ("学校", "实验小学")
    assert grid.area_m2 == pytest.approx(2 * 1.0264e6, rel=2e-3)
    assert len(rows(seeded_db, UnitGrid)) == 2


def test_grid_of_missing_community_is_an_error(db, admin_file, tmp_path):
    import_file(db, admin_file, "admin")
    path = write_geojson(
        tmp_path / "g.geojson", [feature({"code": "32130200100901"}, shapely.box(118, 33, 118.1, 33.1))]
    )
    with pytest.raises(
        ExchangeError, match="第 1 个要素（编码 32130200100901）：所属社区 321302001009 不存在，请先导入行政区划"
    ):
        import_file(db, path, "grids")


# --- components ---------------------------------------------------------------------------


def test_components_defaults_and_class_inferred(seeded_db, tmp_path):
    path = write_geojson(
        tmp_path / "c.geojson",
        [
            feature({"code": COMPONENT_1, "grid_code": GRID_1, "name": "井盖1"}, shapely.Point(*POINTS[COMPONENT_1])),
            feature({"编码": COMPONENT_2, "状态": "破损"}, shapely.MultiPoint([POINTS[COMPONENT_2]])),
        ],
    )
    report = import_file(seeded_db, path, "components")
    assert report.summary().startswith("已导入 2 个管理部件")
    stored = rows(seeded_db, Component)
    one, two = stored[COMPONENT_1], stored[COMPONENT_2]
    assert (one.class_code, one.scheme, one.status, one.grid_code, one.admin_code, one.name) == (
        "0101",
        "GB/T 30428.2-2013",
        "完好",
        GRID_1,
        "321302",
        "井盖1",
    )
    assert (two.class_code, two.status, two.grid_code) == ("0202", "破损", None)
    assert two.geometry.equals(shapely.Point(*POINTS[COMPONENT_2]))


@pytest.mark.parametrize(
    "properties, reason",
    [
        ({"code": COMPONENT_1, "class_code": "0102"}, "类别码应为 0102"),
        ({"code": "3213029999000001"}, "类别代码 9999 不在类别表"),
        ({"code": COMPONENT_1, "status": "坏了"}, "状态“坏了”无效"),
        ({"code": COMPONENT_1, "grid_code": "32130200100199"}, "所属单元网格 32130200100199 不存在"),
        ({"code": "3213020101000000"}, "序号不能为全 0"),
        ({}, "缺少部件编码"),
    ],
)
def test_component_errors(seeded_db, tmp_path, properties, reason):
    path = write_geojson(tmp_path / "c.geojson", [feature(properties, shapely.Point(118.3, 33.9))])
    with pytest.raises(ExchangeError, match=reason):
        import_file(seeded_db, path, "components")


# --- formats and coordinate systems -------------------------------------------------------


@pytest.mark.parametrize("crs", ["EPSG:4326", "EPSG:4490", "EPSG:4527", "EPSG:4549", "EPSG:3857", "GCJ02", "BD09"])
def test_each_crs_given_on_the_command(seeded_db, tmp_path, crs):
    path = write_geojson(tmp_path / "c.geojson", component_features(crs))
    report = import_file(seeded_db, path, "components", crs=crs)
    assert report.crs == ("EPSG:4490" if crs == "EPSG:4326" else crs)
    for code, component in rows(seeded_db, Component).items():
        assert (component.geometry.x, component.geometry.y) == pytest.approx(POINTS[code], abs=1e-9)


def test_crs_declared_in_geojson_and_override(seeded_db, tmp_path):
    declared = write_geojson(tmp_path / "c.geojson", component_features("EPSG:3857"), crs="urn:ogc:def:crs:EPSG::3857")
    assert import_file(seeded_db, declared, "components").crs == "EPSG:3857"
    gcj = write_geojson(tmp_path / "gcj.geojson", component_features("GCJ02"), crs="EPSG:4326")
    import_file(seeded_db, gcj, "components", crs="gcj-02")  # --crs overrides the declaration
    for code, component in rows(seeded_db, Component).items():
        assert (component.geometry.x, component.geometry.y) == pytest.approx(POINTS[code], abs=1e-9)


def test_geojson_single_feature_and_bare_geometry(db, tmp_path):
    single = tmp_path / "one.geojson"
    single.write_text(
        json.dumps(feature({"code": "3213", "name": "宿迁市"}, shapely.box(118, 33, 119, 34))), encoding="utf-8"
    )
    assert import_file(db, single, "admin").count == 1
    bare = tmp_path / "bare.json"
    bare.write_text(shapely.to_geojson(shapely.box(118.1, 33.1, 118.9, 33.9)), encoding="utf-8")
    report = import_file(db, bare, "admin", defaults={"code": "321302", "name": "宿城区"})
    assert (report.count, report.warnings) == (1, [])
    assert rows(db, AdminArea)["321302"].parent_code == "3213"


def test_geopackage_with_declared_gauss_kruger_crs(seeded_db, tmp_path):
    features = component_features("EPSG:4549")
    path = write_ogr(tmp_path / "c.gpkg", features, "EPSG:4549", "Point", "GPKG")
    report = import_file(seeded_db, path, "components")
    assert (report.count, report.crs) == (2, "EPSG:4549")
    for code, component in rows(seeded_db, Component).items():
        assert (component.geometry.x, component.geometry.y) == pytest.approx(POINTS[code], abs=1e-9)


def test_shapefile_with_chinese_fields_and_zone_prefixed_crs(db, tmp_path):
    features = [
        feature({"代码": code, "名称": name}, transform_geometry(shapely.box(*bbox), from_storage("EPSG:4527")))
        for code, name, bbox in ADMIN
    ]
    path = write_ogr(tmp_path / "admin.shp", features, "EPSG:4527", "Polygon", "ESRI Shapefile")
    report = import_file(db, path, "admin")
    assert (report.count, report.crs) == (5, "EPSG:4527")
    stored = rows(db, AdminArea)
    assert stored["321302001"].name == "幸福街道"
    assert np.abs(np.array(stored["321302"].geometry.bounds) - ADMIN[1][2]).max() < 1e-9


@pytest.mark.filterwarnings("ignore:'crs' was not provided")
def test_undeclared_crs_in_gdal_formats_is_reported(db, tmp_path):
    features = [feature({"code": "3213", "name": "宿迁市"}, shapely.box(118, 33, 119, 34))]
    path = write_ogr(tmp_path / "admin.gpkg", features, None, "Polygon", "GPKG")
    assert "未声明坐标系" in import_file(db, path, "admin").warnings[0]


def test_wrong_crs_is_caught_by_the_range_check(db, tmp_path):
    projected = transform_geometry(shapely.box(118, 33, 119, 34), from_storage("EPSG:3857"))
    path = write_geojson(tmp_path / "a.geojson", [feature({"code": "3213", "name": "宿迁市"}, projected)])
    with pytest.raises(ExchangeError, match="超出经纬度范围，坐标系可能不对"):
        import_file(db, path, "admin")
    with pytest.raises(ExchangeError, match="坐标系“EPSG:12345678”无法识别"):
        import_file(db, path, "admin", crs="EPSG:12345678")


# --- broken files leave the database unchanged ---------------------------------------------


def _bowtie():
    return shapely.Polygon([(118.25, 33.90), (118.26, 33.91), (118.26, 33.90), (118.25, 33.91)])


@pytest.mark.parametrize(
    "case", ["bad-json", "invalid-geometry", "bad-code", "duplicate", "wrong-type", "empty-geometry"]
)
def test_broken_file_leaves_database_unchanged(seeded_db, tmp_path, case):
    good = [
        feature({"code": GRID_1, "name": "改名"}, shapely.box(118.25, 33.90, 118.26, 33.91)),
        feature({"code": "32130200100102"}, shapely.box(118.26, 33.90, 118.27, 33.91)),
    ]
    bad = {
        "invalid-geometry": (
            feature({"code": "32130200100103"}, _bowtie()),
            "第 3 个要素（编码 32130200100103）：几何无效：Self-intersection",
        ),
        "bad-code": (
            feature({"code": "3213020010010"}, shapely.box(118.27, 33.90, 118.28, 33.91)),
            "第 3 个要素（编码 3213020010010）：单元网格编码.*应为 14 位",
        ),
        "duplicate": (
            feature({"code": GRID_1}, shapely.box(118.27, 33.90, 118.28, 33.91)),
            "第 3 个要素（编码 32130200100101）：编码与第 1 个要素重复",
        ),
        "wrong-type": (
            feature({"code": "32130200100103"}, shapely.Point(118.27, 33.9)),
            "几何类型为 Point，应为 Polygon 或 MultiPolygon",
        ),
        "empty-geometry": (feature({"code": "32130200100103"}, None), "第 3 个要素（编码 32130200100103）：缺少几何"),
    }
    before = dump(seeded_db)
    path = tmp_path / "broken.geojson"
    if case == "bad-json":
        write_geojson(path, good)
        path.write_text(path.read_text(encoding="utf-8")[:-5], encoding="utf-8")
        expected = "不是有效的 GeoJSON：第 1 行第 .* 列 JSON 语法错误"
    else:
        write_geojson(path, good + [bad[case][0]])
        expected = bad[case][1]
    with pytest.raises(ExchangeError, match=expected) as error:
        import_file(seeded_db, path, "grids")
    assert "改名" not in str(error.value)
    assert dump(seeded_db) == before


def test_errors_are_collected_and_capped(seeded_db, tmp_path):
    features = [feature({"code": f"3213020010010{i % 10}"}, _bowtie()) for i in range(25)]
    with pytest.raises(ExchangeError) as error:
        import_file(seeded_db, write_geojson(tmp_path / "many.geojson", features), "grids")
    message = str(error.value)
    assert "有 25 处错误，未导入任何数据" in message and "另有 5 处错误未列出" in message
    assert len(error.value.problems) == 25


def test_database_failure_rolls_back_everything(seeded_db, tmp_path, monkeypatch):
    from desktop.exchange import importer

    def fail_after_writing(conn, table, rows):
        conn.execute(table.delete())
        raise ExchangeError("模拟写入失败")

    before = dump(seeded_db)
    monkeypatch.setattr(importer, "upsert", fail_after_writing)
    with pytest.raises(ExchangeError, match="模拟写入失败"):
        import_file(seeded_db, write_geojson(tmp_path / "c.geojson", component_features()), "components")
    assert dump(seeded_db) == before


def test_missing_file_and_unknown_kind(db, tmp_path):
    with pytest.raises(ExchangeError, match="不存在"):
        import_file(db, tmp_path / "nope.geojson", "admin")
    with pytest.raises(ExchangeError, match="未知的数据类型"):
        import_file(db, tmp_path / "nope.geojson", "roads")


# --- export ------------------------------------------------------------------------------------


@pytest.mark.parametrize("crs", [None, "EPSG:4549", "EPSG:3857", "GCJ02", "BD09"])
def test_export_round_trip(seeded_db, tmp_path, crs):
    out = tmp_path / "grids.geojson"
    assert export_file(seeded_db, "grids", crs=crs, out=out) == 2
    document = json.loads(out.read_text(encoding="utf-8"))
    assert [f["properties"]["code"] for f in document["features"]] == [GRID_1, GRID_2]
    assert document["features"][0]["properties"]["zone_type"] == "居住小区"
    assert ("crs" in document) == (crs is not None)
    fresh = CityDatabase(tmp_path / "fresh.db")
    import_file(
        fresh,
        write_geojson(
            tmp_path / "admin.geojson",
            [feature({"code": code, "name": name}, shapely.box(*bbox)) for code, name, bbox in ADMIN],
        ),
        "admin",
    )
    assert import_file(fresh, out, "grids").count == 2  # the crs member is read back
    original, copy = rows(seeded_db, UnitGrid), rows(fresh, UnitGrid)
    for code in original:
        a, b = original[code].geometry, copy[code].geometry
        assert np.abs(shapely.get_coordinates(a) - shapely.get_coordinates(b)).max() < 1e-9
        assert (copy[code].name, copy[code].zone_type) == (original[code].name, original[code].zone_type)
    fresh.close()


def test_export_streams_in_batches(seeded_db, tmp_path, monkeypatch):
    points = [feature({"code": f"3213020101{i:06d}"}, shapely.Point(118.25 + i * 1e-4, 33.9)) for i in range(1, 12)]
    import_file(seeded_db, write_geojson(tmp_path / "c.geojson", points), "components")
    monkeypatch.setattr(exporter, "BATCH", 4)
    out = tmp_path / "out" / "components.geojson"
    out.parent.mkdir()
    assert export_file(seeded_db, "components", crs="GCJ02", out=out) == 11
    document = json.loads(out.read_text(encoding="utf-8"))
    assert len(document["features"]) == 11 and document["crs"]["properties"]["name"] == "GCJ02"
    first = document["features"][0]
    assert first["properties"]["class_code"] == "0101" and first["properties"]["status"] == "完好"
    assert first["geometry"]["coordinates"] == pytest.approx(list(coords.wgs84_to_gcj02(118.2501, 33.9)), abs=1e-12)
    assert list(out.parent.iterdir()) == [out]  # no .part file left behind


def test_export_empty_table_and_bad_arguments(db, tmp_path):
    out = tmp_path / "empty.geojson"
    assert export_file(db, "components", out=out) == 0
    assert json.loads(out.read_text(encoding="utf-8")) == {"type": "FeatureCollection", "features": []}
    with pytest.raises(ExchangeError, match="不支持的导出格式"):
        export_file(db, "admin", "shp", out=out)
    with pytest.raises(ExchangeError, match="无法识别"):
        export_file(db, "admin", crs="EPSG:0", out=out)


# --- class table ----------------------------------------------------------------------------


def test_import_class_table_upserts(db, tmp_path):
    inserted, updated = import_class_table(db, CLASS_TABLE)
    assert inserted > 100 and updated == 0
    assert import_class_table(db, CLASS_TABLE) == (0, inserted)
    custom = tmp_path / "local.csv"
    custom.write_text("kind,major_code,major_name,code5,name\n部件,01,公用设施,01001,上水井盖\n", encoding="utf-8")
    assert import_class_table(db, custom, "本地方案") == (1, 0)
    with db.session() as session:
        assert session.get(ClassCode, ("本地方案", "部件", "01001")).name == "上水井盖"
    broken = tmp_path / "broken.csv"
    broken.write_text("kind,major_code,major_name,code5,name\n部件,01,公用设施,99,坏\n", encoding="utf-8")
    with pytest.raises(ExchangeError, match="第 2 行无效"):
        import_class_table(db, broken, "本地方案")


# --- command line --------------------------------------------------------------------------------


def test_cli_import_export_and_classes(tmp_path, admin_file, grids_file, capsys):
    db_path = tmp_path / "cli.db"
    assert main(["--db", str(db_path), "import-classes", str(CLASS_TABLE)]) == 0
    assert "已导入" in capsys.readouterr().out
    assert main(["--db", str(db_path), "import", str(admin_file), "--kind", "admin"]) == 0
    assert main(["--db", str(db_path), "import", str(grids_file), "--kind", "grids"]) == 0
    assert "已导入 2 个单元网格" in capsys.readouterr().out
    out = tmp_path / "grids_bd09.geojson"
    assert (
        main(
            [
                "--db",
                str(db_path),
                "export",
                "--kind",
                "grids",
                "--format",
                "geojson",
                "--crs",
                "BD09",
                "--out",
                str(out),
            ]
        )
        == 0
    )
    assert f"已导出 2 个单元网格到 {out}" in capsys.readouterr().out
    assert len(json.loads(out.read_text(encoding="utf-8"))["features"]) == 2


def test_cli_subcommand_db_overrides_global(tmp_path, admin_file, capsys):
    global_db, own_db = tmp_path / "global.db", tmp_path / "own.db"
    assert main(["--db", str(global_db), "import", str(admin_file), "--kind", "admin", "--db", str(own_db)]) == 0
    assert own_db.exists() and not global_db.exists()


def test_cli_default_database_path(tmp_path, admin_file, monkeypatch, capsys):
    monkeypatch.setenv("CITYOPS_HOME", str(tmp_path / "home"))
    assert main(["import", str(admin_file), "--kind", "admin"]) == 0
    assert (tmp_path / "home" / "demo-city.db").exists()


def test_cli_error_is_a_message_and_exit_code_1(tmp_path, capsys):
    bad = tmp_path / "bad.geojson"
    bad.write_text("{not json", encoding="utf-8")
    assert main(["--db", str(tmp_path / "x.db"), "import", str(bad), "--kind", "grids"]) == 1
    err = capsys.readouterr().err
    assert "导入失败：“bad.geojson”不是有效的 GeoJSON" in err and "Traceback" not in err
    assert main(["--db", str(tmp_path / "x.db"), "import", str(bad), "--kind", "grids", "--crs", "EPSG:0"]) == 1
    assert (
        main(
            [
                "--db",
                str(tmp_path / "x.db"),
                "export",
                "--kind",
                "admin",
                "--crs",
                "foo",
                "--out",
                str(tmp_path / "o.json"),
            ]
        )
        == 1
    )
    assert "坐标系“foo”无法识别" in capsys.readouterr().err


def test_cli_bad_set_argument(tmp_path, admin_file, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--db", str(tmp_path / "x.db"), "import", str(admin_file), "--kind", "admin", "--set", "oops"])
    assert exit_.value.code == 2 and "属性=值" in capsys.readouterr().err


def test_import_help_in_chinese_subprocess():
    result = subprocess.run(
        [sys.executable, "main.py", "import", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for text in ("--kind", "数据类型：admin=行政区划", "--crs", "源坐标系", "显示帮助并退出"):
        assert text in result.stdout
