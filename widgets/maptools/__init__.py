"""Map tools for the main window: toolbar (tools, search), identify card, measuring, layer tree,
bookmarks and plugins. :func:`install_map_tools` adds them all to a ``MainWindow``."""
from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu

from layers.maptools.bookmarks import BBox, BookmarkStore
from layers.maptools.tools import ToolState
from plugins.manager import PluginManager
from widgets.maptools.bookmarks_menu import BookmarksMenu
from widgets.maptools.identify_card import IdentifyCard, IdentifyController
from widgets.maptools.layer_tree import LayerTreePanel
from widgets.maptools.map_toolbar import MapToolBar
from widgets.maptools.measure_tool import MeasureController
from widgets.maptools.plugin_dialog import PluginDialog

ENABLED_PLUGINS_KEY = "plugins/enabled"


class WindowPluginHost:
    """Plugin docks go to the right dock area, plugin actions into the 插件 menu."""

    def __init__(self, window: QMainWindow, menu: QMenu):
        self.window, self.menu = window, menu

    def add_dock(self, dock: QDockWidget) -> None:
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        self.window.restoreDockWidget(dock)

    def remove_dock(self, dock: QDockWidget) -> None:
        self.window.removeDockWidget(dock)
        dock.deleteLater()

    def add_action(self, action: QAction) -> None:
        self.menu.addAction(action)

    def remove_action(self, action: QAction) -> None:
        self.menu.removeAction(action)


class MapTools(QObject):
    """Everything :func:`install_map_tools` added, so tests and the window can reach it."""

    def __init__(self, window: QMainWindow):
        super().__init__(window)
        state, canvas = window.state, window.canvas
        self.settings = QSettings()
        self.tools = ToolState(self)

        self.toolbar = MapToolBar(state, self.tools, window)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        self.identify = IdentifyController(state, self.tools, IdentifyCard(canvas), self)
        self.measure = MeasureController(state, self.tools, canvas, self)
        self.measure.sig_text_changed.connect(self.toolbar.readout.setText)

        self.layer_tree = LayerTreePanel(state, self.settings, window)
        self.layer_tree_dock = window.docks["layers"]
        self.layer_tree_dock.setWidget(self.layer_tree)

        help_action = window.menuBar().actions()[-1]
        self.bookmarks_menu = BookmarksMenu(state, BookmarkStore(parent=self), self.current_view, window)
        window.menuBar().insertMenu(help_action, self.bookmarks_menu)
        self.plugins_menu = QMenu(self.tr("&Plugins"), window, objectName="pluginsMenu")
        self.plugins_menu.addAction(self.tr("&Manage plugins…"), self.show_plugin_dialog)
        self.plugins_menu.addSeparator()
        window.menuBar().insertMenu(help_action, self.plugins_menu)

        self.plugins = PluginManager(state, WindowPluginHost(window, self.plugins_menu), self)
        self.plugins.discover()
        for name in self.settings.value(ENABLED_PLUGINS_KEY, [], list) or []:
            self.plugins.load(name)
        self.plugins.sig_plugin_loaded.connect(self._save_enabled)
        self.plugins.sig_plugin_unloaded.connect(self._save_enabled)
        self.plugins.sig_plugin_failed.connect(lambda _name, message: window.statusBar().showMessage(message, 10_000))
        self.plugin_dialog: PluginDialog | None = None

    def current_view(self) -> BBox:
        """The lon/lat box the map shows."""
        return self.parent().canvas.view.bbox_lonlat

    def show_plugin_dialog(self) -> PluginDialog:
        if self.plugin_dialog is None:
            self.plugin_dialog = PluginDialog(self.plugins, self.parent())
        self.plugin_dialog.show()
        self.plugin_dialog.raise_()
        return self.plugin_dialog

    def _save_enabled(self) -> None:
        self.settings.setValue(ENABLED_PLUGINS_KEY, [p.name for p in self.plugins.plugins() if self.plugins.is_loaded(p.name)])


def install_map_tools(window: QMainWindow) -> MapTools:
    """Add the map tools to ``window`` (which has ``state`` and ``canvas``); returns them."""
    window.map_tools = MapTools(window)
    return window.map_tools
