"""Ordering the questions of a session: spread over the types, identical ones once, one
blank and one sentence asked once in a test (recognised before recalled in practice), and
questions from one source sentence kept apart."""

from __future__ import annotations

from collections import Counter

from studytui.bankfile.bank import Question

SOURCE_GAP = 5
"""Questions from one source sentence are asked at least this many questions apart where the bank allows."""


def mixed(questions: list[Question], count: int) -> list[Question]:
    """``count`` questions spread over the types, in the given (shuffled) order."""
    by_type: dict[str, list[Question]] = {}
    for q in questions:
        by_type.setdefault(q.type, []).append(q)
    picked: list[Question] = []
    while len(picked) < count and any(by_type.values()):
        for group in by_type.values():
            if group and len(picked) < count:
                picked.append(group.pop(0))
    return picked


def _same(question: Question) -> tuple[str, str, str]:
    return (question.type, question.prompt, str(question.answer))


def once(questions: list[Question]) -> list[Question]:
    """Identical questions (same type, prompt and answer) asked once."""
    kept: dict[tuple[str, str, str], Question] = {}
    for question in questions:
        kept.setdefault(_same(question), question)
    return list(kept.values())


_ASKED_TWICE = ("cloze", "choice")
"""A generated blank is asked as a cloze and, with distractors, as a choice: the same question twice."""


def _blank(question: Question) -> tuple[str, str] | None:
    if question.type not in _ASKED_TWICE or not isinstance(question.answer, (str, tuple)):
        return None
    answer = question.answer if isinstance(question.answer, str) else "、".join(question.answer)
    return question.prompt, answer


def one_per_blank(questions: list[Question]) -> list[Question]:
    """A blank asked as a cloze and as a choice is asked once (the first met): a test
    that asks it twice counts one formulation twice, and the first answers the second."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for question in questions:
        key = _blank(question)
        if key is None or key not in seen:
            kept.append(question)
            if key is not None:
                seen.add(key)
    return kept


def one_per_sentence(questions: list[Question], count: int) -> list[Question]:
    """Of questions on one source sentence, the first met, while the others still make up
    ``count``: two blanks of one sentence in a test show each other's answer in their stems
    (a bank asks up to two formulations of a sentence). Short of ``count``, the rest follow
    in their order."""
    seen: set[str] = set()
    first: list[Question] = []
    rest: list[Question] = []
    for question in questions:
        (rest if question.source and question.source in seen else first).append(question)
        if question.source:
            seen.add(question.source)
    return first + rest[: max(0, count - len(first))]


def recognised_first(questions: list[Question]) -> list[Question]:
    """The same order, but of a blank asked both ways the choice (recognising) comes
    before the cloze (recalling): the two swap places where the cloze comes first."""
    ordered = list(questions)
    first_at: dict[tuple[str, str], int] = {}
    for index, question in enumerate(ordered):
        key = _blank(question)
        if key is None:
            continue
        if key not in first_at:
            first_at[key] = index
        elif question.type == "choice" and ordered[first_at[key]].type == "cloze":
            earlier = first_at[key]
            ordered[earlier], ordered[index] = question, ordered[earlier]
    return ordered


def spread(questions: list[Question], gap: int = SOURCE_GAP) -> list[Question]:
    """The questions in nearly the given order, with no two from one source sentence
    within ``gap`` of each other where the rest allows: the feedback of one (原文：…) must not
    answer another soon after."""
    waiting = list(questions)
    left = Counter(q.source for q in waiting if q.source)
    placed: list[Question] = []
    while waiting:
        recent = [q.source for q in placed[-gap:]]
        urgent = _urgent(left, len(waiting), gap)
        index = next((i for i, q in enumerate(waiting) if q.source in urgent and q.source not in recent), None)
        if index is None:
            index = next((i for i, q in enumerate(waiting) if not q.source or q.source not in recent), None)
        if index is None:  # every waiting question shares a recent sentence: the one seen longest ago
            oldest = min({q.source for q in waiting}, key=lambda source: max(n for n, s in enumerate(recent) if s == source))
            index = next(i for i, q in enumerate(waiting) if q.source == oldest)
        question = waiting.pop(index)
        if question.source:
            left[question.source] -= 1
        placed.append(question)
    return placed


def _urgent(left: Counter[str], waiting: int, gap: int) -> set[str]:
    """The sources whose questions the rest can keep apart only if one of them is asked now:
    those with the most questions left, when those need every slot that remains (two sources
    of two questions each, five apart, take eight slots: A B _ _ _ _ A B)."""
    most = max(left.values(), default=0)
    tied = sum(n == most for n in left.values())
    if most < 2 or (most - 1) * (gap + 1) + tied < waiting:
        return set()
    return {source for source, n in left.items() if n == most}
