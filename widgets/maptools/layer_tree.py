"""The layer tree dock: visibility, legend, opacity, order and scale range of each layer."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QSlider,
    QSpinBox,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop.seat.app_state import AppState
from layers.base import Layer
from layers.maptools.layer_settings import LayerSettings
from layers.maptools.layer_tree_model import SYMBOL_ROLE, LayerTreeModel
from layers.vector_layer import Symbol

_SWATCH = 16
_MAX_SCALE = 10_000_000


def swatch(symbol: Symbol) -> QIcon:
    """A small picture of a symbol: a filled box, a line, or a dot."""
    pixmap = QPixmap(_SWATCH, _SWATCH)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    stroke = QPen(QColor(symbol.stroke), 1.5) if symbol.stroke else Qt.PenStyle.NoPen
    if symbol.fill and symbol.stroke:
        painter.setPen(stroke)
        painter.setBrush(QColor(symbol.fill))
        painter.drawRect(2, 2, _SWATCH - 4, _SWATCH - 4)
    elif symbol.fill:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(symbol.fill))
        painter.drawEllipse(3, 3, _SWATCH - 6, _SWATCH - 6)
    elif symbol.stroke:
        painter.setPen(QPen(QColor(symbol.stroke), max(1.5, min(symbol.stroke_px * 1.5, 4.0))))
        painter.drawLine(1, _SWATCH // 2, _SWATCH - 1, _SWATCH // 2)
    painter.end()
    return QIcon(pixmap)


class LegendModel(LayerTreeModel):
    """The layer tree with symbol swatches as decorations."""

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DecorationRole:
            symbol = super().data(index, SYMBOL_ROLE)
            return swatch(symbol) if symbol is not None else None
        return super().data(index, role)


class LayerTreePanel(QWidget):
    def __init__(self, state: AppState, settings: QSettings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("layerTreePanel")
        self.state = state
        self.layer_settings = LayerSettings(state.layers, settings, self)
        self.model = LegendModel(state.layers, self)
        self.view = QTreeView(self, objectName="layerTree", headerHidden=True)
        self.view.setModel(self.model)
        self.view.selectionModel().currentChanged.connect(self._current_changed)
        self.up = QToolButton(self, text=self.tr("Up"), toolTip=self.tr("Move the layer up"))
        self.down = QToolButton(self, text=self.tr("Down"), toolTip=self.tr("Move the layer down"))
        self.up.clicked.connect(lambda: self.move_current(+1))
        self.down.clicked.connect(lambda: self.move_current(-1))
        self.opacity = QSlider(Qt.Orientation.Horizontal, self, minimum=0, maximum=100)
        self.opacity.valueChanged.connect(self._opacity_changed)
        self.min_scale = self._scale_box(self.tr("no limit"))
        self.max_scale = self._scale_box(self.tr("no limit"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.up)
        buttons.addWidget(self.down)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Opacity"), self.opacity)
        form.addRow(self.tr("Hide when zoomed in beyond"), self.min_scale)
        form.addRow(self.tr("Hide when zoomed out beyond"), self.max_scale)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(form)
        state.layers.sig_reset.connect(self._layers_reset)
        state.layers.sig_inserted.connect(self._layer_inserted)
        state.sig_database_changed.connect(self.layer_settings.restore)
        self.model.dataChanged.connect(self.layer_settings.save)
        self.layer_settings.sig_changed.connect(self.layer_settings.save)
        self._layers_reset()

    def _scale_box(self, none_text: str) -> QSpinBox:
        box = QSpinBox(self, minimum=0, maximum=_MAX_SCALE, singleStep=1000, prefix="1:", specialValueText=none_text)
        box.valueChanged.connect(self._scale_changed)
        return box

    def current_layer(self) -> Layer | None:
        index = self.view.currentIndex()
        return self.model.layer(index) if index.isValid() else None

    def select_layer(self, layer: Layer) -> None:
        self.view.setCurrentIndex(self.model.layer_index(layer))

    def move_current(self, steps: int) -> None:
        """Move the current layer ``steps`` up (toward the top of the map) or down."""
        layer = self.current_layer()
        if layer is not None:
            self.state.layers.move(layer, self.state.layers.index(layer) + steps)
            self.select_layer(layer)
            self.layer_settings.save()

    def _layers_reset(self) -> None:
        self.view.expandAll()
        self._current_changed(self.view.currentIndex())

    def _layer_inserted(self, _index: int, layer: Layer) -> None:
        self.view.expand(self.model.layer_index(layer))

    def _current_changed(self, index: QModelIndex) -> None:
        layer = self.model.layer(index) if index.isValid() else None
        for widget in (self.opacity, self.min_scale, self.max_scale, self.up, self.down):
            widget.setEnabled(layer is not None)
        if layer is None:
            return
        low, high = self.layer_settings.scale_range(layer.name)
        for widget, value in (
            (self.opacity, round(layer.opacity * 100)),
            (self.min_scale, low),
            (self.max_scale, high),
        ):
            widget.blockSignals(True)
            widget.setValue(int(value))
            widget.blockSignals(False)

    def _opacity_changed(self, value: int) -> None:
        layer = self.current_layer()
        if layer is not None:
            layer.opacity = value / 100

    def _scale_changed(self) -> None:
        layer = self.current_layer()
        if layer is not None:
            self.layer_settings.set_scale_range(layer.name, self.min_scale.value(), self.max_scale.value())
