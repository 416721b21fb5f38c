"""Series: a label, then paragraphs that each open with an ordinal marker and a short head.

切实健全“五个体系”： followed by 1．目标体系。… 2．责任体系。… 3．管理体系。…, or a heading
（一）认清教育大势 followed by 一是优质化。… 二是均衡化。…: the heads, in order, are what
the label holds, and what an examiner asks first. Pure functions over a speech's paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from studytui.generator.structure import Paragraph, heading_text, ordinal
from studytui.text import leading_number

SERIES_MIN = 3
HEAD_MIN, HEAD_MAX = 2, 10
_LABEL_END = "："
_CLAUSE = re.compile(r"[，。；！？、]")
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")
_SENTENCE_END = re.compile(r"[。；！？]")
_ANNOUNCES = re.compile(r"(?:几|[两二三四五六七八九十]|\d)(?:点|条)(?:希望|要求|意见|建议|体会)$")
_ANNOUNCES_WORK = re.compile(
    r"(?:几|[两二三四五六七八九十]|\d)(?:项|个方面)[\u4e00-\u9fff]{0,6}?(?:工作|任务)(?:要抓好|要做好)?$"
)
"""为此，有3项基础性工作要抓好。: the tasks the numbered paragraphs after it head."""
ANNOUNCED_HEAD_MAX = 12
_GLOSS = re.compile(r"(?:^|(?<=[。；！？]))([\u4e00-\u9fff]{2,4})，(?:就是|是指|即)")
"""全面，就是要以全局视野领会全会精神: a word of the sentence before, glossed."""


@dataclass(frozen=True)
class Series:
    label: str  # verbatim: the clause that announces the heads, or the heading above them
    heads: tuple[str, ...]
    section: str | None


def series(paragraphs: list[Paragraph]) -> Iterator[Series]:
    """Each run of SERIES_MIN or more headings numbered 1, 2, 3… in one marker style, with
    only body text between them, after a heading or a paragraph that announces them (ends
    on a colon, or on 提几点希望 or 有3项基础性工作要抓好); every head short enough to be an item (目标体系,
    优质化). Under a paragraph that announces points, a head is the first clause of its
    heading (一是要爱国，忠于祖国，忠于人民 → 爱国). And a heading over one line of items."""
    for index, paragraph in enumerate(paragraphs):
        marked = ordinal(paragraph.text) if paragraph.heading else None
        if marked is None or index == 0 or _number(marked[1]) != 1:
            continue
        label = _label(paragraphs[index - 1])
        heads = _run(paragraphs[index:], marked[0])
        if _ANNOUNCES.search(label.removesuffix("。")):
            heads = [_point(head) for head in heads]
        longest = HEAD_MAX
        if _ANNOUNCES_WORK.search(label.removesuffix("。")):
            heads, longest = [_SENTENCE_END.split(head)[0] for head in heads], ANNOUNCED_HEAD_MAX  # 第一，坚持…方向。正文
        if len(heads) >= SERIES_MIN and label and _items(heads, longest):
            yield Series(label, tuple(heads), paragraph.section)
    yield from _listed_under_headings(paragraphs)


def glossed(paragraph: str) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """Words said as one run and then glossed one by one (…要全面深刻准确领会和把握。全面，就是…。
    深刻，就是…。准确，就是…): (the sentence that says the run, the run, its words), SERIES_MIN
    words or more. The glosses say what each word is; the run is what an examiner asks."""
    glosses = list(_GLOSS.finditer(paragraph))
    if len(glosses) < SERIES_MIN:
        return
    words = tuple(match.group(1) for match in glosses)
    run = "".join(words)
    said = re.findall(r"[^。！？]*[。！？]", paragraph[: glosses[0].start()])
    sentence = next((s for s in said if run in s), "")
    if sentence:
        yield sentence, run, words


def _listed_under_headings(paragraphs: list[Paragraph]) -> Iterator[Series]:
    """A heading whose body is one line of SERIES_MIN or more short items and nothing else
    (（三）紧扣工作主题, then 对学生一生负责、办人民满意教育、建现代教育强市): the heading holds them."""
    for heading, body in zip(paragraphs, paragraphs[1:]):
        items = body.text.removesuffix("。").split("、")
        if (
            heading.heading
            and not body.heading
            and len(items) >= SERIES_MIN
            and all(map(_HAN_ONLY.fullmatch, items))
            and _items(items)
        ):
            yield Series(heading_text(heading.text), tuple(items), heading.section)


def _items(heads: list[str], longest: int = HEAD_MAX) -> bool:
    return all(HEAD_MIN <= len(h) <= longest and not _CLAUSE.search(h) for h in heads)


def _point(head: str) -> str:
    """A point as a list names it: its heading's first clause, without 要 (要爱国 → 爱国)."""
    return _CLAUSE.split(head)[0].removeprefix("要")


def _run(paragraphs: list[Paragraph], style: str) -> list[str]:
    """The heads of the headings numbered 1, 2, 3… in ``style``, body text between them."""
    heads: list[str] = []
    for paragraph in paragraphs:
        marked = ordinal(paragraph.text) if paragraph.heading else None
        if not paragraph.heading:
            continue
        if marked is None or marked[0] != style or _number(marked[1]) != len(heads) + 1:
            break
        heads.append(heading_text(paragraph.text))
    return heads


def _number(numeral: str) -> int | None:
    read = leading_number(numeral)
    return read[0] if read else None


def _label(paragraph: Paragraph) -> str:
    """The words that announce a series: a heading, or the last clause of a paragraph
    that ends on a colon (…，切实健全“五个体系”：), or its last sentence when that announces
    points (借此机会，我再给广大青年提几点希望。)."""
    if paragraph.heading:
        return heading_text(paragraph.text)
    text = paragraph.text.rstrip()
    if text.endswith(_LABEL_END):
        return _CLAUSE.split(text)[-1]
    last = text.removesuffix("。").rpartition("。")[2]
    return f"{last}。" if _ANNOUNCES.search(last) or _ANNOUNCES_WORK.search(last) else ""
