"""What a feature of the main window codes against: the :class:`WindowHost` and the :class:`Feature` it installs.

A feature (the 告警 desk, the 案件 dock, the map tools, …) declares its key and the features it
requires; the host installs every feature after the ones it requires, whatever order they are listed
in. Docks, menu and toolbar actions and status-bar items all go through the host, which removes them
again symmetrically (plugins use the same host through :class:`plugins.api.PluginHost`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, ClassVar, Protocol

from PySide6.QtCore import QCoreApplication, Qt

from plugins.api import PluginHost

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QToolBar, QWidget

    from desktop.seat.app_state import AppState
    from widgets.map_canvas import MapCanvas

# menu keys (the host knows their titles and order) and the 视图 menu's sections, top to bottom
FILE, VIEW, BOOKMARKS, PLUGINS, HELP = "file", "view", "bookmarks", "plugins", "help"
DOCKS_SECTION = "docks"  # 视图: every dock's toggle


class WindowHost(PluginHost, Protocol):
    """The main window as features see it."""

    state: AppState
    canvas: MapCanvas
    window: QMainWindow  # the parent of dialogs and docks
    docks: Mapping[str, QDockWidget]  # by key (a dock's objectName is ``dock_<key>``)

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
        """A dock around ``widget`` in ``area`` (or a tab beside the dock ``tabified_with``); ``size`` is
        its default width (left/right) or height (top/bottom)."""

    def add_dock(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        tabified_with: str | None = None,
    ) -> None: ...
    def add_action(self, action: QAction, menu: str = PLUGINS, section: str = PLUGINS) -> None:
        """Add ``action`` to a section of a menu (menus and sections are made on first use)."""

    def add_menu(self, key: str, menu: QMenu) -> None:
        """Put a menu that fills itself (书签) at its place in the menu bar."""

    def add_tool_bar(self, toolbar: QToolBar) -> None:
        """Add ``toolbar`` at the top; its objectName names it for :meth:`add_tool_action`."""

    def add_tool_action(self, action: QAction, toolbar: str) -> None:
        """Add ``action`` to the toolbar whose objectName is ``toolbar``; :meth:`remove_action` removes it."""

    def add_status_item(self, widget: QWidget) -> None:
        """A permanent item at the right of the status bar."""

    def remove_status_item(self, widget: QWidget) -> None: ...


class Feature:
    """A part of the main window: subclass, set :attr:`KEY` (and :attr:`REQUIRES`), fill in :meth:`install`."""

    KEY: ClassVar[str] = ""
    REQUIRES: ClassVar[tuple[str, ...]] = ()  # features whose docks or objects this one uses

    def install(self, host: WindowHost) -> None:
        raise NotImplementedError

    def started(self, host: WindowHost) -> None:
        """Called once every feature is installed (plugins are loaded here, after the built-in docks)."""


def install_order(features: Iterable[Feature]) -> list[Feature]:
    """``features`` with each one after those it requires, otherwise in the order given."""
    pending = {feature.KEY: feature for feature in features}
    ordered: list[Feature] = []
    visiting: set[str] = set()

    def visit(key: str, needed_by: str) -> None:
        if key in visiting:
            message = QCoreApplication.translate("WindowHost", "Feature {key} requires itself through {by}")
            raise ValueError(message.format(key=key, by=needed_by))
        feature = pending.pop(key, None)
        if feature is None:
            if key not in (f.KEY for f in ordered):
                message = QCoreApplication.translate("WindowHost", "Feature {by} requires the missing feature {key}")
                raise LookupError(message.format(key=key, by=needed_by))
            return
        visiting.add(key)
        for required in feature.REQUIRES:
            visit(required, key)
        visiting.discard(key)
        ordered.append(feature)

    while pending:
        first = next(iter(pending))
        visit(first, first)
    return ordered
