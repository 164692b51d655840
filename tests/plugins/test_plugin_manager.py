"""Plugins discovered through a real entry point (a dist-info on sys.path), loaded and unloaded
symmetrically; a crashing plugin is isolated with a Chinese message."""

import pytest

from plugins.manager import PluginManager
from tests.plugins.conftest import install_plugin_package

PLUGIN_MODULE = """
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QLabel
from layers.vector_layer import Symbol, VectorLayer
from plugins.api import LayerPlugin

class Good(LayerPlugin):
    NAME = "good"
    TITLE = "示例图层"
    def load(self, context):
        self.extra = VectorLayer("附加", {}, Symbol())
        context.add_layer(self.extra, 0)
        return [VectorLayer("示例", {}, Symbol(fill="#ff0000"))]
    def dock_widgets(self, context):
        dock = QDockWidget("示例面板")
        dock.setObjectName("dock_plugin_good")
        dock.setWidget(QLabel("你好"))
        return [dock]
    def actions(self, context):
        return [QAction("示例操作")]

class CrashOnLoad(LayerPlugin):
    def load(self, context):
        context.add_layer(VectorLayer("半成品", {}, Symbol()))
        raise RuntimeError("boom")

class CrashOnUnload(LayerPlugin):
    def load(self, context):
        return [VectorLayer("卸载崩溃", {}, Symbol())]
    def unload(self, context):
        raise ValueError("bad unload")

class NotAPlugin:
    pass
"""

ENTRY_POINTS = """
[cityops.plugins]
good = cityops_test_plugins:Good
crash_load = cityops_test_plugins:CrashOnLoad
crash_unload = cityops_test_plugins:CrashOnUnload
not_plugin = cityops_test_plugins:NotAPlugin
missing = cityops_test_plugins_missing:Nothing
component_density = plugins.builtin.component_density:ComponentDensityPlugin
"""


@pytest.fixture
def installed_plugins(tmp_path, monkeypatch):
    install_plugin_package(tmp_path, monkeypatch, "cityops_test_plugins", PLUGIN_MODULE, ENTRY_POINTS)


class Host:
    def __init__(self):
        self.docks, self.actions = [], []

    def add_dock(self, dock):
        self.docks.append(dock)

    def remove_dock(self, dock):
        self.docks.remove(dock)

    def add_action(self, action):
        self.actions.append(action)

    def remove_action(self, action):
        self.actions.remove(action)


@pytest.fixture
def manager(installed_plugins, state, qtbot):
    failures = []
    manager = PluginManager(state, Host())
    manager.sig_plugin_failed.connect(lambda name, message: failures.append((name, message)))
    manager.failures = failures
    manager.discover()
    return manager


def names(state):
    return [layer.name for layer in state.layers]


def test_discovery_through_the_entry_point_group(manager):
    found = {info.name: info for info in manager.plugins()}
    assert {"good", "crash_load", "crash_unload", "not_plugin", "missing", "component_density"} <= set(found)
    assert found["good"].plugin_class.title() == "示例图层"
    assert found["component_density"].title == "部件密度"
    assert found["missing"].plugin_class is None and "无法导入" in found["missing"].error
    assert found["not_plugin"].plugin_class is None
    failed = dict(manager.failures)
    assert "无法导入" in failed["missing"] and "LayerPlugin" in failed["not_plugin"]


def test_load_and_unload_are_symmetric(manager):
    state, host = manager.state, manager.host
    before = names(state)
    assert manager.load("good") and manager.is_loaded("good")
    assert names(state) == ["附加", *before, "示例"]
    assert [d.objectName() for d in host.docks] == ["dock_plugin_good"] and [a.text() for a in host.actions] == [
        "示例操作"
    ]
    assert not manager.load("good")  # already loaded
    assert manager.unload("good") and not manager.is_loaded("good")
    assert names(state) == before and host.docks == [] and host.actions == []
    assert manager.failures[-1][0] != "good"


def test_crash_on_load_is_isolated_and_rolled_back(manager):
    before = names(manager.state)
    assert manager.load("crash_load") is False
    assert not manager.is_loaded("crash_load") and names(manager.state) == before
    name, message = manager.failures[-1]
    assert name == "crash_load" and message.startswith("插件“crash_load”加载失败，已停用") and "boom" in message
    assert manager.load("good")  # the others still work


def test_crash_on_unload_still_removes_everything(manager):
    before = names(manager.state)
    manager.load("crash_unload")
    assert names(manager.state) == [*before, "卸载崩溃"]
    assert manager.unload("crash_unload") is False
    assert names(manager.state) == before and not manager.is_loaded("crash_unload")
    assert "卸载时出错" in manager.failures[-1][1]
    assert manager.state.database is not None  # no data lost


def test_builtin_component_density(manager):
    assert manager.load("component_density")
    layer = manager.state.layers[len(manager.state.layers) - 1]
    assert layer.name == "部件密度" and len(layer) == 9
    densest = dict(zip(layer.keys, layer.categories))["32130200100101"]
    assert densest == list(layer.symbols)[-1]  # all 300 components are in grid 01


def test_plugins_reload_when_the_database_changes(manager):
    manager.load("good")
    loaded, unloaded = [], []
    manager.sig_plugin_loaded.connect(loaded.append)
    manager.sig_plugin_unloaded.connect(unloaded.append)
    manager.state.sig_database_changed.emit()
    assert (unloaded, loaded) == (["good"], ["good"])
    assert names(manager.state).count("示例") == 1
    manager.unload_all()
    assert "示例" not in names(manager.state)
