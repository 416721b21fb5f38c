"""Reading bank YAML text into the bank model, collecting every problem with the
line of its node instead of stopping at the first."""

from __future__ import annotations

import difflib

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studytui.bankfile import reviewed, syntax
from studytui.bankfile.bank import Bank, Problem, Question, Section, Validation
from studytui.constants import BLANK_RE, TYPE_NAMES, TYPES
from studytui.safe_text import UNSAFE, control_message, escaped, stripped

_TAG = "tag:yaml.org,2002:"
_STR, _NULL, _BOOL, _INT = _TAG + "str", _TAG + "null", _TAG + "bool", _TAG + "int"
_TEXT_TAGS = frozenset({_STR, _INT, _TAG + "float", _BOOL, _TAG + "timestamp"})
_PLAIN_TAGS = _TEXT_TAGS | {_NULL, _TAG + "seq", _TAG + "map"}

_JUDGE_WORDS = {"对": True, "错": False}

BANK_KEYS = ("title", "id", "description", "source", "tags", "sections", "questions", "version", *reviewed.BANK_KEYS)
SECTION_KEYS = ("id", "title")
QUESTION_KEYS = (
    "id",
    "type",
    "section",
    "prompt",
    "options",
    "answer",
    "accept",
    "explanation",
    "source",
    "tags",
    "points",
    "min_items",
    *reviewed.QUESTION_KEYS,
)


def parse(text: str, name: str = "<bank>", default_id: str = "") -> Validation:
    """Validate bank YAML text, reporting every problem with its line."""
    controls = _control_problems(text, name)
    composed = syntax.compose(stripped(text) if controls else text, name)
    composed.problems[:0] = controls
    result = Validation(name, problems=composed.problems)
    if composed.root is None and composed.problems:
        return result
    reader = Reader(name)
    bank = reader.bank(composed.root, default_id)
    found = [p for p in reader.problems if p.line not in composed.aside]  # the stand-ins' own problems
    result.problems = sorted(composed.problems + found, key=lambda p: p.line)
    result.bank = bank if not result.problems else None
    return result


def _control_problems(text: str, name: str) -> list[Problem]:
    """A problem for each line holding a character a terminal would obey (ESC, BEL, a
    bidi override…): a bank shown on screen must not set its title or clear it."""
    return [
        Problem(name, number, control_message(line)) for number, line in enumerate(text.split("\n"), 1) if UNSAFE.search(line)
    ]


class Reader:
    """Builds a Bank from composed YAML nodes, collecting problems instead of raising."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._misspelt: set[tuple[int, str]] = set()  # (mapping, key) said as "是不是…" already

    def error(self, node: Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.name, line, escaped(message)))

    # -- node checks -------------------------------------------------------

    def _plain(self, node: Node) -> bool:
        """False (with a problem) for a node built from a YAML tag or an alias."""
        if node.tag not in _PLAIN_TAGS:
            self.error(node, f"不允许使用 YAML 标签 {node.tag.replace(_TAG, '!!')}（题库只能包含文本、数字、列表和映射）")
            return False
        if id(node) in self._seen:  # a node met twice is an alias (*ref) of it
            self.error(node, "不支持 YAML 别名（*引用），请直接写出内容")
            return False
        self._seen.add(id(node))
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
                self._misspelt.update((id(node), close) for close in difflib.get_close_matches(key, known, n=1, cutoff=0.6))
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
        if UNSAFE.search(value):  # written as an escape ("\\e", "\\x1b") in a quoted string
            self.error(node, control_message(value))
            return None
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
        self._require(root, fields, ("title", "questions"), "缺少必填的键")
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
            only_reviewed="only_reviewed" in fields and reviewed.flag(self, fields["only_reviewed"][1], "only_reviewed"),
        )
        return bank

    def _require(self, node: Node, fields, keys: tuple[str, ...], message: str) -> None:
        """A problem for each missing key, unless a misspelling of it was reported."""
        for key in keys:
            if key not in fields and (id(node), key) not in self._misspelt:
                self.error(node, f"{message}“{key}”")

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
        self._require(node, fields, ("id", "type", "prompt", "answer"), "题目缺少必填的键")
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
        min_items = self.min_items(fields, qtype, answer) if "min_items" in fields else None
        return Question(
            id=qid,
            type=qtype,
            prompt=prompt,
            answer=answer,
            options=options or (),
            accept=accept or (),
            section=section,
            explanation=explanation,
            source=source,
            tags=tags,
            points=points,
            min_items=min_items,
            reviewed="reviewed" in fields and reviewed.flag(self, fields["reviewed"][1], "reviewed"),
            score=reviewed.score(self, fields["score"][1]) if "score" in fields else None,
        )

    def points(self, node: Node) -> int:
        if self._plain(node) and node.tag == _INT and int(node.value) > 0:
            return int(node.value)
        self.error(node, "points 应为正整数")
        return 1

    def min_items(self, fields, qtype: str, answer) -> int | None:
        """How many items make a list answer full: 1 up to the number of items listed."""
        if qtype != "list":
            self._not_allowed(fields, qtype, "min_items")
            return None
        node = fields["min_items"][1]
        if not (self._plain(node) and node.tag == _INT and int(node.value) > 0):
            self.error(node, "min_items 应为正整数（写出几项算答全）")
            return None
        if answer is not None and int(node.value) > len(answer):
            self.error(node, f"min_items 为 {int(node.value)}，但答案只列了 {len(answer)} 项")
            return None
        return int(node.value)

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
        if isinstance(node, ScalarNode) and node.tag == _STR and node.value.strip() in _JUDGE_WORDS:
            return _JUDGE_WORDS[node.value.strip()], (), ()
        self.error(node, "判断题的答案应为 true 或 false（也可写“对”或“错”）")
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
    "cloze": Reader.cloze,
    "choice": Reader.choice,
    "multi": Reader.multi,
    "judge": Reader.judge,
    "order": Reader.order,
    "list": Reader.list,
}


def _suggest(word: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"是不是“{close[0]}”？" if close else ""
