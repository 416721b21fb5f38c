"""Composed YAML nodes read as plain values (text, lists of text, mappings), each problem
collected with the line of its node instead of stopping at the first: a bank holds only
text, numbers, lists and mappings, never a YAML tag or an alias."""

from __future__ import annotations

import difflib

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from studytui.bankfile.bank import Problem
from studytui.safe_text import UNSAFE, control_message, escaped

TAG = "tag:yaml.org,2002:"
STR, NULL, BOOL, INT = TAG + "str", TAG + "null", TAG + "bool", TAG + "int"
TEXT_TAGS = frozenset({STR, INT, TAG + "float", BOOL, TAG + "timestamp"})
PLAIN_TAGS = TEXT_TAGS | {NULL, TAG + "seq", TAG + "map"}

Fields = dict[str, tuple[Node, Node]]
"""A mapping's known keys, each with its key node and its value node."""


class NodeReader:
    """Reads nodes, collecting problems instead of raising."""

    def __init__(self, name: str):
        self.name = name
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._misspelt: set[tuple[int, str]] = set()  # (mapping, key) said as "是不是…" already

    def error(self, node: Node | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 1
        self.problems.append(Problem(self.name, line, escaped(message)))

    def _plain(self, node: Node) -> bool:
        """False (with a problem) for a node built from a YAML tag or an alias."""
        if node.tag not in PLAIN_TAGS:
            self.error(node, f"不允许使用 YAML 标签 {node.tag.replace(TAG, '!!')}（题库只能包含文本、数字、列表和映射）")
            return False
        if id(node) in self._seen:  # a node met twice is an alias (*ref) of it
            self.error(node, "不支持 YAML 别名（*引用），请直接写出内容")
            return False
        self._seen.add(id(node))
        return True

    def mapping(self, node: Node, what: str, known: tuple[str, ...]) -> Fields | None:
        if not self._plain(node):
            return None
        if not isinstance(node, MappingNode):
            self.error(node, f"{what}应为映射（“键: 值”的形式）")
            return None
        fields: Fields = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or not self._plain(key_node):
                self.error(key_node, f"{what}的键应为文本")
                continue
            key = key_node.value
            if key in fields:
                self.error(key_node, f"键“{key}”重复出现（第 {fields[key][0].start_mark.line + 1} 行已有）")
            elif key not in known:
                self.error(key_node, f"未知的键“{key}”（{suggest(key, known)}可用：{'、'.join(known)}）")
                self._misspelt.update((id(node), close) for close in difflib.get_close_matches(key, known, n=1, cutoff=0.6))
            else:
                fields[key] = (key_node, value_node)
        return fields

    def require(self, node: Node, fields: Fields, keys: tuple[str, ...], message: str) -> None:
        """A problem for each missing key, unless a misspelling of it was reported."""
        for key in keys:
            if key not in fields and (id(node), key) not in self._misspelt:
                self.error(node, f"{message}“{key}”")

    def text(self, node: Node, what: str, *, allow_empty: bool = False) -> str | None:
        if not self._plain(node):
            return None
        if not isinstance(node, ScalarNode) or node.tag not in TEXT_TAGS:
            kind = "空值" if node.tag == NULL else ("列表" if isinstance(node, SequenceNode) else "映射")
            self.error(node, f"{what}应为文本，而不是{kind}")
            return None
        value: str = node.value.strip()
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
        if isinstance(node, ScalarNode) and node.tag == NULL:  # answer: with nothing after it
            self.error(node, f"{what}不能为空")
            return None
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what}应为列表")
            return None
        return list(node.value)

    def texts(self, node: Node, what: str, *, single_ok: bool = False) -> tuple[str, ...] | None:
        """A list of non-empty strings (or, with single_ok, one string)."""
        if single_ok and isinstance(node, ScalarNode) and node.tag != NULL:
            value = self.text(node, what)
            return None if value is None else (value,)
        nodes = self.items(node, what)
        if nodes is None:
            return None
        values = [self.text(item, f"{what}中的每一项") for item in nodes]
        texts = tuple(value for value in values if value is not None)
        return texts if len(texts) == len(values) else None

    def text_field(self, fields: Fields, key: str, what: str, *, allow_empty: bool = False) -> str | None:
        """The text of ``key`` (None when it is not there, or is not text)."""
        return self.text(fields[key][1], what, allow_empty=allow_empty) if key in fields else None

    def texts_field(self, fields: Fields, key: str, what: str, *, single_ok: bool = False) -> tuple[str, ...] | None:
        """The texts listed under ``key`` (None when it is not there, or holds what is not text)."""
        return self.texts(fields[key][1], what, single_ok=single_ok) if key in fields else None


def suggest(word: str, known: tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, known, n=1, cutoff=0.6)
    return f"是不是“{close[0]}”？" if close else ""
