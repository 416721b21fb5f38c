"""Reading bank YAML text into the bank model, collecting every problem with the
line of its node instead of stopping at the first: the bank, its sections and its
questions here; plain values from nodes in ``nodes``, each type's answer in ``answer_fields``."""

from __future__ import annotations

from typing import Any

from yaml.nodes import Node, SequenceNode

from studytui.bankfile import reviewed, syntax
from studytui.bankfile.answer_fields import AnswerReader
from studytui.bankfile.bank import Bank, Problem, Question, Section, Validation
from studytui.bankfile.nodes import INT, Fields, suggest
from studytui.constants import TYPES
from studytui.safe_text import UNSAFE, control_message, stripped

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


class Reader(AnswerReader):
    """Builds a Bank from composed YAML nodes, collecting problems instead of raising."""

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
        self.require(root, fields, ("title", "questions"), "缺少必填的键")
        if "version" in fields and (fields["version"][1].tag != INT or fields["version"][1].value != "1"):
            self.error(fields["version"][1], "version 只能是 1")
        sections = self.sections(fields["sections"][1]) if "sections" in fields else ()
        section_ids = {s.id for s in sections or ()}
        questions = self.questions(fields["questions"][1], section_ids) if "questions" in fields else None
        bank = Bank(
            title=self.text_field(fields, "title", "title") or "",
            questions=questions or (),
            id=self.text_field(fields, "id", "id") or default_id,
            description=self.text_field(fields, "description", "description", allow_empty=True) or "",
            source=self.text_field(fields, "source", "source") or "",
            tags=self.texts_field(fields, "tags", "tags", single_ok=True) or (),
            sections=sections or (),
            only_reviewed="only_reviewed" in fields and reviewed.flag(self, fields["only_reviewed"][1], "only_reviewed"),
        )
        return bank

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
            if len(self.problems) == count and question is not None:
                questions.append(question)
        return tuple(questions)

    def question(self, node: Node, fields: Fields, qid: str | None, section_ids: set[str]) -> Question | None:
        """The question, or None when something it needs is missing (every problem told)."""
        self.require(node, fields, ("id", "type", "prompt", "answer"), f"题目 {qid} 缺少必填的键" if qid else "题目缺少必填的键")
        qtype = self.text_field(fields, "type", "type")
        if qtype is not None and qtype not in TYPES:
            self.error(fields["type"][1], f"未知的题型“{qtype}”（{suggest(qtype, TYPES)}可用：{'、'.join(TYPES)}）")
            qtype = None
        prompt = self.text_field(fields, "prompt", "prompt")
        section = self.text_field(fields, "section", "section")
        if section is not None and section not in section_ids:
            where = "可用：" + "、".join(sorted(section_ids)) if section_ids else "题库没有 sections"
            self.error(fields["section"][1], f"section“{section}”不存在（{where}）")
        points = self.points(fields["points"][1]) if "points" in fields else 1
        explanation = self.text_field(fields, "explanation", "explanation", allow_empty=True) or ""
        source = self.text_field(fields, "source", "source", allow_empty=True) or ""
        tags = self.texts_field(fields, "tags", "tags", single_ok=True) or ()
        if qtype is None:
            return None
        answer, options, accept = self.answer(fields, qtype, prompt)
        min_items = self.min_items(fields, qtype, answer) if "min_items" in fields else None
        if qid is None or prompt is None:  # told already: a question without them is never kept
            return None
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
        if self._plain(node) and node.tag == INT and int(node.value) > 0:
            return int(node.value)
        self.error(node, "points 应为正整数")
        return 1

    def min_items(self, fields: Fields, qtype: str, answer: Any) -> int | None:
        """How many items make a list answer full: 1 up to the number of items listed."""
        if qtype != "list":
            self.not_allowed(fields, qtype, "min_items")
            return None
        node = fields["min_items"][1]
        if not (self._plain(node) and node.tag == INT and int(node.value) > 0):
            self.error(node, "min_items 应为正整数（写出几项算答全）")
            return None
        if answer is not None and int(node.value) > len(answer):
            self.error(node, f"min_items 为 {int(node.value)}，但答案只列了 {len(answer)} 项")
            return None
        return int(node.value)
