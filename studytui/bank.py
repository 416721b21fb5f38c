"""The question-bank model, and loading, validating and writing banks as YAML.

A bank is read by composing the YAML into nodes (the C composer where present)
and building the dataclasses from the nodes directly, so every problem can name
the line of the node it is about, nothing is ever constructed from a YAML tag,
and an alias bomb is refused instead of expanded.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

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

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT = _TAG + "str", _TAG + "null", _TAG + "bool", _TAG + "int"
_TEXT_TAGS = frozenset({_STR, _INT, _TAG + "float", _BOOL, _TAG + "timestamp"})
_PLAIN_TAGS = _TEXT_TAGS | {_NULL, _TAG + "seq", _TAG + "map"}

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
    reader = _Reader(name)
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


class _Reader:
    """Builds a Bank from composed YAML nodes, collecting problems instead of raising."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self._seen_collections: set[int] = set()

    def error(self, node: Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.name, line, message))

    # -- node checks -------------------------------------------------------

    def _plain(self, node: Node) -> bool:
        """False (with a problem) for a node built from a YAML tag or an alias."""
        if node.tag not in _PLAIN_TAGS:
            self.error(node, f"不允许使用 YAML 标签 {node.tag.replace(_TAG, '!!')}（题库只能包含文本、数字、列表和映射）")
            return False
        if isinstance(node, ScalarNode):
            return True
        if id(node) in self._seen_collections:
            self.error(node, "不支持 YAML 别名（*引用），请直接写出内容")
            return False
        self._seen_collections.add(id(node))
        return True

    def mapping(self, node: Node, what: str, known: tuple[str, ...]) -> dict[str, tuple[Node, Node]] | None:
        if not self._plain(node):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, f"{what}应为映射（“键: 值”的形式）")
            return None
        fields: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or not self._plain(key_node):
                self.error(key_node, f"{what}的键应为文本")
                continue
            key = key_node.value
            if key in fields:
                self.error(key_node, f"键“{key}”重复出现（第 {fields[key][0].start_mark.line + 1} 行已有）")
            elif key not in known:
                self.error(key_node, f"未知的键“{key}”（{_suggest(key, known)}可用：{'、'.join(known)}）")
            else:
                fields[key] = (key_node, value_node)
        return fields

    def text(self, node: Node, what: str, *, allow_empty: bool = False) -> str | None:
        if not self._plain(node):
            return None
        if not isinstance(node, ScalarNode) or node.tag not in _TEXT_TAGS:
            kind = "空值" if node.tag == _NULL else ("列表" if isinstance(node, SequenceNode) else "映射")
            self.error(node, f"{what}应为文本，而不是{kind}")
            return None
        value = node.value.strip()
        if not value and not allow_empty:
            self.error(node, f"{what}不能为空")
            return None
        return value

    def items(self, node: Node, what: str) -> list[Node] | None:
        if not self._plain(node):
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what}应为列表")
            return None
        return list(node.value)

    def texts(self, node: Node, what: str, *, single_ok: bool = False) -> tuple[str, ...] | None:
        """A list of non-empty strings (or, with single_ok, one string)."""
        if single_ok and isinstance(node, ScalarNode) and node.tag != _NULL:
            value = self.text(node, what)
            return None if value is None else (value,)
        nodes = self.items(node, what)
        if nodes is None:
            return None
        values = [self.text(item, f"{what}中的每一项") for item in nodes]
        return None if None in values else tuple(values)  # type: ignore[arg-type]

    # -- the bank ----------------------------------------------------------

    def bank(self, root: Node | None, default_id: str) -> Bank | None:
        if root is None:
            self.error(None, "文件中没有内容（只有注释或空行）")
            return None
        if isinstance(root, SequenceNode):
            self.error(root, "题库的顶层应为映射（title:、questions: 等键），而不是列表")
            return None
        fields = self.mapping(root, "题库", BANK_KEYS)
        if fields is None:
            return None
        for required in ("title", "questions"):
            if required not in fields:
                self.error(root, f"缺少必填的键“{required}”")
        get = self._getter(fields)
        if "version" in fields and (fields["version"][1].tag != _INT or fields["version"][1].value != "1"):
            self.error(fields["version"][1], "version 只能是 1")
        sections = self.sections(fields["sections"][1]) if "sections" in fields else ()
        section_ids = {s.id for s in sections or ()}
        questions = self.questions(fields["questions"][1], section_ids) if "questions" in fields else None
        bank = Bank(
            title=get("title", self.text, "title") or "",
            questions=questions or (),
            id=get("id", self.text, "id") or default_id,
            description=get("description", self.text, "description", allow_empty=True) or "",
            source=get("source", self.text, "source") or "",
            tags=get("tags", self.texts, "tags", single_ok=True) or (),
            sections=sections or (),
        )
        return bank

    @staticmethod
    def _getter(fields: dict[str, tuple[Node, Node]]):
        def get(key: str, convert, *args, **kwargs):
            return convert(fields[key][1], *args, **kwargs) if key in fields else None

        return get

    def sections(self, node: Node) -> tuple[Section, ...] | None:
        nodes = self.items(node, "sections")
        if nodes is None:
            return None
        sections: list[Section] = []
        seen: set[str] = set()
        for item in nodes:
            fields = self.mapping(item, "每个 section", SECTION_KEYS)
            if fields is None:
                continue
            missing = [k for k in SECTION_KEYS if k not in fields]
            if missing:
                self.error(item, f"section 缺少“{missing[0]}”")
                continue
            section_id = self.text(fields["id"][1], "section 的 id")
            title = self.text(fields["title"][1], "section 的 title")
            if section_id is None or title is None:
                continue
            if section_id in seen:
                self.error(fields["id"][1], f"section id“{section_id}”重复")
            seen.add(section_id)
            sections.append(Section(section_id, title))
        return tuple(sections)

    def questions(self, node: Node, section_ids: set[str]) -> tuple[Question, ...] | None:
        nodes = self.items(node, "questions")
        if nodes is None:
            return None
        if not nodes:
            self.error(node, "questions 为空：至少要有一道题")
            return None
        questions: list[Question] = []
        first_line: dict[str, int] = {}
        for item in nodes:
            fields = self.mapping(item, "每道题", QUESTION_KEYS)
            if fields is None:
                continue
            count = len(self.problems)
            qid = self.text(fields["id"][1], "id") if "id" in fields else None
            if qid is not None and qid in first_line:
                self.error(fields["id"][1], f"题目 id“{qid}”重复（第 {first_line[qid]} 行已用过）")
            elif qid is not None:
                first_line[qid] = item.start_mark.line + 1
            question = self.question(item, fields, qid, section_ids)
            if len(self.problems) == count:
                questions.append(question)
        return tuple(questions)

    def question(self, node: Node, fields, qid: str | None, section_ids: set[str]) -> Question | None:
        for required in ("id", "type", "prompt", "answer"):
            if required not in fields:
                self.error(node, f"题目缺少必填的键“{required}”")
        get = self._getter(fields)
        qtype = get("type", self.text, "type")
        if qtype is not None and qtype not in TYPES:
            self.error(fields["type"][1], f"未知的题型“{qtype}”（{_suggest(qtype, TYPES)}可用：{'、'.join(TYPES)}）")
            qtype = None
        prompt = get("prompt", self.text, "prompt")
        section = get("section", self.text, "section")
        if section is not None and section not in section_ids:
            where = "可用：" + "、".join(sorted(section_ids)) if section_ids else "题库没有 sections"
            self.error(fields["section"][1], f"section“{section}”不存在（{where}）")
        points = self.points(fields["points"][1]) if "points" in fields else 1
        explanation = get("explanation", self.text, "explanation", allow_empty=True) or ""
        source = get("source", self.text, "source", allow_empty=True) or ""
        tags = get("tags", self.texts, "tags", single_ok=True) or ()
        if qtype is None:
            return None
        answer, options, accept = _ANSWER_READERS[qtype](self, fields, prompt)
        return Question(
            id=qid, type=qtype, prompt=prompt, answer=answer, options=options or (),
            accept=accept or (), section=section, explanation=explanation, source=source,
            tags=tags, points=points,
        )

    def points(self, node: Node) -> int:
        if self._plain(node) and node.tag == _INT and int(node.value) > 0:
            return int(node.value)
        self.error(node, "points 应为正整数")
        return 1

    # -- answers by type ----------------------------------------------------

    def _not_allowed(self, fields, qtype: str, *keys: str) -> None:
        for key in keys:
            if key in fields:
                self.error(fields[key][0], f"{TYPE_NAMES[qtype]}题（{qtype}）不使用“{key}”")

    def _answer(self, fields, convert, *args, **kwargs):
        """The converted answer, or None when it is missing (already reported) or wrong."""
        return convert(fields["answer"][1], *args, **kwargs) if "answer" in fields else None

    def cloze(self, fields, prompt: str | None):
        self._not_allowed(fields, "cloze", "options")
        answers = self._answer(fields, self.texts, "填空题的答案", single_ok=True)
        blanks = len(BLANK_RE.findall(prompt)) if prompt is not None else 0
        if prompt is not None and blanks == 0:
            self.error(fields["prompt"][1], "填空题的题干中没有空：用四个或更多下划线 ____ 表示")
        elif answers is not None and len(answers) != blanks and prompt is not None:
            self.error(fields["answer"][1], f"题干有 {blanks} 个空，答案却有 {len(answers)} 项")
        accept = self.accept(fields["accept"][1], blanks) if "accept" in fields else ()
        return answers, (), accept

    def accept(self, node: Node, blanks: int) -> tuple[tuple[str, ...], ...] | None:
        if blanks <= 1:
            alternatives = self.texts(node, "accept", single_ok=True)
            return None if alternatives is None else (alternatives,)
        nodes = self.items(node, "accept")
        if nodes is None:
            return None
        if len(nodes) != blanks:
            self.error(node, f"有 {blanks} 个空时，accept 应为 {blanks} 个列表（每个空一个）")
            return None
        per_blank = [self.texts(item, "accept 的每个空", single_ok=True) for item in nodes]
        return None if None in per_blank else tuple(per_blank)  # type: ignore[arg-type]

    def _options(self, fields, qtype: str, node: Node) -> tuple[str, ...] | None:
        if "options" not in fields:
            self.error(node, f"{TYPE_NAMES[qtype]}题缺少“options”")
            return None
        node = fields["options"][1]
        options = self.texts(node, "options")
        if options is None:
            return None
        if len(options) < 2:
            self.error(node, "options 至少要有两项")
        for index, option in enumerate(options):
            if option in options[:index]:
                self.error(node.value[index], f"选项“{option}”重复")
        return options

    def choice(self, fields, prompt: str | None):
        self._not_allowed(fields, "choice", "accept")
        options = self._options(fields, "choice", fields["type"][0])
        answer = self._answer(fields, self.text, "单选题的答案")
        if options is not None and answer is not None and answer not in options:
            self.error(fields["answer"][1], f"答案“{answer}”不在 options 中")
        return answer, options, ()

    def multi(self, fields, prompt: str | None):
        self._not_allowed(fields, "multi", "accept")
        options = self._options(fields, "multi", fields["type"][0])
        answer = self._answer(fields, self.texts, "多选题的答案", single_ok=True)
        if options is not None and answer is not None:
            node = fields["answer"][1]
            for index, item in enumerate(answer):
                item_node = node.value[index] if isinstance(node, SequenceNode) else node
                if item not in options:
                    self.error(item_node, f"答案“{item}”不在 options 中")
                elif item in answer[:index]:
                    self.error(item_node, f"答案“{item}”重复")
        return answer, options, ()

    def judge(self, fields, prompt: str | None):
        self._not_allowed(fields, "judge", "options", "accept")
        if "answer" not in fields:
            return None, (), ()
        node = fields["answer"][1]
        if self._plain(node) and node.tag == _BOOL and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true", (), ()
        self.error(node, "判断题的答案应为 true 或 false")
        return None, (), ()

    def _sequence(self, fields, qtype: str):
        self._not_allowed(fields, qtype, "options", "accept")
        answer = self._answer(fields, self.texts, f"{TYPE_NAMES[qtype]}题的答案")
        if answer is not None and len(answer) < 2:
            self.error(fields["answer"][1], f"{TYPE_NAMES[qtype]}题的答案至少要有两项")
        return answer, (), ()

    def order(self, fields, prompt: str | None):
        return self._sequence(fields, "order")

    def list(self, fields, prompt: str | None):
        return self._sequence(fields, "list")


_ANSWER_READERS = {
    "cloze": _Reader.cloze, "choice": _Reader.choice, "multi": _Reader.multi,
    "judge": _Reader.judge, "order": _Reader.order, "list": _Reader.list,
}


def _suggest(word: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"是不是“{close[0]}”？" if close else ""


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
