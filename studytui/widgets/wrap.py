"""Chinese line breaking for prompts and feedback: a blank (____) never wraps across
lines, and closing punctuation (，。、 …) never starts a line; it takes the character
before it along to the next line instead. Sized in terminal cells."""

from __future__ import annotations

import re

from rich.cells import cell_len
from rich.text import Text
from textual.geometry import Size
from textual.widgets import Static

NO_LINE_START = "，。、；：！？）」』”’…,.;:!?)%"
NO_LINE_END = "“‘（「『《("
_UNIT = re.compile(r"_+|[A-Za-z0-9]+|.", re.S)


def _units(line: str) -> list[tuple[int, int]]:
    """(start, end) of the pieces a line may break between: a blank, a Latin word or
    number, or one character; closing marks joined to what precedes them and opening
    marks to what follows."""
    units: list[list[int]] = []
    join_next = False
    for match in _UNIT.finditer(line):
        start, end = match.span()
        if units and (join_next or line[start] in NO_LINE_START):
            units[-1][1] = end
        else:
            units.append([start, end])
        join_next = line[end - 1] in NO_LINE_END
    return [(a, b) for a, b in units]


def break_offsets(line: str, width: int) -> list[int]:
    """Offsets where ``line`` (no newlines) breaks to fit ``width`` cells."""
    offsets: list[int] = []
    used = 0
    for a, b in _units(line):
        cells = cell_len(line[a:b])
        if used and used + cells > width:
            offsets.append(a)
            used = 0
        used += cells
    return offsets


def break_text(text: Text, width: int) -> Text:
    """``text`` with its lines broken by these rules, styles kept."""
    lines = []
    for line in text.split("\n", allow_blank=True):
        lines.extend(line.divide(break_offsets(line.plain, max(1, width))) if line.plain else [line])
    return Text("\n").join(lines)


class Prose(Static):
    """Static text laid out with these rules at the widget's width."""

    def __init__(self, text: Text, **kwargs) -> None:
        super().__init__(**kwargs)
        self.text = text

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(break_text(self.text, width).plain.split("\n")) if width else 0

    def render(self) -> Text:
        return break_text(self.text, self.content_size.width) if self.content_size.width else self.text
