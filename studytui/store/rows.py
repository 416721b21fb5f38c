"""What the store's queries return: one frozen dataclass per kind of row, read by attribute
(``row.score``), never a dict or a tuple indexed by a string or a position."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, fields
from typing import Any, Self


class Row:
    """A row of the store: its fields by name, as ``dataclasses.asdict`` gives them for JSON."""

    __slots__ = ()

    @classmethod
    def of(cls, row: sqlite3.Row) -> Self:
        """The dataclass of a query's row, its columns named as the fields are."""
        return cls(**{name: row[name] for name in row.keys()})

    def as_json(self) -> dict[str, Any]:
        """The fields by name, in order (what the command line prints with ``--json``)."""
        return {field.name: getattr(self, field.name) for field in fields(self)}  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class SessionRecord(Row):
    """A session as the store holds it: who, which bank, when, and its running totals."""

    id: int
    profile_id: int
    bank_id: str
    bank_hash: str
    mode: str
    started: str
    finished: str | None
    settings: str
    """The session's settings as JSON (its whole question list, for a class quiz)."""
    quiz_code: str | None
    group_id: str | None
    answered: int
    score: float
    max_score: float
    seconds: float
    uid: str | None
    imported: int

    @property
    def settings_data(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.settings or "{}")
        return data


@dataclass(frozen=True, slots=True)
class AnswerRecord(Row):
    """One answer as recorded: what was asked and typed, its verdict and score, when."""

    id: int
    session_id: int
    profile_id: int
    bank_id: str
    question_id: str
    section: str | None
    kind: str | None
    prompt: str
    typed: str
    verdict: str
    score: float
    points: float
    seconds: float
    answered: str
    day: str
    overridden: int
    original_verdict: str | None
    uid: str | None


@dataclass(frozen=True, slots=True)
class SessionScore(Row):
    """A session in a profile's history: its bank, mode, times and totals."""

    id: int
    bank_id: str
    mode: str
    started: str
    finished: str | None
    answered: int
    score: float
    max_score: float
    seconds: float


@dataclass(frozen=True, slots=True)
class Accuracy(Row):
    """Answers grouped by ``key`` (a bank, a section or a kind of formulation): how many, and
    the share of their score."""

    key: str | None
    answers: int
    accuracy: float


@dataclass(frozen=True, slots=True)
class QuestionResults(Row):
    """One question's answers by one profile: how many, and their scores added up."""

    answers: int
    total: float


@dataclass(frozen=True, slots=True)
class WeakQuestion(Row):
    """A question this profile gets wrong, with its latest prompt."""

    bank_id: str
    question_id: str
    answers: int
    accuracy: float
    prompt: str


@dataclass(frozen=True, slots=True)
class Ranked(Row):
    """A place in a class quiz's or a contest's ranking."""

    name: str
    id: int
    imported: int
    score: float
    max_score: float
    answered: int
    seconds: float
    """Time on the clock for a class quiz (start to finish, at most the limit); for a contest
    team, the time its answers took."""
    finished: str | None
    total: int
    """The questions in all (the class quiz's list; for a contest, those answered)."""


@dataclass(frozen=True, slots=True)
class Missed(Row):
    """A question of a class quiz or contest, and how many of its answers were wrong."""

    question_id: str
    prompt: str
    answers: int
    missed: int


@dataclass(frozen=True, slots=True)
class QuestionTally(Row):
    """How many answered a question, and how many got it right."""

    bank_id: str
    question_id: str
    prompt: str
    kind: str | None
    answers: int
    right: int


@dataclass(frozen=True, slots=True)
class KindTally(Row):
    """How many answered questions of a kind of formulation, and how many got them right."""

    kind: str | None
    answers: int
    right: int


@dataclass(frozen=True, slots=True)
class WeakPoints(Row):
    """The weak points report: every question and every kind, the least known first."""

    questions: list[QuestionTally]
    kinds: list[KindTally]


@dataclass(frozen=True, slots=True)
class ContestEvent(Row):
    """One change of a contest team's points."""

    team: str
    kind: str
    points: int
    note: str
    at: str


@dataclass(frozen=True, slots=True)
class ExportedAnswer(Row):
    """An answer as exported to be merged on another machine: the same on every machine, by its ids.
    ``settings`` comes with a session's first answer only (None on the rest)."""

    profile: str
    bank: str
    question_id: str
    prompt: str
    typed: str
    verdict: str
    score: float
    seconds: float
    answered: str
    mode: str
    quiz_code: str | None
    overridden: int
    original_verdict: str | None
    section: str | None
    kind: str | None
    points: float
    uid: str
    session_uid: str
    bank_hash: str
    started: str
    finished: str | None
    group_id: str | None
    settings: str | None = None

    def as_json(self) -> dict[str, Any]:
        """The export file's object: ``settings`` left out where it is None."""
        data = Row.as_json(self)
        if self.settings is None:
            del data["settings"]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ExportedAnswer:
        """An export file's object, checked already (``answer_import``); the fields an older
        file may leave out are None."""
        names = {field.name for field in fields(cls)}
        optional = dict.fromkeys(("quiz_code", "original_verdict", "section", "kind", "finished", "group_id"))
        return cls(**{**optional, **{key: value for key, value in data.items() if key in names}})
