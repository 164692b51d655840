"""A two-level item model over a :class:`LayerList`: layers (top first) with their legend below.

Rows carry the :class:`Symbol` in :data:`SYMBOL_ROLE`; views draw the swatch.
"""

from __future__ import annotations

from functools import cache

import shiboken6
from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.domain.class_table import bundled_class_table
from layers import city_styles as styles
from layers.base import Layer
from layers.layer_list import LayerList
from layers.vector_layer import Symbol, VectorLayer

SYMBOL_ROLE = Qt.ItemDataRole.UserRole + 1
LAYER_ROLE = Qt.ItemDataRole.UserRole + 2
_TOP = 0  # internal id of layer rows; legend rows carry their layer's serial number (from 1)
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
    """Follows the list's inserts, removes and moves row by row (views keep selection and expansion).

    The model keeps its own copy of the order (top first), changed between the begin and end calls
    Qt requires; legend rows carry their layer's serial number, so they survive moves.
    """

    def __init__(self, layers: LayerList, parent=None):
        super().__init__(parent)
        self._layers = layers
        self._rows: list[Layer] = []  # top first
        self._legends: dict[Layer, list[tuple[str, Symbol]]] = {}
        self._serials: dict[Layer, int] = {}
        self._by_serial: dict[int, Layer] = {}
        self._next_serial = _TOP + 1
        layers.sig_reset.connect(self._reset)
        layers.sig_inserted.connect(self._inserted)
        layers.sig_removed.connect(self._removed)
        layers.sig_moved.connect(self._moved)
        self._reset()

    def layer(self, index: _Index) -> Layer:
        """The layer of a layer row or of a legend row."""
        return self._rows[index.row()] if index.internalId() == _TOP else self._by_serial[index.internalId()]

    def layer_index(self, layer: Layer) -> QModelIndex:
        return self.index(self._rows.index(layer), 0)

    def index(self, row: int, column: int = 0, parent: _Index = QModelIndex()) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self._serials[self._rows[parent.row()]] if parent.isValid() else _TOP)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(self._rows.index(self._by_serial[index.internalId()]), 0, _TOP)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._rows)
        if parent.internalId() == _TOP and parent.column() == 0:
            return len(self._legends[self._rows[parent.row()]])
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        layer = self.layer(index)
        if index.internalId() != _TOP:
            label, symbol = self._legends[layer][index.row()]
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

    def _row(self, list_index: int) -> int:
        """The model row of a list position (the list is bottom first, the rows top first)."""
        return len(self._layers) - 1 - list_index

    def _adopt(self, layer: Layer) -> None:
        self._legends[layer] = legend(layer)
        self._serials[layer] = serial = self._next_serial
        self._by_serial[serial] = layer
        self._next_serial += 1
        layer.sig_changed.connect(self._layer_changed, Qt.ConnectionType.UniqueConnection)

    def _drop(self, layer: Layer) -> None:
        self._legends.pop(layer, None)
        self._by_serial.pop(self._serials.pop(layer, None), None)
        if shiboken6.isValid(layer):
            layer.sig_changed.disconnect(self._layer_changed)

    def _reset(self) -> None:
        self.beginResetModel()
        for layer in self._rows:
            self._drop(layer)
        self._rows = list(reversed(list(self._layers)))
        for layer in self._rows:
            self._adopt(layer)
        self.endResetModel()

    def _inserted(self, index: int, layer: Layer) -> None:
        row = self._row(index)
        self.beginInsertRows(QModelIndex(), row, row)
        self._adopt(layer)
        self._rows.insert(row, layer)
        self.endInsertRows()

    def _removed(self, index: int, layer: Layer) -> None:
        row = len(self._rows) - 1 - index
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self._drop(layer)
        self.endRemoveRows()

    def _moved(self, old: int, new: int) -> None:
        source, target = self._row(old), self._row(new)
        self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target + 1 if target > source else target)
        self._rows.insert(target, self._rows.pop(source))
        self.endMoveRows()

    def _layer_changed(self) -> None:
        layer = self.sender()
        if layer in self._serials:
            index = self.layer_index(layer)
            self.dataChanged.emit(index, index)
