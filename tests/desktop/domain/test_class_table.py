"""The class directory is read from data tables: the bundled one and the shared transcriptions."""

from pathlib import Path

import pytest

from desktop.domain.class_table import DEFAULT_SCHEME, bundled_class_table, by_name, read_class_table
from desktop.domain.codes import CodeError

SHARED = Path(__file__).resolve().parents[3].parent / "shared" / "data" / "dcm_codes"
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/data/dcm_codes not present")


def test_bundled_directory_has_components_and_events():
    table = bundled_class_table()
    kinds = {e.kind for e in table}
    assert kinds == {"部件", "事项"}
    assert all(e.scheme == DEFAULT_SCHEME for e in table)
    components = by_name(table)
    assert components["污水井盖"].code == "0102"
    assert components["路灯"].major_name == "公用设施"
    assert all(e.code.startswith(e.major_code) for e in table)


@needs_shared
def test_successor_directory_with_five_digit_codes():
    table = read_class_table(
        SHARED / "gbt47678.5-2026_directory_as_imported_by_city-inspection-ai.csv", "GB/T 47678.5-2026"
    )
    assert sum(e.kind == "部件" for e in table) == 153
    assert sum(e.kind == "事项" for e in table) == 250
    assert {len(e.code) for e in table} == {5}


@needs_shared
def test_older_local_two_plus_two_scheme():
    table = read_class_table(SHARED / "beijing_chaoyang_app_category_list_2013.csv", "北京朝阳2013")
    assert {len(e.code) for e in table} == {4}
    assert by_name(table)["上水井盖"].code == "0101"


def test_broken_table_is_refused_with_the_line(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,major_code,major_name,code5,name\n部件,01,市政,02001,错位\n", encoding="utf-8")
    with pytest.raises(CodeError, match="第 2 行"):
        read_class_table(bad)
    missing = tmp_path / "missing.csv"
    with pytest.raises(CodeError, match="无法读取类别表"):
        read_class_table(missing)
