"""Chinese line breaking: a blank never wraps and closing punctuation never starts a line."""

import re

from rich.text import Text

from studytui.widgets.wrap import break_text


def test_a_blank_never_wraps_and_closing_marks_never_start_a_line():
    prompt = Text(
        "坚持____，始终保持深挖彻查的强大攻势，加大对重点个案的直查直办和指导督办力度，彻底斩断黑恶势力利益链、“关系网”。汇聚____的力量"
    )
    for width in range(12, 80):
        lines = break_text(prompt, width).plain.split("\n")
        assert "".join(lines) == prompt.plain
        assert all(not line.startswith(tuple("，。、”")) for line in lines[1:]), width
        assert all(run == "____" for line in lines for run in re.findall("_+", line)), width  # each blank whole
