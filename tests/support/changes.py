"""Recording what a database's change bus announces."""

from desktop.storage.changes import Change
from desktop.storage.database import CityDatabase


class Heard(list):
    """The changes announced on ``db.changes`` since it was made, in order."""

    def __init__(self, db: CityDatabase):
        super().__init__()
        self.stop = db.changes.subscribe(self.append)

    def kinds(self) -> list[tuple[str, str]]:
        return [(change.kind, change.action) for change in self]

    def of(self, kind: str) -> list[Change]:
        return [change for change in self if change.kind == kind]
