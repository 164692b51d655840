"""The application shell: Chinese window, docks, menus, status bar, layout memory, translations,
start-up (demo generation, unreadable database)."""

import re
import sys
import types
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QSettings, QTranslator
from PySide6.QtWidgets import QAbstractButton, QDockWidget, QLabel, QMessageBox, QWidget

from desktop.seat.app_state import AppState
from desktop.shell import app as app_module
from desktop.shell import i18n
from desktop.shell.main_window import MainWindow
from desktop.storage.database import CityDatabase
from plugins.registry import load_builtin_layers
from tests.support.cities import copy_city

TITLE = "城市运管服 · 一张图指挥中心"
CJK = re.compile(r"[\u4e00-\u9fff]")
DOCKS = ["图层", "告警", "案件", "视频墙", "应急预案"]


@pytest.fixture
def window(main_window):
    return main_window


def test_window_has_the_chinese_title_docks_menus_and_status_bar(window):
    assert window.windowTitle() == TITLE
    assert [dock.windowTitle() for dock in window.findChildren(QDockWidget)] == DOCKS + ["轨迹回放"]
    assert all(
        dock.objectName() and dock.isVisible()
        for dock in window.findChildren(QDockWidget)
        if dock is not window.docks["track_replay"]
    )
    assert window.docks["track_replay"].isHidden()  # opened from the 视图 menu
    menus = {action.text(): action.menu() for action in window.menuBar().actions()}
    assert list(menus) == ["文件(&F)", "视图(&V)", "书签(&B)", "插件(&P)", "帮助(&H)"]
    assert [a.text() for a in menus["文件(&F)"].actions() if a.text()] == ["打开数据库(&O)…", "退出(&X)"]
    view = [a.text() for a in menus["视图(&V)"].actions() if a.text()]
    assert view[:6] == DOCKS + ["轨迹回放"] and {"全屏(&F)", "恢复默认布局(&R)"} <= set(view)
    assert [a.text() for a in menus["帮助(&H)"].actions()] == ["关于(&A)"]
    status = window.statusBar()
    assert status.city_label.text() == "测试市"
    assert status.counts_label.text() == "单元网格 9 · 管理部件 300 · 车辆 1 · 摄像机 2"


def test_cursor_position_reaches_the_status_bar(window):
    window.state.set_cursor(118.2812345, 33.9512345)
    assert window.statusBar().cursor_label.text() == "经度 118.281234° 纬度 33.951234°"


def _visible_texts(window) -> list[str]:
    texts = [window.windowTitle()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QDockWidget):
            texts.append(widget.windowTitle())
    menus = [action.menu() for action in window.menuBar().actions()]
    texts += [action.text() for action in window.menuBar().actions()]
    texts += [action.text() for menu in menus for action in menu.actions()]
    model = window.docks["layers"].widget().model
    texts += [model.data(model.index(row)) for row in range(model.rowCount())]
    return [text for text in texts if text and text.strip()]


def test_every_visible_text_is_chinese(window):
    untranslated = [text for text in _visible_texts(window) if not CJK.search(text)]
    assert untranslated == []
    assert len(_visible_texts(window)) > 25


def test_layout_is_saved_and_restored(gui_app, qtbot, small_city):
    settings = QSettings()
    first = MainWindow(AppState(load_builtin_layers), settings)
    qtbot.addWidget(first)
    first.show()
    first.docks["video_wall"].hide()
    first.docks["cases"].setFloating(True)
    first.resize(first.minimumSizeHint().width() + 40, first.minimumSizeHint().height() + 30)
    size = (first.width(), first.height())
    first.close()

    second = MainWindow(AppState(load_builtin_layers), QSettings())
    qtbot.addWidget(second)
    second.show()
    assert second.docks["video_wall"].isHidden()
    assert second.docks["cases"].isFloating()
    assert (second.width(), second.height()) == size

    second.restore_default_layout()
    assert not second.docks["video_wall"].isHidden() and not second.docks["cases"].isFloating()


@pytest.mark.parametrize("catalogue", sorted(i18n.catalogues(), key=lambda c: c.name), ids=lambda c: c.name)
def test_translation_catalogue_is_complete_and_compiled(tmp_path, catalogue):
    if not catalogue.ts.exists():
        assert not _has_strings(catalogue), f"missing {catalogue.ts.name}: run python -m desktop.shell.i18n update"
        return
    messages = list(ET.parse(catalogue.ts).iter("message"))
    unfinished = [m.findtext("source") for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    assert all(m.findtext("translation") for m in messages if m.find("translation").get("type") != "vanished")
    fresh = tmp_path / "fresh.qm"
    i18n.lrelease(catalogue.ts, fresh)
    assert fresh.read_bytes() == catalogue.qm.read_bytes(), "run: python -m desktop.shell.i18n update"


def _has_strings(catalogue) -> bool:
    return any(
        ("tr(" in p.read_text(encoding="utf-8") or "translate(" in p.read_text(encoding="utf-8"))
        for p in i18n.catalogues()[catalogue]
    )


@pytest.mark.parametrize("catalogue", sorted(i18n.catalogues(), key=lambda c: c.name), ids=lambda c: c.name)
def test_catalogue_covers_every_translatable_string(tmp_path, catalogue):
    ts = tmp_path / "fresh.ts"
    if catalogue.ts.exists():
        ts.write_bytes(catalogue.ts.read_bytes())
    i18n.lupdate(catalogue, i18n.catalogues()[catalogue], ts)
    if not ts.exists():
        return
    fresh = ET.parse(ts)
    missing = [m.findtext("source") for m in fresh.iter("message") if m.find("translation").get("type") == "unfinished"]
    assert missing == [], "new strings: run python -m desktop.shell.i18n update and translate them"


def test_qt_own_dialogs_are_translated_too(gui_app):
    assert any(isinstance(t, QTranslator) and "qtbase" in t.filePath() for t in gui_app.translators)


@pytest.fixture
def captured_errors(monkeypatch):
    shown = []
    monkeypatch.setattr(
        QMessageBox, "critical", staticmethod(lambda parent, title, text, *a: shown.append((title, text)))
    )
    return shown


def test_unreadable_database_shows_a_chinese_error_and_exits_1(gui_app, tmp_path, captured_errors, caplog):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"this is not a database" * 100)
    assert app_module.run_gui(str(broken)) == 1
    [(title, text)] = captured_errors
    assert title == "无法打开数据库"
    assert "broken.db" in text and CJK.search(text)
    assert any("broken.db" in record.getMessage() for record in caplog.records)


def test_opening_a_bad_file_from_the_menu_keeps_the_current_city(window, tmp_path, captured_errors):
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"garbage" * 200)
    assert window.open_database(str(broken)) is False
    assert captured_errors and window.statusBar().city_label.text() == "测试市"


def test_first_start_generates_the_demo_city_with_progress(gui_app, monkeypatch, tmp_path, small_city_template):
    calls = []

    def generate_city(out, scale, seed, force, progress):
        calls.append((scale, seed, force))
        progress("正在生成单元网格…")
        progress("正在生成管理部件…", 2, 5)
        copy_city(small_city_template, out)

    monkeypatch.setitem(sys.modules, "desktop.democity.generate", types.SimpleNamespace(generate_city=generate_city))
    state = AppState(load_builtin_layers)
    assert app_module.open_city(state, None)
    assert calls == [("demo", 1, False)]
    assert state.summary.city_name == "测试市"
    assert str(tmp_path / "cityops-home") in state.database.url
    state.close()


def test_window_screenshot(window, tmp_path):
    window.resize(1600, 1000)
    image = window.grab()
    assert image.save(str(tmp_path / "shell.png"))
    assert (image.width(), image.height()) == (1600, 1000)


def test_opening_another_city_replaces_the_layers(window, tmp_path, qtbot, small_city_template):
    other = CityDatabase(copy_city(small_city_template, tmp_path / "other.db"))
    window.state.set_database(other)
    qtbot.wait(50)
    assert window.state.database is other
    assert "管理部件" in [layer.name for layer in window.state.layers]
