"""What a seat chooses from: departments, unit grids, the staff at seats and the class directory."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from desktop.cases.workflow import Actor
from desktop.domain.class_table import ClassEntry, bundled_class_table
from desktop.storage.database import CityDatabase
from desktop.storage.models import ClassCode, Department, Staff, UnitGrid


@dataclass(frozen=True)
class SeatPerson:
    """Someone who may act at a seat: their staff code, who they act as, their department's name."""

    code: str
    actor: Actor
    department: str | None


def departments(db: CityDatabase) -> list[tuple[str, int]]:
    """``(name, id)`` of every department, by id."""
    with db.session() as session:
        return [tuple(row) for row in session.execute(select(Department.name, Department.id).order_by(Department.id))]


def grid_codes(db: CityDatabase) -> list[str]:
    """The codes of the unit grids, sorted."""
    with db.session() as session:
        return list(session.scalars(select(UnitGrid.code).order_by(UnitGrid.code)))


def seat_staff(db: CityDatabase, roles: tuple[str, ...]) -> list[SeatPerson]:
    """The staff with one of ``roles``, by role and code."""
    with db.session() as session:
        query = select(Staff, Department.name).outerjoin(Department, Staff.department_id == Department.id)
        rows = session.execute(query.where(Staff.role.in_(roles)).order_by(Staff.role, Staff.code)).all()
    return [
        SeatPerson(person.code, Actor(person.name, person.role, person.id, person.department_id), department)
        for person, department in rows
    ]


def class_entries(db: CityDatabase | None) -> list[ClassEntry]:
    """The database's class directory, or the bundled one when the database has none."""
    if db is not None:
        with db.session() as session:
            rows = list(session.scalars(select(ClassCode).order_by(ClassCode.kind, ClassCode.code)))
        if rows:
            return [ClassEntry(r.scheme, r.kind, r.code, r.major_code, r.major_name, r.name, r.symbol) for r in rows]
    return bundled_class_table()
