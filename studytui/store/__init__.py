"""Every score, kept locally: one SQLite file in the data folder.

WAL mode with a busy timeout, so several processes (a room of terminals, a served
TUI) can write at once; every answer is committed the moment it is graded; the
schema is versioned with ``PRAGMA user_version`` and migrated forward. A file that
is not a database, or is corrupt, is moved aside and never overwritten.

The store is one class made of parts, one idea each: the connection and
migrations, recording, statistics, class rankings, the contest log, and exchange.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from studytui.store.connection import BUSY_TIMEOUT_MS, DB_NAME, Connection, StoreError, iso, local_day, now
from studytui.store.contest_log import ContestLog
from studytui.store.exchange import Exchange
from studytui.store.rankings import Rankings
from studytui.store.recording import RIGHT_TO_LEAVE_MISTAKES, Answer, Recording
from studytui.store.schema import MIGRATIONS, SCHEMA_VERSION
from studytui.store.statistics import Statistics

__all__ = [
    "BUSY_TIMEOUT_MS", "DB_NAME", "MIGRATIONS", "RIGHT_TO_LEAVE_MISTAKES", "SCHEMA_VERSION",
    "Answer", "Connection", "Store", "StoreError", "iso", "local_day", "now", "open_store",
]


class Store(Recording, Statistics, Rankings, ContestLog, Exchange):
    """The whole store: one connection, every part."""


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
