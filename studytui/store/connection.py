"""One SQLite connection to the store: WAL, a busy timeout, write transactions that
take the lock at once, and the schema migrated forward on open."""

from __future__ import annotations

import random
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import datetime, timezone
from pathlib import Path

from studytui.store.schema import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "studytui.db"
NAME_KEY = "name:"
"""Settings ``name:ID`` keep each profile's name a second time, on other pages than the
profiles': one lost page cannot lose who answered."""
BUSY_TIMEOUT_MS = 30_000


class StoreError(Exception):
    """The database cannot be used; the message says why, in Chinese, with its path."""


def describe(error: sqlite3.Error) -> str:
    """What SQLite says, in Chinese."""
    message = str(error)
    for words, said in (
        (("locked", "busy"), "数据库被另一个程序占用，请稍后再试"),
        (("full",), "磁盘已满，请腾出空间后再试"),
        (("readonly", "read-only"), "数据库只读，无法写入"),
        (("unable to open",), "无法打开数据库文件"),
        (("disk I/O",), "读写磁盘出错"),
    ):
        if any(word in message for word in words):
            return said
    return f"数据库错误（{message}）"


def now() -> datetime:
    return datetime.now(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="milliseconds")


def local_day(moment: datetime) -> str:
    return moment.astimezone().date().isoformat()


def _copy_in_memory(path: Path) -> sqlite3.Connection:
    """The database at ``path`` (empty when there is none) copied into memory. A file in
    a read-only folder cannot have the WAL's shared-memory file made beside it, so it
    is read as immutable when a plain read-only open fails."""
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    if not path.exists():
        return memory
    for options in ("mode=ro", "immutable=1"):
        try:
            source = sqlite3.connect(f"{path.resolve().as_uri()}?{options}", uri=True)
            try:
                source.backup(memory)
                return memory
            finally:
                source.close()
        except sqlite3.OperationalError:
            continue
    raise sqlite3.OperationalError("unable to open database file")


class Connection:
    """The connection every part of the store shares, as ``self.db``."""

    def __init__(self, path: Path, *, check: bool = True, read_only: bool = False):
        """``check``: a quick integrity check, so that a file damaged in the middle is
        found at open and not at the first query that reaches the damage.
        ``read_only``: the file cannot be written; work on a copy in memory, so that
        everything reads as usual and nothing is saved."""
        self.path = path
        self.read_only = read_only
        self.lock = threading.RLock()
        """Held through every call of the store (see ``studytui.store``): the connection is shared by
        the UI thread and the workers that read off it, and one call's transaction is never another's."""
        self.connect(check)

    def connect(self, check: bool = True) -> None:
        """Open ``self.path`` as ``self.db``, migrated to the current schema."""
        path = self.path
        self.db = (
            _copy_in_memory(path)
            if self.read_only
            else sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False)
        )
        try:
            self.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if check and (problem := self.db.execute("PRAGMA quick_check(1)").fetchone()[0]) != "ok":
                raise sqlite3.DatabaseError(problem)
            self.migrate()
            if not self.read_only:
                self.keep_names()
        except sqlite3.DatabaseError:
            self.db.close()
            raise
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self, wait: float | None = None) -> Iterator[sqlite3.Connection]:
        """A write transaction that takes the write lock at once (no upgrade deadlocks),
        waiting at most ``wait`` seconds (default: the busy timeout) for another process to let it go."""
        self._begin_immediate(BUSY_TIMEOUT_MS / 1000 if wait is None else wait)
        try:
            yield self.db
        except BaseException:
            with suppress(sqlite3.Error):  # a damaged file may have ended the transaction itself
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _begin_immediate(self, wait: float) -> None:
        """Take the write lock, retrying every millisecond or so while another process
        holds it. SQLite's own busy handler backs off to 25–100 ms sleeps, which is
        what makes a room of writers wait; a lock is usually held well under 1 ms."""
        deadline = time.monotonic() + wait
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

    def keep_names(self) -> None:
        """Copy into settings the names of profiles not yet there (no write when all are)."""
        missing = f"FROM profiles WHERE '{NAME_KEY}' || id NOT IN (SELECT key FROM settings)"
        if self.db.execute(f"SELECT 1 {missing} LIMIT 1").fetchone() is None:
            return
        with self.transaction() as db:
            db.execute(f"INSERT OR REPLACE INTO settings(key, value) SELECT '{NAME_KEY}' || id, name {missing}")

    def version(self) -> int:
        return int(self.db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> None:
        """Bring the schema up to date; a store already current takes no write lock, so
        that reading never waits for another program's writing."""
        if self.version() == SCHEMA_VERSION:
            return
        with self.transaction() as db:
            current = db.execute("PRAGMA user_version").fetchone()[0]
            if current > SCHEMA_VERSION:
                raise StoreError(f"{self.path}: 数据库来自更新版本的 studytui（架构版本 {current}），请升级 studytui")
            for version in range(current, SCHEMA_VERSION):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {version + 1}")
