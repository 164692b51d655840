"""A two-level item model over a :class:`LayerList`: layers (top first) with their legend below.

Rows carry the :class:`Symbol` in :data:`SYMBOL_ROLE`; views draw the swatch.
"""
from __future__ import annotations

from functools import cache

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.class_table import bundled_class_table
from layers import city_styles as styles
from layers.base import Layer
from layers.layer_list import LayerList
from layers.vector_layer import Symbol, VectorLayer

SYMBOL_ROLE = Qt.ItemDataRole.UserRole + 1
LAYER_ROLE = Qt.ItemDataRole.UserRole + 2
_TOP = 0  # internal id of layer rows; legend rows carry their layer's row + 1
_Index = QModelIndex | QPersistentModelIndex


@cache
def _component_majors() -> dict[str, str]:
    return {e.major_code: e.major_name for e in bundled_class_table() if e.kind == "部件"}


def legend(layer: Layer) -> list[tuple[str, Symbol]]:
    """``(label, symbol)`` per category: vector categories, component major classes, vehicle kinds."""
    table = getattr(layer, "table", None)
    if isinstance(layer, VectorLayer):
        symbols = layer.symbols
    elif table == "component":
        symbols = styles.COMPONENT_SYMBOLS
    elif table == "vehicle":
        return [(kind, Symbol(fill=colour)) for kind, colour in zip(styles.VEHICLE_KINDS, styles.VEHICLE_COLOURS)]
    else:
        return []
    majors = _component_majors() if table == "component" else {}
    return [(majors.get(key, key), symbol) for key, symbol in symbols.items()]


class LayerTreeModel(QAbstractItemModel):
    def __init__(self, layers: LayerList, parent=None):
        super().__init__(parent)
        self._layers = layers
        self._legends: list[list[tuple[str, Symbol]]] = []
        layers.sig_reset.connect(self._reset)
        self._reset()

    def layer(self, index: _Index) -> Layer:
        """The layer of a layer row or of a legend row."""
        row = index.row() if index.internalId() == _TOP else index.internalId() - 1
        return self._layers[len(self._layers) - 1 - row]

    def layer_index(self, layer: Layer) -> QModelIndex:
        return self.index(len(self._layers) - 1 - self._layers.index(layer), 0)

    def index(self, row: int, column: int = 0, parent: _Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1 if parent.isValid() else _TOP)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._layers)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._legends[parent.row()])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        layer = self.layer(index)
        if index.internalId() != _TOP:
            label, symbol = self._legends[index.internalId() - 1][index.row()]
            return {Qt.ItemDataRole.DisplayRole: label, SYMBOL_ROLE: symbol}.get(role)
        if role == Qt.ItemDataRole.DisplayRole:
            return layer.name
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if layer.visible else Qt.CheckState.Unchecked
        if role == SYMBOL_ROLE and isinstance(layer, VectorLayer) and not layer.symbols:
            return layer.default_symbol
        if role == LAYER_ROLE:
            return layer
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.internalId() != _TOP or role != Qt.ItemDataRole.CheckStateRole:
            return False
        self.layer(index).visible = Qt.CheckState(value) == Qt.CheckState.Checked
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.internalId() == _TOP:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def _reset(self) -> None:
        self.beginResetModel()
        self._legends = [legend(layer) for layer in reversed(list(self._layers))]
        for layer in self._layers:
            layer.sig_changed.connect(self._layer_changed, Qt.ConnectionType.UniqueConnection)
        self.endResetModel()

    def _layer_changed(self) -> None:
        layer = self.sender()
        if layer in list(self._layers):
            index = self.layer_index(layer)
            self.dataChanged.emit(index, index)
