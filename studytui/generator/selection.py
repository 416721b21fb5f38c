"""Which of the questions written a bank keeps: of each formulation and type the strongest
that scores KEEP or more, at most PER_FORMULATION of a formulation and TARGETS_A_STEM formulations
a sentence; a speech that gives fewer than an exam's worth filled up from FLOOR. A bank's size
follows what the speech holds, not its length."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from studytui.bankfile.bank import Question
from studytui.generator.checks import Speech, answers
from studytui.generator.people import people
from studytui.generator.scoring import score
from studytui.text import normalize

KEEP = 60
FLOOR = 50  # what a sparse speech is filled up with: a question with nothing against it
MIN_BANK = 10  # an exam's worth
PER_FORMULATION = 2  # more questions on one formulation repeat it
TARGETS_A_STEM = 2


def strongest(questions: list[Question], text: str, said: dict[str, int]) -> list[Question]:
    """Of each formulation and question type, the strongest question that reaches KEEP,
    and of those the PER_FORMULATION strongest, in the order they were written, each
    with its score (the instructor's review asks the weakest first). A speech that gives
    fewer than MIN_BANK such questions is filled up to that with its strongest questions
    from FLOOR on, so that any speech of the genre gives a bank; no more than that: of the
    questions scoring FLOOR to KEEP, exam-setters kept 26% (rounds 17–19, where a local work
    speech and a life story were filled up to a question per 250 characters). ``said``:
    how often the speech says each formulation (the extractor counted them as it read)."""
    speech = Speech(text)
    repeats = {normalize(formulation): count for formulation, count in said.items()}
    named = people(text)
    values = [score(q, speech, repeats, named).value for q in questions]
    said_often = [max((repeats.get(normalize(a), 0) for a in answers(q)), default=0) for q in questions]
    kept = dict(_chosen(questions, values, KEEP, said_often))
    if len(kept) < MIN_BANK:
        used = {questions[i].source for i in kept}
        more = sorted(
            (
                (v, i)
                for i, v in _chosen(questions, values, FLOOR, said_often)
                if i not in kept and questions[i].source not in used
            ),
            reverse=True,
        )
        kept |= {i: v for v, i in more[: MIN_BANK - len(kept)]}
    return [replace(q, score=kept[index]) for index, q in enumerate(questions) if index in kept]


def _chosen(questions: list[Question], values: list[int], threshold: int, said_often: list[int]) -> list[tuple[int, int]]:
    """(index, value) of the questions kept at ``threshold``: of each formulation and type
    the strongest, PER_FORMULATION of each formulation, TARGETS_A_STEM formulations a stem."""
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for index, (q, value) in enumerate(zip(questions, values)):
        key = (q.type, _target(q))
        if value >= threshold and (key not in best or value > best[key][0]):
            best[key] = (value, index)
    chosen = _at_most(PER_FORMULATION, best.items(), lambda key: key[1])
    return [(index, value) for value, index in _strongest_targets_a_stem(questions, chosen, said_often)]


def _strongest_targets_a_stem(
    questions: list[Question], chosen: list[tuple[int, int]], said_often: list[int]
) -> list[tuple[int, int]]:
    """Of the (value, index) picks, those on the TARGETS_A_STEM strongest targets of each
    stem: a sentence often holds the formulation an examiner asks first beside the one
    scored highest (学习本领是领导干部必须具备的____ after 知行合一、以知促行、以行求知),
    while a third blank would leave little of it standing. Of two as strong, the one the
    speech says more often, then the one said first in the sentence. A test keeps questions on one
    sentence apart (studytui.quiz.picking.spread); its cloze and its choice are one."""
    ranked: dict[str, dict[str, tuple[int, int, int, int]]] = {}
    for value, index in chosen:
        q = questions[index]
        targets = ranked.setdefault(q.source or "", {})
        rank = (value, said_often[index], -_said_at(q), -index)
        targets[_target(q)] = max(rank, targets.get(_target(q), rank))
    kept = {
        (source, target)
        for source, targets in ranked.items()
        for target in sorted(targets, key=targets.__getitem__, reverse=True)[:TARGETS_A_STEM]
    }
    return _one_point_once(questions, [(v, i) for v, i in chosen if (questions[i].source or "", _target(questions[i])) in kept])


def _one_point_once(questions: list[Question], picks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Of two clozes, or two choices, on one stem whose answers hold one another, the stronger: they
    ask one point twice (关键在坚持____ and 关键在____ for 坚持党要管党、全面从严治党; 中央____是“铁规矩” and
    ____是“铁规矩” for 八项规定精神 and 中央八项规定精神: all six raters of rounds 244–249 named the repeat), the
    weaker dragging in a word of the stem."""
    asked: dict[tuple[str, str], list[str]] = {}
    dropped = set()
    for _, index in sorted(picks, key=lambda pick: (-pick[0], pick[1])):
        q = questions[index]
        if q.type not in ("cloze", "choice"):
            continue
        answer = "、".join(answers(q))
        others = asked.setdefault((q.source or "", q.type), [])
        if any(answer in other or other in answer for other in others):
            dropped.add(index)
        else:
            others.append(answer)
    return [(v, i) for v, i in picks if i not in dropped]


def _at_most(count: int, picks: Iterable, group: Callable) -> list[tuple[int, int]]:
    """Of the (value, index) picks of each group, the ``count`` of highest value."""
    groups: dict[object, list[tuple[int, int]]] = {}
    for key, pick in picks:
        groups.setdefault(group(key), []).append(pick)
    return [pick for members in groups.values() for pick in sorted(members, reverse=True)[:count]]


def _said_at(q: Question) -> int:
    """Where in its stem's sentence a question's first answer stands (past the end when it is not there)."""
    source = q.source or ""
    first = next(iter(answers(q)), "")
    at = source.find(first) if first else -1
    return at if at >= 0 else len(source)


def _target(q: Question) -> str:
    """The formulation a question asks, however it asks it: a cloze on 不敢腐、不能腐、不想腐,
    the list of its items and the order of its parts ask one thing."""
    if not answers(q):
        return q.prompt
    return "、".join(sorted(normalize(part) for a in answers(q) for part in a.split("、")))
