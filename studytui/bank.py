"""The question-bank model, and loading, validating and writing banks as YAML.

A bank is read by composing the YAML into nodes (the C composer where present)
and building the dataclasses from the nodes directly, so every problem can name
the line of the node it is about, nothing is ever constructed from a YAML tag,
and an alias bomb is refused instead of expanded.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Block mappings, with lists of plain strings kept on one line: [a, b, c]."""


class _Flow(list):
    pass


_Dumper.add_representer(_Flow, lambda dumper, data: dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True))

MAX_BYTES = 5 * 1024 * 1024
MAX_NESTING = 1000
BLANK_RE = re.compile(r"_{4,}")
BLANK = "____"

TYPES = ("cloze", "choice", "multi", "judge", "order", "list")
TYPE_NAMES = {"cloze": "填空", "choice": "单选", "multi": "多选", "judge": "判断", "order": "排序", "list": "列举"}
BANK_KEYS = ("title", "id", "description", "source", "tags", "sections", "questions", "version")
SECTION_KEYS = ("id", "title")
QUESTION_KEYS = (
    "id", "type", "section", "prompt", "options", "answer", "accept",
    "explanation", "source", "tags", "points",
)

_YAML_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（是否缩进不对，或冒号后少了空格？）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用制表符（Tab）缩进，请改用空格",
    "found undefined alias": "引用了未定义的锚点",
    "expected a single document in the stream": "一个文件只能有一个 YAML 文档（多余的“---”）",
}


@dataclass(frozen=True)
class Section:
    id: str
    title: str


@dataclass(frozen=True)
class Question:
    """One question. ``answer`` by type: cloze, multi, order, list: a tuple of
    strings (cloze: one per blank); choice: a string; judge: a bool. ``accept``
    holds, for a cloze, a tuple of alternatives per blank."""

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


def load(path: str | Path) -> Bank:
    """The bank in ``path``; raises BankError listing every problem."""
    result = validate(path)
    if result.bank is None:
        raise BankError(result.errors)
    return result.bank


def validate(path: str | Path) -> Validation:
    path = Path(path)
    text, problems = read_text(path)
    if text is None:
        return Validation(str(path), None, problems)
    result = parse(text, str(path), default_id=path.stem)
    result.problems[:0] = problems
    if result.bank is not None:
        result.bank = with_path(result.bank, path)
    return result


def open_bank(path: str | Path, cache: Path | None = None) -> Validation:
    """A bank file, or a speech ``.txt`` generated into a bank (cached in ``cache``)."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        from studytui.generate import bank_from_speech

        return bank_from_speech(path, cache)
    return validate(path)


def with_path(bank: Bank, path: Path) -> Bank:
    """The bank, marked as read from ``path`` (not part of its value)."""
    object.__setattr__(bank, "path", path)
    return bank


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a bank or speech file: UTF-8 (with or without BOM), or GB18030 with a warning."""
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            return None, [Problem(name, 1, "这是一个文件夹，不是文件")]
        if size > MAX_BYTES:
            return None, [Problem(name, 1, f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 5 MB")]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 1, "文件不存在")]
    except OSError as exc:
        return None, [Problem(name, 1, f"无法读取文件：{exc.strerror or exc}")]
    return decode(data, name)


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    if not data.strip():
        return None, [Problem(name, 1, "文件为空")]
    if b"\x00" in data:
        return None, [Problem(name, 1, "不是文本文件（含有二进制内容）")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None, [Problem(name, 1, "不是文本文件（既不是 UTF-8 也不是 GB18030 编码）")]
    return text, [Problem(name, 1, "文件不是 UTF-8 编码，已按 GB18030 读取；建议另存为 UTF-8", warning=True)]


def parse(text: str, name: str = "<bank>", default_id: str = "") -> Validation:
    """Validate bank YAML text, reporting every problem with its line."""
    result = Validation(name)
    nesting_line = _too_deep(text)
    if nesting_line:
        result.problems.append(Problem(name, nesting_line, f"嵌套超过 {MAX_NESTING} 层，不是正常的题库"))
        return result
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        result.problems.append(Problem(name, line, "YAML 语法错误：" + _yaml_problem(exc)))
        return result
    except yaml.YAMLError as exc:
        result.problems.append(Problem(name, 1, f"YAML 语法错误：{exc}"))
        return result
    from studytui.validation import Reader

    reader = Reader(name)
    bank = reader.bank(root, default_id)
    result.problems.extend(sorted(reader.problems, key=lambda p: p.line))
    result.bank = bank if not reader.problems else None
    return result


def _yaml_problem(exc: yaml.MarkedYAMLError) -> str:
    problem = str(exc.problem or exc.context or "")
    for english, chinese in _YAML_PROBLEMS.items():
        if problem.startswith(english):
            return chinese
    return problem


def _too_deep(text: str) -> int:
    """The line where flow collections nest deeper than MAX_NESTING, or 0.

    The C composer recurses once per level and crashes the interpreter somewhere
    past ten thousand levels of ``[``; block nesting is bounded by indentation and
    the 5 MB limit. Brackets inside strings are counted too, which only matters for
    a file with a thousand unclosed ones.
    """
    if text.count("[") + text.count("{") <= MAX_NESTING:
        return 0
    depth = 0
    for index, char in enumerate(text):
        if char in "[{":
            depth += 1
            if depth > MAX_NESTING:
                return text.count("\n", 0, index) + 1
        elif char in "]}":
            depth = max(0, depth - 1)
    return 0


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
        questions.append(Question(
            id=q["id"], type=q["type"], prompt=q["prompt"], answer=answer, options=tuple(q.get("options", ())),
            accept=accept, section=q.get("section"), explanation=q.get("explanation", ""),
            source=q.get("source", ""), tags=tuple(q.get("tags", ())), points=q.get("points", 1),
        ))
    return Bank(
        title=data["title"], questions=tuple(questions), id=data.get("id", ""), description=data.get("description", ""),
        source=data.get("source", ""), tags=tuple(data.get("tags", ())),
        sections=tuple(Section(s["id"], s["title"]) for s in data.get("sections", ())), path=path,
    )


def dump(bank: Bank) -> str:
    """YAML text for the bank, Chinese kept readable; ``parse(dump(b)).bank == b``."""
    return yaml.dump(
        to_data(bank), Dumper=_Dumper, allow_unicode=True, sort_keys=False,
        default_flow_style=False, width=100,
    )
