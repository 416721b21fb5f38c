"""People's names, one way of writing each: a name typed with full-width digits, decomposed
accents or an invisible character slipped in is never a second person who looks the same,
and a name written with traditional characters (張三) is no second 张三."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

from studytui.text import simplified

LONGEST_NAME = 20
"""Characters: a name with a unit or a number (张三（纪委办）) fits, and a leaderboard still shows it in one line."""
INVISIBLE = ("Cc", "Cf", "Co", "Cs", "Cn", "Zl", "Zp")
"""Control, format (zero-width, right-to-left marks), private, unassigned; line breaks."""


class BadName(ValueError):
    """A name that cannot be used; the message says why, in Chinese."""


def clean_name(name: str) -> str:
    """``name`` in NFKC with its spaces collapsed; BadName when it is empty, too long, or
    holds a character that does not show."""
    text = " ".join(unicodedata.normalize("NFKC", name).split())
    for char in text:
        if unicodedata.category(char) in INVISIBLE:
            raise BadName(f"姓名中有看不见的字符（U+{ord(char):04X}），请重新输入")
    if not text:
        raise BadName("姓名为空")
    if len(text) > LONGEST_NAME:
        raise BadName(f"姓名最多 {LONGEST_NAME} 个字")
    return text


def name_key(name: str) -> str:
    """What ``name`` looks like: cleaned, traditional characters read as simplified ones and
    Latin letters in one case, so 張三 and 张三, Li and LI, have one key. The name itself is
    kept as typed (a converter can misread a rare character in a name)."""
    return simplified(clean_name(name)).casefold()


def lookalike(name: str, others: Iterable[str]) -> str | None:
    """The first of ``others`` written differently from ``name`` but looking the same."""
    key, cleaned = name_key(name), clean_name(name)
    for other in others:
        if other != cleaned and other != name and _key_or_none(other) == key:
            return other
    return None


def _key_or_none(name: str) -> str | None:
    """A name on record from before the rules (too long, say) has no key and looks like nothing."""
    try:
        return name_key(name)
    except BadName:
        return None
