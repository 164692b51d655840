"""Layer models: properties and signals, the layer tree model, loading a city database."""

import numpy as np
import shapely
from PySide6.QtCore import Qt

from desktop.storage.city_queries import read_city_summary
from layers.base import Layer
from layers.city_styles import COMPONENT_SYMBOLS, GRID_SYMBOLS, ROAD_SYMBOLS
from layers.layer_list import LayerList
from layers.maptools.layer_tree_model import LayerTreeModel
from layers.vector_layer import Symbol, VectorLayer
from tests.support.cities import city_layers


def test_layer_properties_emit_changes_only_when_they_change():
    layer = Layer("a")
    seen = []
    layer.sig_changed.connect(lambda: seen.append((layer.visible, layer.opacity)))
    layer.visible = False
    layer.visible = False
    layer.opacity = 3.0
    assert seen == [(False, 1.0)]
    layer.opacity = -1
    assert layer.opacity == 0.0 and len(seen) == 2


def test_vector_layer_groups_by_category_with_default_symbol():
    own, default = Symbol(fill="#ff0000"), Symbol(fill="#00ff00")
    layer = VectorLayer("v", {"a": own}, default)
    layer.set_features(shapely.points([(1, 2), (3, 4), (5, 6)]), np.array(["a", "b", "a"], dtype=object))
    groups = {symbol: len(geoms) for symbol, geoms in layer.groups()}
    assert groups == {own: 2, default: 1}
    assert layer.bounds == (1.0, 2.0, 5.0, 6.0)


def test_layer_list_model_shows_top_layer_first_and_toggles_visibility():
    layers = LayerList()
    bottom, top = Layer("底"), Layer("顶")
    layers.set_layers([bottom, top])
    model = LayerTreeModel(layers)
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == ["顶", "底"]
    assert model.setData(model.index(1), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert bottom.visible is False
    assert model.data(model.index(1), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked


def test_model_reports_a_layer_change(qtbot):
    layers = LayerList()
    layers.set_layers([Layer("a")])
    model = LayerTreeModel(layers)
    with qtbot.waitSignal(model.dataChanged):
        layers[0].visible = False


def test_city_layers_and_summary_load_from_the_database(gui_app, small_city):
    layers = {layer.name: layer for layer in city_layers(small_city)}
    assert list(layers) == [
        "单元网格",
        "绿地",
        "水系",
        "道路",
        "区界",
        "地名",
        "分区分段包干",
        "应急资源",
        "管理部件",
        "视频监控",
        "案件",
        "告警",
        "车辆",
    ]
    grids = layers["单元网格"]
    assert len(grids) == 9 and set(grids.categories) <= set(GRID_SYMBOLS)
    assert sorted(layers["道路"].categories) == sorted(["主干路", "次干路"])
    assert set(layers["道路"].categories) <= set(ROAD_SYMBOLS)
    components = layers["管理部件"]
    assert len(components) == 300 and {c[:2] for c in components.column("class_code")} == set(COMPONENT_SYMBOLS)
    assert len(layers["视频监控"]) == 2 and layers["视频监控"].column("fov").tolist() == [60.0, 60.0]
    assert len(layers["车辆"]) == 0  # the fixture's vehicle has no stored position
    assert grids.bounds == (118.28, 33.95, 118.295, 33.965)
    summary = read_city_summary(small_city)
    assert (summary.city_name, summary.grids, summary.components, summary.vehicles, summary.cameras) == (
        "测试市",
        9,
        300,
        1,
        2,
    )
