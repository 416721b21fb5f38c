"""What a review leaves in a bank file: ``reviewed: true`` on a question an instructor kept,
``score:`` (the generator's score, when a bank records it) and ``only_reviewed: true`` at the
top, which shows learners the reviewed questions only. Read here for the validator; the
learners' view of such a bank is made here for the loader."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Protocol

from studytui.bankfile.bank import Bank, Problem, Validation

Node = Any
"""A YAML node (PyYAML's, which ships no type hints)."""


class Reader(Protocol):
    """What of ``validation.Reader`` the keys here need (not imported: it imports this)."""

    def _plain(self, node: Node) -> bool: ...

    def error(self, node: Node | None, message: str) -> None: ...


BANK_KEYS = ("only_reviewed",)
QUESTION_KEYS = ("reviewed", "score")
MAX_SCORE = 100
_BOOL = "tag:yaml.org,2002:bool"
_INT = "tag:yaml.org,2002:int"
_ONLY_REVIEWED = re.compile(r"^only_reviewed\s*:", re.MULTILINE)


def flag(reader: Reader, node: Node, key: str) -> bool:
    """``true`` or ``false``; anything else is a problem (and false)."""
    if reader._plain(node) and node.tag == _BOOL and str(node.value).lower() in ("true", "false"):
        return str(node.value).lower() == "true"
    reader.error(node, f"{key} 应为 true 或 false")
    return False


def score(reader: Reader, node: Node) -> int | None:
    """The generator's score: a whole number from 0 to 100."""
    value = _integer(node) if reader._plain(node) and node.tag == _INT else None
    if value is not None and 0 <= value <= MAX_SCORE:
        return value
    reader.error(node, f"score（生成分数）应为 0 到 {MAX_SCORE} 的整数")
    return None


def _integer(node: Node) -> int | None:
    try:
        return int(str(node.value).replace("_", ""))
    except ValueError:
        return None


def reviewed_count(bank: Bank) -> int:
    return sum(q.reviewed for q in bank.questions)


def learners_view(result: Validation, text: str) -> None:
    """A bank with ``only_reviewed: true`` keeps its reviewed questions only; with none
    reviewed yet it is a problem, as learners would have nothing to answer."""
    bank = result.bank
    if bank is None or not bank.only_reviewed:
        return
    kept = tuple(q for q in bank.questions if q.reviewed)
    if kept:
        result.bank = replace(bank, questions=kept)
        return
    found = _ONLY_REVIEWED.search(text)
    line = text.count("\n", 0, found.start()) + 1 if found else 1
    message = "only_reviewed: true，但还没有一道题标有 reviewed: true，学员将无题可答（请先审题，或删去 only_reviewed）"
    result.problems.append(Problem(result.path, line, message))
    result.bank = None
