"""A quiz session as plain Python: picks questions for a mode, grades and records
each answer through the store, and reports progress and the result.

The TUI, the contest and the command line all drive this one engine.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from studytui import grading
from studytui.picking import mixed, once, one_per_blank, recognised_first, spread
from studytui.text import normalize
from studytui.bank import Bank, Question, to_data
from studytui.store import RIGHT_TO_LEAVE_MISTAKES, Answer, Store, iso, now

MODES = ("practice", "exam", "mistakes", "review", "class", "contest")
MODE_NAMES = {"practice": "练习", "exam": "考试", "mistakes": "错题本", "review": "智能复习", "class": "班级测验", "contest": "小组竞赛"}
LEAVING_MISTAKES = f"连续答对 {RIGHT_TO_LEAVE_MISTAKES} 次移出错题本"
EXAM_QUESTIONS = 20
EXAM_SECONDS = 15 * 60
REVIEW_NEW_PER_SESSION = 10
REVIEW_SESSION_SIZE = 30
NO_SECTION = ""
"""In ``Settings.sections``: the questions outside every section (the title, the opening remarks)."""

Clock = Callable[[], datetime]


@dataclass(frozen=True)
class Settings:
    mode: str = "practice"
    sections: tuple[str, ...] = ()
    count: int | None = None
    time_limit: int | None = None
    """Seconds for the whole session (exam, class quiz); None for no limit."""
    strictness: str = "normal"
    seed: int = 0


_FULL_WIDTH_DIGITS = str.maketrans("０１２３４５６７８９", "0123456789")
_COUNT_AND_MINUTES = re.compile(r"([0-9]{1,9})\s*(?:题\s*[,，、]?|[,，、]|\s)\s*([0-9]{1,9})\s*(?:分钟|分)?")
"""Nine digits at most: a longer number is out of any range, and Python refuses to read one of thousands."""


def count_and_minutes(text: str, minutes: range, most: int = 10_000) -> tuple[int, int] | None:
    """"20 15" → (20, 15): a number of questions (1 to ``most``) and minutes in ``minutes``.
    Also as an input method types it: ``20，15``, full-width ``２０　１５``, ``20题 15分钟``."""
    found = _COUNT_AND_MINUTES.fullmatch(text.translate(_FULL_WIDTH_DIGITS).strip())
    if found is None:
        return None
    count, limit = int(found[1]), int(found[2])
    return (count, limit) if 1 <= count <= most and limit in minutes else None


def bank_hash(bank: Bank) -> str:
    """A content hash that is the same on every machine for the same bank."""
    return hash_data(to_data(bank))


def hash_data(data: dict) -> str:
    canonical = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# -- grading a question's response -------------------------------------------------------


def grade_question(question: Question, response: Any, strictness: str = "normal") -> grading.Grade:
    """Grade what the user gave for a question of any type.

    cloze: a string (one blank) or one string per blank; choice: the option;
    multi: the chosen options; judge: True/False; order: the items in order;
    list: the typed text (or the items).
    """
    kind = question.type
    if kind == "cloze":
        blanks = [response] if isinstance(response, str) else list(response or [])
        if len(question.answer) == 1:
            accept = question.accept[0] if question.accept else ()
            return grading.grade_blank(question.answer[0], blanks[0] if blanks else "", accept, strictness)
        return grading.grade_blanks(question.answer, blanks, question.accept, strictness)
    if kind == "choice":
        return grading.grade_choice(question.answer, response)
    if kind == "multi":
        return grading.grade_multi(question.answer, response or ())
    if kind == "judge":
        return grading.grade_judge(question.answer, response)
    if kind == "order":
        return grading.grade_order(question.answer, list(response or ()))
    typed = response if isinstance(response, str) else "、".join(response or ())
    return grading.grade_list(question.answer, typed, strictness, question.min_items)


def response_text(question: Question, response: Any) -> str:
    """What the user gave, as text for the record."""
    if response is None:
        return ""
    if question.type == "judge":
        return "对" if response else "错"
    if isinstance(response, str):
        return response
    separator = {"cloze": " / ", "order": " → "}.get(question.type, "、")
    return separator.join(response)


def expected_text(question: Question) -> str:
    answer = question.answer
    if question.type == "judge":
        return "对" if answer else "错"
    return answer if isinstance(answer, str) else {"cloze": " / ", "order": " → "}.get(question.type, "、").join(answer)


def gives_away(question: Question, text: str) -> bool:
    """Whether ``text`` shown beside the question (a section or bank title) would show
    its answer: an item of the answer appears in it, or, for a judge statement, four or
    more characters of the statement do."""
    shown = normalize(text)
    if not shown:
        return False
    if question.type == "judge":
        statement = normalize(question.prompt.partition("：")[2] or question.prompt)
        return any(statement[i:i + 4] in shown for i in range(max(0, len(statement) - 3)))
    answer = question.answer
    items = [answer] if isinstance(answer, str) else list(answer)
    return any(normalize(item) and normalize(item) in shown for item in items)


# -- the review schedule -------------------------------------------------------------------


@lru_cache(maxsize=1)
def _scheduler():
    from fsrs import Scheduler

    return Scheduler(enable_fuzzing=False)


def rating_for(verdict: str, seconds: float, question: Question):
    """wrong → Again, close → Hard, correct → Good, or Easy when answered quickly
    (within 2 s plus 0.6 s per character of the answer)."""
    from fsrs import Rating

    if verdict == "wrong":
        return Rating.Again
    if verdict == "close":
        return Rating.Hard
    return Rating.Easy if seconds <= 2 + 0.6 * len(expected_text(question)) else Rating.Good


def next_card(card_json: str | None, verdict: str, seconds: float, question: Question, at: datetime) -> tuple[str, str]:
    """The question's FSRS card after this answer, as (json, due)."""
    from fsrs import Card

    card = Card.from_json(card_json) if card_json else Card()
    card, _ = _scheduler().review_card(card, rating_for(verdict, seconds, question), at)
    return card.to_json(), iso(card.due)


# -- picking questions -----------------------------------------------------------------------


def pick_questions(bank: Bank, settings: Settings, store: Store | None = None, profile_id: int | None = None, at: datetime | None = None) -> list[Question]:
    rng = random.Random(settings.seed)
    pool = once([q for q in bank.questions if not settings.sections or (q.section or NO_SECTION) in settings.sections])
    by_id = {q.id: q for q in pool}
    mode = settings.mode
    if mode == "mistakes":
        book = [by_id[i] for i in store.mistakes(profile_id, bank.id) if i in by_id]
        rng.shuffle(book)
        return spread(book)[: settings.count]
    if mode == "review":
        due = [by_id[i] for i in store.due(profile_id, bank.id, at) if i in by_id]
        seen = store.reviewed(profile_id, bank.id)
        new = [q for q in pool if q.id not in seen]
        rng.shuffle(new)
        return spread(due + new[:REVIEW_NEW_PER_SESSION])[: settings.count or REVIEW_SESSION_SIZE]
    ordered = sorted(pool, key=lambda q: q.id) if mode == "class" else list(pool)
    rng.shuffle(ordered)
    if mode in ("exam", "class"):
        return spread(mixed(one_per_blank(ordered), settings.count or EXAM_QUESTIONS))
    return spread(recognised_first(ordered[: settings.count] if settings.count else ordered))


def review_counts(bank: Bank, store: Store, profile_id: int, at: datetime | None = None) -> tuple[int, int]:
    """What 智能复习 would ask: (questions due, new questions), as ``pick_questions`` picks them."""
    pool = once(list(bank.questions))
    ids = {q.id for q in pool}
    due = sum(1 for i in store.due(profile_id, bank.id, at) if i in ids)
    seen = store.reviewed(profile_id, bank.id)
    new = min(REVIEW_NEW_PER_SESSION, sum(1 for q in pool if q.id not in seen))
    return due, new


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
    def verdict(self) -> str:
        return "correct" if self.overridden else self.grade.verdict

    @property
    def score(self) -> float:
        return 1.0 if self.overridden else self.grade.score

    @property
    def disputable(self) -> bool:
        """我答对了 can be said of an answer given and not scored right; never of a blank one."""
        given = self.typed.replace(" / ", "").strip()
        return bool(given) and self.verdict != "correct"


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
    def __init__(self, store: Store, bank: Bank, profile_id: int, settings: Settings, questions: list[Question], session_id: int, clock: Clock = now):
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
        cls, store: Store, bank: Bank, profile_id: int, settings: Settings, *, quiz_code: str | None = None,
        group_id: str | None = None, questions: Sequence[Question] | None = None, clock: Clock = now,
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
        saved = json.loads(row["settings"])
        by_id = {q.id: q for q in bank.questions}
        questions = [by_id[i] for i in saved.pop("questions") if i in by_id]
        settings = Settings(**{**saved, "sections": tuple(saved.get("sections", ()))})
        session = cls(store, bank, row["profile_id"], settings, questions, session_id, clock)
        session.started = datetime.fromisoformat(row["started"])
        for answer in store.session_answers(session_id):
            question = by_id.get(answer["question_id"])
            if question is not None:
                grade = grading.Grade(answer["original_verdict"] or answer["verdict"], answer["score"], (), expected_text(question), answer["typed"])
                session.outcomes.append(Outcome(question, grade, answer["typed"], answer["seconds"], answer["id"], bool(answer["overridden"])))
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
            session_id=self.session_id, question_id=question.id, prompt=question.prompt, typed=typed,
            verdict=result.verdict, score=result.score, seconds=taken, section=question.section,
            kind=question.tags[0] if question.tags else question.type, points=question.points,
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
        card = next_card(outcome.card_before, "correct", outcome.seconds, outcome.question, self.clock())
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
        counts = {"correct": 0, "close": 0, "wrong": 0, "unanswered": self.total - len(self.outcomes)}
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

        mistakes = [o for o in self.outcomes if o.verdict != "correct"]
        return Result(score, maximum, counts, seconds, summary(sections), summary(kinds), mistakes)
