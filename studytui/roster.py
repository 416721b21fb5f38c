"""A served room's roster (``studytui serve --roster FILE``): the people expected, one a
line, each with an optional personal code handed out on paper.

    王一
    李二, 7Q4K
    张三（纪委办）	K2M9

A line is a name, then after a tab or a comma (, ，) the code (3–32 letters or digits); a
line without either whose last word is letters and digits, one digit at least (4821, K2M9),
takes that word as the code. Blank lines and lines
starting with # are skipped. Names follow the one name rule (``names.clean_name``); two
that look the same (張三, 张三) are refused as one person twice."""

from __future__ import annotations

import re
from pathlib import Path

from studytui.names import BadName, clean_name, name_key
from studytui.os_errors import said
from studytui.room import hashed

LONGEST_ROSTER = 2000
_SEPARATOR = re.compile(r"[\t,，]")
_CODE = re.compile(r"[0-9A-Za-z]{3,32}")


class RosterError(Exception):
    """Why the roster cannot be used: ``FILE:LINE: 问题`` lines."""


def read_roster(path: Path) -> dict[str, tuple[str, str]]:
    """Each name's key → the name and its code's hash ("" for none)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise RosterError(f"{path}: 无法读取名单：{said(exc)}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("gb18030")
        except UnicodeDecodeError:
            raise RosterError(f"{path}: 名单不是 UTF-8 或 GB18030 文本") from None
    roster: dict[str, tuple[str, str]] = {}
    lines: dict[str, int] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            name, code = _entry(line)
        except BadName as exc:
            problems.append(f"{path}:{number}: {exc}")
            continue
        key = name_key(name)
        if key in roster:
            problems.append(f"{path}:{number}: “{name}”与第 {lines[key]} 行的“{roster[key][0]}”是同一个名字")
            continue
        roster[key], lines[key] = (name, hashed(code) if code else ""), number
    if not roster and not problems:
        problems.append(f"{path}: 名单中没有名字")
    if len(roster) > LONGEST_ROSTER:
        problems.append(f"{path}: 名单最多 {LONGEST_ROSTER} 人，这里有 {len(roster)} 人")
    if problems:
        raise RosterError("\n".join(problems))
    return roster


def _entry(line: str) -> tuple[str, str]:
    """The name and the code ("" for none) of one line; BadName when either is unusable."""
    parts = _SEPARATOR.split(line, maxsplit=1)
    if len(parts) == 2:
        name, code = parts[0], parts[1].strip()
        if code and not _CODE.fullmatch(code):
            raise BadName(f"个人码“{code}”只能由 3 到 32 个字母或数字组成")
        return clean_name(name), code
    words = line.split()
    if len(words) > 1 and _CODE.fullmatch(words[-1]) and not words[-1].isalpha():
        return clean_name(" ".join(words[:-1])), words[-1]
    return clean_name(line), ""
