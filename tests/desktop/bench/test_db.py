"""The database bench on a tiny generated database."""

from sqlalchemy import func, select

from desktop.bench.db import cached_path, run_db_bench
from desktop.storage.database import CityDatabase
from desktop.storage.models import Case


def test_tiny_bench_generates_measures_and_reuses_the_file(tmp_path):
    result = run_db_bench(None, 3000)
    path = cached_path(3000)
    assert result["cases"] == 3000 and path.exists() and result["generate_ms"] > 0
    assert {"query_ms_p99", "monthly_kpi_ms", "baseline_pk_lookup_ms_p99", "query_vs_baseline"} <= set(result)
    assert result["query_ms_p99"] > 0 and result["open_cases"] > 0
    db = CityDatabase(path)
    with db.session() as session:
        assert session.scalar(select(func.count()).select_from(Case)) == 3000
    db.close()
    assert run_db_bench(None, 3000)["generate_ms"] == 0


def test_the_bench_kind_prints_one_json_line_and_never_overwrites_a_city(tmp_path, capsys, small_city):
    import argparse
    import json

    from desktop.bench import db as bench_db

    target = tmp_path / "b.db"
    assert bench_db.run(argparse.Namespace(db=str(target), cases=2000, seed=1)) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["cases"] == 2000
    city = small_city.url.removeprefix("sqlite:///")
    assert bench_db.run(argparse.Namespace(db=city, cases=2000, seed=1)) == 1
    assert "不会覆盖" in capsys.readouterr().err
