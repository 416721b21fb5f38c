"""Who is who in a served room: a name, once taken in a room, belongs to the browser that
took it (its cookie, ``BROWSER_ENV``) for the room's life. Another browser takes it only
with the name's personal code from the roster or the instructor's code, and the session
that held it ends when it sees so. With a roster, names not on it get only the seats the roster leaves.

A claim is a file named for the name's look (``name_key``) in the room's folder, holding
the owning browser and session process; a new claim is linked into place atomically, so
two browsers typing one name at once cannot both have it. The server writes the room's
roster and the instructor's code (hashed) beside the claims when it starts."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studytui.names import clean_name, name_key

ROOM_ENV = "STUDYTUI_ROOM"
"""Set by ``studytui serve`` for every session it starts: the server's room id."""
BROWSER_ENV = "STUDYTUI_BROWSER"
"""Set per session by ``studytui serve``: the id of the browser it serves (its cookie)."""
SETUP = "room.json"
NAME_WAIT = 60.0
"""Seconds a served session may go without a name before it ends (its seat is freed)."""
NAME_TAKEN = "该名字已在另一个浏览器中使用。若是你本人，请输入个人码或请老师输入教师码；否则请加上单位或编号"
NEEDS_CODE = "这个名字需要个人码（老师发的纸条上），或请老师输入教师码"
WRONG_CODE = "个人码或教师码不对，请再试一次"
TOO_MANY_CODES = "代码输错次数过多，请刷新页面后重新进入"
WRONG_CODES = 5
"""Wrong codes a session may type: guessing one takes many sessions, which the server limits."""
SEATS_KEPT = "其余座位留给名单上的人：请核对姓名（与名单一致），或联系老师"


def room_folder(data: Path, room_id: str) -> Path:
    return data / "rooms" / room_id


def remove_room(data: Path, room_id: str) -> None:
    """The server stops: its claims go with it."""
    shutil.rmtree(room_folder(data, room_id), ignore_errors=True)


def hashed(code: str) -> str:
    return hashlib.sha256(" ".join(code.split()).upper().encode("utf-8")).hexdigest()


@dataclass
class Setup:
    """What the server tells its sessions: the roster (a name's key → its name and its code's
    hash, "" for none), the seats left for names not on it, the instructor's code's hash."""

    roster: dict[str, tuple[str, str]] = field(default_factory=dict)
    guest_seats: int | None = None
    instructor: str = ""

    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"roster": self.roster, "guest_seats": self.guest_seats, "instructor": self.instructor})
        (folder / SETUP).write_text(text, encoding="utf-8")

    @classmethod
    def read(cls, folder: Path) -> Setup:
        try:
            raw = json.loads((folder / SETUP).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        roster = {key: (name, code) for key, (name, code) in raw["roster"].items()}
        return cls(roster, raw["guest_seats"], raw["instructor"])

    def code_opens(self, key: str, code: str) -> bool:
        """Whether ``code`` is the name's personal code or the instructor's."""
        given = hashed(code) if code.strip() else ""
        personal = self.roster.get(key, ("", ""))[1]
        return bool(given) and any(hmac.compare_digest(given, kept) for kept in (personal, self.instructor) if kept)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class Room:
    def __init__(self, data: Path, room_id: str | None = None, pid: int | None = None, browser: str | None = None) -> None:
        self.folder = room_folder(data, room_id or os.environ.get(ROOM_ENV, "local"))
        self.pid = pid or os.getpid()
        self.browser = browser or os.environ.get(BROWSER_ENV) or f"session-{self.pid}"
        """A session with no browser id (a script, a terminal) is a browser of its own."""
        self.wrong_codes = 0

    def _path(self, key: str) -> Path:
        return self.folder / hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]

    def claim(self, name: str, code: str = "") -> str | None:
        """Take ``name`` (under any look-alike spelling) for this browser: None when it is
        this browser's now, else why not, in Chinese (``NAME_TAKEN``, ``NEEDS_CODE``,
        ``WRONG_CODE``, ``TOO_MANY_CODES``, ``SEATS_KEPT``); ``BadName`` when it cannot be a name."""
        key = name_key(name)
        setup = Setup.read(self.folder)
        path = self._path(key)
        owner = self._record(path)
        if owner.get("browser") == self.browser:
            self._write(path, key, name, owner.get("guest", False))
            return None
        personal = setup.roster.get(key, ("", ""))[1]
        if owner or personal:
            if self.wrong_codes >= WRONG_CODES:
                return TOO_MANY_CODES
            if setup.code_opens(key, code):  # the session that held it sees so and ends (``holds``)
                self._write(path, key, name, owner.get("guest", False))
                return None
            if not code.strip():
                return NAME_TAKEN if owner else NEEDS_CODE
            self.wrong_codes += 1
            return WRONG_CODE
        guest = bool(setup.roster) and key not in setup.roster
        if guest and setup.guest_seats is not None and self.guests() >= setup.guest_seats:
            return SEATS_KEPT
        return None if self._link(path, key, name, guest) else NAME_TAKEN

    def _link(self, path: Path, key: str, name: str, guest: bool) -> bool:
        """The first claim of a name, atomically: it appears whole, or not at all."""
        self.folder.mkdir(parents=True, exist_ok=True)
        mine = self.folder / f".{self.pid}"
        self._write(mine, key, name, guest)
        try:
            os.link(mine, path)
            return True
        except FileExistsError:
            return self._record(path).get("browser") == self.browser
        finally:
            mine.unlink(missing_ok=True)

    def holds(self, name: str) -> bool:
        """Whether ``name`` is still this browser's (a code may have moved it to another)."""
        return self._record(self._path(name_key(name))).get("browser") == self.browser

    def _write(self, path: Path, key: str, name: str, guest: bool) -> None:
        record = {"key": key, "name": clean_name(name), "browser": self.browser, "pid": self.pid, "guest": guest}
        partial = path.with_name(f".{path.name}.{self.pid}")
        partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, path)

    @staticmethod
    def _record(path: Path) -> dict[str, Any]:
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return record if isinstance(record, dict) else {}

    def claims(self) -> list[dict[str, Any]]:
        if not self.folder.is_dir():
            return []
        return [self._record(path) for path in self.folder.iterdir() if not path.name.startswith(".") and path.name != SETUP]

    def guests(self) -> int:
        """Names not on the roster held by a session still running."""
        return sum(1 for claim in self.claims() if claim.get("guest") and _alive(claim.get("pid", 0)))

    def name_of(self, pid: int) -> str | None:
        """The name the session ``pid`` holds, if any (for the server's log)."""
        return next((claim["name"] for claim in self.claims() if claim.get("pid") == pid), None)
