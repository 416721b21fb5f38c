"""The log of a contest's points: every change of score, in order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from studytui.store.connection import Connection, iso, now

if TYPE_CHECKING:
    from studytui.store.rows import ContestEvent


class ContestLog(Connection):
    """A contest's score changes, kept so its ranking can be rebuilt and reported."""

    def log_contest_event(self, group_id: str, team: str, kind: str, points: int, note: str = "") -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO contest_events(group_id, team, kind, points, note, at) VALUES (?, ?, ?, ?, ?, ?)",
                (group_id, team, kind, points, note, iso(now())),
            )

    def contest_events(self, group_id: str) -> list[ContestEvent]:
        from studytui.store.rows import ContestEvent  # lazily, as every row: see studytui.store

        rows = self.db.execute(
            "SELECT team, kind, points, note, at FROM contest_events WHERE group_id = ? ORDER BY id", (group_id,)
        )
        return [ContestEvent.of(r) for r in rows]
