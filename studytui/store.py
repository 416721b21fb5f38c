"""Every score, kept locally: one SQLite file in the data folder.

WAL mode with a busy timeout, so several processes (a room of terminals, a served
TUI) can write at once; every answer is committed the moment it is graded; the
schema is versioned with ``PRAGMA user_version`` and migrated forward. A file that
is not a database, or is corrupt, is moved aside and never overwritten.
"""

from __future__ import annotations

import json
import random
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

DB_NAME = "studytui.db"
BUSY_TIMEOUT_MS = 30_000

MIGRATIONS: list[str] = [
    # 1: profiles, banks, sessions, answers, review cards, the mistake book, settings
    """
    CREATE TABLE profiles (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        created TEXT NOT NULL
    );
    CREATE TABLE banks (
        bank_id TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        title TEXT NOT NULL,
        first_seen TEXT NOT NULL,
        PRIMARY KEY (bank_id, content_hash)
    );
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        bank_hash TEXT NOT NULL,
        mode TEXT NOT NULL,
        started TEXT NOT NULL,
        finished TEXT,
        settings TEXT NOT NULL DEFAULT '{}',
        quiz_code TEXT,
        group_id TEXT,
        answered INTEGER NOT NULL DEFAULT 0,
        score REAL NOT NULL DEFAULT 0,
        max_score REAL NOT NULL DEFAULT 0,
        seconds REAL NOT NULL DEFAULT 0
    );
    CREATE INDEX sessions_by_profile ON sessions(profile_id, started);
    CREATE INDEX sessions_by_code ON sessions(quiz_code);
    CREATE INDEX sessions_by_group ON sessions(group_id);
    CREATE TABLE answers (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        section TEXT,
        kind TEXT,
        prompt TEXT NOT NULL,
        typed TEXT NOT NULL,
        verdict TEXT NOT NULL,
        score REAL NOT NULL,
        points REAL NOT NULL DEFAULT 1,
        seconds REAL NOT NULL,
        answered TEXT NOT NULL,
        day TEXT NOT NULL,
        overridden INTEGER NOT NULL DEFAULT 0,
        original_verdict TEXT
    );
    CREATE INDEX answers_by_session ON answers(session_id);
    CREATE INDEX answers_by_question ON answers(profile_id, bank_id, question_id, score);
    CREATE INDEX answers_by_section ON answers(profile_id, bank_id, section, score);
    CREATE INDEX answers_by_kind ON answers(profile_id, kind, score);
    CREATE INDEX answers_by_day ON answers(profile_id, day);
    CREATE TABLE review (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        card TEXT NOT NULL,
        due TEXT NOT NULL,
        PRIMARY KEY (profile_id, bank_id, question_id)
    );
    CREATE INDEX review_due ON review(profile_id, bank_id, due);
    CREATE TABLE mistakes (
        profile_id INTEGER NOT NULL REFERENCES profiles(id),
        bank_id TEXT NOT NULL,
        question_id TEXT NOT NULL,
        right_in_a_row INTEGER NOT NULL DEFAULT 0,
        last_wrong TEXT NOT NULL,
        PRIMARY KEY (profile_id, bank_id, question_id)
    );
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: ids that stay the same on every machine (so imports merge without duplicates),
    # and the log of contest scores
    """
    ALTER TABLE sessions ADD COLUMN uid TEXT;
    UPDATE sessions SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX sessions_uid ON sessions(uid);
    ALTER TABLE answers ADD COLUMN uid TEXT;
    UPDATE answers SET uid = lower(hex(randomblob(16))) WHERE uid IS NULL;
    CREATE UNIQUE INDEX answers_uid ON answers(uid);
    CREATE TABLE contest_events (
        id INTEGER PRIMARY KEY,
        group_id TEXT NOT NULL,
        team TEXT NOT NULL,
        kind TEXT NOT NULL,
        points INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        at TEXT NOT NULL
    );
    CREATE INDEX contest_events_by_group ON contest_events(group_id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
RIGHT_TO_LEAVE_MISTAKES = 2


class StoreError(Exception):
    """The database cannot be used; the message says why, in Chinese, with its path."""


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


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def local_day(moment: datetime) -> str:
    return moment.astimezone().date().isoformat()


def open_store(data: Path, on_broken: Callable[[Path, Path], None] | None = None) -> Store:
    """The store in ``data``. A broken file is renamed aside and reported through
    ``on_broken(path, moved_to)`` before a new one is started."""
    path = data / DB_NAME
    try:
        data.mkdir(parents=True, exist_ok=True)
        return Store(path)
    except sqlite3.OperationalError as exc:  # locked, read-only, no such folder: not broken
        raise StoreError(f"{path}: 无法打开数据库：{exc}") from exc
    except OSError as exc:
        raise StoreError(f"{path}: 无法创建数据文件夹：{exc.strerror or exc}") from exc
    except sqlite3.DatabaseError:
        moved = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
        path.rename(moved)
        for suffix in ("-wal", "-shm"):
            side = path.with_name(path.name + suffix)
            if side.exists():
                side.rename(moved.with_name(moved.name + suffix))
        if on_broken is not None:
            on_broken(path, moved)
        return Store(path)


class Store:
    def __init__(self, path: Path):
        self.path = path
        self.db = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            self.migrate()
        except sqlite3.DatabaseError:
            self.db.close()
            raise
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the write lock at once (no upgrade deadlocks)."""
        self._begin_immediate()
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _begin_immediate(self) -> None:
        """Take the write lock, retrying every millisecond or so while another process
        holds it. SQLite's own busy handler backs off to 25–100 ms sleeps, which is
        what makes a room of writers wait; a lock is usually held well under 1 ms."""
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        delay = 0.0005
        self.db.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    self.db.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    if "locked" not in str(exc) or time.monotonic() > deadline:
                        raise
                time.sleep(delay * random.uniform(0.5, 1.5))
                delay = min(delay * 1.5, 0.004)
        finally:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        with self.transaction() as db:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: 数据库来自更新版本的 studytui（架构版本 {current}），请升级 studytui")
            for version in range(current, SCHEMA_VERSION):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")

    # -- settings and profiles ---------------------------------------------------------

    def setting(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_setting(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def profile(self, name: str) -> int:
        """The id of the profile called ``name``, created if new."""
        name = name.strip()
        if not name:
            raise ValueError("profile name is empty")
        row = self.db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()
        if row:
            return row[0]
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO profiles(name, created) VALUES (?, ?)", (name, iso(now())))
            return db.execute("SELECT id FROM profiles WHERE name = ?", (name,)).fetchone()[0]

    def profiles(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM profiles ORDER BY name")]

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
        self, profile_id: int, bank_id: str, bank_hash: str, mode: str, settings: dict[str, Any],
        quiz_code: str | None = None, group_id: str | None = None, started: datetime | None = None,
    ) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO sessions(uid, profile_id, bank_id, bank_hash, mode, started, settings, quiz_code, group_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (uuid.uuid4().hex, profile_id, bank_id, bank_hash, mode, iso(started or now()), json.dumps(settings, ensure_ascii=False), quiz_code, group_id),
            )
            return cursor.lastrowid

    def session(self, session_id: int) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()

    def finish_session(self, session_id: int, finished: datetime | None = None) -> None:
        with self.transaction() as db:
            db.execute("UPDATE sessions SET finished = ? WHERE id = ? AND finished IS NULL", (iso(finished or now()), session_id))

    def unfinished_sessions(self, profile_id: int) -> list[sqlite3.Row]:
        return self.db.execute(
            "SELECT * FROM sessions WHERE profile_id = ? AND finished IS NULL ORDER BY started DESC", (profile_id,)
        ).fetchall()

    def session_answers(self, session_id: int) -> list[sqlite3.Row]:
        return self.db.execute("SELECT * FROM answers WHERE session_id = ? ORDER BY id", (session_id,)).fetchall()

    # -- answers -------------------------------------------------------------------------

    def record(self, answer: Answer, card: tuple[str, str] | None = None, at: datetime | None = None) -> int:
        """Record one graded answer, and with it the session's totals, the mistake book
        and (when given as (card json, due)) the question's review card. Committed
        before this returns."""
        moment = at or now()
        with self.transaction() as db:
            session = db.execute("SELECT profile_id, bank_id FROM sessions WHERE id = ?", (answer.session_id,)).fetchone()
            if session is None:
                raise StoreError(f"{self.path}: 会话 {answer.session_id} 不存在")
            profile_id, bank_id = session
            cursor = db.execute(
                """INSERT INTO answers(uid, session_id, profile_id, bank_id, question_id, section, kind, prompt, typed,
                   verdict, score, points, seconds, answered, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                (uuid.uuid4().hex, answer.session_id, profile_id, bank_id, answer.question_id, answer.section, answer.kind,
                 answer.prompt, answer.typed, answer.verdict, answer.score, answer.points, answer.seconds, iso(moment), local_day(moment)),
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
    def _update_mistakes(db: sqlite3.Connection, profile_id: int, bank_id: str, question_id: str, verdict: str, moment: datetime) -> None:
        key = (profile_id, bank_id, question_id)
        if verdict != "correct":
            db.execute(
                "INSERT INTO mistakes(profile_id, bank_id, question_id, right_in_a_row, last_wrong) VALUES (?, ?, ?, 0, ?) "
                "ON CONFLICT(profile_id, bank_id, question_id) DO UPDATE SET right_in_a_row = 0, last_wrong = excluded.last_wrong",
                (*key, iso(moment)),
            )
            return
        db.execute("UPDATE mistakes SET right_in_a_row = right_in_a_row + 1 WHERE profile_id = ? AND bank_id = ? AND question_id = ?", key)
        db.execute(
            "DELETE FROM mistakes WHERE profile_id = ? AND bank_id = ? AND question_id = ? AND right_in_a_row >= ?",
            (*key, RIGHT_TO_LEAVE_MISTAKES),
        )

    def override(self, answer_id: int, card: tuple[str, str] | None = None) -> None:
        """The user disputed the verdict ("我答对了"): scored right, the original kept;
        ``card`` (json, due): the question's review card as if answered right."""
        with self.transaction() as db:
            row = db.execute("SELECT session_id, profile_id, bank_id, question_id, verdict, score, points, overridden FROM answers WHERE id = ?", (answer_id,)).fetchone()
            if row is None or row[7]:
                return
            session_id, profile_id, bank_id, question_id, verdict, score, points, _ = row
            db.execute("UPDATE answers SET overridden = 1, original_verdict = verdict, verdict = 'correct', score = 1 WHERE id = ?", (answer_id,))
            db.execute("UPDATE sessions SET score = score + ? WHERE id = ?", ((1 - score) * points, session_id))
            db.execute("DELETE FROM mistakes WHERE profile_id = ? AND bank_id = ? AND question_id = ?", (profile_id, bank_id, question_id))
            if card is not None:
                db.execute("UPDATE review SET card = ?, due = ? WHERE profile_id = ? AND bank_id = ? AND question_id = ?", (*card, profile_id, bank_id, question_id))

    def mistakes(self, profile_id: int, bank_id: str) -> list[str]:
        rows = self.db.execute("SELECT question_id FROM mistakes WHERE profile_id = ? AND bank_id = ? ORDER BY last_wrong, rowid", (profile_id, bank_id))
        return [r[0] for r in rows]

    def card(self, profile_id: int, bank_id: str, question_id: str) -> str | None:
        row = self.db.execute("SELECT card FROM review WHERE profile_id = ? AND bank_id = ? AND question_id = ?", (profile_id, bank_id, question_id)).fetchone()
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

    # -- statistics ----------------------------------------------------------------------

    def sessions_over_time(self, profile_id: int, limit: int = 200) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, bank_id, mode, started, finished, answered, score, max_score, seconds FROM sessions "
            "WHERE profile_id = ? AND answered > 0 ORDER BY started DESC, id DESC LIMIT ?",
            (profile_id, limit),
        )
        return [dict(r) for r in reversed(rows.fetchall())]

    def _accuracy(self, sql: str, args: tuple) -> list[dict[str, Any]]:
        return [
            {"key": key, "answers": count, "accuracy": total / count if count else 0.0}
            for key, count, total in self.db.execute(sql, args)
        ]

    def accuracy_by_bank(self, profile_id: int) -> list[dict[str, Any]]:
        return self._accuracy("SELECT bank_id, count(*), sum(score) FROM answers WHERE profile_id = ? GROUP BY bank_id", (profile_id,))

    def accuracy_by_section(self, profile_id: int, bank_id: str) -> list[dict[str, Any]]:
        return self._accuracy(
            "SELECT section, count(*), sum(score) FROM answers WHERE profile_id = ? AND bank_id = ? GROUP BY section",
            (profile_id, bank_id),
        )

    def accuracy_by_kind(self, profile_id: int) -> list[dict[str, Any]]:
        return self._accuracy("SELECT kind, count(*), sum(score) FROM answers WHERE profile_id = ? GROUP BY kind", (profile_id,))

    def weakest_questions(self, profile_id: int, limit: int = 10) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT bank_id, question_id, count(*) AS answers, avg(score) AS accuracy FROM answers WHERE profile_id = ? "
            "GROUP BY bank_id, question_id HAVING avg(score) < 1 ORDER BY accuracy, answers DESC LIMIT ?",
            (profile_id, limit),
        )
        weakest = [dict(r) for r in rows]
        for item in weakest:
            prompt = self.db.execute(
                "SELECT prompt FROM answers WHERE profile_id = ? AND bank_id = ? AND question_id = ? ORDER BY id DESC LIMIT 1",
                (profile_id, item["bank_id"], item["question_id"]),
            ).fetchone()
            item["prompt"] = prompt[0]
        return weakest

    def study_days(self, profile_id: int) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT day FROM answers WHERE profile_id = ? ORDER BY day DESC", (profile_id,))]

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
        return self.db.execute(
            "SELECT count(*) FROM answers WHERE profile_id = ? AND day = ?", (profile_id, (day or date.today()).isoformat())
        ).fetchone()[0]

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

    EXPORT_QUERY = (
        "SELECT p.name AS profile, a.bank_id AS bank, a.question_id, a.prompt, a.typed, a.verdict, a.score, "
        "a.seconds, a.answered, s.mode, s.quiz_code, a.overridden, a.original_verdict, a.section, a.kind, a.points, "
        "a.uid, s.uid AS session_uid, s.bank_hash, s.started, s.finished, s.group_id, s.settings "
        "FROM answers a JOIN profiles p ON p.id = a.profile_id JOIN sessions s ON s.id = a.session_id"
    )

    def export_rows(self, quiz_code: str | None = None) -> Iterator[dict[str, Any]]:
        """Every answer of every profile (or of one class quiz), oldest first."""
        where, args = (" WHERE s.quiz_code = ?", (quiz_code,)) if quiz_code else ("", ())
        for row in self.db.execute(self.EXPORT_QUERY + where + " ORDER BY a.id", args):
            yield dict(row)

    def import_rows(self, rows: Iterable[dict[str, Any]]) -> tuple[int, int]:
        """Merge exported answers; one already here (by its id) is skipped.
        Returns (added, skipped)."""
        added = skipped = 0
        with self.transaction() as db:
            for row in rows:
                if db.execute("SELECT 1 FROM answers WHERE uid = ?", (row["uid"],)).fetchone():
                    skipped += 1
                    continue
                db.execute("INSERT OR IGNORE INTO profiles(name, created) VALUES (?, ?)", (row["profile"], row["answered"]))
                profile_id = db.execute("SELECT id FROM profiles WHERE name = ?", (row["profile"],)).fetchone()[0]
                session = db.execute("SELECT id FROM sessions WHERE uid = ?", (row["session_uid"],)).fetchone()
                if session is None:
                    session_id = db.execute(
                        "INSERT INTO sessions(uid, profile_id, bank_id, bank_hash, mode, started, finished, settings, quiz_code, group_id) "
                        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        (row["session_uid"], profile_id, row["bank"], row["bank_hash"], row["mode"], row["started"],
                         row["finished"], row.get("settings") or "{}", row["quiz_code"], row["group_id"]),
                    ).lastrowid
                else:
                    session_id = session[0]
                moment = datetime.fromisoformat(row["answered"])
                db.execute(
                    """INSERT INTO answers(uid, session_id, profile_id, bank_id, question_id, section, kind, prompt, typed, verdict,
                       score, points, seconds, answered, day, overridden, original_verdict)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (row["uid"], session_id, profile_id, row["bank"], row["question_id"], row["section"], row["kind"], row["prompt"],
                     row["typed"], row["verdict"], row["score"], row["points"], row["seconds"], row["answered"], local_day(moment),
                     row["overridden"], row["original_verdict"]),
                )
                db.execute(
                    "UPDATE sessions SET answered = answered + 1, score = score + ?, max_score = max_score + ?, seconds = seconds + ? WHERE id = ?",
                    (row["score"] * row["points"], row["points"], row["seconds"], session_id),
                )
                added += 1
        return added, skipped

    # -- contests and class reports ---------------------------------------------------------

    def log_contest_event(self, group_id: str, team: str, kind: str, points: int, note: str = "") -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO contest_events(group_id, team, kind, points, note, at) VALUES (?, ?, ?, ?, ?, ?)",
                (group_id, team, kind, points, note, iso(now())),
            )

    def contest_events(self, group_id: str) -> list[dict[str, Any]]:
        rows = self.db.execute("SELECT team, kind, points, note, at FROM contest_events WHERE group_id = ? ORDER BY id", (group_id,))
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
