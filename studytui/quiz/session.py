"""A quiz session as plain Python: picks questions for a mode, grades and records
each answer through the store, and reports progress and the result.

The TUI, the contest and the command line all drive this one engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from studytui import grading
from studytui.bankfile.bank import Bank, Question
from studytui.quiz.answers import expected_text, grade_question, response_text
from studytui.quiz.hashing import bank_hash
from studytui.quiz.scheduling import next_card
from studytui.quiz.selection import pick_questions
from studytui.quiz.settings import Settings
from studytui.store import RIGHT_TO_LEAVE_MISTAKES, Answer, Store, now
from studytui.vocabulary import Verdict

LEAVING_MISTAKES = f"连续答对 {RIGHT_TO_LEAVE_MISTAKES} 次移出错题本"

Clock = Callable[[], datetime]


# -- a session ----------------------------------------------------------------------------


@dataclass
class Outcome:
    question: Question
    grade: grading.Grade
    typed: str
    seconds: float
    answer_id: int | None
    overridden: bool = False
    card_before: str | None = None
    """The review card before this answer, to reschedule it if the verdict is disputed."""

    @property
    def verdict(self) -> Verdict:
        return Verdict.CORRECT if self.overridden else self.grade.verdict

    @property
    def score(self) -> float:
        return 1.0 if self.overridden else self.grade.score

    @property
    def disputable(self) -> bool:
        """我答对了 can be said of an answer given and not scored right; never of a blank one."""
        given = self.typed.replace(" / ", "").strip()
        return bool(given) and self.verdict != Verdict.CORRECT


@dataclass
class Result:
    score: float
    max_score: float
    counts: dict[str, int]
    seconds: float
    by_section: dict[str, tuple[int, float]]
    by_kind: dict[str, tuple[int, float]]
    mistakes: list[Outcome] = field(default_factory=list)

    @property
    def percent(self) -> float:
        return 100 * self.score / self.max_score if self.max_score else 0.0


class QuizSession:
    def __init__(
        self,
        store: Store,
        bank: Bank,
        profile_id: int,
        settings: Settings,
        questions: list[Question],
        session_id: int,
        clock: Clock = now,
    ):
        self.store = store
        self.bank = bank
        self.profile_id = profile_id
        self.settings = settings
        self.questions = questions
        self.session_id = session_id
        self.clock = clock
        self.outcomes: list[Outcome] = []
        self.started = clock()
        self.shown_at = self.started
        self.ended: datetime | None = None

    @classmethod
    def start(
        cls,
        store: Store,
        bank: Bank,
        profile_id: int,
        settings: Settings,
        *,
        quiz_code: str | None = None,
        group_id: str | None = None,
        questions: Sequence[Question] | None = None,
        clock: Clock = now,
    ) -> QuizSession:
        chosen = list(questions) if questions is not None else pick_questions(bank, settings, store, profile_id, clock())
        content = bank_hash(bank)
        store.register_bank(bank.id, content, bank.title)
        record = {**settings.__dict__, "sections": list(settings.sections), "questions": [q.id for q in chosen]}
        session_id = store.start_session(profile_id, bank.id, content, settings.mode, record, quiz_code, group_id, clock())
        return cls(store, bank, profile_id, settings, chosen, session_id, clock)

    @classmethod
    def resume(cls, store: Store, bank: Bank, session_id: int, clock: Clock = now) -> QuizSession:
        """Continue an unfinished session where it stopped."""
        row = store.session(session_id)
        if row is None:
            raise LookupError(f"no session {session_id}")
        saved = row.settings_data
        by_id = {q.id: q for q in bank.questions}
        questions = [by_id[i] for i in saved.pop("questions") if i in by_id]
        settings = Settings(**{**saved, "sections": tuple(saved.get("sections", ()))})
        session = cls(store, bank, row.profile_id, settings, questions, session_id, clock)
        session.started = datetime.fromisoformat(row.started)
        for answer in store.session_answers(session_id):
            question = by_id.get(answer.question_id)
            if question is not None:
                grade = grading.Grade(
                    Verdict(answer.original_verdict or answer.verdict), answer.score, (), expected_text(question), answer.typed
                )
                session.outcomes.append(
                    Outcome(question, grade, answer.typed, answer.seconds, answer.id, bool(answer.overridden))
                )
        return session

    # progress

    @property
    def position(self) -> int:
        return len(self.outcomes)

    @property
    def total(self) -> int:
        return len(self.questions)

    @property
    def current(self) -> Question | None:
        return self.questions[self.position] if self.position < self.total and self.ended is None else None

    @property
    def done(self) -> bool:
        return self.current is None

    def time_left(self) -> float | None:
        if self.settings.time_limit is None:
            return None
        spent = (self.clock() - self.started).total_seconds()
        return max(0.0, self.settings.time_limit - spent)

    def show_next(self) -> None:
        """The current question is now on screen: its time starts."""
        self.shown_at = self.clock()

    # answering

    def submit(self, response: Any, seconds: float | None = None) -> Outcome:
        """Grade and record the answer to the current question; move on."""
        question = self.current
        if question is None:
            raise IndexError("the session has no question left")
        moment = self.clock()
        taken = seconds if seconds is not None else max(0.0, (moment - self.shown_at).total_seconds())
        result = grade_question(question, response, self.settings.strictness)
        typed = response_text(question, response)
        before = self.store.card(self.profile_id, self.bank.id, question.id)
        card = next_card(before, result.verdict, taken, question, moment)
        answer = Answer(
            session_id=self.session_id,
            question_id=question.id,
            prompt=question.prompt,
            typed=typed,
            verdict=result.verdict,
            score=result.score,
            seconds=taken,
            section=question.section,
            kind=question.tags[0] if question.tags else question.type,
            points=question.points,
        )
        answer_id = self.store.record(answer, card, moment)
        outcome = Outcome(question, result, typed, taken, answer_id, card_before=before)
        self.outcomes.append(outcome)
        self.shown_at = moment
        if self.done:
            self.finish()
        return outcome

    def override(self, outcome: Outcome) -> None:
        """我答对了: the user disputes the verdict; it is scored right (and scheduled as
        right), the original verdict kept for the instructor."""
        card = next_card(outcome.card_before, Verdict.CORRECT, outcome.seconds, outcome.question, self.clock())
        if outcome.answer_id is not None:  # an answer still waiting for the database has no id to dispute yet
            self.store.override(outcome.answer_id, card)
        outcome.overridden = True

    def expire(self, response: Any = None) -> None:
        """Time is up: the question on screen is graded as it stands (``response``: what
        was typed or ticked, not yet submitted; None when nothing was); questions never
        shown, or left blank, stay unanswered, out of the mistake book and the review schedule."""
        if not self.done and response is not None:
            self.submit(response)
        self.finish()

    def finish(self) -> None:
        self.ended = self.ended or self.clock()
        self.store.finish_session(self.session_id, self.ended, sum(q.points for q in self.questions))

    def elapsed(self) -> float:
        """用时: a timed session's wall-clock time (within its limit); otherwise the time spent on its answers."""
        if self.settings.time_limit is None:
            return sum(o.seconds for o in self.outcomes)
        spent = ((self.ended or self.clock()) - self.started).total_seconds()
        return max(0.0, min(spent, self.settings.time_limit))

    def result(self) -> Result:
        counts: dict[str, int] = {**{verdict: 0 for verdict in Verdict}, "unanswered": self.total - len(self.outcomes)}
        sections: dict[str, list[float]] = {}
        kinds: dict[str, list[float]] = {}
        for o in self.outcomes:
            counts[o.verdict] += 1
            sections.setdefault(o.question.section or "", []).append(o.score)
            kinds.setdefault(o.question.tags[0] if o.question.tags else o.question.type, []).append(o.score)
        score = sum(o.score * o.question.points for o in self.outcomes)
        maximum = sum(q.points for q in self.questions)
        seconds = self.elapsed()

        def summary(groups: dict[str, list[float]]) -> dict[str, tuple[int, float]]:
            return {k: (len(v), sum(v) / len(v)) for k, v in groups.items()}

        mistakes = [o for o in self.outcomes if o.verdict != Verdict.CORRECT]
        return Result(score, maximum, counts, seconds, summary(sections), summary(kinds), mistakes)
