"""Preferences (the bank chosen, who studies here, the strictness), the machine's or one
person's own: a setting never makes the app wait; while another program holds the database it is kept in memory, read back
from there, and written with the next setting, answer or at close."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from studytui.store.backends import ConnectionLost
from studytui.store.connection import Connection
from studytui.vocabulary import Strictness

SETTING_WAIT = 0.1
"""Seconds a setting waits for the write lock before it is kept in memory."""


def waiting_reason(error: sqlite3.Error) -> str | None:
    """ "locked", "full" or "reconnecting" when a write can be tried again later (another
    program holds the database; the disk is full; the database server is out of reach),
    None when it cannot."""
    if not isinstance(error, sqlite3.OperationalError):
        return None
    if isinstance(error, ConnectionLost):
        return "reconnecting"
    message = str(error)
    if "locked" in message or "busy" in message:
        return "locked"
    if "full" in message or "disk I/O" in message:
        return "full"
    return None


def _own(key: str, profile: int | None) -> str:
    """A person's own preference is kept beside the machine's, under the key and the profile's id."""
    return key if profile is None else f"{key}@{profile}"


class Preferences(Connection):
    """Settings by key, each a line of text."""

    def __init__(self, path: Path, *, check: bool = True, read_only: bool = False):
        super().__init__(path, check=check, read_only=read_only)
        self.unsaved_settings: dict[str, str] = {}
        """Settings kept in memory while the database is held (see ``set_setting``)."""

    def setting(self, key: str, default: str | None = None, profile: int | None = None) -> str | None:
        """A preference: the machine's, or with ``profile`` that person's own."""
        key = _own(key, profile)
        if key in self.unsaved_settings:
            return self.unsaved_settings[key]
        row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def strictness(self) -> Strictness:
        """How an input-method slip is scored on this machine (T on home), standard until chosen."""
        return Strictness(self.setting("strictness") or Strictness.NORMAL)

    def set_setting(self, key: str, value: str, profile: int | None = None) -> None:
        """Keep a preference (the bank chosen, who studies here, the strictness), the
        machine's or with ``profile`` that person's own. It never makes the app wait: while
        another program holds the database it is kept in memory, read back from there, and
        written with the next setting, answer or at close."""
        key = _own(key, profile)
        if self.setting(key) == value:  # no write lock taken for nothing
            return
        self.unsaved_settings[key] = value
        self._save_settings(SETTING_WAIT)

    def _save_settings(self, wait: float) -> None:
        try:
            with self.transaction(wait) as db:
                db.executemany(
                    "INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    self.unsaved_settings.items(),
                )
        except sqlite3.OperationalError as exc:
            if waiting_reason(exc) is None:
                raise
            return
        self.unsaved_settings.clear()
