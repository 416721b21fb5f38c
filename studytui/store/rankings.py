"""A class quiz or a contest seen as a whole: the ranking, the questions most missed,
and the weak points report."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from typing import TYPE_CHECKING

from studytui.store.connection import Connection, iso, now

if TYPE_CHECKING:
    from studytui.store.rows import Missed, Ranked, WeakPoints


def _ranked(row: sqlite3.Row, on_the_clock: bool) -> Ranked:
    """A ranking row with its questions in all and, for a class quiz, its time on the
    clock (start to finish, or to the last answer so far; at most the time limit).
    A contest team's time is the time its answers took."""
    from studytui.store.rows import Ranked  # lazily, as every row: see studytui.store

    settings = json.loads(row["settings"] or "{}")
    seconds = row["seconds"]
    if on_the_clock:
        moment = row["finished"] or row["last"] or row["started"]  # opened and left with no answer: no time yet
        on_clock = (datetime.fromisoformat(moment) - datetime.fromisoformat(row["started"])).total_seconds()
        limit = settings.get("time_limit")
        seconds = max(0.0, min(on_clock, limit) if limit else on_clock)
    return Ranked(
        name=row["name"],
        id=row["id"],
        imported=row["imported"],
        score=row["score"],
        max_score=row["max_score"],
        answered=row["answered"],
        seconds=seconds,
        finished=row["finished"],
        total=len(settings.get("questions", ())) or row["answered"],
    )


CLOSED = "closed:"
"""A class quiz the instructor has closed is kept as a setting ``closed:QZ-…`` (its moment)."""


class Rankings(Connection):
    """Questions about everyone who took one quiz code (or played one contest), and
    whether the instructor has closed the quiz."""

    FIRST_ATTEMPT = (
        "s.started = (SELECT min(t.started) FROM sessions t WHERE t.profile_id = s.profile_id AND t.quiz_code = s.quiz_code)"
    )

    def ranking(self, *, quiz_code: str | None = None, group_id: str | None = None) -> list[Ranked]:
        """Everyone who took a class quiz code (their first attempt; later ones are practice)
        or played in a group, answers or none. Ties go to the shorter time on the clock."""
        where = f"s.quiz_code = ? AND {self.FIRST_ATTEMPT}" if quiz_code else "s.group_id = ?"
        rows = self.db.execute(
            "SELECT p.name, s.id, s.imported, s.score, s.max_score, s.answered, s.seconds, s.started, s.finished, s.settings, "
            "(SELECT max(a.answered) FROM answers a WHERE a.session_id = s.id) AS last FROM sessions s "
            f"JOIN profiles p ON p.id = s.profile_id WHERE {where}",
            (quiz_code or group_id,),
        )
        ranked = [_ranked(r, on_the_clock=quiz_code is not None) for r in rows]
        ranked.sort(key=lambda r: (-r.score, r.seconds))
        best: dict[str, Ranked] = {}
        for row in ranked:
            best.setdefault(row.name, row)
        return list(best.values())

    def class_attempts(self, name: str, quiz_code: str) -> set[str]:
        """The session ids of every attempt at a class quiz by the person called ``name``."""
        rows = self.db.execute(
            "SELECT s.uid FROM sessions s JOIN profiles p ON p.id = s.profile_id WHERE p.name = ? AND s.quiz_code = ?",
            (name, quiz_code),
        )
        return {r[0] for r in rows}

    def attempts(self, profile_id: int, quiz_code: str) -> int:
        """How many times this profile has started this class quiz."""
        count: int = self.db.execute(
            "SELECT count(*) FROM sessions WHERE profile_id = ? AND quiz_code = ?", (profile_id, quiz_code)
        ).fetchone()[0]
        return count

    def close_quiz(self, quiz_code: str) -> None:
        """The instructor ends a class quiz: its right answers may be shown; nobody starts it again."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO settings(key, value) VALUES (?, ?)", (CLOSED + quiz_code, iso(now())))

    def quiz_closed(self, quiz_code: str) -> bool:
        return bool(self.db.execute("SELECT 1 FROM settings WHERE key = ?", (CLOSED + quiz_code,)).fetchone() is not None)

    def unfinished_attempt(self, profile_id: int, quiz_code: str) -> int | None:
        """The session of this profile's first attempt at a class quiz, while it is unfinished."""
        row = self.db.execute(
            "SELECT id, finished FROM sessions WHERE profile_id = ? AND quiz_code = ? ORDER BY started, id LIMIT 1",
            (profile_id, quiz_code),
        ).fetchone()
        return int(row[0]) if row is not None and row[1] is None else None

    def most_missed(self, *, quiz_code: str | None = None, group_id: str | None = None, limit: int = 10) -> list[Missed]:
        from studytui.store.rows import Missed  # lazily, as every row: see studytui.store

        where = f"s.quiz_code = ? AND {self.FIRST_ATTEMPT}" if quiz_code else "s.group_id = ?"
        rows = self.db.execute(
            f"SELECT a.question_id, max(a.prompt) AS prompt, count(*) AS answers, sum(a.score < 1) AS missed "
            f"FROM answers a JOIN sessions s ON s.id = a.session_id WHERE {where} "
            f"GROUP BY a.question_id HAVING sum(a.score < 1) > 0 ORDER BY missed DESC, a.question_id LIMIT ?",
            (quiz_code or group_id, limit),
        )
        return [Missed.of(r) for r in rows]

    def weak_points(self, quiz_code: str | None = None) -> WeakPoints:
        """How many got each question, and each kind of formulation, right."""
        from studytui.store.rows import KindTally, QuestionTally, WeakPoints  # lazily, as every row: see studytui.store

        where, args = (" WHERE s.quiz_code = ?", (quiz_code,)) if quiz_code else ("", ())
        base = "FROM answers a JOIN sessions s ON s.id = a.session_id" + where
        questions = self.db.execute(
            "SELECT a.bank_id, a.question_id, max(a.prompt) AS prompt, max(a.kind) AS kind, count(*) AS answers, "
            f"sum(a.verdict = 'correct') AS right {base} GROUP BY a.bank_id, a.question_id "
            "ORDER BY 1.0 * sum(a.verdict = 'correct') / count(*), a.bank_id, a.question_id",
            args,
        )
        kinds = self.db.execute(
            f"SELECT a.kind, count(*) AS answers, sum(a.verdict = 'correct') AS right {base} GROUP BY a.kind "
            "ORDER BY 1.0 * sum(a.verdict = 'correct') / count(*)",
            args,
        )
        return WeakPoints([QuestionTally.of(r) for r in questions], [KindTally.of(r) for r in kinds])
