"""A question's answer, with its options and alternatives (``accept``), read by its type:
what each type's answer must be, and what each type does not use."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from yaml.nodes import Node, ScalarNode, SequenceNode

from studytui.bankfile.nodes import BOOL, STR, Fields, NodeReader
from studytui.constants import BLANK_RE, TYPE_NAMES

JUDGE_WORDS = {"对": True, "错": False}

Answer = tuple[Any, tuple[str, ...] | None, tuple[tuple[str, ...], ...] | None]
"""A question's answer (by type: a tuple of texts, a text or a bool; None when missing or
wrong), its options and its alternatives."""


class AnswerReader(NodeReader):
    def answer(self, fields: Fields, qtype: str, prompt: str | None) -> Answer:
        """The answer of a question of type ``qtype`` (one of ``TYPES``)."""
        return ANSWER_READERS[qtype](self, fields, prompt)

    def not_allowed(self, fields: Fields, qtype: str, *keys: str) -> None:
        for key in keys:
            if key in fields:
                self.error(fields[key][0], f"{TYPE_NAMES[qtype]}题（{qtype}）不使用“{key}”")

    def cloze(self, fields: Fields, prompt: str | None) -> Answer:
        self.not_allowed(fields, "cloze", "options")
        answers = self.texts_field(fields, "answer", "填空题的答案", single_ok=True)
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
        read = tuple(texts for texts in per_blank if texts is not None)
        return read if len(read) == len(per_blank) else None

    def options(self, fields: Fields, qtype: str, node: Node) -> tuple[str, ...] | None:
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

    def choice(self, fields: Fields, prompt: str | None) -> Answer:
        self.not_allowed(fields, "choice", "accept")
        options = self.options(fields, "choice", fields["type"][0])
        answer = self.text_field(fields, "answer", "单选题的答案")
        if options is not None and answer is not None and answer not in options:
            self.error(fields["answer"][1], f"答案“{answer}”不在 options 中")
        return answer, options, ()

    def multi(self, fields: Fields, prompt: str | None) -> Answer:
        self.not_allowed(fields, "multi", "accept")
        options = self.options(fields, "multi", fields["type"][0])
        answer = self.texts_field(fields, "answer", "多选题的答案", single_ok=True)
        if options is not None and answer is not None:
            node = fields["answer"][1]
            for index, item in enumerate(answer):
                item_node = node.value[index] if isinstance(node, SequenceNode) else node
                if item not in options:
                    self.error(item_node, f"答案“{item}”不在 options 中")
                elif item in answer[:index]:
                    self.error(item_node, f"答案“{item}”重复")
        return answer, options, ()

    def judge(self, fields: Fields, prompt: str | None) -> Answer:
        self.not_allowed(fields, "judge", "options", "accept")
        if "answer" not in fields:
            return None, (), ()
        node = fields["answer"][1]
        if self._plain(node) and node.tag == BOOL and node.value.lower() in ("true", "false"):
            return node.value.lower() == "true", (), ()
        if isinstance(node, ScalarNode) and node.tag == STR and node.value.strip() in JUDGE_WORDS:
            return JUDGE_WORDS[node.value.strip()], (), ()
        self.error(node, "判断题的答案应为 true 或 false（也可写“对”或“错”）")
        return None, (), ()

    def sequence(self, fields: Fields, qtype: str) -> Answer:
        self.not_allowed(fields, qtype, "options", "accept")
        answer = self.texts_field(fields, "answer", f"{TYPE_NAMES[qtype]}题的答案")
        if answer is not None and len(answer) < 2:
            self.error(fields["answer"][1], f"{TYPE_NAMES[qtype]}题的答案至少要有两项")
        return answer, (), ()

    def order(self, fields: Fields, prompt: str | None) -> Answer:
        return self.sequence(fields, "order")

    def list(self, fields: Fields, prompt: str | None) -> Answer:
        return self.sequence(fields, "list")


ANSWER_READERS: dict[str, Callable[[AnswerReader, Fields, str | None], Answer]] = {
    "cloze": AnswerReader.cloze,
    "choice": AnswerReader.choice,
    "multi": AnswerReader.multi,
    "judge": AnswerReader.judge,
    "order": AnswerReader.order,
    "list": AnswerReader.list,
}
