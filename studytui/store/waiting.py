"""Writes that wait their turn: an answer or a finished session that cannot be written at
once (another program holds the database, the disk is full) is kept in memory, in order,
retried, and journalled beside the database for the next start when the app quits."""

from __future__ import annotations

import json
import os
import sqlite3
import uuid
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studytui.store.backends import RECONNECTING
from studytui.store.preferences import SETTING_WAIT, Preferences, waiting_reason

SAVE_WAIT = 2.0
"""Seconds an answer waits for the write lock before it is kept in memory to retry."""
JOURNAL_GLOB = "studytui.db.unsaved-*.json"


@dataclass
class Pending:
    """A write kept until the database takes it: an answer (``kind`` "answer") or a
    finished session ("finish"), as plain data so that it can wait in a journal."""

    kind: str
    data: dict[str, Any]
    result: list[Any] = field(default_factory=list, compare=False)


class Waiting(Preferences):
    """The queue of writes that wait; ``apply`` (the recording's) writes one of them."""

    def __init__(self, path: Path, *, check: bool = True, read_only: bool = False):
        super().__init__(path, check=check, read_only=read_only)
        self.unsaved: list[Pending] = []
        """Writes (answers, finished sessions) kept in memory, in order, while another
        process holds the write lock longer than SAVE_WAIT or the disk is full;
        ``save_unsaved`` retries them, ``keep_unsaved`` journals them for the next start."""
        self.waiting_for: str | None = None
        """Why writes wait: "locked" or "full"; None when nothing waits."""
        self.journal = path.with_name(JOURNAL_GLOB.replace("*", uuid.uuid4().hex[:12]))

    def _apply(self, pending: Pending, wait: float) -> Any:
        """Write ``pending``, waiting at most ``wait`` seconds for the lock; its result."""
        raise NotImplementedError

    def save_unsaved(self, wait: float = 0.05) -> bool:
        """Write what is waiting, in order; False while the database still cannot take it
        (``waiting_for`` says why). The journal follows what is left."""
        saved = False
        if self.unsaved_settings:
            self._save_settings(wait)
        try:
            while self.unsaved:
                try:
                    self.unsaved[0].result.append(self._apply(self.unsaved[0], wait))
                except sqlite3.OperationalError as exc:
                    if (reason := waiting_reason(exc)) is None:
                        raise
                    self.waiting_for = reason
                    return False
                self.unsaved.pop(0)
                saved = True
            self.waiting_for = None
            return True
        finally:
            if saved and self.journal.exists():
                self.keep_unsaved()

    def _in_turn(self, pending: Pending) -> Any:
        """Write ``pending`` after whatever waits before it; its result, or None when kept for later."""
        self.unsaved.append(pending)
        try:
            if not self.save_unsaved(SAVE_WAIT):
                self.keep_unsaved()  # safe from a killed terminal too
        except sqlite3.Error:
            if pending in self.unsaved:  # failed, not waiting: whoever called may try it again
                self.unsaved.remove(pending)
            raise
        return pending.result[0] if pending.result else None

    def keep_unsaved(self) -> Path | None:
        """Write what still waits to this store's journal beside the database (removed
        when nothing waits), which the next start replays. The journal's path, or None
        when it cannot be written (the disk is full, for one)."""
        try:
            if not self.unsaved:
                self.journal.unlink(missing_ok=True)
                return None
            partial = self.journal.with_name(self.journal.name + ".part")
            partial.write_text(
                json.dumps([{"kind": p.kind, "data": p.data} for p in self.unsaved], ensure_ascii=False), encoding="utf-8"
            )
            os.replace(partial, self.journal)
            return self.journal
        except OSError:
            return None

    def replay_journals(self) -> int:
        """Write the answers that waited in journals when an app last quit (answers already
        here, by their ids, are skipped); a journal is removed once all of it is written.
        Returns how many writes were replayed."""
        replayed = 0
        for journal in sorted(self.path.parent.glob(JOURNAL_GLOB)):
            if journal == self.journal:
                continue
            try:
                entries = [Pending(e["kind"], e["data"]) for e in json.loads(journal.read_text(encoding="utf-8"))]
            except (OSError, ValueError, TypeError, KeyError):
                continue  # unreadable: left where it is, for a person to look at
            self.unsaved.extend(entries)
            if self.save_unsaved(SAVE_WAIT):
                journal.unlink(missing_ok=True)
            else:
                self.keep_unsaved()
                journal.unlink(missing_ok=True)
            replayed += len(entries)
        return replayed

    def unsaved_at_quit(self) -> tuple[str, bool] | None:
        """Quitting: what still waits after one more try, said in Chinese, and whether it
        is safe in the journal (True) or would be lost (False); None when nothing waits."""
        if self.save_unsaved():
            return None
        why = {"full": "磁盘已满", "reconnecting": RECONNECTING}.get(self.waiting_for or "", "数据库被另一个程序占用")
        journal = self.keep_unsaved()
        if journal is not None:
            return (
                f"{len(self.unsaved)} 条作答还没写入数据库（{why}），已暂存在 {journal}；下次启动 studytui 时会自动写入。",
                True,
            )
        return f"{len(self.unsaved)} 条作答还没能保存（{why}，也无法暂存到文件）；现在退出会丢失它们。仍要退出吗？", False

    def close(self) -> None:
        """Close the database; what still waits goes to the journal first (a setting is
        tried once more: it is a preference, not worth a journal)."""
        if self.unsaved_settings and not self.read_only:
            with suppress(sqlite3.Error):
                self._save_settings(SETTING_WAIT)
        if self.unsaved:
            self.keep_unsaved()
        super().close()
