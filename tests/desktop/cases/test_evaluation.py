"""综合评价 from the indicator table."""

from datetime import datetime

import pytest

from desktop.cases.calendar import LOCAL_TZ
from desktop.cases.evaluation import DIMENSIONS, Indicator, evaluate, read_indicators, score
from desktop.cases.history_import import import_history
from tests.desktop.cases.conftest import CALENDAR
from tests.desktop.cases.test_history_import import GOOD, _write


def test_the_bundled_table_covers_the_five_dimensions():
    assert {i.dimension for i in read_indicators()} == set(DIMENSIONS)


def test_scores():
    density = Indicator("干净", "d", "d", "事项", "01", "density", 20.0, 1.0)
    assert score(density, 10, 10, area_km2=1.0, days=30) == pytest.approx(50.0)
    share = Indicator("群众满意", "p", "p", "*", "", "public_share", None, 1.0)
    assert score(share, 1, 4, 1.0, 30) == pytest.approx(75.0)
    assert score(share, 0, 0, 1.0, 30) is None


def test_bad_table_line_is_named(tmp_path):
    path = tmp_path / "e.csv"
    path.write_text(
        "dimension,key,name,class_kind,class_prefix,measure,target,weight,description\n漂亮,k,n,*,,density,1,1,\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="第 2 行"):
        read_indicators(path)


def test_evaluate_imported_cases(db, tmp_path):
    import_history(db, _write(tmp_path, GOOD), calendar=CALENDAR)
    with db.session() as session:
        (whole,) = evaluate(session, datetime(2026, 11, 1, tzinfo=LOCAL_TZ), datetime(2026, 12, 1, tzinfo=LOCAL_TZ))
    assert whole.dimensions["安全"] == pytest.approx(100 * (1.5 * 1.0) / 1.5)  # 0101 closed on time
    assert whole.scores["public_share"] == pytest.approx(100 * 2 / 3)
    assert whole.index is not None and whole.grade
