"""Files no command may write over: the store's database and the files SQLite keeps beside it."""

from __future__ import annotations

import os
from pathlib import Path

from studytui.store.connection import DB_NAME

SIDE_FILES = ("", "-wal", "-shm", "-journal")
SQLITE_MAGIC = b"SQLite format 3\x00"


def store_files(data: Path) -> list[Path]:
    """The database in ``data`` and its -wal, -shm and -journal files."""
    return [data / f"{DB_NAME}{suffix}" for suffix in SIDE_FILES]


def refuses_output(target: str | os.PathLike[str], data: Path) -> str | None:
    """Why ``target`` must not be written (in Chinese), or None when it may be: it is
    (or links to) the database in ``data`` or a file beside it, or any SQLite database."""
    path = Path(target)
    resolved = path.resolve()
    for held in store_files(data):
        if resolved == held.resolve() or _same_file(path, held):
            return f"{target}: 这是 studytui 的数据库文件（{held.name}），不能写入；请用 -o 指定另一个文件"
    if resolved.name.endswith(tuple(f".db{s}" for s in SIDE_FILES if s)) or _is_database(path):
        return f"{target}: 这是一个 SQLite 数据库文件，不能写入；请用 -o 指定另一个文件"
    return None


def _same_file(path: Path, other: Path) -> bool:
    try:
        return os.path.samefile(path, other)
    except OSError:
        return False


def _is_database(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False
