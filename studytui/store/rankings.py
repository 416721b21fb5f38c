"""A class quiz or a contest seen as a whole: the ranking, the questions most missed,
and the weak points report."""

from __future__ import annotations

from typing import Any

from studytui.store.connection import Connection


class Rankings(Connection):
    """Read-only questions about everyone who took one quiz code (or played one contest)."""

    def ranking(self, *, quiz_code: str | None = None, group_id: str | None = None) -> list[dict[str, Any]]:
        """Everyone who took a class quiz code (or played in a group): best session each."""
        column, value = ("quiz_code", quiz_code) if quiz_code else ("group_id", group_id)
        rows = self.db.execute(
            f"SELECT p.name, s.id, s.score, s.max_score, s.answered, s.seconds, s.finished FROM sessions s "
            f"JOIN profiles p ON p.id = s.profile_id WHERE s.{column} = ? AND s.answered > 0 "
            f"ORDER BY s.score DESC, s.seconds ASC",
            (value,),
        )
        best: dict[str, dict[str, Any]] = {}
        for r in rows:
            best.setdefault(r["name"], dict(r))
        return list(best.values())

    def most_missed(self, *, quiz_code: str | None = None, group_id: str | None = None, limit: int = 10) -> list[dict[str, Any]]:
        column, value = ("quiz_code", quiz_code) if quiz_code else ("group_id", group_id)
        rows = self.db.execute(
            f"SELECT a.question_id, max(a.prompt) AS prompt, count(*) AS answers, sum(a.verdict != 'correct') AS missed "
            f"FROM answers a JOIN sessions s ON s.id = a.session_id WHERE s.{column} = ? "
            f"GROUP BY a.question_id HAVING missed > 0 ORDER BY missed DESC, a.question_id LIMIT ?",
            (value, limit),
        )
        return [dict(r) for r in rows]


    def weak_points(self, quiz_code: str | None = None) -> dict[str, list[dict[str, Any]]]:
        """How many got each question, and each kind of formulation, right."""
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
        return {"questions": [dict(r) for r in questions], "kinds": [dict(r) for r in kinds]}
