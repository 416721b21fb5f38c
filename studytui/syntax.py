"""YAML text to composed nodes, with syntax errors told in Chinese on their line.

A bank is composed into nodes (the C composer where present) rather than loaded,
so every later problem can name its node's line, nothing is ever constructed from
a YAML tag, and an alias bomb is refused instead of expanded.
"""

from __future__ import annotations

import yaml
from yaml.nodes import Node

from studytui.bank import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NESTING = 1000

_YAML_PROBLEMS = {
    "mapping values are not allowed here": "此处不能出现“键: 值”（是否缩进不对，或冒号后少了空格？）",
    "could not find expected ':'": "缺少冒号“:”",
    "found character '\\t' that cannot start any token": "不能用制表符（Tab）缩进，请改用空格",
    "found undefined alias": "引用了未定义的锚点",
    "expected a single document in the stream": "一个文件只能有一个 YAML 文档（多余的“---”）",
}


def compose(text: str, name: str) -> tuple[Node | None, list[Problem]]:
    """The root node of ``text`` (None for an empty document), and the syntax problems found."""
    nesting_line = _too_deep(text)
    if nesting_line:
        return None, [Problem(name, nesting_line, f"嵌套超过 {MAX_NESTING} 层，不是正常的题库")]
    try:
        return yaml.compose(text, Loader=_Loader), []
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(name, line, "YAML 语法错误：" + _yaml_problem(exc))]
    except yaml.YAMLError as exc:
        return None, [Problem(name, 1, f"YAML 语法错误：{exc}")]


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
