"""The window host: docks, menu and toolbar actions and status items added and removed symmetrically,
features installed after what they require, plugins through the same host, services on the AppState."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QToolBar

from desktop.seat.app_state import AppState
from desktop.seat.live_feed import LiveFeed, live_feed
from desktop.shell import main_window
from desktop.shell.main_window import MainWindow
from desktop.shell.window_host import MainWindowHost
from plugins.registry import load_builtin_layers
from tests.plugins.conftest import install_plugin_package
from tests.plugins.test_plugin_manager import ENTRY_POINTS, PLUGIN_MODULE
from widgets.window_host import FILE, HELP, PLUGINS, VIEW, Feature, install_order

RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


@pytest.fixture
def host(gui_app, qtbot):
    window = QMainWindow()
    window.state, window.canvas = AppState(), None
    qtbot.addWidget(window)
    return MainWindowHost(window)


def _texts(menu) -> list[str]:
    """What the menu shows: Qt collapses repeated separators and hides them at either end."""
    shown = []
    for action in menu.actions():
        if not action.isSeparator():
            shown.append(action.text())
        elif shown and shown[-1] != "|":
            shown.append("|")
    return shown[:-1] if shown[-1:] == ["|"] else shown


def _menu_titles(host) -> list[str]:
    return [action.text() for action in host.window.menuBar().actions()]


def test_docks_are_added_with_their_toggle_and_removed_symmetrically(host):
    later = QAction("稍后", host.window)
    host.add_action(later, VIEW, "window")
    dock = host.create_dock("demo", "演示", QLabel("你好"), RIGHT, size=200)
    assert dock.objectName() == "dock_demo" and host.docks == {"demo": dock}
    assert host.window.dockWidgetArea(dock) == RIGHT
    view = host.window.findChild(QMenu, "viewMenu")
    assert _texts(view) == ["演示", "|", "稍后"]  # the toggles' section comes first
    host.remove_dock(dock)
    assert host.docks == {} and _texts(view) == ["稍后"]
    assert host.window.dockWidgetArea(dock) == Qt.DockWidgetArea.NoDockWidgetArea


def test_menus_take_their_place_in_the_menu_bar_whatever_the_order_of_first_use(host):
    about, manage, plugin, quit_ = (QAction(text, host.window) for text in ("关于", "管理", "插件", "退出"))
    host.add_action(about, HELP, "about")
    host.add_action(plugin)  # a plugin's action: the 插件 menu's plugin section
    host.add_action(manage, PLUGINS, "manage")
    host.add_action(quit_, FILE, "quit")
    assert _menu_titles(host) == ["文件(&F)", "插件(&P)", "帮助(&H)"]
    plugins = host.window.menuBar().actions()[1].menu()
    assert _texts(plugins) == ["管理", "|", "插件"]
    for action in (about, plugin, manage, quit_):
        host.remove_action(action)
    assert [_texts(a.menu()) for a in host.window.menuBar().actions()] == [[], [], []]


def test_toolbar_actions_and_status_items_are_removed_symmetrically(host):
    toolbar = QToolBar("工具", objectName="demoToolBar")
    host.add_tool_bar(toolbar)
    action = QAction("测距", host.window)
    host.add_tool_action(action, "demoToolBar")
    assert toolbar.actions() == [action]
    host.remove_action(action)
    assert toolbar.actions() == []
    with pytest.raises(LookupError, match="没有工具栏"):
        host.add_tool_action(action, "missing")

    label = QLabel("在线")
    host.add_status_item(label)
    host.window.show()
    assert label.parent() is host.window.statusBar() and label.isVisible()
    host.remove_status_item(label)
    assert label.isHidden()


class _Recording(Feature):
    def __init__(self, log):
        self.log = log

    def install(self, host):
        self.log.append(self.KEY)


def _feature(key, requires=()):
    return type(key, (_Recording,), {"KEY": key, "REQUIRES": requires})


def test_features_are_installed_after_what_they_require_whatever_the_declaration_order():
    log = []
    features = [
        _feature("replay", ("cases",))(log),
        _feature("cases", ("map",))(log),
        _feature("map")(log),
        _feature("video")(log),
    ]
    assert [f.KEY for f in install_order(features)] == ["map", "cases", "replay", "video"]
    with pytest.raises(LookupError, match="不存在"):
        install_order([_feature("replay", ("cases",))(log)])
    with pytest.raises(ValueError, match="依赖自身"):
        install_order([_feature("a", ("b",))(log), _feature("b", ("a",))(log)])


def test_host_installs_then_starts_every_feature(host):
    log = []

    class Started(_feature("b", ("a",))):
        def started(self, host):
            self.log.append("started")

    installed = host.install([Started(log), _feature("a")(log)])
    assert log == ["a", "b", "started"] and list(installed) == ["a", "b"]


def test_the_window_is_complete_with_its_features_declared_backwards(gui_app, qtbot, small_city, monkeypatch):
    monkeypatch.setattr(main_window, "FEATURES", tuple(reversed(main_window.FEATURES)))
    state = AppState(load_builtin_layers)
    state.set_database(small_city)
    window = MainWindow(state)
    qtbot.addWidget(window)
    window.show()
    assert set(window.docks) == {"layers", "alarms", "cases", "video_wall", "emergency_plans", "track_replay"}
    replay = window.docks["track_replay"]
    assert replay.isHidden()
    replay.toggleViewAction().trigger()
    assert window.tabifiedDockWidgets(replay) == [window.docks["cases"]]
    menus = ["文件(&F)", "视图(&V)", "书签(&B)", "插件(&P)", "帮助(&H)"]
    assert [a.text() for a in window.menuBar().actions()] == menus


def test_a_plugin_dock_goes_through_the_same_host(gui_app, qtbot, small_city, tmp_path, monkeypatch):
    install_plugin_package(tmp_path, monkeypatch, "cityops_test_plugins", PLUGIN_MODULE, ENTRY_POINTS)
    state = AppState(load_builtin_layers)
    state.set_database(small_city)
    window = MainWindow(state)
    qtbot.addWidget(window)
    plugins, view = window.map_tools.plugins, window.findChild(QMenu, "viewMenu")
    assert plugins.load("good")
    dock = window.docks["plugin_good"]
    assert window.dockWidgetArea(dock) == RIGHT and dock.toggleViewAction() in view.actions()
    plugins_menu = window.findChild(QMenu, "pluginsMenu")
    assert [a.text() for a in plugins_menu.actions() if a.text()] == ["插件管理(&M)…", "示例操作"]
    assert plugins.unload("good")
    assert "plugin_good" not in window.docks and dock.toggleViewAction() not in view.actions()
    assert [a.text() for a in plugins_menu.actions() if a.text()] == ["插件管理(&M)…"]


def test_the_live_feed_is_a_service_of_the_state(gui_app):
    state = AppState()
    feed = live_feed(state)
    assert state.services.get(LiveFeed) is feed and live_feed(state) is feed
