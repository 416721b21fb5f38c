"""The review's order and its forms, without any screen: the questions weakest first by
the generator's score, the filter for those not yet reviewed, the question on screen
across decisions, the fields of an edit as text and back, and the source sentence with
the blank marked."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from studytui.bankfile.bank import Question
from studytui.bankfile.review import BankReview, Change
from studytui.bankfile.scores import question_scores
from studytui.vocabulary import QuestionType

ITEM_SEPARATOR = " | "
BLANK_SEPARATOR = " / "
_ITEMS = re.compile(r"\s*[|｜]\s*")
_BLANKS = re.compile(r"\s*[/／]\s*")
_JUDGE = {"对": True, "错": False, "true": True, "false": False}


@dataclass
class ReviewQueue:
    """A bank under review and where the instructor is in it."""

    review: BankReview
    scores: dict[str, int] = field(default_factory=dict)
    unreviewed_only: bool = False
    current_id: str | None = None
    discarded: str | None = None
    """The question the last decision deleted, to show again when it is undone."""

    def __post_init__(self) -> None:
        if self.current_id is None:
            order = self.order()
            self.current_id = order[0].id if order else None

    def order(self) -> list[Question]:
        """Weakest first by score (questions without one last, in file order)."""
        questions = [q for q in self.review.questions if not (self.unreviewed_only and q.reviewed)]
        indexed = sorted(
            enumerate(questions), key=lambda pair: (pair[1].id not in self.scores, self.scores.get(pair[1].id, 0), pair[0])
        )
        return [q for _, q in indexed]

    @property
    def current(self) -> Question | None:
        return next((q for q in self.order() if q.id == self.current_id), None)

    @property
    def position(self) -> int:
        """The current question's place in the order (0 when there is none)."""
        ids = [q.id for q in self.order()]
        return ids.index(self.current_id) if self.current_id in ids else 0

    @property
    def progress(self) -> str:
        return f"已审 {self.review.reviewed_count()}/{len(self.review.questions)}"

    def move(self, step: int) -> None:
        order = self.order()
        if order:
            self.current_id = order[max(0, min(len(order) - 1, self.position + step))].id

    def show(self, question_id: str) -> None:
        """Go to a question, showing every question when the filter hides it."""
        if any(q.id == question_id for q in self.review.questions):
            if self.unreviewed_only and question_id not in {q.id for q in self.order()}:
                self.unreviewed_only = False
            self.current_id = question_id

    def toggle_filter(self) -> None:
        self.unreviewed_only = not self.unreviewed_only
        order = self.order()
        if self.current_id not in {q.id for q in order}:
            self.current_id = order[0].id if order else None

    def keep(self) -> list[str]:
        return self._decide(self.review.keep)

    def discard(self) -> list[str]:
        discarded = self.current_id
        problems = self._decide(self.review.discard)
        self.discarded = None if problems else discarded
        return problems

    def undo_discard(self) -> list[str]:
        """The last decision, a deletion, taken back: the question is back and shown."""
        problems = self.review.undo_discard()
        if not problems and self.discarded is not None:
            self.show(self.discarded)
            self.discarded = None
        return problems

    def edit(self, change: Change) -> list[str]:
        """An edit stays on screen: the instructor sees what was saved."""
        if self.current_id is None:
            return []
        return self.review.edit(self.current_id, change)

    def _decide(self, decision: Any) -> list[str]:
        """Apply a decision to the current question and go on to the next one."""
        if self.current_id is None:
            return []
        place = self.position
        problems: list[str] = decision(self.current_id)
        if problems:
            return problems
        order = self.order()
        if not order:
            self.current_id = None
            return []
        still_here = any(q.id == self.current_id for q in order)
        self.current_id = order[min(place + still_here, len(order) - 1)].id
        return []


# -- an edit as text -------------------------------------------------------------------------


def edit_fields(q: Question) -> dict[str, str]:
    """The editable fields of ``q`` as one line of text each: items joined by |, blanks by /."""
    fields = {"prompt": q.prompt, "answer": answer_text(q)}
    if q.type == QuestionType.CLOZE:
        fields["accept"] = BLANK_SEPARATOR.join(ITEM_SEPARATOR.join(a) for a in q.accept) if any(q.accept) else ""
    if q.options:
        fields["options"] = ITEM_SEPARATOR.join(q.options)
    return fields


def answer_text(q: Question) -> str:
    if q.type == QuestionType.JUDGE:
        return "对" if q.answer else "错"
    if q.type == QuestionType.CLOZE:
        return BLANK_SEPARATOR.join(q.answer)
    if isinstance(q.answer, tuple):
        return ITEM_SEPARATOR.join(q.answer)
    return str(q.answer)


def change_from_fields(q: Question, fields: dict[str, str]) -> Change | str:
    """The change the fields ask for, or why they cannot be read (in Chinese); whether the
    change makes a valid question is the bank's validation's to say."""
    answer: Any = fields.get("answer", "").strip()
    if q.type == QuestionType.JUDGE:
        if answer.lower() not in _JUDGE:
            return "判断题的答案应为“对”或“错”"
        answer = _JUDGE[answer.lower()]
    elif q.type == QuestionType.CLOZE:
        answer = tuple(_BLANKS.split(answer))
    elif q.type != QuestionType.CHOICE:
        answer = _items(answer)
    accept: tuple[tuple[str, ...], ...] = ()
    if q.type == QuestionType.CLOZE and fields.get("accept", "").strip():
        accept = tuple(_items(blank) for blank in _BLANKS.split(fields["accept"].strip()))
    options = _items(fields.get("options", "")) if q.options else ()
    return Change(prompt=fields.get("prompt", "").strip(), answer=answer, accept=accept, options=options)


def _items(text: str) -> tuple[str, ...]:
    return tuple(item for item in _ITEMS.split(text.strip()) if item)


# -- the source with its blank marked ---------------------------------------------------------


def marked_source(q: Question) -> list[tuple[str, bool]]:
    """``q.source`` in pieces, True for each piece the question blanks (its answer's items,
    found in order); the whole source unmarked when none is found."""
    if not q.source:
        return []
    wanted = [] if q.type == QuestionType.JUDGE else ([q.answer] if isinstance(q.answer, str) else list(q.answer))
    pieces: list[tuple[str, bool]] = []
    rest = q.source
    for item in wanted:
        at = rest.find(item) if item else -1
        if at < 0:
            continue
        pieces += [(rest[:at], False), (item, True)]
        rest = rest[at + len(item) :]
    pieces.append((rest, False))
    return [(text, marked) for text, marked in pieces if text]


def open_queue(path: str | Path, question_id: str | None = None) -> ReviewQueue:
    """A bank file opened for review, scored, at ``question_id`` or its weakest question;
    raises ``ReviewError`` when the file cannot be reviewed."""
    review = BankReview(path)
    queue = ReviewQueue(review, question_scores(review.bank, review.path))
    if question_id is not None:
        queue.show(question_id)
    return queue
