"""The 图层 dock: the map layers, top first, with a visibility check box each."""
from __future__ import annotations

from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from desktop.app_state import AppState
from layers.layer_list_model import LayerListModel


class LayerPanel(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LayerListModel(state.layers, self)
        self.view = QListView(self)
        self.view.setObjectName("layerList")
        self.view.setModel(self.model)
        self.view.setUniformItemSizes(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
