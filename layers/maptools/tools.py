"""The active map tool, shared by the toolbar and the tool controllers."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject, Signal


class Tool(str, Enum):
    BROWSE = "browse"  # pan and zoom only
    IDENTIFY = "identify"  # a click shows what is under it (the default)
    MEASURE_DISTANCE = "measure_distance"
    MEASURE_AREA = "measure_area"


class ToolState(QObject):
    sig_tool_changed = Signal(object)  # the new Tool

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._tool = Tool.IDENTIFY

    @property
    def tool(self) -> Tool:
        return self._tool

    def set_tool(self, tool: Tool) -> None:
        tool = Tool(tool)
        if tool != self._tool:
            self._tool = tool
            self.sig_tool_changed.emit(tool)
