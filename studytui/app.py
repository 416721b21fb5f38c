"""StudyApp: wires the screens to the store and the banks; no quiz logic here."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from studytui import paths
from studytui.library import Library
from studytui.names import BadName
from studytui.room import NAME_TAKEN, Room
from studytui.store import Store, StoreError, describe, open_store

WAITING = "正在等待数据库…（另一个程序占用着它；作答先留在内存中，稍后自动保存，请勿退出）"
DISK_FULL = "磁盘已满：作答先留在内存中，腾出空间后自动保存"


class StudyApp(App[None]):
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "studytui 提法学习"
    ENABLE_COMMAND_PALETTE = False  # every action has its key, shown in the footer
    BINDINGS = [Binding("question_mark", "help", "帮助", key_display="?"), Binding("ctrl+q", "quit", "退出", show=False, priority=True)]

    def __init__(self, data_dir: str | os.PathLike[str] | None = None, banks: Sequence[str | Path] = (), *, participant: bool = False):
        """``participant``: a served session in a room; it takes quizzes and sees its own
        results and the leaderboard, but does not change banks, run contests, set class
        quizzes, look at others' stats or remember who used it last."""
        super().__init__()
        self.data = paths.data_dir(data_dir)
        self.library = Library(self.data, banks)
        self.participant = participant
        self.room = Room(self.data) if participant else None
        self.store: Store | None = None
        self.profile_id: int | None = None
        self.profile_name = ""
        self.waiting = False

    def on_mount(self) -> None:
        try:
            self.store = open_store(self.data, self._tell_broken)
        except StoreError as exc:
            self.exit(return_code=1, message=str(exc))
            return
        if self.store.read_only:
            self.notify(f"数据文件夹 {self.data} 只读：可以照常学习，但作答无法保存。", severity="warning", timeout=60)
        remembered = None if self.participant else self.store.setting("profile")
        if remembered:
            self.use_profile(remembered)
        from studytui.screens.home import HomeScreen

        self.push_screen(HomeScreen())
        self.set_interval(1.0, self._save_unsaved)

    def _save_unsaved(self) -> None:
        """Answers kept in memory while another program holds the database: retried each
        second, and the user told once that they wait and once that they are saved."""
        if not self.store.unsaved:
            return
        if self.store.save_unsaved():
            self.notify("等待中的作答已保存。")
            self.waiting = False
        elif not self.waiting:
            self.waiting = True
            self.notify(DISK_FULL if self.store.waiting_for == "full" else WAITING, severity="warning", timeout=10)

    def _tell_broken(self, path: Path, moved: Path, kept: int, names_lost: int = 0) -> None:
        lost = f"{names_lost} 人的姓名未能救回，其作答暂记在“恢复的用户…”名下。" if names_lost else ""
        self.notify(f"数据库 {path} 已损坏，已改名为 {moved.name}；从中救回 {kept} 条作答，已存入新建的数据库。{lost}", severity="error", timeout=30)

    def use_profile(self, name: str) -> str | None:
        """Study as ``name``; remembered for next time, except for participants of a served
        room, who cannot take a name another browser on the server is using. What is wrong
        with the name, in Chinese, or None when it is taken."""
        try:
            if self.room is not None and not self.room.claim(name):
                return NAME_TAKEN
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

    async def action_quit(self) -> None:
        """In a served room, ending the session is asked first: the page cannot reopen it."""
        from studytui.screens.dialogs import ConfirmDialog

        if self.store is not None and (waiting := self.store.unsaved_at_quit()) is not None:
            message, journalled = waiting
            if journalled:
                self.exit(message=message)
            elif not isinstance(self.screen, ConfirmDialog):
                self.push_screen(ConfirmDialog(message), lambda yes: self.exit() if yes else None)
            return
        if not self.participant:
            self.exit()
            return

        if not isinstance(self.screen, ConfirmDialog):
            self.push_screen(ConfirmDialog("结束本次答题？（已答的题都已保存）"), lambda yes: self.exit() if yes else None)

    def get_key_display(self, binding: Binding) -> str:
        """Footers name keys one way (``studytui.keys``): Esc, 空格, Shift+↑, not esc, space, shift+↑."""
        from studytui.keys import key_display

        return binding.key_display or key_display(binding.key)

    def action_help(self) -> None:
        from studytui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        if self.room is not None and self.profile_name:
            self.room.release(self.profile_name)
        if self.store is not None:
            self.store.save_unsaved()
            self.store.close()  # what still waits is journalled for the next start
