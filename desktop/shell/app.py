"""Starting the GUI: application, translations, font, theme, the default database, the main window."""

from __future__ import annotations

import gc
import logging
import os
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from desktop.paths import ROOT, default_database_path
from desktop.seat.app_state import AppState
from desktop.seat.live_feed import start_local_feed
from desktop.seat.retention import start_retention
from desktop.shell.gui_gc import collect_on_gui_thread
from desktop.shell.i18n import load_translators
from desktop.shell.main_window import MainWindow
from desktop.storage.database import DatabaseError
from plugins.registry import load_builtin_layers

log = logging.getLogger(__name__)

ORGANIZATION = "cityops"
APPLICATION = "yizhangtu"
STYLESHEET = ROOT / "resources" / "styles" / "dark.qss"
CJK_FONTS = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "WenQuanYi Micro Hei")

_PALETTE = {
    QPalette.ColorRole.Window: "#0d1626",
    QPalette.ColorRole.WindowText: "#d7e3f4",
    QPalette.ColorRole.Base: "#0a1220",
    QPalette.ColorRole.AlternateBase: "#111c30",
    QPalette.ColorRole.Text: "#d7e3f4",
    QPalette.ColorRole.Button: "#15223a",
    QPalette.ColorRole.ButtonText: "#d7e3f4",
    QPalette.ColorRole.ToolTipBase: "#15223a",
    QPalette.ColorRole.ToolTipText: "#e6f6ff",
    QPalette.ColorRole.Highlight: "#0e7490",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.Link: "#22d3ee",
    QPalette.ColorRole.PlaceholderText: "#6b7f99",
    QPalette.ColorRole.BrightText: "#f43f5e",
}


def freeze_startup_objects() -> None:
    """Move everything allocated at start-up out of the cyclic GC's reach, and make full collections
    rare: each one holds the GIL for a long pause while alarms stream in (README, *Design decisions*);
    young generations still collect as usual."""
    gc.collect()
    gc.freeze()
    young, middle, _old = gc.get_threshold()
    gc.set_threshold(young, middle, 1000)


def new_app_state() -> AppState:
    """The seat's state, its map layers loaded from the built-in layer plugins."""
    return AppState(load_builtin_layers)


def create_application(argv: list[str]) -> QApplication:
    """The QApplication with names for QSettings, zh_CN translators, CJK font and dark theme."""
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.translators = load_translators(app)
    apply_font(app)
    apply_theme(app)
    collect_on_gui_thread(app)
    return app


def apply_font(app: QApplication) -> None:
    families = set(QFontDatabase.families())
    family = next((name for name in CJK_FONTS if name in families), None)
    if family is None:
        log.warning("未找到中文字体（请安装 fonts-noto-cjk），中文可能无法显示")
        return
    font = QFont(family, 10)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)


def apply_theme(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in _PALETTE.items():
        palette.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#56657c"))
    app.setPalette(palette)
    app.setStyleSheet(STYLESHEET.read_text(encoding="utf-8"))


def generate_demo_city(path: Path) -> None:
    """Generate the bundled demo city at ``path``, showing the generator's progress messages."""
    from desktop.democity.generate import generate_city

    dialog = QProgressDialog(QCoreApplication.translate("Startup", "Generating the demo city…"), "", 0, 0)
    dialog.setWindowTitle(QCoreApplication.translate("Startup", "First start"))
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()

    def progress(*args) -> None:
        if args:
            dialog.setLabelText(str(args[0]))
        QApplication.processEvents()

    QApplication.processEvents()
    try:
        generate_city(path, scale="demo", seed=1, force=False, progress=progress)
    finally:
        dialog.close()


def open_city(state: AppState, db: str | None) -> bool:
    """Open ``db`` (or the embedded demo city) into ``state``; a failure is shown in Chinese."""
    target = db or default_database_path()
    try:
        if db is None and not Path(target).exists():
            generate_demo_city(Path(target))
        state.open_database(target)
    except Exception as exc:  # noqa: BLE001 - any failure ends in a Chinese message, not a traceback
        if isinstance(exc, DatabaseError):
            message = str(exc)
        else:
            message = QCoreApplication.translate("Startup", "Cannot open database “{path}”: {reason}")
            message = message.format(path=target, reason=exc)
        log.error("%s", message)
        QMessageBox.critical(None, QCoreApplication.translate("Startup", "Cannot open database"), message)
        return False
    return True


def _has_display() -> bool:
    return bool(os.environ.get("QT_QPA_PLATFORM") or os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def run_gui(db: str | None) -> int:
    if not _has_display():  # Qt would abort without a screen; say what to do instead
        message = "未检测到图形显示（DISPLAY 未设置）。无显示器的机器上可用：xvfb-run -a .venv/bin/python main.py"
        log.error(message)
        print(message, file=sys.stderr)
        return 1
    app = create_application(sys.argv)
    state = new_app_state()
    if not open_city(state, db):
        return 1
    start_local_feed(state)
    start_retention(state)
    window = MainWindow(state)
    window.show()
    freeze_startup_objects()
    code = app.exec()
    state.close()
    return code
