"""Layers change one at a time on the map: a reorder composites the cached tiles afresh and renders
none, inserting or removing a layer renders or drops only its tiles, plugins come and go without
resetting the list (nor restarting the QGIS base map), and a plugin's own painter draws its layer."""

import pytest

from desktop.qgis_render import client
from desktop.seat.app_state import AppState
from plugins.manager import PluginManager
from plugins.registry import load_builtin_layers
from tests.plugins.conftest import install_plugin_package
from widgets import base_map_source
from widgets.base_map_source import QGIS
from widgets.map_canvas import MapCanvas

PLUGIN_MODULE = """
from layers.base import Layer
from layers.vector_layer import Symbol, VectorLayer
from plugins.api import LayerPlugin

PAINTED = []


class MarkerLayer(Layer):
    pass


class MarkerPainter:
    def __init__(self, layer):
        self.layer = layer

    def paint(self, painter, view, phase):
        PAINTED.append(self.layer.name)


class Markers(LayerPlugin):
    NAME = "markers"

    def load(self, context):
        context.register_painter(MarkerLayer, MarkerPainter)
        return [MarkerLayer("标记"), VectorLayer("附加面", {}, Symbol(fill="#ff0000"))]
"""


@pytest.fixture
def plugins(gui_app, tmp_path, monkeypatch):
    install_plugin_package(
        tmp_path,
        monkeypatch,
        "cityops_order_plugins",
        PLUGIN_MODULE,
        "[cityops.plugins]\nmarkers = cityops_order_plugins:Markers\n",
    )
    import cityops_order_plugins

    return cityops_order_plugins


def _map(qtbot, small_city, base_map: str):
    state = AppState(load_builtin_layers)
    state.set_database(small_city)
    canvas = MapCanvas(state, base_map=base_map, overview=False)
    canvas.resize(900, 900)
    qtbot.addWidget(canvas)
    canvas.show()
    qtbot.waitExposed(canvas)
    return state, canvas


def _layer(state, name):
    return next(layer for layer in state.layers if layer.name == name)


def _cached(canvas, layer) -> list:
    return [canvas.tiles._caches[layer].image(key) for key in canvas.view.tiles()]


def _same(a: list, b: list) -> bool:
    return len(a) == len(b) and all(x is y and x is not None for x, y in zip(a, b))


def test_a_plugin_painter_draws_its_layer_and_loading_it_touches_no_other_layer(qtbot, small_city, plugins):
    state, canvas = _map(qtbot, small_city, "own")
    assert canvas.wait_until_complete(30)
    grids = _layer(state, "单元网格")
    grid_tiles, before = _cached(canvas, grids), len(canvas.tiles.rendered)
    resets = []
    state.layers.sig_reset.connect(lambda: resets.append(1))
    manager = PluginManager(state)
    manager.discover()
    assert manager.load("markers")
    assert canvas.wait_until_complete(30)
    canvas.render_image()
    assert "标记" in plugins.PAINTED and not resets
    new = canvas.tiles.rendered[before:]
    assert set(new) == set(canvas.view.tiles()) and len(new) == len(canvas.view.tiles())  # the new layer's only
    assert _same(_cached(canvas, grids), grid_tiles)
    assert manager.unload("markers")
    assert canvas.wait_until_complete(30) and not resets
    assert len(canvas.tiles.rendered) == before + len(new) and _same(_cached(canvas, grids), grid_tiles)
    plugins.PAINTED.clear()
    canvas.render_image()
    assert plugins.PAINTED == []
    assert not any(type(p.layer).__name__ == "MarkerLayer" for p in canvas._live)


@pytest.mark.skipif(not client.available(), reason=f"QGIS 未安装：{client.SYSTEM_PYTHON} 无法 import qgis.core")
def test_a_reorder_renders_no_tile_and_leaves_the_qgis_base_map_running(qtbot, small_city, plugins):
    state, canvas = _map(qtbot, small_city, "auto")
    qtbot.waitUntil(lambda: canvas.base.mode == QGIS, timeout=120_000)
    canvas.fit_to_city()
    assert canvas.wait_until_complete(120)
    pid, base_tiles = base_map_source._renderer.pid, canvas.base._tiles
    base_images = [canvas.base.image(key) for key in canvas.view.tiles()]
    grids = _layer(state, "单元网格")
    grid_tiles, rendered, image = _cached(canvas, grids), len(canvas.tiles.rendered), canvas.render_image()

    state.layers.move(grids, len(state.layers) - 1)  # from the bottom to the top
    assert canvas.wait_until_complete(30)
    assert len(canvas.tiles.rendered) == rendered  # no tile rendered …
    assert canvas.render_image() != image  # … yet the map shows the grids over the other layers
    assert _same(_cached(canvas, grids), grid_tiles)

    manager = PluginManager(state)
    manager.discover()
    assert manager.load("markers") and canvas.wait_until_complete(30)
    assert manager.unload("markers") and canvas.wait_until_complete(30)
    assert _same(_cached(canvas, grids), grid_tiles)
    assert canvas.base.mode == QGIS and canvas.base._tiles is base_tiles and base_map_source._renderer.pid == pid
    assert _same([canvas.base.image(key) for key in canvas.view.tiles()], base_images)
