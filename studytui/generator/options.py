"""What makes a distractor fit the blank as the key does: its head word or frame, its 的, its
leading verb, a count's kind and measure word; how much of the key's shape it shares. Pure
functions over the key and the option."""

from __future__ import annotations

import re

from studytui.generator.enumerations import strip_lead_verb
from studytui.generator.numerals import measure
from studytui.generator.structure import NUMERALS
from studytui.generator.words import words

_ORDINAL = re.compile(f"第[{NUMERALS}]")


def fits_like(answer: str, option: str, counted: bool = False) -> bool:
    """Whether ``option`` fills the blank as ``answer`` does: the same head word where the
    answer ends on one of two characters or more (…体系, …战略, …精神) or the same frame
    (中国式现代化的…), a 的 before that head where the answer has one, and a leading verb
    (推进…, 发扬…) only where the answer has one."""
    head = words(answer)[-1]
    if len(head) >= 2 and not counted and not option.endswith(head) and option[:3] != answer[:3]:
        return False
    if counted and (_ORDINAL.match(option) is None) != (_ORDINAL.match(answer) is None):
        return False  # 第二种形态 among 四种形态: one stage where the key is the set (edited by every qichu rater)
    if counted and measure(option) != measure(answer):
        return False  # 四个落实 among 四种形态: a count of other things
    if answer.endswith(f"的{head}") and not option.endswith(f"的{head}"):
        return False  # 名不副实的教育 beside 各级各类教育: the key alone says what kind of 教育
    return (strip_lead_verb(option) == option) == (strip_lead_verb(answer) == answer)


def likeness(answer: str, option: str) -> int:
    """How much an option shares the answer's shape: its last and first characters, its length."""
    return 2 * (option[-1:] == answer[-1:]) + (option[:1] == answer[:1]) + (len(option) == len(answer))


def neighbours(sentence: str, part: str) -> tuple[str, str]:
    """The two characters before and after ``part`` in ``sentence``."""
    at = max(sentence.find(part), 0)
    return sentence[max(0, at - 2) : at], sentence[at + len(part) : at + len(part) + 2]
