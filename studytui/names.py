"""People's names, one way of writing each: a name typed with full-width digits, decomposed
accents or an invisible character slipped in is never a second person who looks the same."""

from __future__ import annotations

import unicodedata

LONGEST_NAME = 60
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
