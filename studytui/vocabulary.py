"""The app's vocabulary, typed: verdicts, modes, strictness, question types and contest
phases. Each is a ``StrEnum``, so a member is the very string stored in the database, the
bank file and exported answers, and compares equal to it.

The tables of names are keyed by ``str``: a member is its string, and a string read from
a file or the database looks a name up as well. It imports nothing of studytui, so any
module can use it without a circle.
"""

from __future__ import annotations

from enum import StrEnum


class Verdict(StrEnum):
    CORRECT = "correct"
    CLOSE = "close"
    """An input-method slip (or, for a whole answer, a partly right one)."""
    WRONG = "wrong"

    @property
    def label(self) -> str:
        return VERDICT_NAMES[self]


VERDICT_NAMES: dict[str, str] = {Verdict.CORRECT: "正确", Verdict.CLOSE: "接近", Verdict.WRONG: "错误"}


class Mode(StrEnum):
    PRACTICE = "practice"
    EXAM = "exam"
    MISTAKES = "mistakes"
    REVIEW = "review"
    CLASS = "class"
    CONTEST = "contest"

    @property
    def label(self) -> str:
        return MODE_NAMES[self]


MODE_NAMES: dict[str, str] = {
    Mode.PRACTICE: "练习",
    Mode.EXAM: "考试",
    Mode.MISTAKES: "错题本",
    Mode.REVIEW: "智能复习",
    Mode.CLASS: "班级测验",
    Mode.CONTEST: "小组竞赛",
}


class Strictness(StrEnum):
    """How an input-method slip (a close answer) is scored: 0, ½ or 1."""

    STRICT = "strict"
    NORMAL = "normal"
    LENIENT = "lenient"


class QuestionType(StrEnum):
    CLOZE = "cloze"
    CHOICE = "choice"
    MULTI = "multi"
    JUDGE = "judge"
    ORDER = "order"
    LIST = "list"

    @property
    def label(self) -> str:
        return TYPE_NAMES[self]


TYPE_NAMES: dict[str, str] = {
    QuestionType.CLOZE: "填空",
    QuestionType.CHOICE: "单选",
    QuestionType.MULTI: "多选",
    QuestionType.JUDGE: "判断",
    QuestionType.ORDER: "排序",
    QuestionType.LIST: "列举",
}


class Phase(StrEnum):
    """Where a contest question stands."""

    SHOWN = "shown"
    """Read out by the host; in 抢答 not yet open for buzzing."""
    OPEN = "open"
    """Any eligible team may buzz."""
    ANSWERING = "answering"
    DONE = "done"
