"""The seat's services by type (the live feed, …): whoever creates one registers it, panels look it up."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


class Services:
    """One object per type, registered on the :class:`~desktop.seat.app_state.AppState`."""

    def __init__(self):
        self._by_type: dict[type, object] = {}

    def register(self, kind: type[T], service: T) -> T:
        self._by_type[kind] = service
        return service

    def get(self, kind: type[T]) -> T | None:
        return self._by_type.get(kind)

    def get_or_create(self, kind: type[T], create: Callable[[], T]) -> T:
        """The registered ``kind``, or ``create()`` registered as it."""
        service = self.get(kind)
        return service if service is not None else self.register(kind, create())
