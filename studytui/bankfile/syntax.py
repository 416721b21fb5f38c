"""YAML text to composed nodes, with syntax errors told in Chinese on their line.

A bank is composed into nodes (the C composer where present) rather than loaded,
so every later problem can name its node's line, nothing is ever constructed from
a YAML tag, and an alias bomb is refused instead of expanded.

A syntax error is told by its likely cause, found on the lines around the parser's
mark (a tab, a full-width colon, a missing space, an indentation that does not line
up), so the message is the same whichever parser found it. The item or top-level
key holding the error is then set aside and the rest is read again, so one run
reports every mistake of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml
from yaml.nodes import Node

from studytui.bankfile.bank import Problem

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_NESTING = 1000
MAX_REPAIRS = 100

_KEY = r"^(\s*)(?:-\s+)?([A-Za-z_][\w-]*)"
_FULL_WIDTH_COLON = re.compile(_KEY + r"\s*：")
_NO_SPACE = re.compile(_KEY + r":(?=[^\s/])")
_DASH_NO_SPACE = re.compile(r"^\s*-(?=[^\s-])")
_COLON_IN_VALUE = re.compile(_KEY + r":\s+[^\"'\[{|>#\s][^#]*?:(\s|$)")
_TOP_KEY = re.compile(r"^([A-Za-z_][\w-]*)\s*[:：]")

# libyaml's and PyYAML's messages, by their first words, for what the lines do not explain.
_MESSAGES = (
    ("exceeded maximum nesting depth", f"嵌套超过 {MAX_NESTING} 层，不是正常的题库"),
    ("found undefined alias", "引用了未定义的锚点（*名称）"),
    ("found duplicate anchor", "锚点（&名称）重复定义"),
    ("found unexpected end of stream", "引号没有配对：从这一行开始的引号到文件末尾都没有结束"),
    ("found unknown escape character", "双引号里的反斜杠“\\”用法不对；要写反斜杠本身请用“\\\\”，或改用单引号"),
    ("found unexpected ':'", "冒号的位置不对（是否少了空格或引号？）"),
    ("found character that cannot start any token", "这一行以 YAML 的特殊字符开头（如 @ 或 `）；请给整个值加上引号"),
    ("found character '@' that cannot start any token", "这一行以 YAML 的特殊字符开头（如 @ 或 `）；请给整个值加上引号"),
    ("found character '`' that cannot start any token", "这一行以 YAML 的特殊字符开头（如 @ 或 `）；请给整个值加上引号"),
)
_FLOW = {
    "flow sequence": "方括号“[”没有配对的“]”，或列表项之间少了逗号",
    "flow mapping": "花括号“{”没有配对的“}”，或各项之间少了逗号",
}
_INDENTATION = (
    "mapping values are not allowed",
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
    "could not find expected ':'",
    "did not find expected node content",
)


@dataclass(frozen=True)
class _Chunk:
    """Lines ``start`` to ``end`` (0-based, end excluded) that can be set aside together."""

    start: int
    end: int
    top: bool


@dataclass
class Composed:
    """The root node (None for an empty document or one beyond repair), the syntax
    problems, and the lines (1-based) set aside to read the rest after an error."""

    root: Node | None
    problems: list[Problem]
    aside: frozenset[int] = frozenset()


def compose(text: str, name: str) -> Composed:
    """``text`` composed; after a syntax error, the broken items are set aside and the
    rest read again, so the root is only good for finding the file's other problems."""
    nesting_line = _too_deep(text)
    if nesting_line:
        return Composed(None, [Problem(name, nesting_line, f"嵌套超过 {MAX_NESTING} 层，不是正常的题库")])
    lines = text.split("\n")
    problems: list[Problem] = []
    aside: set[int] = set()
    for _ in range(MAX_REPAIRS):
        try:
            return Composed(yaml.compose("\n".join(lines), Loader=_Loader), problems, frozenset(aside))
        except yaml.MarkedYAMLError as exc:
            line, message = _diagnose(lines, exc)
        except yaml.YAMLError as exc:
            line, message = 0, f"无法读取（{exc}）"
        problems.append(Problem(name, line + 1, "YAML 语法错误：" + message))
        chunk = _chunk_at(lines, line)
        if chunk is None or line + 1 in aside:
            break
        _set_aside(lines, chunk)
        aside.update(range(chunk.start + 1, chunk.end + 1))
    return Composed(None, problems)


# -- why ------------------------------------------------------------------------------


def _diagnose(lines: list[str], exc: yaml.MarkedYAMLError) -> tuple[int, str]:
    """The 0-based line of the likely cause of a parser error, and the cause in Chinese."""
    problem = str(exc.problem or "")
    context = str(exc.context or "")
    end = exc.problem_mark.line if exc.problem_mark else len(lines) - 1
    start = exc.context_mark.line if exc.context_mark else max(0, end - 1)
    end = min(end, len(lines) - 1)
    for index in range(min(start, end), end + 1):
        cause = _cause_in(lines[index])
        if cause:
            return index, cause
    for phrase, flow in _FLOW.items():
        if phrase in context and exc.context_mark:
            return exc.context_mark.line, flow
    if "single document" in context:
        return end, "一个文件只能有一个 YAML 文档（多了一行“---”）"
    for english, chinese in _MESSAGES:
        if problem.startswith(english):
            return (start if "quoted scalar" in context else end), chinese
    if problem.startswith(_INDENTATION) or "tab" in problem:
        return end, _indentation(lines, end)
    return end, "格式不对（请检查这一行和上一行的缩进、冒号和引号）"


def _cause_in(line: str) -> str:
    """The mistake on one line that breaks YAML, or ''."""
    leading = line[: len(line) - len(line.lstrip())]
    if "\t" in leading:
        return "用了制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格"
    match = _FULL_WIDTH_COLON.match(line)
    if match and ":" not in line[: match.end()]:
        return f"“{match.group(2)}”后面用了全角冒号“：”，请改为半角冒号“:”再加一个空格"
    match = _NO_SPACE.match(line)
    if match:
        return f"“{match.group(2)}:”后面少了一个空格：冒号和值之间要有空格，如“{match.group(2)}: …”"
    if _DASH_NO_SPACE.match(line) and not line.lstrip().startswith("---"):
        return "列表项的“-”后面少了一个空格，如“- id: …”"
    if _COLON_IN_VALUE.match(line):
        return "值里有“: ”（冒号加空格），会被当成新的键；请给整个值加上引号，或改用全角冒号“：”"
    return ""


def _indentation(lines: list[str], index: int) -> str:
    """Bad indentation on line ``index``, said against the line before it."""
    before = next((lines[i] for i in range(index - 1, -1, -1) if lines[i].strip() and not lines[i].lstrip().startswith("#")), "")
    here = _indent(lines[index]) if index < len(lines) else 0
    then = _indent(before) + (2 if before.lstrip().startswith("- ") else 0)
    if here != then:
        more = "多" if here > then else "少"
        return f"缩进不对：这一行缩进了 {here} 个空格，比上一行{more} {abs(here - then)} 个（同一层的键要对齐）"
    return "缩进不对：同一层的键要对齐，下一层要多缩进"


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


# -- setting a broken part aside ------------------------------------------------------


def _chunk_at(lines: list[str], index: int) -> _Chunk | None:
    """The list item under a top-level key, or else the top-level key, holding line ``index``."""
    tops = [i for i, line in enumerate(lines) if _TOP_KEY.match(line)]
    top = max((i for i in tops if i <= index), default=None)
    if top is None:
        return None
    end = min((i for i in tops if i > top), default=len(lines))
    items = [i for i in range(top + 1, end) if _is_item(lines[i])]
    if items:
        level = _indent(lines[items[0]])
        items = [i for i in items if _indent(lines[i]) == level]
    starts = [i for i in items if i <= index]
    if not starts:
        return _Chunk(top, end, top=True)
    start = starts[-1]
    return _Chunk(start, min((i for i in items if i > start), default=end), top=False)


def _is_item(line: str) -> bool:
    stripped = line.lstrip(" \t")
    return stripped.startswith("-") and not stripped.startswith("---")


def _set_aside(lines: list[str], chunk: _Chunk) -> None:
    """Replace the chunk by a stand-in that keeps every line number: an empty item, or
    the bare top-level key (its problems are then only the stand-in's, and dropped)."""
    first = lines[chunk.start]
    if chunk.top:
        key = _TOP_KEY.match(first)
        lines[chunk.start] = f"{key.group(1)}:" if key else ""
    else:
        lines[chunk.start] = " " * _indent(first.replace("\t", " ")) + "- {}"
    for index in range(chunk.start + 1, chunk.end):
        lines[index] = ""


def _too_deep(text: str) -> int:
    """The line where collections nest deeper than MAX_NESTING, or 0.

    The C composer recurses once per level and crashes the interpreter somewhere
    past ten thousand levels of ``[``; a block level takes at least one more space of
    indentation, so a line indented past MAX_NESTING spaces is nested too deep (older
    libyaml builds have no limit of their own). Brackets inside strings are counted too, which only matters for
    a file with a thousand unclosed ones.
    """
    deep_block = re.search(rf"^ {{{MAX_NESTING + 1},}}\S", text, re.M)  # a level takes a space of indentation or more
    if deep_block:
        return text.count("\n", 0, deep_block.start()) + 1
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
