"""A Qt item model over a :class:`LayerList`: top layer first, visibility as a check box."""
from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt

from layers.base import Layer
from layers.layer_list import LayerList

_Index = QModelIndex | QPersistentModelIndex


class LayerListModel(QAbstractListModel):
    def __init__(self, layers: LayerList, parent=None):
        super().__init__(parent)
        self._layers = layers
        layers.sig_reset.connect(self._reset)
        self._reset()

    def layer(self, index: _Index) -> Layer:
        return self._layers[len(self._layers) - 1 - index.row()]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._layers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        layer = self.layer(index)
        if role == Qt.ItemDataRole.DisplayRole:
            return layer.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.layer(index).visible = Qt.CheckState(value) == Qt.CheckState.Checked
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.isValid() else base

    def _reset(self) -> None:
        self.beginResetModel()
        for layer in self._layers:
            layer.sig_changed.connect(self._layer_changed)
        self.endResetModel()

    def _layer_changed(self) -> None:
        row = len(self._layers) - 1 - self._layers.index(self.sender())
        index = self.index(row)
        self.dataChanged.emit(index, index)
