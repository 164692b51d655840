"""Translations: the app's zh_CN catalogue plus Qt's own, and the lupdate/lrelease workflow.

Source strings are English (``self.tr`` / ``QCoreApplication.translate``). After adding strings run
``python -m desktop.i18n update``, translate every new entry in the .ts file (Qt Linguist or an
editor), then run it again so the compiled .qm matches.
"""
from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
TRANSLATIONS = ROOT / "resources" / "translations"
CATALOGUE_TS = TRANSLATIONS / "cityops_zh_CN.ts"
CATALOGUE_QM = TRANSLATIONS / "cityops_zh_CN.qm"
LOCALE = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
SOURCE_PACKAGES = ("desktop", "widgets", "layers", "plugins")


def load_translators(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's zh_CN catalogue (if shipped) and the app's; returns them so they stay alive."""
    translators = []
    qt = QTranslator(app)
    if qt.load(LOCALE, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        translators.append(qt)
    own = QTranslator(app)
    if own.load(str(CATALOGUE_QM)):
        translators.append(own)
    else:
        log.warning("translation catalogue %s missing: the interface stays in English", CATALOGUE_QM)
    for translator in translators:
        app.installTranslator(translator)
    return translators


def source_files() -> list[Path]:
    """Python files that may hold translatable strings."""
    return sorted(p for package in SOURCE_PACKAGES for p in (ROOT / package).rglob("*.py"))


def _tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lupdate() -> None:
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run([_tool("pyside6-lupdate"), *files, "-ts", str(CATALOGUE_TS.relative_to(ROOT))], cwd=ROOT, check=True)


def lrelease(ts: Path = CATALOGUE_TS, qm: Path = CATALOGUE_QM) -> None:
    subprocess.run([_tool("pyside6-lrelease"), str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str]) -> int:
    if argv != ["update"]:
        print("用法：python -m desktop.i18n update   （运行 lupdate 与 lrelease）", file=sys.stderr)
        return 2
    lupdate()
    lrelease()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
