"""An organisation-wide exam (应知应会测试): one class quiz code taken on several ``serve``
hosts that share one PostgreSQL database, by a roster of people who each sign in with
their name and a personal code the instructor hands out.

Here: the roster read from a file, personal codes made and checked. The records (the
roster, who is signed in where) are in ``studytui.store.exams``."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from studytui.names import BadName, clean_name

EXAM_ENV = "STUDYTUI_EXAM"
"""Set by ``studytui serve --exam CODE`` for every session it starts: the exam to sign in to."""
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"  # nothing read two ways: no 0 O 1 I L U
CODE_LENGTH = 8
SESSION_LIVES = 60.0
"""Seconds a sign-in holds its name after the session last said it is alive (every
``KEEP_ALIVE`` seconds): a host that crashed frees its names within a minute."""
KEEP_ALIVE = 15.0


class RosterError(ValueError):
    """A roster file that cannot be used: ``FILE:LINE: 问题`` in Chinese."""


@dataclass(frozen=True)
class Person:
    name: str
    code: str


def exam_code() -> str | None:
    """The exam a served session signs in to, or None."""
    return os.environ.get(EXAM_ENV) or None


def new_code() -> str:
    """A personal code such as K7M2-9QXA: 40 bits, typed without ambiguity."""
    symbols = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return f"{symbols[:4]}-{symbols[4:]}"


def code_hash(quiz_code: str, name: str, code: str) -> str:
    """What the database keeps of a personal code: never the code itself."""
    typed = code.upper().replace("-", "").replace(" ", "")
    return hashlib.sha256(f"{quiz_code}\n{name}\n{typed}".encode()).hexdigest()


def code_matches(kept: str, quiz_code: str, name: str, typed: str) -> bool:
    return hmac.compare_digest(kept, code_hash(quiz_code, name, typed))


def read_roster(path: Path) -> list[Person]:
    """One person a line (``姓名`` or ``姓名,个人码``; blank lines and ``#`` comments skipped);
    a person without a code gets a new one. ``RosterError`` names the line of a bad name
    or of a name given twice."""
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise RosterError(f"{path}: 无法读取名单：{exc}") from exc
    people: dict[str, Person] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        name, _, code = (part.strip() for part in line.replace("，", ",").partition(","))
        try:
            name = clean_name(name)
        except BadName as exc:
            raise RosterError(f"{path}:{number}: {exc}") from exc
        if name in people:
            raise RosterError(f"{path}:{number}: “{name}”在名单中出现了两次")
        people[name] = Person(name, code.upper() or new_code())
    if not people:
        raise RosterError(f"{path}:1: 名单是空的")
    return list(people.values())
