"""Ordering the questions of a session: spread over the types, identical ones once, and
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


def _same(question: Question) -> tuple:
    return (question.type, question.prompt, str(question.answer))


def once(questions: list[Question]) -> list[Question]:
    """Identical questions (same type, prompt and answer) asked once."""
    kept: dict[tuple, Question] = {}
    for question in questions:
        kept.setdefault(_same(question), question)
    return list(kept.values())


def spread(questions: list[Question], gap: int = SOURCE_GAP) -> list[Question]:
    """The questions in nearly the given order, with no two from one source sentence
    within ``gap`` of each other where the rest allows: the feedback of one (原文：…) must not
    answer another soon after."""
    waiting = list(questions)
    left = Counter(q.source for q in waiting if q.source)
    placed: list[Question] = []
    while waiting:
        recent = [q.source for q in placed[-gap:]]
        urgent = {source for source, n in left.items() if _urgent(n, len(waiting), gap)}
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


def _urgent(same_source: int, waiting: int, gap: int) -> bool:
    """Whether so many waiting questions share one source that the rest can keep them
    apart only if one of them is asked now."""
    return (same_source - 1) * (gap + 1) + 1 >= waiting
