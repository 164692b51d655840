"""Find grids, components, vehicles, cases and places by code, plate, case number or name (see
:mod:`desktop.storage.map_search`), as features to fly to."""

from __future__ import annotations

from desktop.storage.database import CityDatabase
from desktop.storage.map_search import FeatureSearch, Match
from layers.maptools.features import Feature, level_name, view_box


def _feature(match: Match) -> Feature:
    detail = level_name(match.detail) if match.kind == "admin_area" else match.detail or ""
    return Feature(match.kind, match.key, match.text, detail, view_box(*match.bbox))


class SearchIndex:
    """Ranked search over a city database: exact, then prefix, then substring matches."""

    def __init__(self, database: CityDatabase):
        self._search = FeatureSearch(database)

    def search(self, text: str, limit: int = 20) -> list[Feature]:
        return [_feature(match) for match in self._search.search(text, limit)]

    def best(self, text: str) -> Feature | None:
        results = self.search(text, limit=1)
        return results[0] if results else None
