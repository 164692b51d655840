"""The plan library as the seat reads and writes it: plain dicts out, one transaction per save."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from desktop.emergency.criteria import Proposal, propose_activations
from desktop.emergency.plans import plan_to_dict, save_plan
from desktop.emergency.samples import city_centre
from desktop.storage.changes import Change
from desktop.storage.database import CityDatabase
from desktop.storage.models import EmergencyPlan


def list_plans(db: CityDatabase) -> list[dict]:
    """Every plan in the file format with its ``id``, by code."""
    with db.session() as session:
        query = select(EmergencyPlan).options(selectinload(EmergencyPlan.levels)).order_by(EmergencyPlan.code)
        return [plan_to_dict(plan) | {"id": plan.id} for plan in session.scalars(query)]


def store_plan(db: CityDatabase, data: dict) -> int:
    """Create or replace (by code) the plan ``data`` in one transaction; returns its id.
    Raises :class:`~desktop.emergency.plans.PlanFormatError` for an invalid plan."""
    with db.session() as session, session.begin():
        plan_id = save_plan(session, data).id
    db.changes.announce(Change("plan", (plan_id,)))
    return plan_id


def proposals(db: CityDatabase, now: datetime) -> list[Proposal]:
    """The activations that the alarms now meeting plan criteria propose."""
    with db.session() as session:
        return propose_activations(session, now)


def centre(db: CityDatabase) -> tuple[float, float] | None:
    """Where an activation without a proposal starts: the city's centre."""
    with db.session() as session:
        return city_centre(session)
