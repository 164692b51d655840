"""The 插件管理 dialog: every discovered plugin with a load/unload check box and its status."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from plugins.manager import PluginManager


class PluginDialog(QDialog):
    def __init__(self, manager: PluginManager, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pluginDialog")
        self.setWindowTitle(self.tr("Plugins"))
        self.resize(720, 320)
        self.manager = manager
        self.table = QTableWidget(0, 4, self, objectName="pluginTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Plugin"), self.tr("Version"), self.tr("Description"), self.tr("Status")]
        )
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.itemChanged.connect(self._toggled)
        self.message = QLabel(self, objectName="pluginMessage", wordWrap=True)
        self.message.setStyleSheet("color: #f87171;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        manager.sig_plugin_failed.connect(lambda _name, message: self.message.setText(message))
        for signal in (manager.sig_plugins_discovered, manager.sig_plugin_loaded, manager.sig_plugin_unloaded):
            signal.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        self.table.blockSignals(True)
        plugins = self.manager.plugins()
        self.table.setRowCount(len(plugins))
        for row, info in enumerate(plugins):
            loaded = self.manager.is_loaded(info.name)
            title = QTableWidgetItem(info.title)
            title.setData(Qt.ItemDataRole.UserRole, info.name)
            switchable = info.plugin_class is not None and not info.builtin
            title.setFlags(
                Qt.ItemFlag.ItemIsEnabled | (Qt.ItemFlag.ItemIsUserCheckable if switchable else Qt.ItemFlag.NoItemFlags)
            )
            title.setCheckState(Qt.CheckState.Checked if loaded or info.builtin else Qt.CheckState.Unchecked)
            cls = info.plugin_class
            status = (
                self.tr("Built in")
                if info.builtin
                else self.tr("Loaded")
                if loaded
                else self.tr("Not loaded")
                if cls
                else self.tr("Broken")
            )
            cells = [
                title,
                QTableWidgetItem(cls.VERSION if cls else ""),
                QTableWidgetItem(cls.description() if cls else info.error or ""),
                QTableWidgetItem(status),
            ]
            for column, item in enumerate(cells):
                if column:
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.blockSignals(False)

    def _toggled(self, item: QTableWidgetItem) -> None:
        name = item.data(Qt.ItemDataRole.UserRole)
        if item.column() != 0 or name is None:
            return
        self.message.clear()
        if item.checkState() == Qt.CheckState.Checked:
            self.manager.load(name)
        else:
            self.manager.unload(name)
        self.refresh()
