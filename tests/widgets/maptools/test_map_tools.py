"""The map tools installed in the main window: toolbar, search, identify card, measuring,
layer tree, bookmarks, plugins dialog; screenshots in the dark theme."""

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDockWidget

from desktop.seat.app_state import AppState
from desktop.storage.database import CityDatabase
from layers.maptools.tools import Tool
from plugins.registry import load_builtin_layers
from tests.support.cities import CELL, CITY_ORIGIN, copy_city
from widgets.maptools.search_box import FEATURE_ROLE

X0, Y0 = CITY_ORIGIN
SHOTS = Path(os.environ.get("MAPTOOLS_SCREENSHOTS", "")) if os.environ.get("MAPTOOLS_SCREENSHOTS") else None


@pytest.fixture
def window(main_window):
    main_window.resize(1400, 900)
    return main_window


def shot(widget, name, tmp_path):
    image = widget.grab()
    assert image.save(str((SHOTS or tmp_path) / f"{name}.png"))


def test_toolbar_switches_tools_in_chinese(window, tmp_path):
    tools = window.map_tools
    bar = tools.toolbar
    assert [a.text() for a in bar.tool_actions.values()] == ["浏览", "识别", "测距", "测面"]
    assert tools.tools.tool == Tool.IDENTIFY and bar.tool_actions[Tool.IDENTIFY].isChecked()
    bar.tool_actions[Tool.MEASURE_DISTANCE].trigger()
    assert tools.tools.tool == Tool.MEASURE_DISTANCE
    assert bar.search.placeholderText().startswith("搜索")
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-3:] == ["书签(&B)", "插件(&P)", "帮助(&H)"]
    shot(bar, "toolbar", tmp_path)


def test_search_enter_flies_to_and_selects_the_best_hit(window, qtbot):
    box = window.map_tools.toolbar.search
    flown = []
    window.state.sig_fly_to.connect(flown.append)
    box.setFocus()
    qtbot.keyClicks(box, "32130200100105")
    box.refresh()
    assert box.results.rowCount() == 1
    assert box.results.item(0).data(FEATURE_ROLE).key == "32130200100105"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert window.state.selection == (("grid", "32130200100105"),)
    assert flown and flown[-1] == pytest.approx((X0 + CELL, Y0 + CELL, X0 + 2 * CELL, Y0 + 2 * CELL))


def test_identify_click_shows_the_card_and_selects(window, tmp_path):
    window.state.sig_map_clicked.emit(X0 + 0.5 * CELL, Y0 + 2.5 * CELL, 0.0002)
    card = window.map_tools.identify.card
    assert card.isVisible() and card.title.text() == "摄像机 · 测试摄像机一"
    assert card.hits.count() == 4 and card.hits.isVisible()
    assert window.state.selection == (("camera", 1),)
    card.hits.setCurrentRow(1)
    assert window.state.selection == (("grid", "32130200100107"),) and "单元网格" in card.title.text()
    shot(window.canvas, "identify_card", tmp_path)
    window.map_tools.tools.set_tool(Tool.BROWSE)
    assert not card.isVisible()
    window.state.sig_map_clicked.emit(X0 + 0.5 * CELL, Y0 + 2.5 * CELL, 0.0002)
    assert not card.isVisible()


def test_measure_clicks_build_a_line_and_esc_ends(window, qtbot, tmp_path):
    tools = window.map_tools
    tools.tools.set_tool(Tool.MEASURE_AREA)
    for lon, lat in [(X0, Y0), (X0 + CELL, Y0), (X0 + CELL, Y0 + CELL)]:
        window.state.sig_map_clicked.emit(lon, lat, 0.0002)
    window.state.set_cursor(X0, Y0 + CELL)
    readout = tools.toolbar.readout.text()
    assert readout.startswith("面积 ") and "公顷" in readout
    assert tools.measure.overlay in window.canvas._overlays
    shot(window.canvas, "measure_area", tmp_path)
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert tools.measure.session.finished
    assert window.state.selection == ()  # measuring clicks do not identify


def test_layer_tree_drives_the_layer_models(window, tmp_path):
    panel = window.map_tools.layer_tree
    layers = window.state.layers
    grids = next(layer for layer in layers if layer.name == "单元网格")
    index = panel.model.layer_index(grids)
    assert panel.model.rowCount(index) == 16  # legend: one swatch per zone type
    panel.model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert grids.visible is False
    panel.select_layer(grids)
    panel.opacity.setValue(40)
    assert grids.opacity == pytest.approx(0.4)
    assert layers.index(grids) == 0
    panel.move_current(+1)
    assert layers.index(grids) == 1 and panel.current_layer() is grids
    panel.move_current(-5)
    assert layers.index(grids) == 0
    panel.min_scale.setValue(1000)
    panel.max_scale.setValue(50000)
    assert panel.layer_settings.scale_range("单元网格") == (1000, 50000)
    grids.visible = True
    assert panel.layer_settings.visible_at(grids, 20000) and not panel.layer_settings.visible_at(grids, 80000)
    panel.move_current(+2)
    panel.layer_settings.save()
    window.map_tools.layer_tree_dock.resize(320, 700)
    shot(window.map_tools.layer_tree_dock, "layer_tree", tmp_path)


def test_layer_tree_state_is_restored_with_a_new_city(qtbot, state, small_city_template, tmp_path):
    from widgets.maptools.layer_tree import LayerTreePanel

    panel = LayerTreePanel(state, QSettings())
    qtbot.addWidget(panel)
    grids = state.layers[0]
    grids.opacity = 0.3
    panel.select_layer(grids)
    panel.move_current(+3)
    panel.max_scale.setValue(25000)
    other = AppState(load_builtin_layers)
    restored = LayerTreePanel(other, QSettings())
    qtbot.addWidget(restored)
    other.set_database(CityDatabase(copy_city(small_city_template, tmp_path / "other.db")))
    assert [layer.name for layer in other.layers] == [layer.name for layer in state.layers]
    assert other.layers[3].opacity == pytest.approx(0.3)
    assert restored.layer_settings.scale_range(grids.name) == (0, 25000)
    other.close()


def test_bookmark_the_current_view_and_fly_back(window):
    menu = window.map_tools.bookmarks_menu
    assert menu.add_current("测试视图")
    saved = menu.store.get("测试视图").bbox
    assert saved == pytest.approx(window.canvas.view.bbox_lonlat)
    flown = []
    window.state.sig_fly_to.connect(flown.append)
    next(a for a in menu.actions() if a.text() == "测试视图").trigger()
    assert flown == [pytest.approx(saved)]


def test_plugin_dialog_lists_and_toggles_plugins(window, tmp_path, qtbot):
    tools = window.map_tools
    tools.plugins._plugins.clear()
    from plugins.builtin.component_density import ComponentDensityPlugin
    from plugins.manager import PluginInfo

    tools.plugins._plugins["component_density"] = PluginInfo("component_density", "x:y", ComponentDensityPlugin)
    dialog = tools.show_plugin_dialog()
    qtbot.waitExposed(dialog)
    item = dialog.table.item(0, 0)
    assert item.text() == "部件密度" and dialog.table.item(0, 3).text() == "未加载"
    item.setCheckState(Qt.CheckState.Checked)
    assert tools.plugins.is_loaded("component_density") and dialog.table.item(0, 3).text() == "已加载"
    assert "部件密度" in [layer.name for layer in window.state.layers]
    assert QSettings().value("plugins/enabled", [], list) == ["component_density"]
    shot(dialog, "plugin_dialog", tmp_path)
    dialog.table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    assert "部件密度" not in [layer.name for layer in window.state.layers]


def test_dock_has_an_object_name_and_chinese_title(window):
    dock = window.findChild(QDockWidget, "dock_layers")
    assert dock is not None and dock.windowTitle() == "图层" and dock.isVisible()
    assert dock.widget() is window.map_tools.layer_tree
