"""Who is who in a served room: each browser session claims its participant's name,
so that nobody can take a name another browser is using on the same server.

A claim is a file named for the name in the room's folder, holding the claiming
process's id; it is linked into place atomically, and a claim whose process has
ended is free again (the same person can come back after closing the page)."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from studytui.names import clean_name

ROOM_ENV = "STUDYTUI_ROOM"
"""Set by ``studytui serve`` for every session it starts: the server's room id."""
NAME_TAKEN = "该名字已有人使用，请加上单位或编号"


def room_folder(data: Path, room_id: str) -> Path:
    return data / "rooms" / room_id


def remove_room(data: Path, room_id: str) -> None:
    """The server stops: its claims go with it."""
    shutil.rmtree(room_folder(data, room_id), ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Room:
    def __init__(self, data: Path, room_id: str | None = None, pid: int | None = None) -> None:
        self.folder = room_folder(data, room_id or os.environ.get(ROOM_ENV, "local"))
        self.pid = pid or os.getpid()

    def _path(self, name: str) -> Path:
        return self.folder / hashlib.sha256(clean_name(name).encode("utf-8")).hexdigest()[:24]

    def claim(self, name: str) -> bool:
        """Take ``name`` for this session; False when another live session has it, under
        any look-alike spelling (full-width digits, decomposed accents); ``BadName`` when
        it holds an invisible character."""
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self._path(name)
        mine = self.folder / f".{self.pid}"
        mine.write_text(str(self.pid))
        try:
            for _ in range(3):
                try:
                    os.link(mine, path)  # atomic: the claim appears whole, or not at all
                    return True
                except FileExistsError:
                    owner = self._owner(path)
                    if owner == self.pid:
                        return True
                    if owner and _alive(owner):
                        return False
                    path.unlink(missing_ok=True)  # its session has ended
            return False
        finally:
            mine.unlink(missing_ok=True)

    @staticmethod
    def _owner(path: Path) -> int:
        try:
            return int(path.read_text())
        except (OSError, ValueError):
            return 0

    def release(self, name: str) -> None:
        path = self._path(name)
        if self._owner(path) == self.pid:
            path.unlink(missing_ok=True)
