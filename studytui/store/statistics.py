"""One person's study statistics: sessions over time, accuracy, streaks, weakest questions."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from studytui.store.connection import Connection

if TYPE_CHECKING:
    from studytui.store.rows import Accuracy, QuestionResults, SessionScore, WeakQuestion


class Statistics(Connection):
    """Read-only questions about one profile's answers."""

    def sessions_over_time(self, profile_id: int, limit: int = 200) -> list[SessionScore]:
        from studytui.store.rows import SessionScore  # lazily, as every row: see studytui.store

        rows = self.db.execute(
            "SELECT id, bank_id, mode, started, finished, answered, score, max_score, seconds FROM sessions "
            "WHERE profile_id = ? AND answered > 0 ORDER BY started DESC, id DESC LIMIT ?",
            (profile_id, limit),
        )
        return [SessionScore.of(r) for r in reversed(rows.fetchall())]

    def _accuracy(self, sql: str, args: tuple[object, ...]) -> list[Accuracy]:
        from studytui.store.rows import Accuracy  # lazily, as every row: see studytui.store

        return [Accuracy(key, count, total / count if count else 0.0) for key, count, total in self.db.execute(sql, args)]

    def accuracy_by_bank(self, profile_id: int) -> list[Accuracy]:
        return self._accuracy(
            "SELECT bank_id, count(*), sum(score) FROM answers WHERE profile_id = ? GROUP BY bank_id", (profile_id,)
        )

    def accuracy_by_section(self, profile_id: int, bank_id: str) -> list[Accuracy]:
        return self._accuracy(
            "SELECT section, count(*), sum(score) FROM answers WHERE profile_id = ? AND bank_id = ? GROUP BY section",
            (profile_id, bank_id),
        )

    def accuracy_by_kind(self, profile_id: int) -> list[Accuracy]:
        return self._accuracy("SELECT kind, count(*), sum(score) FROM answers WHERE profile_id = ? GROUP BY kind", (profile_id,))

    def question_results(self, profile_id: int, bank_id: str) -> dict[str, QuestionResults]:
        """Each question of a bank this profile answered: (answers, their scores added up)."""
        from studytui.store.rows import QuestionResults  # lazily, as every row: see studytui.store

        rows = self.db.execute(
            "SELECT question_id, count(*), sum(score) FROM answers WHERE profile_id = ? AND bank_id = ? GROUP BY question_id",
            (profile_id, bank_id),
        )
        return {question_id: QuestionResults(count, total) for question_id, count, total in rows}

    def weakest_questions(self, profile_id: int, limit: int = 10) -> list[WeakQuestion]:
        """The questions answered least well (never those always answered right), each with its latest prompt."""
        from studytui.store.rows import WeakQuestion  # lazily, as every row: see studytui.store

        rows = self.db.execute(
            "SELECT bank_id, question_id, count(*) AS answers, avg(score) AS accuracy FROM answers WHERE profile_id = ? "
            "GROUP BY bank_id, question_id HAVING avg(score) < 1 ORDER BY accuracy, answers DESC LIMIT ?",
            (profile_id, limit),
        ).fetchall()
        return [
            WeakQuestion(bank_id, question_id, answers, accuracy, self._latest_prompt(profile_id, bank_id, question_id))
            for bank_id, question_id, answers, accuracy in rows
        ]

    def _latest_prompt(self, profile_id: int, bank_id: str, question_id: str) -> str:
        prompt: str = self.db.execute(
            "SELECT prompt FROM answers WHERE profile_id = ? AND bank_id = ? AND question_id = ? ORDER BY id DESC LIMIT 1",
            (profile_id, bank_id, question_id),
        ).fetchone()[0]
        return prompt

    def study_days(self, profile_id: int) -> list[str]:
        return [
            r[0]
            for r in self.db.execute("SELECT DISTINCT day FROM answers WHERE profile_id = ? ORDER BY day DESC", (profile_id,))
        ]

    def streak(self, profile_id: int, today: date | None = None) -> int:
        """Days in a row with at least one answer, ending today (or yesterday)."""
        days = set(self.study_days(profile_id))
        day = today or date.today()
        if day.isoformat() not in days:
            day -= timedelta(days=1)
        count = 0
        while day.isoformat() in days:
            count += 1
            day -= timedelta(days=1)
        return count

    def answers_on(self, profile_id: int, day: date | None = None) -> int:
        count: int = self.db.execute(
            "SELECT count(*) FROM answers WHERE profile_id = ? AND day = ?", (profile_id, (day or date.today()).isoformat())
        ).fetchone()[0]
        return count
