"""``generate_city``: plan the demo city in memory, then write it to a fresh database file."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from desktop.democity.plan import plan_city
from desktop.democity.scales import PUBLIC_SCALES, SCALES
from desktop.democity.tables import write_plan
from desktop.democity.writer import DemoCityError, discard, publish, staging_path
from desktop.emergency.samples import install_sample_plans
from desktop.storage.database import CityDatabase

STEPS = 8


class _Progress:
    def __init__(self, report: Callable[[str], None] | None):
        self.report, self.step = report, 0

    def __call__(self, message: str) -> None:
        self.step += 1
        if self.report:
            self.report(f"[{self.step}/{STEPS}] {message}")


def generate_city(
    out: str | Path,
    scale: str = "demo",
    seed: int = 1,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> dict:
    """Generate the demo city into the SQLite file ``out``; returns a summary (row counts, seconds)."""
    if scale not in SCALES:
        raise DemoCityError(f"未知的规模“{scale}”：可选 {'、'.join(PUBLIC_SCALES)}")
    out = Path(out).expanduser().resolve()
    staging = staging_path(out, force)
    started = time.perf_counter()
    step = _Progress(progress)
    try:
        plan = plan_city(SCALES[scale], seed, step)
        database = CityDatabase(staging)
        try:
            with database.session() as session, session.begin():
                counts = write_plan(session, plan, step)
            counts["emergency_plan"] = install_sample_plans(database)
        finally:
            database.close()
    except BaseException:
        discard(staging)
        raise
    publish(staging, out)
    seconds = round(time.perf_counter() - started, 2)
    step(f"完成：{out}（{seconds} 秒）")
    return {"path": str(out), "scale": scale, "seed": seed, "seconds": seconds, "counts": counts}
