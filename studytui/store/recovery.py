"""A damaged database file: set aside (never overwritten) and every row that can
still be read copied into the new store.

Reading goes by rowid, page after page; where a page cannot be read the reader
probes further and further ahead until it reads again, then fetches the rows of the
gap one by one, so one bad page costs only the rows stored on it.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

TABLES = ("profiles", "banks", "sessions", "answers", "review", "mistakes", "settings", "contest_events")
PAGE = 500
FARTHEST = 1 << 40


def damaged(error: sqlite3.Error) -> bool:
    """Whether ``error`` says the file is damaged or not a database (and not, say, locked,
    read-only or a broken constraint: those are subclasses)."""
    return type(error) is sqlite3.DatabaseError


def set_aside(path: Path) -> Path:
    """Rename the file (and its -wal and -shm) to ``NAME.broken-TIME``; return the new name."""
    moved = path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    path.rename(moved)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(moved.with_name(moved.name + suffix))
    return moved


def salvage(broken: Path, db: sqlite3.Connection) -> int:
    """Copy every readable row of ``broken`` into the (new, empty) store ``db``;
    rows that lost their session or profile get a stand-in. Returns the answers kept."""
    try:
        source = sqlite3.connect(f"file:{broken}?mode=ro", uri=True)
        source.text_factory = lambda raw: raw.decode("utf-8", "replace")
    except sqlite3.Error:
        return 0
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        db.execute("BEGIN IMMEDIATE")
        for table in TABLES:
            _copy(source, db, table)
        _stand_ins(db)
        db.execute("COMMIT")
    finally:
        source.close()
        db.execute("PRAGMA foreign_keys = ON")
    return db.execute("SELECT count(*) FROM answers").fetchone()[0]


def _copy(source: sqlite3.Connection, db: sqlite3.Connection, table: str) -> None:
    wanted = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
    try:
        present = [d[0] for d in source.execute(f"SELECT * FROM {table} LIMIT 0").description]
    except sqlite3.DatabaseError:
        return  # the table itself cannot be found in what is left
    columns = [c for c in wanted if c in present]
    insert = f"INSERT OR IGNORE INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for row in readable_rows(source, table, columns):
        try:
            db.execute(insert, row)
        except sqlite3.Error:
            continue  # a row that came back damaged (a NULL where a value is needed)


def readable_rows(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    """Every row of ``table`` that can be read, in rowid order."""
    select = f"SELECT rowid, {', '.join(columns)} FROM {table}"
    last = 0
    while True:
        page = _read(source, f"{select} WHERE rowid > ? ORDER BY rowid LIMIT {PAGE}", last)
        if page is None:  # a bad page among the next ones: go one row at a time
            page = _read(source, f"{select} WHERE rowid > ? ORDER BY rowid LIMIT 1", last)
        if page is None:
            start = _next_readable(source, select, last)
            if start is None:
                return
            for rowid in range(last + 1, start):
                yield from (row[1:] for row in _read(source, f"{select} WHERE rowid = ?", rowid) or ())
            last = start - 1
            continue
        if not page:
            return
        yield from (row[1:] for row in page)
        last = page[-1][0]


def _read(source: sqlite3.Connection, sql: str, value: int) -> list[tuple] | None:
    try:
        return source.execute(sql, (value,)).fetchall()
    except sqlite3.DatabaseError:
        return None


def _next_readable(source: sqlite3.Connection, select: str, last: int) -> int | None:
    """A rowid past ``last`` from which reading works again, probing twice as far each
    time (None: nothing can be read beyond ``last``)."""
    step = 2
    while last + step < FARTHEST:
        if _read(source, f"{select} WHERE rowid >= ? ORDER BY rowid LIMIT 1", last + step) is not None:
            return last + step
        step *= 2
    return None


def _stand_ins(db: sqlite3.Connection) -> None:
    """Answers whose session was lost get a session; records whose profile was lost get
    a profile; every session's totals are added up again from the answers kept."""
    db.execute(
        "INSERT INTO sessions(id, uid, profile_id, bank_id, bank_hash, mode, started, finished) "
        "SELECT session_id, lower(hex(randomblob(16))), min(profile_id), min(bank_id), '', 'practice', min(answered), max(answered) "
        "FROM answers WHERE session_id NOT IN (SELECT id FROM sessions) GROUP BY session_id"
    )
    db.execute(
        "INSERT OR IGNORE INTO profiles(id, name, created) SELECT pid, '恢复的用户' || pid, '' FROM ("
        "SELECT profile_id AS pid FROM sessions UNION SELECT profile_id FROM answers UNION "
        "SELECT profile_id FROM review UNION SELECT profile_id FROM mistakes) WHERE pid NOT IN (SELECT id FROM profiles)"
    )
    totals = {
        "answered": "count(*)", "score": "coalesce(sum(score * points), 0)",
        "max_score": "coalesce(sum(points), 0)", "seconds": "coalesce(sum(seconds), 0)",
    }
    db.execute("UPDATE sessions SET " + ", ".join(
        f"{column} = (SELECT {total} FROM answers WHERE session_id = sessions.id)" for column, total in totals.items()
    ))
