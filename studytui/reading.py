"""A bank's speech to read before a quiz: its parts and paragraphs, every formulation a
question asks marked, and how well one learner knows each from their answers.

A bank with no speech (written by hand) is read as its questions' source sentences in order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import NamedTuple

from studytui.bankfile.bank import Bank, Question
from studytui.constants import BLANK_RE, ELLIPSIS
from studytui.bankfile.loader import read_text
from studytui.quiz import NO_SECTION
from studytui.text import full_width_punctuation

KNOWN_FROM = 0.9
"""A formulation answered this well on average (scores 0 to 1) is known."""
SHAKY_FROM = 0.5
OPENING = "开头"


class Mastery(Enum):
    NEW = "未练"
    WEAK = "未掌握"
    SHAKY = "半熟"
    KNOWN = "已掌握"


class Results(NamedTuple):
    """One learner's answers to one question: how many, and their scores added up."""

    answers: int
    score: float


@dataclass(frozen=True)
class Mark:
    """A formulation in a passage (``start``:``end``), the questions that ask it and how well it is known."""

    start: int
    end: int
    questions: tuple[str, ...]
    mastery: Mastery


@dataclass(frozen=True)
class Passage:
    text: str
    marks: tuple[Mark, ...] = ()
    heading: bool = False


@dataclass(frozen=True)
class Part:
    """A part of the speech. ``section``: the bank's section it is (NO_SECTION for the opening),
    None when the bank has no such section, so it cannot be practised on its own."""

    title: str
    section: str | None
    passages: tuple[Passage, ...]

    @property
    def marks(self) -> list[Mark]:
        return [mark for passage in self.passages for mark in passage.marks]


@dataclass(frozen=True)
class Reading:
    title: str
    parts: tuple[Part, ...]
    from_speech: bool
    """False: the bank has no speech to read, so the parts hold its questions' source sentences."""


def mastery(questions: Iterable[str], results: Mapping[str, Results]) -> Mastery:
    """How well the formulation these questions ask is known, from every answer to them."""
    answered = [results[q] for q in questions if q in results]
    count = sum(r.answers for r in answered)
    if not count:
        return Mastery.NEW
    average = sum(r.score for r in answered) / count
    return Mastery.KNOWN if average >= KNOWN_FROM else Mastery.SHAKY if average >= SHAKY_FROM else Mastery.WEAK


def asked_items(question: Question) -> list[str]:
    """The words a question asks for, as they stand in its source (a false judge asks none)."""
    answer = question.answer
    if question.type == "judge":
        return []
    return [answer] if isinstance(answer, str) else [item for item in answer if item]


def source_of(question: Question) -> str:
    """The sentence a question comes from: its ``source``, or a cloze's prompt with its blanks filled."""
    if question.source:
        return question.source
    if question.type == "cloze":
        answers = iter(question.answer)
        return BLANK_RE.sub(lambda _: next(answers, ""), question.prompt)
    return ""


def marks_in(text: str, questions: Sequence[Question], results: Mapping[str, Results]) -> tuple[Mark, ...]:
    """The formulations ``questions`` ask, found in ``text`` where each question's source
    (or each piece of an elided one) stands; overlapping ones are one mark."""
    spans: list[tuple[int, int, str]] = []
    for question in questions:
        for piece in source_of(question).split(ELLIPSIS):  # a long sentence's stem leaves words out
            piece = piece.removesuffix("。")  # or ends it early (…继续坚持“以人为本…”。 before 切实健全…：)
            at = text.find(piece) if piece else -1
            if at < 0:
                continue
            for item in asked_items(question):
                found = text.find(item, at, at + len(piece))
                if found >= 0:
                    spans.append((found, found + len(item), question.id))
    marks: list[tuple[int, int, list[str]]] = []
    for start, end, question_id in sorted(spans):
        if marks and start < marks[-1][1]:
            marks[-1] = (marks[-1][0], max(end, marks[-1][1]), [*marks[-1][2], question_id])
        else:
            marks.append((start, end, [question_id]))
    return tuple(Mark(start, end, tuple(dict.fromkeys(ids)), mastery(ids, results)) for start, end, ids in marks)


def speech_text(bank: Bank) -> str | None:
    """The speech a bank was made from (``source:``, relative to the bank file), if it can be read."""
    if not bank.source or bank.path is None:
        return None
    path = bank.path.parent / bank.source
    if path.suffix.lower() != ".txt":
        return None
    text, _ = read_text(path)
    return full_width_punctuation(text) if text else None


def read_bank(bank: Bank, results: Mapping[str, Results]) -> Reading:
    """The bank's speech part by part, or, without one, its questions' sources."""
    text = speech_text(bank)
    if text is None:
        return Reading(bank.title, tuple(_source_parts(bank, results)), from_speech=False)
    return Reading(bank.title, tuple(_speech_parts(bank, text, results)), from_speech=True)


def _speech_parts(bank: Bank, text: str, results: Mapping[str, Results]) -> list[Part]:
    from studytui.generator.structure import read  # cheap: no word segmenter

    structure = read(text)
    sections = {s.id for s in bank.sections}
    asked = [q for q in bank.questions if asked_items(q)]
    parts = []
    for section_id, title in [(None, structure.title or OPENING), *[(s.id, s.title) for s in structure.sections]]:
        paragraphs = [p for p in structure.paragraphs if p.section == section_id]
        if section_id is None and not paragraphs:
            continue
        passages = tuple(Passage(p.text, marks_in(p.text, asked, results), p.heading) for p in paragraphs)
        section = NO_SECTION if section_id is None else section_id if section_id in sections else None
        parts.append(Part(title, section, passages))
    return parts


def _source_parts(bank: Bank, results: Mapping[str, Results]) -> list[Part]:
    parts = []
    for section, title in [(NO_SECTION, OPENING), *[(s.id, s.title) for s in bank.sections]]:
        questions = [q for q in bank.questions if (q.section or NO_SECTION) == section]
        sources = dict.fromkeys(source for q in questions if (source := source_of(q)))
        if sources:
            parts.append(Part(title, section, tuple(Passage(s, marks_in(s, questions, results)) for s in sources)))
    return parts
