"""Reading a quiz's size as people type it in a dialog: questions and minutes."""

from __future__ import annotations

import re

_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_COUNT_AND_MINUTES = re.compile(r"([0-9]{1,9})\s*(?:题\s*[,，、]?|[,，、]|\s)\s*([0-9]{1,9})\s*(?:分钟|分)?")
"""Nine digits at most: a longer number is out of any range, and Python refuses to read one of thousands."""


def count_and_minutes(text: str, minutes: range, most: int = 10_000) -> tuple[int, int] | None:
    """ "20 15" → (20, 15): a number of questions (1 to ``most``) and minutes in ``minutes``.
    Also as an input method types it: ``20，15``, full-width ``２０　１５``, ``20题 15分钟``."""
    found = _COUNT_AND_MINUTES.fullmatch(text.translate(_FULL_WIDTH_DIGITS).strip())
    if found is None:
        return None
    count, limit = int(found[1]), int(found[2])
    return (count, limit) if 1 <= count <= most and limit in minutes else None
