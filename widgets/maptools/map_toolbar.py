"""The map toolbar: 浏览 / 识别 / 测距 / 测面, the search box and the measure readout."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QLabel, QSizePolicy, QToolBar, QWidget

from desktop.seat.app_state import AppState
from layers.maptools.tools import Tool, ToolState
from widgets.maptools.search_box import SearchBox


class MapToolBar(QToolBar):
    def __init__(self, state: AppState, tools: ToolState, parent: QWidget | None = None):
        super().__init__(self.tr("Map tools"), parent)
        self.setObjectName("mapToolBar")
        self.tools = tools
        labels = {
            Tool.BROWSE: (self.tr("Browse"), self.tr("Pan and zoom the map")),
            Tool.IDENTIFY: (self.tr("Identify"), self.tr("Click a feature to see its attributes")),
            Tool.MEASURE_DISTANCE: (self.tr("Distance"), self.tr("Click points to measure a distance; Esc ends")),
            Tool.MEASURE_AREA: (self.tr("Area"), self.tr("Click points to measure an area; Esc ends")),
        }
        self.group = QActionGroup(self)
        self.tool_actions: dict[Tool, QAction] = {}
        for tool, (text, tip) in labels.items():
            action = self.addAction(text)
            action.setToolTip(tip)
            action.setCheckable(True)
            action.setChecked(tool == tools.tool)
            action.triggered.connect(lambda _=False, t=tool: tools.set_tool(t))
            self.group.addAction(action)
            self.tool_actions[tool] = action
        tools.sig_tool_changed.connect(lambda tool: self.tool_actions[tool].setChecked(True))
        self.addSeparator()
        self.readout = QLabel(self, objectName="measureReadout")
        self.addWidget(self.readout)
        spacer = QWidget(self)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.addWidget(spacer)
        self.search = SearchBox(state, self)
        self.addWidget(self.search)
