"""Item analysis (题目分析): how each question of a bank performed, from every answer the
store holds, as an exam office judges items after a test.

- 作答 attempts: every answer recorded to the question (all people, all modes).
- 答对率 share correct (difficulty): of those, the share whose verdict stands as correct
  (a disputed answer, 我答对了, stands as correct; a close one does not).
- 区分度 discrimination, over takers (a person's first answer to the question; later ones
  are learning, not measuring). A taker's total is the mean score of their first answers to
  every question of the bank. D: the share correct among the upper 27% of the question's
  takers by total less that among the lower 27% (at least one taker each; ties in total go
  by name). r_pb: the point-biserial correlation of first answer correct (1/0) with total,
  (M1 − M0) / s · √(p·q), s the population standard deviation of the totals. Both need two
  takers or more; r_pb also needs some right and some wrong and totals that differ.
- 我答对了 disputes, and the most common wrong answers (wrong or close, typed alike once
  normalised; blank answers left out).

A question is flagged when learners dispute it often, when D is negative (the stronger
takers miss it more than the weaker ones), or when one wrong answer is more common than the
right one."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from studytui.bankfile.bank import Bank, Question
from studytui.store.items import BankAnswer
from studytui.text import normalize
from studytui.vocabulary import TYPE_NAMES, QuestionType, Verdict

GROUP_SHARE = 0.27
MANY_DISPUTES = 2
DISPUTED_SHARE = 0.1
WRONG_ANSWERS_SHOWN = 3


class Flag(StrEnum):
    DISPUTED = "disputed"
    NEGATIVE = "negative"
    WRONG_BEATS_RIGHT = "wrong_beats_right"

    @property
    def label(self) -> str:
        return FLAG_NAMES[self]


FLAG_NAMES = {Flag.DISPUTED: "申诉多", Flag.NEGATIVE: "区分度为负", Flag.WRONG_BEATS_RIGHT: "错答多于正答"}


@dataclass(frozen=True)
class ItemStats:
    question: Question
    attempts: int
    correct: int
    takers: int
    discrimination: float | None
    point_biserial: float | None
    disputes: int
    wrong_answers: tuple[tuple[str, int], ...]
    """The most common wrong answers, as first typed, with how often each was given."""

    @property
    def share_correct(self) -> float | None:
        return self.correct / self.attempts if self.attempts else None

    @property
    def flags(self) -> tuple[Flag, ...]:
        flags = []
        if self.disputes >= MANY_DISPUTES and self.disputes >= DISPUTED_SHARE * self.attempts:
            flags.append(Flag.DISPUTED)
        if self.discrimination is not None and self.discrimination < 0:
            flags.append(Flag.NEGATIVE)
        if self.wrong_answers and self.wrong_answers[0][1] > self.correct:
            flags.append(Flag.WRONG_BEATS_RIGHT)
        return tuple(flags)


def analyse(bank: Bank, answers: Iterable[BankAnswer]) -> list[ItemStats]:
    """Each question of ``bank`` with its figures, flagged ones first, then in bank order."""
    asked = {q.id for q in bank.questions}
    by_question: dict[str, list[BankAnswer]] = {q.id: [] for q in bank.questions}
    first: dict[tuple[str, str], BankAnswer] = {}
    for answer in answers:
        if answer.question_id in asked:
            by_question[answer.question_id].append(answer)
            first.setdefault((answer.taker, answer.question_id), answer)
    totals = _totals(first.values())
    stats = [_item(q, by_question[q.id], [a for (_, qid), a in first.items() if qid == q.id], totals) for q in bank.questions]
    return sorted(stats, key=lambda s: not s.flags)


def every_question(bank: Bank) -> Bank:
    """A bank as read from its YAML file with every question, reviewed or not (learners
    of an ``only_reviewed`` bank see fewer), under the id its answers are kept by."""
    from studytui.bankfile.loader import validate

    if bank.path is None or bank.path.suffix.lower() == ".txt":
        return bank
    full = validate(bank.path, learners=False).bank
    return replace(full, id=bank.id, path=bank.path) if full is not None else bank


def _totals(first_answers: Iterable[BankAnswer]) -> dict[str, float]:
    """Each taker's total: the mean score of their first answers."""
    scores: dict[str, list[float]] = {}
    for answer in first_answers:
        scores.setdefault(answer.taker, []).append(answer.score)
    return {taker: sum(s) / len(s) for taker, s in scores.items()}


def _item(q: Question, answers: Sequence[BankAnswer], first: Sequence[BankAnswer], totals: dict[str, float]) -> ItemStats:
    pairs = [(totals[a.taker], a.taker, 1 if a.verdict == Verdict.CORRECT else 0) for a in first]
    return ItemStats(
        question=q,
        attempts=len(answers),
        correct=sum(a.verdict == Verdict.CORRECT for a in answers),
        takers=len(pairs),
        discrimination=upper_lower(pairs),
        point_biserial=point_biserial([(total, right) for total, _, right in pairs]),
        disputes=sum(a.disputed for a in answers),
        wrong_answers=_wrong_answers(answers),
    )


def upper_lower(pairs: Sequence[tuple[float, str, int]]) -> float | None:
    """D = share right in the upper 27% less the lower 27% (by total, then name)."""
    if len(pairs) < 2:
        return None
    ranked = sorted(pairs, key=lambda p: (-p[0], p[1]))
    size = max(1, round(GROUP_SHARE * len(ranked)))
    upper, lower = ranked[:size], ranked[-size:]
    return sum(p[2] for p in upper) / size - sum(p[2] for p in lower) / size


def point_biserial(pairs: Sequence[tuple[float, int]]) -> float | None:
    """r_pb of right (1/0) with total; None when it is not defined."""
    if len(pairs) < 2:
        return None
    totals = [total for total, _ in pairs]
    mean = sum(totals) / len(totals)
    spread = math.sqrt(sum((t - mean) ** 2 for t in totals) / len(totals))
    right = [total for total, r in pairs if r]
    wrong = [total for total, r in pairs if not r]
    if not right or not wrong or spread == 0:
        return None
    p = len(right) / len(pairs)
    return (sum(right) / len(right) - sum(wrong) / len(wrong)) / spread * math.sqrt(p * (1 - p))


def _wrong_answers(answers: Sequence[BankAnswer]) -> tuple[tuple[str, int], ...]:
    counts: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for answer in answers:
        key = normalize(answer.typed)
        if answer.verdict != Verdict.CORRECT and key:
            counts[key] += 1
            shown.setdefault(key, answer.typed.strip())
    return tuple((shown[key], count) for key, count in counts.most_common(WRONG_ANSWERS_SHOWN))


# -- reports -------------------------------------------------------------------------------

COLUMNS = ("题号", "题型", "题目", "作答", "答对率", "区分度D", "点二列相关", "我答对了", "最常见的错答", "提示")


def rows(stats: Iterable[ItemStats]) -> list[list[str]]:
    """One row of text per question, in ``COLUMNS`` order."""
    return [
        [
            s.question.id,
            TYPE_NAMES[QuestionType(s.question.type)],
            s.question.prompt,
            str(s.attempts),
            percent(s.share_correct),
            figure(s.discrimination),
            figure(s.point_biserial),
            str(s.disputes),
            "；".join(f"{text}（{count}）" for text, count in s.wrong_answers),
            "、".join(flag.label for flag in s.flags),
        ]
        for s in stats
    ]


def csv_rows(stats: Sequence[ItemStats]) -> list[list[object]]:
    """The rows for a spreadsheet: figures as numbers (share correct as a fraction), an
    undefined one empty."""
    table: list[list[object]] = []
    for s, row in zip(stats, rows(stats)):
        figures = [s.attempts, _number(s.share_correct), _number(s.discrimination), _number(s.point_biserial), s.disputes]
        table.append([*row[:3], *figures, *row[8:]])
    return table


def _number(value: float | None) -> object:
    return "" if value is None else round(value, 4)


def percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def figure(value: float | None) -> str:
    return "—" if value is None else f"{value:+.2f}"


def markdown(bank: Bank, stats: Sequence[ItemStats]) -> str:
    flagged = sum(bool(s.flags) for s in stats)
    lines = [
        f"# 题目分析：{bank.title}",
        "",
        f"{len(stats)} 道题，{sum(s.attempts for s in stats)} 次作答；{flagged} 道题需要复查（排在最前）。",
        "区分度 D：前 27% 与后 27% 作答者（按总分）答对率之差；点二列相关：答对与总分的相关系数。",
        "",
        "| " + " | ".join(COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    lines += ["| " + " | ".join(cell.replace("|", "｜").replace("\n", " ") for cell in row) + " |" for row in rows(stats)]
    return "\n".join(lines) + "\n"
