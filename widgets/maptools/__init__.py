"""Map tools for the main window: toolbar (tools, search), identify card, measuring, layer tree,
bookmarks and plugins. :class:`MapToolsFeature` adds them all through the window host."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction

from layers.maptools.bookmarks import BBox, BookmarkStore
from layers.maptools.tools import ToolState
from plugins.manager import PluginManager
from widgets.maptools.bookmarks_menu import BookmarksMenu
from widgets.maptools.identify_card import IdentifyCard, IdentifyController
from widgets.maptools.layer_tree import LayerTreePanel
from widgets.maptools.map_toolbar import MapToolBar
from widgets.maptools.measure_tool import MeasureController
from widgets.maptools.plugin_dialog import PluginDialog
from widgets.window_host import BOOKMARKS, PLUGINS, Feature, WindowHost

ENABLED_PLUGINS_KEY = "plugins/enabled"


class MapTools(QObject):
    """Everything :class:`MapToolsFeature` added, so tests and the window can reach it."""

    def __init__(self, host: WindowHost):
        super().__init__(host.window)
        state, canvas, window = host.state, host.canvas, host.window
        self.settings = QSettings()
        self.tools = ToolState(self)

        self.toolbar = MapToolBar(state, self.tools, window)
        host.add_tool_bar(self.toolbar)
        self.identify = IdentifyController(state, self.tools, IdentifyCard(canvas), self)
        self.measure = MeasureController(state, self.tools, canvas, self)
        self.measure.sig_text_changed.connect(self.toolbar.readout.setText)

        self.layer_tree = LayerTreePanel(state, self.settings, window)
        self.layer_tree_dock = host.create_dock(
            "layers", self.tr("Layers"), self.layer_tree, Qt.DockWidgetArea.LeftDockWidgetArea, size=300
        )

        self.bookmarks_menu = BookmarksMenu(state, BookmarkStore(parent=self), self.current_view, window)
        host.add_menu(BOOKMARKS, self.bookmarks_menu)
        manage = QAction(self.tr("&Manage plugins…"), self)
        manage.triggered.connect(self.show_plugin_dialog)
        host.add_action(manage, PLUGINS, "manage")

        self.plugins = PluginManager(state, host, self)
        self.plugins.discover()
        self.plugins.sig_plugin_failed.connect(lambda _name, message: window.statusBar().showMessage(message, 10_000))
        self.plugin_dialog: PluginDialog | None = None

    def load_enabled_plugins(self) -> None:
        """Load the plugins enabled last time; from now on the enabled set is remembered."""
        for name in self.settings.value(ENABLED_PLUGINS_KEY, [], list) or []:
            self.plugins.load(name)
        self.plugins.sig_plugin_loaded.connect(self._save_enabled)
        self.plugins.sig_plugin_unloaded.connect(self._save_enabled)

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
        self.settings.setValue(
            ENABLED_PLUGINS_KEY, [p.name for p in self.plugins.plugins() if self.plugins.is_loaded(p.name)]
        )


class MapToolsFeature(Feature):
    """The map tools; enabled plugins are loaded once the built-in docks are in place."""

    KEY = "map_tools"

    def install(self, host: WindowHost) -> None:
        self.tools = MapTools(host)

    def started(self, host: WindowHost) -> None:
        self.tools.load_enabled_plugins()
