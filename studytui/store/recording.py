"""What happens while studying, recorded the moment it happens: profiles, sessions,
answers, the mistake book and review cards."""

from __future__ import annotations

import json
import sqlite3
import uuid
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from studytui.names import clean_name
import studytui.store.waiting as waiting
from studytui.store.connection import StoreError, iso, local_day, now
from studytui.store.waiting import Pending, Waiting

if TYPE_CHECKING:
    from studytui.store.rows import AnswerRecord, SessionRecord

RIGHT_TO_LEAVE_MISTAKES = 2


@dataclass(frozen=True)
class Answer:
    """One graded answer, as recorded."""

    session_id: int
    question_id: str
    prompt: str
    typed: str
    verdict: str
    score: float
    seconds: float
    section: str | None = None
    kind: str | None = None
    points: float = 1.0


def _row_id(cursor: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just wrote."""
    if cursor.lastrowid is None:
        raise StoreError("no row was written")
    return cursor.lastrowid


class Recording(Waiting):
    """Profiles, sessions and answers; every write committed before it returns (or, while
    the database is held, waiting its turn)."""

    def profile(self, name: str) -> int:
        """The id of the profile called ``name``, created if new. A new name is kept
        normalised (NFKC): ``BadName`` when it is empty, too long or holds an invisible
        character, so no second 李四 looks like the first. A name already on record
        (kept before names were normalised) is found as it is."""
        row = self.db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        name = clean_name(name)
        row = self.db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row:
            return int(row[0])
        with self.transaction(waiting.SAVE_WAIT) as db:  # a person choosing a name is told soon when the database is held
            db.execute("INSERT OR IGNORE INTO profiles(name, created) VALUES (?, ?)", (name, iso(now())))
            created = int(db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()[0])
        self.keep_names()
        return created

    def profiles(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM profiles ORDER BY name")]

    def people(self) -> list[str]:
        """The profiles of people who study on this machine: not contest teams, nor
        people known here only from imported answers (they stay in rankings and reports)."""
        rows = self.db.execute(
            "SELECT name FROM profiles p WHERE NOT EXISTS (SELECT 1 FROM sessions s WHERE s.profile_id = p.id) "
            "OR EXISTS (SELECT 1 FROM sessions s WHERE s.profile_id = p.id AND s.mode != 'contest' AND s.imported = 0) ORDER BY name"
        )
        return [r[0] for r in rows]

    def profile_name(self, profile_id: int) -> str:
        return str(self.db.execute("SELECT name FROM profiles WHERE id = ?", (profile_id,)).fetchone()[0])

    # -- sessions ------------------------------------------------------------------------

    def register_bank(self, bank_id: str, content_hash: str, title: str) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT OR IGNORE INTO banks(bank_id, content_hash, title, first_seen) VALUES (?, ?, ?, ?)",
                (bank_id, content_hash, title, iso(now())),
            )

    def start_session(
        self,
        profile_id: int,
        bank_id: str,
        bank_hash: str,
        mode: str,
        settings: dict[str, Any],
        quiz_code: str | None = None,
        group_id: str | None = None,
        started: datetime | None = None,
    ) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions(uid, profile_id, bank_id, bank_hash, mode, started, settings, quiz_code, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uuid.uuid4().hex,
                    profile_id,
                    bank_id,
                    bank_hash,
                    mode,
                    iso(started or now()),
                    json.dumps(settings, ensure_ascii=False),
                    quiz_code,
                    group_id,
                ),
            )
            return _row_id(cursor)

    def session(self, session_id: int) -> SessionRecord | None:
        from studytui.store.rows import SessionRecord  # lazily, as every row: see studytui.store

        row = self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return SessionRecord.of(row) if row else None

    def finish_session(self, session_id: int, finished: datetime | None = None, max_score: float = 0.0) -> None:
        """``max_score``: what the whole session could score, so that questions left unanswered
        when time ran out count against it in the stats, as on the result screen."""
        self._in_turn(Pending("finish", {"session_id": session_id, "moment": iso(finished or now()), "max_score": max_score}))

    def _finish(self, session_id: int, moment: str, max_score: float, wait: float) -> None:
        with self.transaction(wait) as db:
            db.execute(
                "UPDATE sessions SET finished = ?, max_score = MAX(max_score, ?) WHERE id = ? AND finished IS NULL",
                (moment, max_score, session_id),
            )

    def unfinished_sessions(self, profile_id: int) -> list[SessionRecord]:
        from studytui.store.rows import SessionRecord  # lazily, as every row: see studytui.store

        rows = self.db.execute(
            "SELECT * FROM sessions WHERE profile_id = ? AND finished IS NULL ORDER BY started DESC", (profile_id,)
        )
        return [SessionRecord.of(r) for r in rows]

    def session_answers(self, session_id: int) -> list[AnswerRecord]:
        from studytui.store.rows import AnswerRecord  # lazily, as every row: see studytui.store

        rows = self.db.execute("SELECT * FROM answers WHERE session_id = ? ORDER BY id", (session_id,))
        return [AnswerRecord.of(r) for r in rows]

    def _apply(self, pending: Pending, wait: float) -> Any:
        data = pending.data
        if pending.kind == "finish":
            return self._finish(data["session_id"], data["moment"], data["max_score"], wait)
        card = tuple(data["card"]) if data["card"] else None
        return self._write_answer(Answer(**data["answer"]), card, datetime.fromisoformat(data["at"]), wait, data["uid"])

    # -- answers -------------------------------------------------------------------------

    def record(self, answer: Answer, card: tuple[str, str] | None = None, at: datetime | None = None) -> int | None:
        """Record one graded answer, and with it the session's totals, the mistake book
        and (when given as (card json, due)) the question's review card. Committed
        before this returns and its id returned; or, when the database stays locked
        for SAVE_WAIT seconds, kept in ``unsaved`` and None returned."""
        data = {"answer": asdict(answer), "card": list(card) if card else None, "at": iso(at or now()), "uid": uuid.uuid4().hex}
        answer_id: int | None = self._in_turn(Pending("answer", data))
        return answer_id

    def _write_answer(self, answer: Answer, card: tuple[str, str] | None, moment: datetime, wait: float, uid: str) -> int:
        with self.transaction(wait) as db:
            if (done := db.execute("SELECT id FROM answers WHERE uid = ?", (uid,)).fetchone()) is not None:
                return int(done[0])  # written before, by a replayed journal
            session = db.execute("SELECT profile_id, bank_id FROM sessions WHERE id = ?", (answer.session_id,)).fetchone()
            if session is None:
                raise StoreError(f"{self.path}: 会话 {answer.session_id} 不存在")
            profile_id, bank_id = session
            cursor = db.execute(
                """INSERT INTO answers(uid, session_id, profile_id, bank_id, question_id, section, kind, prompt, typed,
                   verdict, score, points, seconds, answered, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (
                    uid,
                    answer.session_id,
                    profile_id,
                    bank_id,
                    answer.question_id,
                    answer.section,
                    answer.kind,
                    answer.prompt,
                    answer.typed,
                    answer.verdict,
                    answer.score,
                    answer.points,
                    answer.seconds,
                    iso(moment),
                    local_day(moment),
                ),
            )
            db.execute(
                "UPDATE sessions SET answered = answered + 1, score = score + ?, max_score = max_score + ?, seconds = seconds + ? WHERE id = ?",
                (answer.score * answer.points, answer.points, answer.seconds, answer.session_id),
            )
            self._update_mistakes(db, profile_id, bank_id, answer.question_id, answer.verdict, moment)
            if card is not None:
                db.execute(
                    "INSERT INTO review(profile_id, bank_id, question_id, card, due) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT(profile_id, bank_id, question_id) DO UPDATE SET card = excluded.card, due = excluded.due",
                    (profile_id, bank_id, answer.question_id, card[0], card[1]),
                )
            return _row_id(cursor)

    @staticmethod
    def _update_mistakes(
        db: sqlite3.Connection, profile_id: int, bank_id: str, question_id: str, verdict: str, moment: datetime
    ) -> None:
        key = (profile_id, bank_id, question_id)
        if verdict != "correct":
            db.execute(
                "INSERT INTO mistakes(profile_id, bank_id, question_id, right_in_a_row, last_wrong) VALUES (?, ?, ?, 0, ?) "
                "ON CONFLICT(profile_id, bank_id, question_id) DO UPDATE SET right_in_a_row = 0, last_wrong = excluded.last_wrong",
                (*key, iso(moment)),
            )
            return
        db.execute(
            "UPDATE mistakes SET right_in_a_row = right_in_a_row + 1 WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
            key,
        )
        db.execute(
            "DELETE FROM mistakes WHERE profile_id = ? AND bank_id = ? AND question_id = ? AND right_in_a_row >= ?",
            (*key, RIGHT_TO_LEAVE_MISTAKES),
        )

    def override(self, answer_id: int, card: tuple[str, str] | None = None) -> None:
        """The user disputed the verdict ("我答对了"): scored right, the original kept;
        ``card`` (json, due): the question's review card as if answered right."""
        with self.transaction() as db:
            row = db.execute(
                "SELECT session_id, profile_id, bank_id, question_id, verdict, score, points, overridden FROM answers WHERE id = ?",
                (answer_id,),
            ).fetchone()
            if row is None or row[7]:
                return
            session_id, profile_id, bank_id, question_id, verdict, score, points, _ = row
            db.execute(
                "UPDATE answers SET overridden = 1, original_verdict = verdict, verdict = 'correct', score = 1 WHERE id = ?",
                (answer_id,),
            )
            db.execute("UPDATE sessions SET score = score + ? WHERE id = ?", ((1 - score) * points, session_id))
            db.execute(
                "DELETE FROM mistakes WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
                (profile_id, bank_id, question_id),
            )
            if card is not None:
                db.execute(
                    "UPDATE review SET card = ?, due = ? WHERE profile_id = ? AND bank_id = ? AND question_id = ?",
                    (*card, profile_id, bank_id, question_id),
                )

    def mistakes(self, profile_id: int, bank_id: str) -> list[str]:
        rows = self.db.execute(
            "SELECT question_id FROM mistakes WHERE profile_id = ? AND bank_id = ? ORDER BY last_wrong, rowid",
            (profile_id, bank_id),
        )
        return [r[0] for r in rows]

    def card(self, profile_id: int, bank_id: str, question_id: str) -> str | None:
        row = self.db.execute(
            "SELECT card FROM review WHERE profile_id = ? AND bank_id = ? AND question_id = ?", (profile_id, bank_id, question_id)
        ).fetchone()
        return row[0] if row else None

    def due(self, profile_id: int, bank_id: str, at: datetime | None = None) -> list[str]:
        rows = self.db.execute(
            "SELECT question_id FROM review WHERE profile_id = ? AND bank_id = ? AND due <= ? ORDER BY due",
            (profile_id, bank_id, iso(at or now())),
        )
        return [r[0] for r in rows]

    def reviewed(self, profile_id: int, bank_id: str) -> set[str]:
        rows = self.db.execute("SELECT question_id FROM review WHERE profile_id = ? AND bank_id = ?", (profile_id, bank_id))
        return {r[0] for r in rows}
