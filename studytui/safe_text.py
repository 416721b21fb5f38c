"""Characters a terminal obeys instead of showing: C0 controls (ESC starts the escape
sequences that set a title or clear the screen), DEL, C1 controls, and the bidi
overrides and isolates that show text in another order than it is stored.

Banks refuse them (``validate``), speeches lose them before a bank is generated, and
everything the command line prints goes through ``TerminalSafe``, which shows them as
``\\uXXXX``: a valid JSON escape, so printed JSON still reads back the same."""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO

_UNSAFE = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069"
UNSAFE = re.compile(f"[{_UNSAFE}]")


def control_characters(text: str) -> list[str]:
    """The unsafe characters of ``text``, each once, in order, as ``U+XXXX``."""
    return list(dict.fromkeys(f"U+{ord(c):04X}" for c in UNSAFE.findall(text)))


def control_message(text: str) -> str:
    """Why ``text`` is refused, in Chinese."""
    return f"含有控制字符（{'、'.join(control_characters(text))}），终端会把它当作命令执行；请删去"


def stripped(text: str) -> str:
    """``text`` without its unsafe characters."""
    return UNSAFE.sub("", text)


def escaped(text: Any) -> str:
    """``text`` with every unsafe character shown as its code (``\\u001b``), never raw."""
    return UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", str(text))


class TerminalSafe:
    """A text stream that escapes what it is given before passing it on."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(escaped(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def terminal_safe_output() -> Iterator[None]:
    """While it lasts, nothing printed to stdout or stderr carries a raw control character."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = TerminalSafe(saved[0]), TerminalSafe(saved[1])
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
