"""A speech read into its parts: the title, the sections (opened by the first style of
ordinal marker used: 一、 （一） 一要 第一， 1．) and the paragraphs, with the lines of a
hard-wrapped copy (a PDF's, a web page's) joined again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

NUMERALS = "一二两三四五六七八九十"
_NUM = f"[{NUMERALS}]"
ORDINAL = rf"(?:{_NUM}{{1,3}}|\d{{1,2}})"
_MARKERS = [
    ("yao", re.compile(rf"^({_NUM}{{1,3}})(?:要|是)")),
    ("dun", re.compile(rf"^({_NUM}{{1,3}})[、．.]")),
    ("paren", re.compile(rf"^[（(]({ORDINAL})[）)]")),
    ("di", re.compile(rf"^第({_NUM}{{1,3}})[，,、：:]")),
    ("arabic", re.compile(r"^(\d{1,2})[、．.](?!\d)")),
]
HEADING_MAX = 60
WRAP_MIN, WRAP_SHARE = 16, 0.3
_CONTINUING = "，。、；：！？”’）》,.;:!?)"
HEADER_LINES = 3  # a title and a subtitle may each be set on two lines
WRAP_FULL = 0.9  # a line this share of the width or more was cut by the wrap, not by its end


@dataclass(frozen=True)
class Section:
    id: str
    number: int
    title: str
    line: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    section: str | None
    heading: bool = False
    dashed: bool = False  # an item of a ——-run of parallel paragraphs
    past_its_part: bool = False  # after an address (同志们、朋友们！) that ends its part's run: no part's text


@dataclass
class Structure:
    title: str
    sections: list[Section] = field(default_factory=list)
    paragraphs: list[Paragraph] = field(default_factory=list)


def ordinal(line: str) -> tuple[str, str, str] | None:
    """(style, number, rest of line) for a line that starts with an ordinal marker."""
    for style, pattern in _MARKERS:
        match = pattern.match(line)
        if match and len(line) > match.end():
            return style, match.group(1), line[match.end() :]
    return None


def _marker(line: str) -> tuple[str, str] | None:
    """(style, rest of line) for a line that starts with an ordinal marker."""
    marked = ordinal(line)
    return None if marked is None else (marked[0], marked[2])


_PARAGRAPH_ENDS = "。！？!?：:；;…"
_TITLE_END = re.compile(r"[^，。：:；;！？!?]{0,10}(?:讲话|发言|报告|致辞|公报)")
_CLOSING = "”」』）)"


def _wrap_width(raw_lines: list[str]) -> int | None:
    """The width a hard-wrapped text (a copy of a PDF) was cut at: most of its lines are
    about as long as its longer lines; None when its lines are paragraphs."""
    lengths = sorted(len(line) for line in raw_lines if len(line) >= WRAP_MIN)
    if not lengths:
        return None
    width = lengths[(len(lengths) - 1) * 3 // 4]
    near = [line for line in raw_lines if width * WRAP_FULL <= len(line) <= width / WRAP_FULL]
    cut = sum(line[-1] not in _PARAGRAPH_ENDS for line in near)  # a wrap cuts mid-sentence; a paragraph ends on its stop
    wrapped = len(near) >= WRAP_SHARE * len([line for line in raw_lines if line]) and cut * 2 > len(near)
    return width if wrapped else None


def _lines(text: str) -> list[str]:
    """Paragraph lines: a text of one paragraph a line kept as it is; in a hard-wrapped
    one, the wrapped lines joined, a heading or title kept on its own.
    In a text wrapped at a fixed width, a marked line as wide as that runs on into the
    next lines until one ends short (the rest of a heading) or ends a sentence."""
    lines: list[str] = []
    buffer = ""
    raw_lines = [raw.strip() for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    width = _wrap_width(raw_lines)
    marked_run = False
    for line in raw_lines:
        if marked_run and line and _marker(line) is None:
            buffer += line
            if len(line) < width * WRAP_FULL or buffer[-1] in _PARAGRAPH_ENDS:
                lines.append(buffer)
                buffer, marked_run = "", False
            continue
        if marked_run:
            lines.append(buffer)
            buffer, marked_run = "", False
        if not line or _marker(line) is not None:
            if buffer:
                lines.append(buffer)
            buffer = ""
            if line and width and len(line) >= width * WRAP_FULL and line[-1] not in _PARAGRAPH_ENDS:
                buffer, marked_run = line, True
            elif line:
                lines.append(line)
            continue
        if (
            lines
            and len(lines) <= HEADER_LINES
            and not buffer
            and _TITLE_END.fullmatch(line)
            and lines[-1][-1] not in _PARAGRAPH_ENDS
        ):
            lines[-1] += line  # the rest of a title or subtitle set on two lines: …工作座谈会 / 上的讲话
            continue
        if width is None:  # one paragraph a line: a line without a full stop is a heading, not a wrap
            if lines and line[0] in _CONTINUING and not buffer:
                lines[-1] += line  # …践行“两个维护” / ，推动…: a line cannot open with a comma
            else:
                lines.append(line)
            continue
        buffer += line
        if not lines and not buffer.endswith(("。", "：", ":")) and len(buffer) <= 40:
            lines.append(buffer)  # the title
            buffer = ""
        elif buffer[-1] in _PARAGRAPH_ENDS or (buffer[-1] in _CLOSING and buffer[-2:-1] in tuple(_PARAGRAPH_ENDS)):
            lines.append(buffer)  # a closing quote ends a paragraph only after a sentence's end: “……。”
            buffer = ""
    if buffer:
        lines.append(buffer)
    return lines


def marker_style(line: str) -> str | None:
    """Which ordinal marker a line opens with (yao 一要, dun 一、, paren （一）, di 第一，, arabic 1．)."""
    marked = _marker(line)
    return marked[0] if marked else None


def without_marker(line: str) -> str:
    """A line without the ordinal marker it opens with (二、 （三） 第一，)."""
    marked = _marker(line)
    return marked[1] if marked else line


def heading_text(line: str) -> str:
    """A heading line without its ordinal marker and closing mark."""
    return without_marker(line).rstrip("。")


_ADDRESSEE = r"(?:各位[\u4e00-\u9fff]{1,6}|[\u4e00-\u9fff]{1,6}们)"
_ADDRESS = re.compile(rf"{_ADDRESSEE}(?:[、，]{_ADDRESSEE})*[！!：:]")
"""A line that is only an address to the audience (同志们、朋友们！ 各位院士，同志们、朋友们！):
after a part's heading, it opens what follows the numbered parts (the closing, or a part the
speaker does not number)."""


_ADDRESSED = re.compile(rf"{_ADDRESSEE}(?:[、，]{_ADDRESSEE})*[，,](?=[\u4e00-\u9fff])")
"""A paragraph that opens on an address (同志们，全面从严治党永远在路上…): after the numbered parts, the closing. In the
corpus and the held-out speeches every such paragraph is the speech's last or next to last."""


_BYLINE = re.compile(r"[^，。；！？、：,.;!?:]{2,30}")
"""A line of the title block that says who spoke and when (中共禾丰县委书记 周明远; （2024年5月21日）): no sentence,
no paragraph of the speech; counted as one, it pushed the greeting and the lecture's purpose past the opening."""


TITLE_MAX, UNBROKEN_TITLE_MAX = 40, 120


def _a_title(line: str) -> bool:
    """A first line that is no sentence: short, or longer without a clause break (市纪委书记在2025年全市纪检监察工作
    “规范化法治化正规化建设年”行动推进会上的讲话, 43 characters: read as a paragraph, its bank was titled 讲话提法; a
    title and its subtitle on one line, …提供坚强政治保障——在…工作会议上的讲话, 86)."""
    if line.endswith("。"):
        return False
    return len(line) <= TITLE_MAX or len(line) <= UNBROKEN_TITLE_MAX and not re.search("[，。；！？,;]", line)


def read(text: str) -> Structure:
    """Title, sections (from the first marker style used) and paragraphs."""
    lines = _lines(text)
    title = lines[0] if lines and _a_title(lines[0]) else ""
    analysis = Structure(title=title)
    top_style = None
    section = None
    past = False  # an address (同志们！) closed the run of the current part
    for index, line in enumerate(lines):
        if index == 0 and title:
            continue
        if section is not None and (_ADDRESS.fullmatch(line) or _ADDRESSED.match(line)):
            past = True
        marked = _marker(line)
        if marked is not None and not line.startswith("——"):
            style, rest = marked
            heading, _, body = rest.partition("。") if len(rest) > 50 and "。" in rest else (rest.rstrip("。"), "", "")
            if len(heading) > HEADING_MAX:  # a marked paragraph, not a heading
                analysis.paragraphs.append(Paragraph(line, section, past_its_part=past))
                continue
            top_style = top_style or style
            if style == top_style:
                past = False
                number = len(analysis.sections) + 1
                section = f"s{number}"
                analysis.sections.append(Section(section, number, heading, line if not body else line[: len(line) - len(body)]))
            head = line[: len(line) - len(body) - 1] if body else line
            analysis.paragraphs.append(Paragraph(head, section, heading=True, past_its_part=past))
            if body:
                analysis.paragraphs.append(Paragraph(body, section, past_its_part=past))
        elif not line.startswith("——") and not (not analysis.paragraphs and _BYLINE.fullmatch(line)):
            analysis.paragraphs.append(Paragraph(line, section, past_its_part=past))
        elif "。" in line or len(line) > HEADING_MAX:  # ——40年来，我们始终坚持…: a paragraph of a dashed run
            analysis.paragraphs.append(Paragraph(line.lstrip("—"), section, dashed=True, past_its_part=past))
    return analysis
