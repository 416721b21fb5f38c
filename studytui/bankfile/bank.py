"""The question-bank model, and writing a bank as YAML.

The model knows nothing of where banks come from: ``validation`` reads YAML text
into it, ``loader`` reads files (and generates banks from speeches).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any


class _Flow(list[Any]):
    """A list written on one line: [a, b, c]."""


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Question:
    """One question. ``answer`` by type: cloze, multi, order, list: a tuple of
    strings (cloze: one per blank); choice: a string; judge: a bool. ``accept``
    holds, for a cloze, a tuple of alternatives per blank. ``min_items``: how many
    items of a list answer make it full (None: all of them)."""

    id: str
    type: str
    prompt: str
    answer: Any
    options: tuple[str, ...] = ()
    accept: tuple[tuple[str, ...], ...] = ()
    section: str | None = None
    explanation: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    points: int = 1
    min_items: int | None = None
    reviewed: bool = field(default=False, compare=False)
    """An instructor read it and kept it (the review's mark; not part of what it asks)."""
    score: int | None = field(default=None, compare=False)
    """The generator's score (0–100), when the bank records it."""


@dataclass(frozen=True)
class Bank:
    title: str
    questions: tuple[Question, ...]
    id: str = ""
    description: str = ""
    source: str = ""
    tags: tuple[str, ...] = ()
    sections: tuple[Section, ...] = ()
    path: Path | None = field(default=None, compare=False)
    only_reviewed: bool = field(default=False, compare=False)
    """Learners see only the questions marked reviewed (the loader leaves the others out)."""

    def type_counts(self) -> Counter[str]:
        return Counter(q.type for q in self.questions)

    def section_title(self, section_id: str | None) -> str:
        return next((s.title for s in self.sections if s.id == section_id), "")


@dataclass(frozen=True)
class Problem:
    path: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        prefix = "警告：" if self.warning else ""
        return f"{self.path}:{self.line}: {prefix}{self.message}"


@dataclass
class Validation:
    """What reading a bank gave: the bank when it is valid, and every problem found."""

    path: str
    bank: Bank | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.warning]

    @property
    def ok(self) -> bool:
        return self.bank is not None


class BankError(Exception):
    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


def with_path(bank: Bank, path: Path) -> Bank:
    """The bank, marked as read from ``path`` (not part of its value)."""
    object.__setattr__(bank, "path", path)
    return bank


# -- writing ------------------------------------------------------------------


def to_data(bank: Bank) -> dict[str, Any]:
    """The bank as plain data in the order an instructor reads it, defaults left out."""
    data: dict[str, Any] = {"title": bank.title}
    if bank.id:
        data["id"] = bank.id
    for key in ("description", "source"):
        if getattr(bank, key):
            data[key] = getattr(bank, key)
    if bank.tags:
        data["tags"] = _Flow(bank.tags)
    if bank.only_reviewed:
        data["only_reviewed"] = True
    if bank.sections:
        data["sections"] = [{"id": s.id, "title": s.title} for s in bank.sections]
    data["questions"] = [_question_data(q) for q in bank.questions]
    return data


def _question_data(q: Question) -> dict[str, Any]:
    data: dict[str, Any] = {"id": q.id, "type": q.type}
    if q.section:
        data["section"] = q.section
    data["prompt"] = q.prompt
    if q.options:
        data["options"] = _Flow(q.options)
    if q.type == "cloze" and len(q.answer) == 1:
        data["answer"] = q.answer[0]
        if q.accept:
            data["accept"] = _Flow(q.accept[0])
    else:
        data["answer"] = _Flow(q.answer) if isinstance(q.answer, tuple) else q.answer
        if q.accept:
            data["accept"] = [_Flow(alternatives) for alternatives in q.accept]
    for key in ("explanation", "source"):
        if getattr(q, key):
            data[key] = getattr(q, key)
    if q.tags:
        data["tags"] = _Flow(q.tags)
    if q.points != 1:
        data["points"] = q.points
    if q.min_items is not None:
        data["min_items"] = q.min_items
    if q.score is not None:
        data["score"] = q.score
    if q.reviewed:
        data["reviewed"] = True
    return data


def from_data(data: dict[str, Any], path: Path | None = None) -> Bank:
    """The bank that ``to_data`` gave, without validating it again (a cache of a bank
    that was valid when written)."""
    questions = []
    for q in data["questions"]:
        answer = q["answer"]
        accept = q.get("accept", ())
        if q["type"] == "cloze":
            answer = (answer,) if isinstance(answer, str) else tuple(answer)
            accept = (tuple(accept),) if accept and len(answer) == 1 else tuple(tuple(a) for a in accept)
        elif isinstance(answer, list):
            answer = tuple(answer)
        questions.append(
            Question(
                id=q["id"],
                type=q["type"],
                prompt=q["prompt"],
                answer=answer,
                options=tuple(q.get("options", ())),
                accept=accept,
                section=q.get("section"),
                explanation=q.get("explanation", ""),
                source=q.get("source", ""),
                tags=tuple(q.get("tags", ())),
                points=q.get("points", 1),
                min_items=q.get("min_items"),
                reviewed=q.get("reviewed", False),
                score=q.get("score"),
            )
        )
    return Bank(
        title=data["title"],
        questions=tuple(questions),
        id=data.get("id", ""),
        description=data.get("description", ""),
        source=data.get("source", ""),
        tags=tuple(data.get("tags", ())),
        sections=tuple(Section(s["id"], s["title"]) for s in data.get("sections", ())),
        path=path,
        only_reviewed=data.get("only_reviewed", False),
    )


def dump(bank: Bank) -> str:
    """YAML text for the bank, Chinese kept readable; ``parse(dump(b)).bank == b``."""
    import yaml

    return yaml.dump(
        to_data(bank),
        Dumper=_dumper(),
        allow_unicode=True,
        sort_keys=False,
        default_flow_style=False,
        width=100,
    )


@cache
def _dumper() -> type:
    """Block mappings, with lists of plain strings kept on one line. Made on first use:
    a bank read from the cache at start-up needs no YAML at all."""
    import yaml

    class Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
        pass

    Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))
    return Dumper
