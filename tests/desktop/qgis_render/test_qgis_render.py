"""QGIS as the cartographic engine: base-layer export, the styled project, the render worker."""

import math
import os
import signal

import numpy as np
import pyogrio
import pytest
from PySide6.QtGui import QColor, QImage
from shapely.geometry import LineString, Point, Polygon, box

from desktop.qgis_render import client
from desktop.qgis_render.base_layers import LAYERS, export_base_layers
from desktop.qgis_render.client import BaseTiles, QgisRenderer, RenderError, RenderTimeout
from desktop.storage.database import CityDatabase
from desktop.storage.models import AdminArea, BaseFeature

needs_qgis = pytest.mark.skipif(
    not client.available(), reason=f"QGIS 未安装：{client.SYSTEM_PYTHON} 无法 import qgis.core"
)

# The view rendered below: 0.08° × 0.06° at 800 × 600 px, so 1 px = 0.0001°.
VIEW = (118.23, 33.92, 118.31, 33.98)
WIDTH, HEIGHT = 800, 600
BACKGROUND = QColor("#0b1a2e")


def _feature(kind, geom, subkind=None, name=None):
    feature = BaseFeature(kind=kind, subkind=subkind, name=name)
    feature.geometry = geom
    return feature


@pytest.fixture(scope="module")
def city_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("city") / "city.db"
    db = CityDatabase(path)
    district = AdminArea(code="321302", name="宿城区", level="district", center_x=118.27, center_y=33.95)
    district.geometry = box(118.24, 33.93, 118.30, 33.97)
    street = AdminArea(code="321302001", name="幸福街道", level="street", parent_code="321302")
    street.geometry = box(118.24, 33.93, 118.27, 33.95)
    with db.session() as session, session.begin():
        session.add_all([district, street])
        session.add_all(
            [
                _feature("road", LineString([(118.24, 33.95), (118.30, 33.95)]), "主干路", "人民大道"),
                _feature("road", LineString([(118.29, 33.93), (118.29, 33.97)]), "次干路", "幸福路"),
                _feature("road", LineString([(118.25, 33.94), (118.26, 33.94)]), "支路", "学府巷"),
                _feature(
                    "water",
                    Polygon([(118.245, 33.955), (118.265, 33.955), (118.265, 33.968), (118.245, 33.968)]),
                    name="古黄河湖",
                ),
                _feature("water", LineString([(118.24, 33.935), (118.30, 33.936)]), name="运河"),
                _feature("green", box(118.272, 33.932, 118.285, 33.945), name="市民公园"),
                _feature("place", Point(118.28, 33.96), "place", "宿迁市政府"),
            ]
        )
    db.close()
    return path


@pytest.fixture(scope="module")
def renderer():
    if not client.available():
        pytest.skip(f"QGIS 未安装：{client.SYSTEM_PYTHON} 无法 import qgis.core")
    with QgisRenderer(timeout=20) as own:
        yield own


@pytest.fixture(scope="module")
def project(city_db, renderer, tmp_path_factory):
    return client.write_base_project(city_db, tmp_path_factory.mktemp("base"), renderer)


def _image(png: bytes) -> QImage:
    image = QImage.fromData(png, "PNG")
    assert not image.isNull()
    return image


def _pixel(image: QImage, lon: float, lat: float) -> QColor:
    return image.pixelColor(round((lon - VIEW[0]) / 0.0001), round((VIEW[3] - lat) / 0.0001))


def test_base_layers_are_exported_by_kind_in_storage_crs(city_db, tmp_path):
    gpkg = export_base_layers(city_db, tmp_path / "base.gpkg")
    counts = {name: pyogrio.read_info(gpkg, layer=name)["features"] for name, _ in pyogrio.list_layers(gpkg)}
    assert counts == {"green": 1, "water_areas": 1, "water_lines": 1, "boundaries": 2, "roads": 3, "places": 3}
    assert set(counts) == set(LAYERS)
    assert pyogrio.read_info(gpkg, layer="roads")["crs"] == "EPSG:4490"
    names = pyogrio.raw.read(gpkg, layer="places", columns=["name"])[3][0]
    assert set(names) == {"宿城区", "幸福街道", "宿迁市政府"}


def test_without_qgis_the_app_is_told_in_chinese(monkeypatch):
    monkeypatch.setattr(client, "qgis_version", lambda: None)
    assert not client.available()
    assert client.status_message() == client.MSG_UNAVAILABLE == "未检测到 QGIS，底图由本程序自行绘制"
    with pytest.raises(client.QgisUnavailable, match="未检测到 QGIS"):
        QgisRenderer()


@needs_qgis
def test_rendered_view_shows_roads_and_water_on_the_dark_background(renderer, project):
    assert renderer.load(project) == len(LAYERS)
    image = _image(renderer.render(project, VIEW, WIDTH, HEIGHT))
    assert (image.width(), image.height()) == (WIDTH, HEIGHT)
    assert image.pixelColor(5, 5) == BACKGROUND
    road = _pixel(image, 118.262, 33.95)
    assert road != BACKGROUND and road.lightness() > BACKGROUND.lightness() + 40
    water = _pixel(image, 118.25, 33.962)
    assert water.blue() > water.red() + 40 and water.blue() > water.green() + 20
    green = _pixel(image, 118.283, 33.943)
    assert green.green() > green.red() and green != BACKGROUND


@needs_qgis
def test_city_project_draws_grids_and_components_over_the_base(renderer, project, tmp_path):
    grids = np.array([box(118.274, 33.932, 118.284, 33.944)], dtype=object)
    overlay = client.export_overlay_layers(
        grids, np.array(["居住小区"], dtype=object), np.array([118.262]), np.array([33.962]), tmp_path / "overlay.gpkg"
    )
    city = renderer.write_city_project(project.parent / "base.gpkg", overlay, tmp_path / "city.qgs")
    assert renderer.load(city) == len(LAYERS) + 2
    base = _image(renderer.render(project, VIEW, WIDTH, HEIGHT))
    image = _image(renderer.render(city, VIEW, WIDTH, HEIGHT))
    assert _pixel(image, 118.279, 33.938) != _pixel(base, 118.279, 33.938)  # the grid's fill over the park
    assert _pixel(image, 118.302, 33.968) == _pixel(base, 118.302, 33.968)  # outside: the base alone


@needs_qgis
def test_tiles_are_xyz_web_mercator_and_cached_on_disk(renderer, project, tmp_path):
    tiles = BaseTiles(renderer, project, cache_root=tmp_path)
    z, lon, lat = 14, 118.262, 33.95  # the 主干路 runs through this tile
    x = int((lon + 180) / 360 * 2**z)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * 2**z)
    image = _image(tiles.tile(z, x, y))
    assert (image.width(), image.height()) == (256, 256)
    assert len(list(tiles.directory.rglob("*.png"))) == 16  # the whole 4×4 metatile
    assert tiles.path(z, x, y).read_bytes() == tiles.tile(z, x, y)
    assert any(image.pixelColor(i, j) != BACKGROUND for i in range(0, 256, 4) for j in range(0, 256, 4))
    with pytest.raises(ValueError):
        tiles.tile(2, 4, 0)


@needs_qgis
def test_a_broken_project_is_a_chinese_error_naming_the_file(renderer, tmp_path):
    broken = tmp_path / "损坏的工程.qgs"
    broken.write_text("<qgis version='3.22'><projectlayers><maplayer>", encoding="utf-8")
    pid = renderer.pid
    with pytest.raises(RenderError, match=r"无法读取 QGIS 工程文件.*损坏的工程\.qgs"):
        renderer.load(broken)
    with pytest.raises(RenderError, match="文件不存在"):
        renderer.render(tmp_path / "missing.qgs", VIEW, 64, 48)
    assert renderer.request({"cmd": "ping"})[0]["ok"] and renderer.pid == pid  # the worker lives on


@needs_qgis
def test_a_killed_worker_is_restarted_for_the_next_request(renderer, project):
    pid = renderer.pid
    os.kill(pid, signal.SIGKILL)
    image = _image(renderer.render(project, VIEW, WIDTH // 4, HEIGHT // 4))
    assert image.width() == WIDTH // 4 and renderer.pid != pid


@needs_qgis
def test_a_hung_worker_times_out_and_is_replaced(renderer, project):
    pid = renderer.pid
    os.kill(pid, signal.SIGSTOP)  # a worker that never answers
    with pytest.raises(RenderTimeout, match="超时"):
        renderer.request({"cmd": "ping"}, timeout=2)
    assert renderer.pid != pid
    assert _image(renderer.render(project, VIEW, 64, 48)).width() == 64
