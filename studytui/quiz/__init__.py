"""Quizzing, one idea a module (as py-fsrs keeps card, scheduler, rating and review log apart):

- ``settings``: a session's settings and the modes' default sizes
- ``sizes``: a quiz's size as typed in a dialog (``20 15``, ``20题 15分钟``)
- ``answers``: a response of any question type graded, and answers as text
- ``scheduling``: the FSRS review schedule
- ``picking``: a session's order (types spread, one sentence's questions kept apart)
- ``selection``: which questions a mode asks
- ``hashing``: a bank's content hash
- ``session``: the session every mode, the contest and the command line drive

The names most callers need are here too, each loaded from its module when first asked
for: ``from studytui.quiz import Settings`` loads the settings, not the grader (the home
screen reads the review counts at start-up without loading rapidfuzz).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from studytui.quiz.answers import expected_text, gives_away, grade_question, response_text, section_title_shown
    from studytui.quiz.hashing import bank_hash, hash_data
    from studytui.quiz.selection import pick_questions, review_counts
    from studytui.quiz.session import LEAVING_MISTAKES, Outcome, QuizSession, Result
    from studytui.quiz.settings import EXAM_QUESTIONS, EXAM_SECONDS, NO_SECTION, Settings
    from studytui.quiz.sizes import count_and_minutes

_MODULES = {
    "answers": ("expected_text", "gives_away", "grade_question", "response_text", "section_title_shown"),
    "hashing": ("bank_hash", "hash_data"),
    "selection": ("pick_questions", "review_counts"),
    "session": ("LEAVING_MISTAKES", "Outcome", "QuizSession", "Result"),
    "settings": ("EXAM_QUESTIONS", "EXAM_SECONDS", "NO_SECTION", "Settings"),
    "sizes": ("count_and_minutes",),
}
_HOME = {name: module for module, names in _MODULES.items() for name in names}

__all__ = [
    "EXAM_QUESTIONS",
    "EXAM_SECONDS",
    "LEAVING_MISTAKES",
    "NO_SECTION",
    "Outcome",
    "QuizSession",
    "Result",
    "Settings",
    "bank_hash",
    "count_and_minutes",
    "expected_text",
    "gives_away",
    "grade_question",
    "hash_data",
    "pick_questions",
    "response_text",
    "review_counts",
    "section_title_shown",
]


def __getattr__(name: str) -> Any:
    """A name of ``__all__``, from its module (imported now, the first time)."""
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
