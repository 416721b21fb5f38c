"""The served room's console: one line in Chinese per event (who came in, who left, who
was refused and why), never a library's English log or a traceback. The same event from
one source is said once in ``QUIET`` seconds, then with how often it recurred, so a
script that knocks a thousand times makes a line or two. What went wrong inside (a
traceback) goes to the log file the console names."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

QUIET = 30.0
LIBRARIES = ("aiohttp", "textual-serve", "asyncio")


class Console:
    def __init__(
        self, log_file: Path | None = None, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.log_file, self.stream, self.clock = log_file, stream, clock
        self.last: dict[str, tuple[float, int]] = {}
        """An event's key → when it was last said and how often it recurred unsaid since."""

    def say(self, text: str, key: str | None = None) -> None:
        """``text`` on one line, with the time; an event under ``key`` said before within QUIET
        seconds is counted instead."""
        now = self.clock()
        if key is not None:
            said, recurred = self.last.get(key, (-QUIET - 1, 0))
            if now - said < QUIET:
                self.last[key] = (said, recurred + 1)
                return
            self.last[key] = (now, 0)
            if recurred:
                text += f"（此前 {QUIET:g} 秒内另有 {recurred} 次）"
            if len(self.last) > 10000:  # a flood of keys: forget the oldest
                self.last = dict(sorted(self.last.items(), key=lambda item: item[1][0])[5000:])
        line = f"{time.strftime('%H:%M:%S')} {' '.join(text.split())}"
        print(line, file=self.stream or sys.stderr, flush=True)

    def failed(self, what: str, error: BaseException | None = None, key: str | None = None) -> None:
        """Something went wrong inside: one line here, its traceback in the log file."""
        kept = self.keep(f"{what}\n" + ("".join(traceback.format_exception(error)) if error else ""))
        reason = f"（{type(error).__name__}）" if error else ""
        self.say(f"{what}{reason}" + (f"，详情见 {kept}" if kept else ""), key=key or what)

    def log_path(self) -> str:
        """Where a session's errors are written: the log file (its folder made), else nowhere."""
        if self.log_file is not None:
            try:
                self.log_file.parent.mkdir(parents=True, exist_ok=True)
                self.log_file.touch()
                return str(self.log_file)
            except OSError:
                self.log_file = None
        return os.devnull

    def keep(self, text: str) -> Path | None:
        """``text`` appended to the log file; the file, or None when there is none or it cannot be written."""
        if self.log_file is None:
            return None
        try:
            with self.log_file.open("a", encoding="utf-8") as log:
                log.write(f"[{time.strftime('%Y-%m-%d %H:%M:%S')}] {text.rstrip()}\n")
        except OSError:
            return None
        return self.log_file

    def take_over_logging(self) -> None:
        """The libraries' log records become one Chinese line each (their text in the log file)."""
        handler = _Handler(self)
        for name in LIBRARIES:
            logger = logging.getLogger(name)
            logger.handlers[:] = [handler]
            logger.setLevel(logging.WARNING)
            logger.propagate = False
        logging.getLogger("aiohttp.access").disabled = True


class _Handler(logging.Handler):
    def __init__(self, console: Console) -> None:
        super().__init__(logging.WARNING)
        self.console = console

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        what = "服务器内部出错" if record.levelno >= logging.ERROR else "服务器提示"
        self.console.keep(f"{record.name}: {record.getMessage()}")
        self.console.failed(what, error, key=f"{record.name}:{type(error).__name__}")
