"""The city's own layers come from built-in plugins in the same entry-point group third parties use."""

from desktop.seat.app_state import AppState
from plugins.builtin.city_layers import BaseMapLayers
from plugins.manager import PluginManager
from plugins.registry import builtin_plugins, load_builtin_layers
from tests.plugins.conftest import install_plugin_package

THIRD_PARTY = """
from layers.vector_layer import Symbol, VectorLayer
from plugins.api import LayerPlugin

class Broken(LayerPlugin):
    BUILTIN, ORDER = True, 15
    def load(self, context):
        raise RuntimeError("数据表缺失")

class Overlay(LayerPlugin):
    BUILTIN, ORDER = True, 45
    def load(self, context):
        return [VectorLayer("第三方底层", {}, Symbol())]
"""


def test_builtins_are_entry_points_loaded_in_stack_order(state):
    found = builtin_plugins()
    assert [name for name, _ in found] == ["city_base", "disposal_grids", "emergency", "components", "live"]
    assert found[0][1] is BaseMapLayers and BaseMapLayers.title() == "单元网格与底图"
    assert [layer.name for layer in state.layers] == [
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


def test_a_failing_builtin_is_skipped_with_a_message(gui_app, small_city, tmp_path, monkeypatch):
    install_plugin_package(
        tmp_path,
        monkeypatch,
        "cityops_builtin_extra",
        THIRD_PARTY,
        "[cityops.plugins]\nbroken = cityops_builtin_extra:Broken\noverlay = cityops_builtin_extra:Overlay\n",
    )
    state, messages = AppState(load_builtin_layers), []
    state.sig_status_message.connect(messages.append)
    state.set_database(small_city)
    names = [layer.name for layer in state.layers]
    assert names.index("管理部件") < names.index("第三方底层") < names.index("视频监控")
    assert len(messages) == 1 and "加载失败" in messages[0] and "数据表缺失" in messages[0]


def test_the_manager_lists_builtins_but_does_not_switch_them(state):
    manager = PluginManager(state)
    manager.discover()
    info = {i.name: i for i in manager.plugins()}
    assert info["live"].builtin and not info["component_density"].builtin
    before = len(state.layers)
    assert not manager.load("live") and not manager.is_loaded("live") and len(state.layers) == before
