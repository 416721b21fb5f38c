"""What every screen and flow may ask of the app: the data folder, the banks, the store
and who is studying. ``StudyApp`` (app.py) adds the screens and flows on top; screens and
flows type ``self.app`` as this class, so none of them imports the app module and the
import graph has no circle (app → screens → host, never back)."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App

from studytui import paths
from studytui.library import Library
from studytui.names import BadName, lookalike
from studytui.room import Room
from studytui.store import Store, describe

if TYPE_CHECKING:
    from studytui.bankfile.bank import Bank
    from studytui.store.rows import Missed, Ranked, SessionRecord


@dataclass(frozen=True, slots=True)
class Board:
    """A class quiz's leaderboard: everyone ranked, the questions most missed, and whether
    the instructor has closed the quiz."""

    ranking: list[Ranked]
    most_missed: list[Missed]
    closed: bool


class Host(App[None]):
    def __init__(
        self, data_dir: str | os.PathLike[str] | None = None, banks: Sequence[str | Path] = (), *, participant: bool = False
    ):
        """``participant``: a served session in a room; it takes quizzes and sees its own
        results and the leaderboard, but does not change banks, run contests, set class
        quizzes, look at others' stats or remember who used it last."""
        super().__init__()
        self.data = paths.data_dir(data_dir)
        self.library = Library(self.data, banks)
        self.participant = participant
        self.room = Room(self.data) if participant else None
        self._store: Store | None = None
        self.profile_id: int | None = None
        self.profile_name = ""

    @property
    def store(self) -> Store:
        """The record; opened when the app mounts, before any screen is shown."""
        if self._store is None:
            raise RuntimeError("the store is opened when the app mounts")
        return self._store

    @store.setter
    def store(self, store: Store) -> None:
        self._store = store

    @property
    def profile(self) -> int:
        """Who studies now; every screen but the first dialog is shown once someone is chosen."""
        if self.profile_id is None:
            raise RuntimeError("nobody is chosen yet")
        return self.profile_id

    def unfinished_session(self) -> tuple[SessionRecord, Bank] | None:
        """The latest session this person left unfinished on a bank still found, to resume."""
        for row in self.store.unfinished_sessions(self.profile):
            bank = self.library.find(row.bank_id)
            if bank is not None:
                return row, bank
        return None

    def board(self, quiz_code: str) -> Board:
        """The leaderboard of the class quiz ``quiz_code`` (read from the store: call it off the UI thread)."""
        store = self.store
        return Board(store.ranking(quiz_code=quiz_code), store.most_missed(quiz_code=quiz_code), store.quiz_closed(quiz_code))

    def use_profile(self, name: str, code: str = "") -> str | None:
        """Study as ``name``; remembered for next time, except for participants of a served
        room, who cannot take a name another browser took (without its code). What is wrong
        with the name, in Chinese (``room.NEEDS_CODE`` and the like), or None when taken."""
        try:
            known = self.store.profiles()
            if name not in known and (other := lookalike(name, known)):  # a new name only: someone on record is themselves
                return f"“{name}”与已有的“{other}”看起来相同：是你就选“{other}”，否则请加上单位或编号"
            if self.room is not None and (refused := self.room.claim(name, code)):
                return refused
            self.profile_id = self.store.profile(name)
        except BadName as exc:
            return str(exc)
        except sqlite3.OperationalError as exc:  # a new name while another program holds the database
            return describe(exc)
        name = self.store.profile_name(self.profile_id)
        self.profile_name = name
        if not self.participant:
            self.store.set_setting("profile", name)
        self.sub_title = name
        return None

    def tell_failure(self, error: BaseException | None) -> None:
        """The one place a worker's failure (a flow's, a screen's) is told: logged, and the user
        told in a notification; the app carries on. Screens send theirs here (``WorkingScreen``)."""
        self.log.error(error)
        self.notify(f"出错了：{error}", severity="error", markup=False, timeout=20)

    def remembered(self, key: str, *, machine: bool = True) -> str | None:
        """A preference of the person studying (the bank chosen), else (``machine``) the machine's."""
        own = self.store.setting(key, profile=self.profile_id) if self.profile_id is not None else None
        return own or (self.store.setting(key) if machine else None)

    def remember(self, key: str, value: str) -> None:
        """Kept for the person studying; outside a served room also as the machine's default
        for someone new."""
        if self.profile_id is not None:
            self.store.set_setting(key, value, profile=self.profile_id)
        if not self.participant:
            self.store.set_setting(key, value)
