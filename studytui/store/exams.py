"""An organisation-wide exam's records, on whichever database the store uses (one
PostgreSQL server, for several hosts): its roster with each person's personal code (a
hash of it), and who is signed in on which host. A name signed in on one host is
refused on every other while its session lives (``org_exam.SESSION_LIVES``).

Functions over the store, like ``store.items``: the tables are made when first used."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from contextlib import suppress
from datetime import datetime, timedelta

from studytui.org_exam import SESSION_LIVES, Person, code_hash, code_matches
from studytui.store.connection import Connection, iso, now

TABLES = (
    "CREATE TABLE IF NOT EXISTS exam_roster (quiz_code TEXT NOT NULL, name TEXT NOT NULL, code_hash TEXT NOT NULL, "
    "title TEXT NOT NULL, PRIMARY KEY (quiz_code, name))",
    "CREATE TABLE IF NOT EXISTS exam_signins (quiz_code TEXT NOT NULL, name TEXT NOT NULL, host TEXT NOT NULL, "
    "token TEXT NOT NULL, seen TEXT NOT NULL, PRIMARY KEY (quiz_code, name))",
)
NOT_ON_ROSTER = "姓名或个人码不对，请核对老师发的个人码"
SIGNED_IN_ELSEWHERE = "这个名字已在另一台电脑（{host}）上登录；如果那边已关闭，请一分钟后再试"


def _tables(store: Connection) -> None:
    """The exam's tables, made once per store (two hosts making them at once: one wins)."""
    if getattr(store, "exam_tables", False):
        return
    with suppress(sqlite3.IntegrityError), store.transaction() as db:
        for statement in TABLES:
            db.execute(statement)
    store.exam_tables = True  # type: ignore[attr-defined]


def create_exam(store: Connection, quiz_code: str, title: str, roster: Sequence[Person]) -> None:
    """The exam ``quiz_code`` with its roster; a roster given again replaces the one before."""
    _tables(store)
    with store.transaction() as db:
        db.execute("DELETE FROM exam_roster WHERE quiz_code = ?", (quiz_code,))
        db.executemany(
            "INSERT INTO exam_roster (quiz_code, name, code_hash, title) VALUES (?, ?, ?, ?)",
            [(quiz_code, p.name, code_hash(quiz_code, p.name, p.code), title) for p in roster],
        )


def exam_title(store: Connection, quiz_code: str) -> str | None:
    """The exam's title, or None when no roster is kept for ``quiz_code``."""
    _tables(store)
    row = store.db.execute("SELECT title FROM exam_roster WHERE quiz_code = ? LIMIT 1", (quiz_code,)).fetchone()
    return None if row is None else str(row[0])


def roster(store: Connection, quiz_code: str) -> list[str]:
    _tables(store)
    rows = store.db.execute("SELECT name FROM exam_roster WHERE quiz_code = ? ORDER BY name", (quiz_code,))
    return [str(r[0]) for r in rows]


def sign_in(store: Connection, quiz_code: str, name: str, code: str, host: str, token: str) -> str | None:
    """Sign ``name`` in on ``host`` for this session (``token``): None when done, else why
    not, in Chinese (not on the roster, a wrong code, signed in on another host)."""
    _tables(store)
    row = store.db.execute("SELECT code_hash FROM exam_roster WHERE quiz_code = ? AND name = ?", (quiz_code, name)).fetchone()
    if row is None or not code_matches(str(row[0]), quiz_code, name, code):
        return NOT_ON_ROSTER
    moment = now()
    with store.transaction() as db:  # taken if free, expired, or already this session's
        db.execute(
            "INSERT INTO exam_signins (quiz_code, name, host, token, seen) VALUES (?, ?, ?, ?, ?) "
            "ON CONFLICT (quiz_code, name) DO UPDATE SET host = excluded.host, token = excluded.token, seen = excluded.seen "
            "WHERE exam_signins.token = excluded.token OR exam_signins.seen < ?",
            (quiz_code, name, host, token, iso(moment), _expired(moment)),
        )
        holder = db.execute("SELECT host, token FROM exam_signins WHERE quiz_code = ? AND name = ?", (quiz_code, name)).fetchone()
    return None if holder[1] == token else SIGNED_IN_ELSEWHERE.format(host=holder[0])


def keep_alive(store: Connection, quiz_code: str, name: str, token: str) -> None:
    """This session still lives: its name stays its own."""
    with store.transaction() as db:
        db.execute(
            "UPDATE exam_signins SET seen = ? WHERE quiz_code = ? AND name = ? AND token = ?",
            (iso(now()), quiz_code, name, token),
        )


def sign_out(store: Connection, quiz_code: str, name: str, token: str) -> None:
    with store.transaction() as db:
        db.execute("DELETE FROM exam_signins WHERE quiz_code = ? AND name = ? AND token = ?", (quiz_code, name, token))


def _expired(moment: datetime) -> str:
    return iso(moment - timedelta(seconds=SESSION_LIVES))
