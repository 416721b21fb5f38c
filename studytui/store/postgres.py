"""The store on a PostgreSQL server: several ``serve`` hosts writing to one database.

``Database`` stands where the SQLite connection stands (``store.db``): it takes the
store's SQL as written for SQLite (``dialect`` rewrites it), gives rows read by column
name or position, and says every error as the ``sqlite3`` error the store already
handles. A connection lost (the server stopped or restarting) is ``ConnectionLost``: a
write in progress is rolled back and kept in memory to retry, and the next statement
connects again. Nothing of the SQLite file's recovery runs here: the server keeps its
own data safe."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import psycopg

from studytui.store.backends import RECONNECTING, ConnectionLost, journal_folder, shown
from studytui.store.connection import BUSY_TIMEOUT_MS, DB_NAME, Connection, StoreError
from studytui.store.dialect import postgresql, statements
from studytui.store.schema import MIGRATIONS, SCHEMA_VERSION

CONNECT_TIMEOUT = 3
RETRY_EVERY = 0.25
"""Seconds between attempts to reach the server again while a transaction waits to begin."""
MIGRATION_LOCK = 0x5354_5544_5954_5549
"""The advisory lock two hosts starting at once take, one after the other, to migrate."""


class Row(tuple[Any, ...]):
    """A row read by position or by column name, like ``sqlite3.Row``."""

    names: dict[str, int]

    def __new__(cls, values: Sequence[Any], names: dict[str, int]) -> Row:
        row = super().__new__(cls, values)
        row.names = names
        return row

    def __getitem__(self, key: Any) -> Any:
        return super().__getitem__(self.names[key] if isinstance(key, str) else key)

    def keys(self) -> list[str]:
        return list(self.names)


class Cursor:
    """What a statement gave: its rows, read at once, and the id an insert made."""

    def __init__(self, rows: list[Row]):
        self.rows = rows
        self.lastrowid: int | None = rows[0][0] if rows and rows[0].keys() == ["id"] else None

    def fetchone(self) -> Row | None:
        return self.rows[0] if self.rows else None

    def fetchall(self) -> list[Row]:
        return self.rows

    def __iter__(self) -> Iterator[Row]:
        return iter(self.rows)


class Database:
    """One connection to the server, in autocommit; ``BEGIN``/``COMMIT`` as the store says."""

    def __init__(self, url: str):
        self.url = url
        self.conn: psycopg.Connection[Any] | None = None
        self.in_transaction = False
        self.reconnect()

    def reconnect(self) -> None:
        self.close()
        try:
            self.conn = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT)
        except psycopg.OperationalError as exc:
            raise ConnectionLost(f"{RECONNECTING}（{_first_line(exc)}）") from exc

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Cursor:
        if sql == "BEGIN":
            self._connected()
            self.in_transaction = True
        elif sql in ("COMMIT", "ROLLBACK"):
            return self._end(sql)
        try:
            return self._run(sql, params)
        except ConnectionLost:
            if self.in_transaction:
                raise
            self.reconnect()  # a read outside a transaction is simply asked again
            return self._run(sql, params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        for params in rows:
            self.execute(sql, params)

    def _connected(self) -> None:
        if self.conn is None or self.conn.closed or self.conn.broken:
            self.reconnect()

    def _end(self, sql: str) -> Cursor:
        was, self.in_transaction = self.in_transaction, False
        if not was or self.conn is None or self.conn.broken:
            if sql == "COMMIT":
                raise ConnectionLost(RECONNECTING)
            return Cursor([])
        return self._run(sql, ())

    def _run(self, sql: str, params: Sequence[Any]) -> Cursor:
        self._connected()
        assert self.conn is not None
        values = [int(p) if isinstance(p, bool) else p for p in params]
        try:
            with self.conn.cursor() as cursor:
                cursor.execute(postgresql(sql), values)  # the store's own SQL, rewritten; never built from input
                if cursor.description is None:
                    return Cursor([])
                names = {column.name: i for i, column in enumerate(cursor.description)}
                return Cursor([Row(values, names) for values in cursor.fetchall()])
        except psycopg.Error as exc:
            raise self._said(exc) from exc

    def _said(self, error: psycopg.Error) -> sqlite3.Error:
        """``error`` as the ``sqlite3`` error the store handles."""
        message = _first_line(error)
        if self.conn is None or self.conn.broken or self.conn.closed:
            return ConnectionLost(f"{RECONNECTING}（{message}）")
        if isinstance(error, psycopg.IntegrityError):
            return sqlite3.IntegrityError(message)
        if isinstance(error, psycopg.OperationalError):
            return sqlite3.OperationalError(message)
        return sqlite3.ProgrammingError(message)

    def close(self) -> None:
        if self.conn is not None:
            with suppress(psycopg.Error):
                self.conn.close()
        self.conn = None
        self.in_transaction = False


def _first_line(error: Exception) -> str:
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


class OnServer(Connection):
    """Put before the store's class (``on_server``): its whole API on a server, its writes
    waiting for a lost connection as the SQLite file's wait for a held lock."""

    salvageable = False

    def __init__(self, url: str, data: Path):
        self.url = url
        folder = journal_folder(data, url)
        folder.mkdir(parents=True, exist_ok=True)
        super().__init__(folder / DB_NAME)  # answers wait in a journal here while the server is away

    def __str__(self) -> str:
        return shown(self.url)

    def connect(self, check: bool = True) -> None:
        self.db = Database(self.url)  # type: ignore[assignment]  # stands where sqlite3.Connection stands
        self.migrate()
        self.keep_names()

    @contextmanager
    def transaction(self, wait: float | None = None) -> Iterator[Any]:
        """A write transaction; while the server is out of reach it is tried again for
        ``wait`` seconds (default: the busy timeout) before ``ConnectionLost``."""
        deadline = time.monotonic() + (BUSY_TIMEOUT_MS / 1000 if wait is None else wait)
        while True:
            try:
                self.db.execute("BEGIN")
                break
            except ConnectionLost:
                if time.monotonic() + RETRY_EVERY > deadline:
                    raise
                time.sleep(RETRY_EVERY)
        try:
            yield self.db
        except BaseException:
            with suppress(sqlite3.Error):
                self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def version(self) -> int:
        if self.db.execute("SELECT to_regclass('schema_version') IS NOT NULL").fetchone()[0]:
            row = self.db.execute("SELECT version FROM schema_version").fetchone()
            return int(row[0]) if row else 0
        return 0

    def migrate(self) -> None:
        if self.version() == SCHEMA_VERSION:
            return
        with self.transaction() as db:
            db.execute("SELECT pg_advisory_xact_lock(?)", (MIGRATION_LOCK,))  # another host may be migrating
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.version()
            if current > SCHEMA_VERSION:
                raise StoreError(f"{self}: 数据库来自更新版本的 studytui（架构版本 {current}），请升级 studytui")
            for version in range(current, SCHEMA_VERSION):
                for statement in statements(MIGRATIONS[version]):
                    db.execute(statement)
            db.execute("DELETE FROM schema_version")
            db.execute("INSERT INTO schema_version (version) VALUES (?)", (SCHEMA_VERSION,))

    def recover(self) -> None:
        """Never: a server's data is not a file to set aside and salvage."""


_CLASSES: dict[str, type[OnServer]] = {}


def on_server(store: type[Connection]) -> type[OnServer]:
    """The store's class, on a server (the store's package passes it in: this module is
    loaded from it, only when a server is named)."""
    name = f"{store.__module__}.{store.__qualname__}"
    if name not in _CLASSES:
        _CLASSES[name] = type(f"{store.__name__}OnServer", (OnServer, store), {})
    return _CLASSES[name]


def open_postgres(url: str, data: Path, store: type[Connection]) -> Connection:
    """The store on the server at ``url``; ``StoreError`` (in Chinese) when it cannot be reached."""
    try:
        opened = on_server(store)(url, data)
    except sqlite3.Error as exc:
        raise StoreError(f"{shown(url)}: 无法连接数据库服务器：{exc}") from exc
    opened.replay_journals()  # type: ignore[attr-defined]  # the store's recording part
    return opened
