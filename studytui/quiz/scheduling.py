"""The review schedule: FSRS (the ``fsrs`` package, imported on first use, as the TUI's
start does not need it), one card per person and question; a verdict and the time taken
make the rating."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING

from studytui.bankfile.bank import Question
from studytui.quiz.answers import expected_text
from studytui.store import iso
from studytui.vocabulary import Verdict

if TYPE_CHECKING:
    from fsrs import Rating, Scheduler


@lru_cache(maxsize=1)
def _scheduler() -> Scheduler:
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def rating_for(verdict: Verdict, seconds: float, question: Question) -> Rating:
    """wrong → Again, close → Hard, correct → Good, or Easy when answered quickly
    (within 2 s plus 0.6 s per character of the answer)."""
    from fsrs import Rating

    if verdict == Verdict.WRONG:
        return Rating.Again
    if verdict == Verdict.CLOSE:
        return Rating.Hard
    return Rating.Easy if seconds <= 2 + 0.6 * len(expected_text(question)) else Rating.Good


def next_card(card_json: str | None, verdict: Verdict, seconds: float, question: Question, at: datetime) -> tuple[str, str]:
    """The question's FSRS card after this answer, as (json, due)."""
    from fsrs import Card

    card = Card.from_json(card_json) if card_json else Card()
    card, _ = _scheduler().review_card(card, rating_for(verdict, seconds, question), at)
    return card.to_json(), iso(card.due)
