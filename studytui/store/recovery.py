"""A damaged database file: set aside (never overwritten) and every row that can
still be read copied into the new store.

Reading goes by rowid, page after page; where a page cannot be read the reader
probes further and further ahead until it reads again, then fetches the rows of the
gap one by one, so one bad page costs only the rows stored on it.

A file whose schema cannot be read (a damaged header, or a damaged first page, which
holds the list of tables) is read through a repaired copy: the header rewritten from
what a SQLite header must be, and the first page, when needed, from this store's own
schema, whose tables always start on the same pages.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path
from typing import Any

from studytui.store.connection import NAME_KEY
from studytui.store.schema import MIGRATIONS

TABLES = ("profiles", "banks", "sessions", "answers", "review", "mistakes", "settings", "contest_events")
PAGE = 500
FARTHEST = 1 << 40


HEADER = 100
TABLE_PAGES = (0x02, 0x05, 0x0A, 0x0D)
"""The first byte of a b-tree page: interior index, interior table, leaf index, leaf table."""
STAND_IN = "恢复的用户"
"""The name of a person whose name was lost with the page it was on (followed by a number)."""
PAGE_SIZES = (4096, 1024, 2048, 8192, 16384, 32768, 65536, 512)


def damaged(error: sqlite3.Error) -> bool:
    """Whether ``error`` says the file is damaged or not a database (and not, say, locked,
    read-only or a broken constraint: those are subclasses). A header whose schema format
    SQLite does not know is damage too, though SQLite calls it an operational error."""
    return type(error) is sqlite3.DatabaseError or "unsupported file format" in str(error)


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
    if _schema_readable(broken):
        return _salvage_from(broken, db)
    repaired = repaired_copy(broken)
    try:
        return _salvage_from(repaired, db)
    finally:
        for suffix in ("", "-wal", "-shm"):
            with suppress(OSError):
                repaired.with_name(repaired.name + suffix).unlink()


def _salvage_from(broken: Path, db: sqlite3.Connection) -> int:
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
    return int(db.execute("SELECT count(*) FROM answers").fetchone()[0])


def _schema_readable(path: Path) -> bool:
    """Whether SQLite reads the file's list of tables, and finds the answers among them."""
    try:
        source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        if source.execute("PRAGMA encoding").fetchone()[0] != "UTF-8":
            return False
        return "answers" in {r[0] for r in source.execute("SELECT name FROM sqlite_master")}
    except sqlite3.Error:
        return False
    finally:
        source.close()


def repaired_copy(broken: Path) -> Path:
    """A copy of ``broken`` (and its -wal) whose header is what this store writes, and
    whose first page, when SQLite still cannot read the schema, is this store's own."""
    repaired = broken.with_name(broken.name + ".repaired")
    data = bytearray(broken.read_bytes())
    wal = broken.with_name(broken.name + "-wal")
    has_wal = wal.exists() and wal.stat().st_size > 0
    if has_wal:
        shutil.copyfile(wal, repaired.with_name(repaired.name + "-wal"))
    page = _page_size(data)
    template = _template(page, has_wal)
    data[:HEADER] = template[:HEADER]
    data[28:32] = (len(data) // page).to_bytes(4, "big")  # the pages the file holds
    repaired.write_bytes(data)
    if not _schema_readable(repaired) and template[HEADER] in (0x05, 0x0D) and len(data) >= page:
        data[HEADER:page] = template[HEADER:page]  # the schema page, as every store of this version has it
        repaired.write_bytes(data)
    return repaired


def _page_size(data: bytes | bytearray) -> int:
    """The page size the header gives when it is sane, else the one at whose multiples
    the file's pages start like b-tree pages."""
    given = int.from_bytes(data[16:18], "big")
    given = 65536 if given == 1 else given
    if given in PAGE_SIZES and len(data) % given == 0:
        return given
    for size in PAGE_SIZES:
        starts = range(size, min(len(data), 9 * size), size)
        if len(data) % size == 0 and starts and all(data[i] in TABLE_PAGES for i in starts):
            return size
    return 4096


def _template(page_size: int, wal: bool) -> bytes:
    """A new, empty database of this store's schema, as bytes: its header and its first
    page are what a damaged file's must have been."""
    memory = sqlite3.connect(":memory:")
    try:
        memory.execute(f"PRAGMA page_size = {page_size}")
        for script in MIGRATIONS:
            memory.executescript(script)
        memory.execute(f"PRAGMA user_version = {len(MIGRATIONS)}")
        data = bytearray(memory.serialize())
    finally:
        memory.close()
    data[18:20] = b"\x02\x02" if wal else b"\x01\x01"  # read the -wal, or no journal at all
    return bytes(data)


def names_lost(db: sqlite3.Connection) -> int:
    """How many people of a salvaged store are known only by a stand-in name."""
    return int(db.execute("SELECT count(*) FROM profiles WHERE name GLOB ?", (STAND_IN + "[0-9]*",)).fetchone()[0])


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


def readable_rows(source: sqlite3.Connection, table: str, columns: list[str]) -> Iterator[tuple[Any, ...]]:
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


def _read(source: sqlite3.Connection, sql: str, value: int) -> list[tuple[Any, ...]] | None:
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
        f"INSERT OR IGNORE INTO profiles(id, name, created) SELECT pid, coalesce((SELECT value FROM settings WHERE key = '{NAME_KEY}' || pid), "
        f"'{STAND_IN}' || pid), '' FROM (SELECT profile_id AS pid FROM sessions UNION SELECT profile_id FROM answers UNION "
        "SELECT profile_id FROM review UNION SELECT profile_id FROM mistakes) WHERE pid NOT IN (SELECT id FROM profiles)"
    )
    totals = {
        "answered": "count(*)",
        "score": "coalesce(sum(score * points), 0)",
        "max_score": "coalesce(sum(points), 0)",
        "seconds": "coalesce(sum(seconds), 0)",
    }
    db.execute(
        "UPDATE sessions SET "
        + ", ".join(
            f"{column} = (SELECT {total} FROM answers WHERE session_id = sessions.id)" for column, total in totals.items()
        )
    )
