"""Which questions a contest asks, and in what order, by the rules practice uses: no
heading above a question that holds its answer, no formulation asked twice, and no
question whose answer an earlier question (its prompt, or its answer announced) gave."""

from __future__ import annotations

import random
from collections.abc import Sequence

from studytui.bankfile.bank import Bank, Question

from studytui.generator.checks import asked_as, stem_of
from studytui.quiz import expected_text, gives_away
from studytui.quiz.picking import one_per_blank

CONTEST_TYPES = ("cloze", "choice", "judge")


def formulation_of(question: Question) -> str:
    """What a question asks about: the sentence it came from, else its answer."""
    return question.source or expected_text(question)


def shown_after(question: Question) -> str:
    """What the room has seen of a question once it is over: its prompt and its answer."""
    return f"{question.prompt}\n{expected_text(question)}"


def contest_questions(questions: Sequence[Question], rng: random.Random) -> list[Question]:
    """The bank's questions a contest can use (answered by typing or a key), shuffled,
    one per formulation and one per thing asked (全会提出，… and 全会强调，… ask the same),
    none answered by an earlier one: a contest never asks the same thing twice."""
    usable = [q for q in questions if q.type in CONTEST_TYPES]
    rng.shuffle(usable)
    kept: list[Question] = []
    seen: set[str] = set()
    for question in one_per_blank(usable):
        asks = {formulation_of(question), "asked:" + asked_as(stem_of(question))}
        if asks & seen or any(gives_away(question, shown_after(earlier)) for earlier in kept):
            continue
        seen |= asks
        kept.append(question)
    return kept


def heading_of(bank: Bank, question: Question) -> str:
    """The section title shown above a question, unless it holds the answer."""
    title = bank.section_title(question.section)
    return "" if gives_away(question, title) else title
