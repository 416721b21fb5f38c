"""What happens while studying, recorded the moment it happens: profiles, settings,
sessions, answers, the mistake book and review cards."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from studytui.names import clean_name
from studytui.store.backends import RECONNECTING, ConnectionLost
from studytui.store.connection import Connection, StoreError, iso, local_day, now

RIGHT_TO_LEAVE_MISTAKES = 2
SAVE_WAIT = 2.0
"""Seconds an answer waits for the write lock before it is kept in memory to retry."""
SETTING_WAIT = 0.1
"""Seconds a setting waits for the write lock before it is kept in memory."""
JOURNAL_GLOB = "studytui.db.unsaved-*.json"


def waiting_reason(error: sqlite3.Error) -> str | None:
    """ "locked", "full" or "reconnecting" when a write can be tried again later (another
    program holds the database; the disk is full; the database server is out of reach),
    None when it cannot."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    if isinstance(error, ConnectionLost):
        return "reconnecting"
    message = str(error)
    if "locked" in message or "busy" in message:
        return "locked"
    if "full" in message or "disk I/O" in message:
        return "full"
    return None


def _own(key: str, profile: int | None) -> str:
    """A person's own preference is kept beside the machine's, under the key and the profile's id."""
    return key if profile is None else f"{key}@{profile}"


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


@dataclass
class Pending:
    """A write kept until the database takes it: an answer (``kind`` "answer") or a
    finished session ("finish"), as plain data so that it can wait in a journal."""

    kind: str
    data: dict[str, Any]
    result: list[Any] = field(default_factory=list, compare=False)


class Recording(Connection):
    """Profiles, sessions and answers; every write committed before it returns."""

    def __init__(self, path: Path, *, check: bool = True, read_only: bool = False):
        super().__init__(path, check=check, read_only=read_only)
        self.unsaved: list[Pending] = []
        """Writes (answers, finished sessions) kept in memory, in order, while another
        process holds the write lock longer than SAVE_WAIT or the disk is full;
        ``save_unsaved`` retries them, ``keep_unsaved`` journals them for the next start."""
        self.waiting_for: str | None = None
        """Why writes wait: "locked" or "full"; None when nothing waits."""
        self.journal = path.with_name(JOURNAL_GLOB.replace("*", uuid.uuid4().hex[:12]))
        self.unsaved_settings: dict[str, str] = {}
        """Settings kept in memory while the database is held (see ``set_setting``)."""

    def setting(self, key: str, default: str | None = None, profile: int | None = None) -> str | None:
        """A preference: the machine's, or with ``profile`` that person's own."""
        key = _own(key, profile)
        if key in self.unsaved_settings:
            return self.unsaved_settings[key]
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str, profile: int | None = None) -> None:
        """Keep a preference (the bank chosen, who studies here, the strictness), the
        machine's or with ``profile`` that person's own. It never makes the app wait: while
        another program holds the database it is kept in memory, read back from there, and
        written with the next setting, answer or at close."""
        key = _own(key, profile)
        if self.setting(key) == value:  # no write lock taken for nothing
            return
        self.unsaved_settings[key] = value
        self._save_settings(SETTING_WAIT)

    def _save_settings(self, wait: float) -> None:
        try:
            with self.transaction(wait) as db:
                db.executemany(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    self.unsaved_settings.items(),
                )
        except sqlite3.OperationalError as exc:
            if waiting_reason(exc) is None:
                raise
            return
        self.unsaved_settings.clear()

    def profile(self, name: str) -> int:
        """The id of the profile called ``name``, created if new. A new name is kept
        normalised (NFKC): ``BadName`` when it is empty, too long or holds an invisible
        character, so no second 李四 looks like the first. A name already on record
        (kept before names were normalised) is found as it is."""
        row = self.db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        name = clean_name(name)
        row = self.db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        with self.transaction(SAVE_WAIT) as db:  # a person choosing a name is told soon when the database is held
            db.execute("INSERT OR IGNORE INTO profiles(name, created) VALUES (?, ?)", (name, iso(now())))
            created = db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()[0]
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
        return self.db.execute("SELECT name FROM profiles WHERE id = ?", (profile_id,)).fetchone()[0]

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
            return cursor.lastrowid

    def session(self, session_id: int) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()

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

    def unfinished_sessions(self, profile_id: int) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT * FROM sessions WHERE profile_id = ? AND finished IS NULL ORDER BY started DESC", (profile_id,)
        ).fetchall()

    def session_answers(self, session_id: int) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM answers WHERE session_id = ? ORDER BY id", (session_id,)).fetchall()

    # -- writes that wait their turn ------------------------------------------------------

    def save_unsaved(self, wait: float = 0.05) -> bool:
        """Write what is waiting, in order; False while the database still cannot take it
        (``waiting_for`` says why). The journal follows what is left."""
        saved = False
        if self.unsaved_settings:
            self._save_settings(wait)
        try:
            while self.unsaved:
                try:
                    self.unsaved[0].result.append(self._apply(self.unsaved[0], wait))
                except sqlite3.OperationalError as exc:
                    if (reason := waiting_reason(exc)) is None:
                        raise
                    self.waiting_for = reason
                    return False
                self.unsaved.pop(0)
                saved = True
            self.waiting_for = None
            return True
        finally:
            if saved and self.journal.exists():
                self.keep_unsaved()

    def _apply(self, pending: Pending, wait: float) -> Any:
        data = pending.data
        if pending.kind == "finish":
            return self._finish(data["session_id"], data["moment"], data["max_score"], wait)
        card = tuple(data["card"]) if data["card"] else None
        return self._write_answer(Answer(**data["answer"]), card, datetime.fromisoformat(data["at"]), wait, data["uid"])

    def _in_turn(self, pending: Pending) -> Any:
        """Write ``pending`` after whatever waits before it; its result, or None when kept for later."""
        self.unsaved.append(pending)
        try:
            if not self.save_unsaved(SAVE_WAIT):
                self.keep_unsaved()  # safe from a killed terminal too
        except sqlite3.Error:
            if pending in self.unsaved:  # failed, not waiting: whoever called may try it again
                self.unsaved.remove(pending)
            raise
        return pending.result[0] if pending.result else None

    def keep_unsaved(self) -> Path | None:
        """Write what still waits to this store's journal beside the database (removed
        when nothing waits), which the next start replays. The journal's path, or None
        when it cannot be written (the disk is full, for one)."""
        try:
            if not self.unsaved:
                self.journal.unlink(missing_ok=True)
                return None
            partial = self.journal.with_name(self.journal.name + ".part")
            partial.write_text(
                json.dumps([{"kind": p.kind, "data": p.data} for p in self.unsaved], ensure_ascii=False), encoding="utf-8"
            )
            os.replace(partial, self.journal)
            return self.journal
        except OSError:
            return None

    def replay_journals(self) -> int:
        """Write the answers that waited in journals when an app last quit (answers already
        here, by their ids, are skipped); a journal is removed once all of it is written.
        Returns how many writes were replayed."""
        replayed = 0
        for journal in sorted(self.path.parent.glob(JOURNAL_GLOB)):
            if journal == self.journal:
                continue
            try:
                entries = [Pending(e["kind"], e["data"]) for e in json.loads(journal.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError, KeyError):
                continue  # unreadable: left where it is, for a person to look at
            self.unsaved.extend(entries)
            if self.save_unsaved(SAVE_WAIT):
                journal.unlink(missing_ok=True)
            else:
                self.keep_unsaved()
                journal.unlink(missing_ok=True)
            replayed += len(entries)
        return replayed

    def unsaved_at_quit(self) -> tuple[str, bool] | None:
        """Quitting: what still waits after one more try, said in Chinese, and whether it
        is safe in the journal (True) or would be lost (False); None when nothing waits."""
        if self.save_unsaved():
            return None
        why = {"full": "磁盘已满", "reconnecting": RECONNECTING}.get(self.waiting_for or "", "数据库被另一个程序占用")
        journal = self.keep_unsaved()
        if journal is not None:
            return (
                f"{len(self.unsaved)} 条作答还没写入数据库（{why}），已暂存在 {journal}；下次启动 studytui 时会自动写入。",
                True,
            )
        return f"{len(self.unsaved)} 条作答还没能保存（{why}，也无法暂存到文件）；现在退出会丢失它们。仍要退出吗？", False

    def close(self) -> None:
        """Close the database; what still waits goes to the journal first (a setting is
        tried once more: it is a preference, not worth a journal)."""
        if self.unsaved_settings and not self.read_only:
            with suppress(sqlite3.Error):
                self._save_settings(SETTING_WAIT)
        if self.unsaved:
            self.keep_unsaved()
        super().close()

    # -- answers -------------------------------------------------------------------------

    def record(self, answer: Answer, card: tuple[str, str] | None = None, at: datetime | None = None) -> int | None:
        """Record one graded answer, and with it the session's totals, the mistake book
        and (when given as (card json, due)) the question's review card. Committed
        before this returns and its id returned; or, when the database stays locked
        for SAVE_WAIT seconds, kept in ``unsaved`` and None returned."""
        data = {"answer": asdict(answer), "card": list(card) if card else None, "at": iso(at or now()), "uid": uuid.uuid4().hex}
        return self._in_turn(Pending("answer", data))

    def _write_answer(self, answer: Answer, card: tuple[str, str] | None, moment: datetime, wait: float, uid: str) -> int:
        with self.transaction(wait) as db:
            if (done := db.execute("SELECT id FROM answers WHERE uid = ?", (uid,)).fetchone()) is not None:
                return done[0]  # written before, by a replayed journal
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
            return cursor.lastrowid

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
