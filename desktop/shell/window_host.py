"""The main window's host: where features and plugins put docks, menu and toolbar actions, status-bar items.

:data:`MENUS` is the one place that knows the menu bar: its menus left to right and each menu's
sections top to bottom (separated; a section used but not listed goes at the menu's end).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

from widgets.window_host import BOOKMARKS, DOCKS_SECTION, FILE, HELP, PLUGINS, VIEW, Feature, install_order

_SIDES = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea)  # sized by width


class MenuSpec(NamedTuple):
    key: str
    title: str  # English, context "MainWindow"; empty: a feature brings the menu (add_menu)
    sections: tuple[str, ...] = ()


MENUS = (
    MenuSpec(FILE, QT_TRANSLATE_NOOP("MainWindow", "&File"), ("database", "quit")),
    MenuSpec(VIEW, QT_TRANSLATE_NOOP("MainWindow", "&View"), (DOCKS_SECTION, "window", "cases", "emergency", "alarms")),
    MenuSpec(BOOKMARKS, ""),
    MenuSpec(PLUGINS, QT_TRANSLATE_NOOP("MainWindow", "&Plugins"), ("manage", PLUGINS)),
    MenuSpec(HELP, QT_TRANSLATE_NOOP("MainWindow", "&Help")),
)
_SPECS = {spec.key: spec for spec in MENUS}


class _Menu:
    """A menu bar menu and its sections: each but the first starts with a separator (Qt hides empty ones)."""

    def __init__(self, menu: QMenu, sections: tuple[str, ...]):
        self.menu = menu
        self.starts: dict[str, QAction | None] = {}
        for section in sections:
            self._add_section(section)

    def insert(self, action: QAction, section: str) -> None:
        if section not in self.starts:
            self._add_section(section)
        names = list(self.starts)
        later = [self.starts[name] for name in names[names.index(section) + 1 :]]
        if later:
            self.menu.insertAction(later[0], action)
        else:
            self.menu.addAction(action)

    def _add_section(self, section: str) -> None:
        self.starts[section] = self.menu.addSeparator() if self.starts else None


class MainWindowHost:
    """Implements :class:`widgets.window_host.WindowHost` on a ``QMainWindow`` with ``state`` and ``canvas``."""

    def __init__(self, window: QMainWindow):
        self.window, self.state, self.canvas = window, window.state, window.canvas
        self.docks: dict[str, QDockWidget] = {}
        self._menus: dict[str, _Menu] = {}
        self._placed: dict[QAction, QWidget] = {}  # action → the menu or toolbar it was added to
        self._sizes: list[tuple[QDockWidget, int]] = []
        self._toolbars: dict[str, QToolBar] = {}  # by objectName

    def install(self, features: Iterable[Feature]) -> dict[str, Feature]:
        """Install ``features`` in dependency order, size the docks, then start them; returns them by key."""
        ordered = install_order(features)
        for feature in ordered:
            feature.install(self)
        self._size_docks()
        for feature in ordered:
            feature.started(self)
        return {feature.KEY: feature for feature in ordered}

    def _size_docks(self) -> None:
        by_orientation: dict[Qt.Orientation, list[tuple[QDockWidget, int]]] = {}
        for dock, size in self._sizes:
            sideways = self.window.dockWidgetArea(dock) in _SIDES
            orientation = Qt.Orientation.Horizontal if sideways else Qt.Orientation.Vertical
            by_orientation.setdefault(orientation, []).append((dock, size))
        for orientation, sized in by_orientation.items():
            self.window.resizeDocks([dock for dock, _ in sized], [size for _, size in sized], orientation)

    # --- docks --------------------------------------------------------------------------
    def create_dock(
        self,
        key: str,
        title: str,
        widget: QWidget,
        area: Qt.DockWidgetArea,
        *,
        tabified_with: str | None = None,
        size: int | None = None,
    ) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(f"dock_{key}")
        dock.setWidget(widget)
        self.add_dock(dock, area, tabified_with)
        if size is not None:
            self._sizes.append((dock, size))
        return dock

    def add_dock(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        tabified_with: str | None = None,
    ) -> None:
        """Add ``dock`` (its objectName ``dock_<key>`` keeps its place remembered) with its toggle in 视图."""
        self.window.addDockWidget(area, dock)
        if tabified_with is not None:
            self.window.tabifyDockWidget(self.docks[tabified_with], dock)
        self.window.restoreDockWidget(dock)  # its remembered place, when added after the layout was restored
        self.docks[dock.objectName().removeprefix("dock_")] = dock
        self.add_action(dock.toggleViewAction(), VIEW, DOCKS_SECTION)

    def remove_dock(self, dock: QDockWidget) -> None:
        self.remove_action(dock.toggleViewAction())
        self.docks.pop(dock.objectName().removeprefix("dock_"), None)
        self.window.removeDockWidget(dock)
        dock.deleteLater()

    # --- menus and toolbars -------------------------------------------------------------
    def add_action(self, action: QAction, menu: str = PLUGINS, section: str = PLUGINS) -> None:
        self._menu(menu).insert(action, section)
        self._placed[action] = self._menus[menu].menu

    def add_menu(self, key: str, menu: QMenu) -> None:
        self._place_menu(key, menu)

    def add_tool_bar(self, toolbar: QToolBar) -> None:
        self.window.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self._toolbars[toolbar.objectName()] = toolbar

    def add_tool_action(self, action: QAction, toolbar: str) -> None:
        bar = self._toolbars.get(toolbar)
        if bar is None:
            raise LookupError(QCoreApplication.translate("WindowHost", "No toolbar {name}").format(name=toolbar))
        bar.addAction(action)
        self._placed[action] = bar

    def remove_action(self, action: QAction) -> None:
        """Take ``action`` out of the menu or toolbar it was added to."""
        container = self._placed.pop(action, None)
        if container is not None:
            container.removeAction(action)

    # --- status bar ---------------------------------------------------------------------
    def add_status_item(self, widget: QWidget) -> None:
        self.window.statusBar().addPermanentWidget(widget)

    def remove_status_item(self, widget: QWidget) -> None:
        self.window.statusBar().removeWidget(widget)

    # --- the menu bar -------------------------------------------------------------------
    def _menu(self, key: str) -> _Menu:
        if key not in self._menus:
            title = QCoreApplication.translate("MainWindow", _SPECS[key].title)
            self._place_menu(key, QMenu(title, self.window, objectName=f"{key}Menu"))
        return self._menus[key]

    def _place_menu(self, key: str, menu: QMenu) -> None:
        keys = [spec.key for spec in MENUS]
        later = [self._menus[k].menu.menuAction() for k in keys[keys.index(key) + 1 :] if k in self._menus]
        bar = self.window.menuBar()
        if later:
            bar.insertMenu(later[0], menu)
        else:
            bar.addMenu(menu)
        self._menus[key] = _Menu(menu, _SPECS[key].sections)
