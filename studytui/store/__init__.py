"""Every score, kept locally: one SQLite file in the data folder.

WAL mode with a busy timeout, so several processes (a room of terminals, a served
TUI) can write at once; every answer is committed the moment it is graded; the
schema is versioned with ``PRAGMA user_version`` and migrated forward. A file that
is not a database, or is corrupt, is moved aside and never overwritten.

The store is one class made of parts, one idea each: the connection and
migrations, preferences, writes that wait their turn, recording, statistics, class
rankings, the contest log, and the transfer of answers between machines. What its
queries return are typed rows (``store.rows``), loaded with the first query that returns
one: making their dataclasses costs more at start-up than anything home shows needs.
"""

from __future__ import annotations

import functools
import inspect
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from studytui.os_errors import said
from studytui.store.backends import NO_DRIVER, database_url, is_server, shown
from studytui.store.connection import BUSY_TIMEOUT_MS, DB_NAME, Connection, StoreError, describe, iso, local_day, now
from studytui.store.contest_log import ContestLog
from studytui.store.rankings import Rankings
from studytui.store.recovery import damaged, names_lost, salvage, set_aside
from studytui.store.recording import RIGHT_TO_LEAVE_MISTAKES, Answer, Recording
from studytui.store.schema import MIGRATIONS, SCHEMA_VERSION
from studytui.store.statistics import Statistics
from studytui.store.transfer import Transfer

if TYPE_CHECKING:
    from studytui.store.rows import (
        Accuracy,
        AnswerRecord,
        ContestEvent,
        ExportedAnswer,
        KindTally,
        Missed,
        QuestionResults,
        QuestionTally,
        Ranked,
        SessionRecord,
        SessionScore,
        WeakPoints,
        WeakQuestion,
    )

ROWS = (
    "Accuracy",
    "AnswerRecord",
    "ContestEvent",
    "ExportedAnswer",
    "KindTally",
    "Missed",
    "QuestionResults",
    "QuestionTally",
    "Ranked",
    "SessionRecord",
    "SessionScore",
    "WeakPoints",
    "WeakQuestion",
)


def __getattr__(name: str) -> Any:
    """A row's type, from ``store.rows`` (loaded now, the first time)."""
    if name not in ROWS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from studytui.store import rows

    return getattr(rows, name)


__all__ = [
    "BUSY_TIMEOUT_MS",
    "DB_NAME",
    "MIGRATIONS",
    "RIGHT_TO_LEAVE_MISTAKES",
    "SCHEMA_VERSION",
    "Accuracy",
    "Answer",
    "AnswerRecord",
    "Connection",
    "ContestEvent",
    "ExportedAnswer",
    "KindTally",
    "Missed",
    "QuestionResults",
    "QuestionTally",
    "Ranked",
    "SessionRecord",
    "SessionScore",
    "Store",
    "StoreError",
    "WeakPoints",
    "WeakQuestion",
    "describe",
    "iso",
    "local_day",
    "now",
    "open_store",
]


class Store(Recording, Statistics, Rankings, ContestLog, Transfer):
    """The whole store: one connection, every part.

    The check at open reads only what it can quickly; damage it missed, or that comes
    while the store is in use, is met by some later call. That call then sets the file
    aside, salvages it into a new one (telling ``on_broken``) and runs again there, so
    a running app carries on and the answer being saved is kept."""

    on_broken: Callable[[Path, Path, int], None] | None = None
    salvageable = True
    """A file that can be set aside and salvaged (a server's database cannot)."""
    _calls = 0
    """How deep in the store's own calls we are: only the outermost one recovers."""

    def recover(self) -> None:
        """Set the damaged file aside and go on in a new one holding every row that can be read."""
        self.close()
        moved = set_aside(self.path)
        self.connect(check=False)
        _tell(self.on_broken, self.path, moved, salvage(moved, self.db), self.db)


def _recovering(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` run under the store's lock (one call at a time, whichever thread makes it:
    a screen's worker reads while the UI thread writes), recovering from damage found by it."""

    @functools.wraps(method)
    def call(store: Store, *args: Any, **kwargs: Any) -> Any:
        with store.lock:
            if store._calls or store.read_only or not store.salvageable:
                return method(store, *args, **kwargs)
            store._calls += 1
            try:
                try:
                    return method(store, *args, **kwargs)
                except sqlite3.DatabaseError as exc:
                    if not damaged(exc):
                        raise
                store.recover()
                return method(store, *args, **kwargs)
            finally:
                store._calls -= 1

    return call


def _locked(method: Callable[..., Any]) -> Callable[..., Any]:
    """``method`` run under the store's lock, as every other call is (closing never cuts a worker's query short)."""

    @functools.wraps(method)
    def call(store: Store, *args: Any, **kwargs: Any) -> Any:
        with store.lock:
            return method(store, *args, **kwargs)

    return call


for _name, _method in inspect.getmembers(Store, inspect.isfunction):
    if _name == "close":
        setattr(Store, _name, _locked(_method))
    elif not _name.startswith("_") and _name not in ("connect", "recover", "transaction"):
        setattr(Store, _name, _recovering(_method))


def open_store(data: Path, on_broken: Callable[[Path, Path, int], None] | None = None) -> Store:
    """The store in ``data``. A damaged file, found now or later, is renamed aside,
    what can be read of it is copied into a new store, and the user is told through
    ``on_broken(path, moved_to, answers_kept[, names_lost])``. A folder or file that cannot be
    written gives a store that reads it and saves nothing (``read_only``). With ``--db`` or
    ``$STUDYTUI_DB`` naming a PostgreSQL server, the store is on that server instead."""
    if (url := database_url()) is not None:
        return _on_server(url, data)
    path = data / DB_NAME
    try:
        data.mkdir(parents=True, exist_ok=True)
        if path.exists() and not _writable(path):  # opening would work; the first write would fail
            return _read_only(path)
        store = Store(path)
    except sqlite3.OperationalError as exc:  # locked, read-only, no such folder: not damaged
        if damaged(exc):
            return _salvaged(data, path, on_broken)
        if _cannot_write(data, path):
            return _read_only(path)
        raise StoreError(f"{path}: 无法打开数据库：{describe(exc)}") from exc
    except OSError as exc:
        if _cannot_write(data.parent, data):
            return _read_only(path)
        raise StoreError(f"{path}: 无法创建数据文件夹：{said(exc)}") from exc
    except sqlite3.DatabaseError:
        return _salvaged(data, path, on_broken)
    return _ready(store, on_broken)


def _on_server(url: str, data: Path) -> Store:
    if not is_server(url):
        raise StoreError(f"{shown(url)}: 不是 PostgreSQL 数据库地址（应以 postgresql:// 开头）")
    try:
        from studytui.store.postgres import open_postgres  # the driver loads only when a server is named
    except ImportError as exc:
        raise StoreError(NO_DRIVER) from exc
    return cast(Store, open_postgres(url, data, Store))


def _salvaged(data: Path, path: Path, on_broken: Callable[[Path, Path, int], None] | None) -> Store:
    """The damaged file set aside, and a new store holding what could be read of it."""
    if _cannot_write(data, path):
        raise StoreError(f"{path}: 数据库已损坏，且所在文件夹只读，无法修复")
    moved = set_aside(path)
    store = Store(path)
    _tell(on_broken, path, moved, salvage(moved, store.db), store.db)
    return _ready(store, on_broken)


def _tell(on_broken: Callable[..., None] | None, path: Path, moved: Path, kept: int, db: sqlite3.Connection) -> None:
    """``on_broken(path, moved, kept)``, with a fourth argument, how many people are known
    only by a stand-in name, when their names could not be recovered."""
    if on_broken is not None:
        lost = names_lost(db)
        on_broken(path, moved, kept, *([lost] if lost else []))


def _ready(store: Store, on_broken: Callable[[Path, Path, int], None] | None) -> Store:
    store.on_broken = on_broken
    if not store.read_only:
        store.replay_journals()
    return store


def _cannot_write(folder: Path, path: Path) -> bool:
    return (folder.exists() and not os.access(folder, os.W_OK)) or (path.exists() and not _writable(path))


def _writable(path: Path) -> bool:
    """Whether ``path`` opens for writing: asked of the file itself, as ``os.access`` says
    yes to root for a file marked immutable."""
    try:
        os.close(os.open(path, os.O_WRONLY | os.O_APPEND))
    except OSError:
        return False
    return True


def _read_only(path: Path) -> Store:
    try:
        return Store(path, read_only=True)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: 无法读取数据库：{exc}") from exc
