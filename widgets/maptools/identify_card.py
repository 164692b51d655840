"""The 识别 tool: a click on the map shows the attribute card of the topmost feature there."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.seat.app_state import AppState
from layers.maptools.features import Feature, kind_name
from layers.maptools.identify import Identifier
from layers.maptools.tools import Tool, ToolState

_MARGIN = 12


class IdentifyCard(QFrame):
    """A card floating at the top right of its parent (the map): hits list, title, attributes."""

    sig_feature_chosen = Signal(object)  # a Feature picked from the list

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("identifyCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setFixedWidth(300)
        self.title = QLabel(self, objectName="identifyTitle", wordWrap=True)
        self.title.setStyleSheet("font-weight: bold; font-size: 11pt;")
        close = QToolButton(self, text="×", autoRaise=True, toolTip=self.tr("Close"))
        close.clicked.connect(self.hide)
        self.hits = QListWidget(self, objectName="identifyHits")
        self.hits.setMaximumHeight(110)
        self.hits.currentItemChanged.connect(self._picked)
        self.body = QWidget(self)  # the attribute form, rebuilt per feature
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.hits)
        layout.addWidget(self.body)
        if parent is not None:
            parent.installEventFilter(self)
        self.hide()

    def show_features(self, features: list[Feature]) -> None:
        """Show the first feature's card; a list of all when there are several."""
        if not features:
            self.hide()
            return
        self.hits.blockSignals(True)
        self.hits.clear()
        for feature in features:
            item = QListWidgetItem(f"{kind_name(feature.kind)}  {feature.title}")
            item.setData(Qt.ItemDataRole.UserRole, feature)
            self.hits.addItem(item)
        self.hits.setCurrentRow(0)
        self.hits.blockSignals(False)
        self.hits.setVisible(len(features) > 1)
        self.show_feature(features[0])

    def show_feature(self, feature: Feature) -> None:
        self.title.setText(f"{kind_name(feature.kind)} · {feature.title}")
        body = QWidget(self, objectName="identifyAttributes")
        form = QFormLayout(body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        for label, value in feature.attributes:
            form.addRow(
                label, QLabel(value, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            )
        self.layout().replaceWidget(self.body, body)
        self.body.hide()
        self.body.deleteLater()
        self.body = body
        body.show()
        self.show()
        self.layout().activate()
        self.adjustSize()
        self._place()
        self.raise_()

    def _picked(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            feature = item.data(Qt.ItemDataRole.UserRole)
            self.show_feature(feature)
            self.sig_feature_chosen.emit(feature)

    def _place(self) -> None:
        if self.parentWidget() is not None:
            self.move(self.parentWidget().width() - self.width() - _MARGIN, _MARGIN)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._place()
        return False


class IdentifyController(QObject):
    """Answers map clicks while the identify tool is active: card, selection."""

    def __init__(self, state: AppState, tools: ToolState, card: IdentifyCard, parent: QObject | None = None):
        super().__init__(parent)
        self.state, self.tools, self.card = state, tools, card
        self._identifier: Identifier | None = None
        state.sig_map_clicked.connect(self.identify)
        state.sig_database_changed.connect(self._database_changed)
        tools.sig_tool_changed.connect(lambda tool: tool == Tool.IDENTIFY or card.hide())
        card.sig_feature_chosen.connect(lambda feature: state.set_selection(feature.selection))
        self._database_changed()

    def _database_changed(self) -> None:
        self._identifier = Identifier(self.state.database) if self.state.database is not None else None
        self.card.hide()

    def identify(self, lon: float, lat: float, tolerance: float) -> list[Feature]:
        if self.tools.tool != Tool.IDENTIFY or self._identifier is None:
            return []
        features = self._identifier.at(lon, lat, tolerance)
        self.card.show_features(features)
        self.state.set_selection(features[0].selection if features else ())
        return features
