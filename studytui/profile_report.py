"""One person's progress, as the stats screen and ``studytui stats`` both show it: the
streak, today's answers, sessions over time, accuracy per bank, section, kind of
formulation and question type, and the weakest questions. Computed here once, from the
store and (for titles and question types) the banks; the screen and the command line
only lay it out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from studytui.vocabulary import TYPE_NAMES, Strictness

if TYPE_CHECKING:
    from studytui.bankfile.bank import Bank
    from studytui.store import Store
    from studytui.store.rows import Accuracy, QuestionResults, SessionScore, WeakQuestion

FindBank = Callable[[str], "Bank | None"]
Shares = dict[str, tuple[int, float]]
"""Accuracy by a name shown to people: (answers, the share of their score)."""
NO_SECTION = "（未分部分）"
BANK_GONE = "（题库已删除）"


@dataclass(frozen=True, slots=True)
class ProfileReport:
    profile: str
    streak_days: int
    answers_today: int
    sessions: list[SessionScore]
    """Sessions with answers, oldest first."""
    banks: list[Accuracy]
    """Accuracy per bank (``key`` is the bank's id)."""
    sections: dict[str, list[Accuracy]]
    """Per bank id, accuracy per section (``key`` is the section's id, None outside any)."""
    kinds: list[Accuracy]
    """Accuracy per kind of formulation (``key`` the kind, or a question's type when it has none)."""
    weakest: list[WeakQuestion]
    questions: dict[str, dict[str, QuestionResults]]
    """Per bank id, each question answered (for accuracy per question type); not in ``as_json``."""

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sessions)

    @property
    def latest_percent(self) -> float | None:
        """The latest scored session's score, in per cent."""
        percents = [100 * s.score / s.max_score for s in self.sessions if s.max_score]
        return percents[-1] if percents else None

    def section_shares(self, find_bank: FindBank) -> Shares:
        """Accuracy per section of every bank, each named by its title."""
        shares: Shares = {}
        for row in self.banks:
            bank = find_bank(row.key) if row.key is not None else None
            for part in self.sections.get(row.key or "", []):
                title = (bank.section_title(part.key) if bank else "") or part.key or NO_SECTION
                shares[title] = (part.answers, part.accuracy)
        return shares

    def kind_shares(self) -> Shares:
        """Accuracy per kind of formulation named in Chinese (questions without a kind left out)."""
        from studytui.generator.formulations import KIND_NAMES  # lazily: the generator loads only when stats are shown

        return {KIND_NAMES[r.key]: (r.answers, r.accuracy) for r in self.kinds if r.key in KIND_NAMES}

    def type_shares(self, find_bank: FindBank) -> Shares:
        """Accuracy per question type, the types read from the banks."""
        totals: dict[str, tuple[int, float]] = {}
        for bank_id, results in self.questions.items():
            bank = find_bank(bank_id)
            types = {q.id: q.type for q in bank.questions} if bank else {}
            for question, result in results.items():
                question_type = types.get(question)
                name = TYPE_NAMES[question_type] if question_type in TYPE_NAMES else BANK_GONE
                count, total = totals.get(name, (0, 0.0))
                totals[name] = (count + result.answers, total + result.total)
        return {name: (count, total / count) for name, (count, total) in totals.items()}

    def as_json(self) -> dict[str, Any]:
        """What ``studytui stats --json`` prints for this person (stable English keys)."""
        return {
            "profile": self.profile,
            "streak_days": self.streak_days,
            "answers_today": self.answers_today,
            "sessions": [s.as_json() for s in self.sessions],
            "banks": [b.as_json() for b in self.banks],
            "sections": {bank_id: [r.as_json() for r in rows] for bank_id, rows in self.sections.items()},
            "kinds": [k.as_json() for k in self.kinds],
            "weakest": [w.as_json() for w in self.weakest],
        }


def profile_report(store: Store, name: str) -> ProfileReport:
    """The report of the person called ``name`` (a profile made for the name when there is none)."""
    pid = store.profile(name)
    banks = store.accuracy_by_bank(pid)
    ids = [b.key for b in banks if b.key is not None]
    return ProfileReport(
        profile=name,
        streak_days=store.streak(pid),
        answers_today=store.answers_on(pid),
        sessions=store.sessions_over_time(pid),
        banks=banks,
        sections={bank_id: store.accuracy_by_section(pid, bank_id) for bank_id in ids},
        kinds=store.accuracy_by_kind(pid),
        weakest=store.weakest_questions(pid),
        questions={bank_id: store.question_results(pid, bank_id) for bank_id in ids},
    )


@dataclass(frozen=True, slots=True)
class Glance:
    """Progress at a glance, as the home screen shows it: today, the streak, and the bank selected."""

    answers_today: int
    streak_days: int
    due: int
    """The bank's questions due for review."""
    new: int
    """The bank's questions never reviewed."""
    mistakes: int
    """The bank's questions in the mistake book."""
    strictness: Strictness


def glance(store: Store, profile_id: int, bank: Bank | None) -> Glance:
    """Progress at a glance for ``profile_id``, on ``bank`` (nothing due on no bank)."""
    from studytui.quiz.selection import review_counts  # lazily: the quiz package and the grader load after home shows

    due, new = review_counts(bank, store, profile_id) if bank else (0, 0)
    return Glance(
        answers_today=store.answers_on(profile_id),
        streak_days=store.streak(profile_id),
        due=due,
        new=new,
        mistakes=len(store.mistakes(profile_id, bank.id)) if bank else 0,
        strictness=store.strictness(),
    )
