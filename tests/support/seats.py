"""Two seats acting on one case at once: exactly one wins (optimistic versioning)."""

import pytest
from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from desktop.storage.models import Case


def assert_second_seat_loses(db) -> None:
    """Both seats load the only case; the first commit wins, the second gets StaleDataError."""
    seat_a, seat_b = db.session(), db.session()
    try:
        case_a = seat_a.scalars(select(Case)).one()
        case_b = seat_b.scalars(select(Case)).one()
        case_a.stage = "案件建立"
        seat_a.commit()
        case_b.stage = "作废"
        with pytest.raises(StaleDataError):
            seat_b.commit()
        seat_b.rollback()
        assert seat_b.scalars(select(Case)).one().stage == "案件建立"
    finally:
        seat_a.close()
        seat_b.close()
