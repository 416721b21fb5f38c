"""A news account of a speech: whose words it reports, and the lines that frame them
(who chaired, who attended, what another speaker said), which hold no formulation."""

from __future__ import annotations

import re
from collections import Counter

from studytui.generator.structure import Paragraph

_HAN = "\u4e00-\u9fff"
_SAYS = re.compile(rf"^([{_HAN}]{{2,4}}?)(?:在[^，。]{{2,20}}?时|同志)?(?:指出|强调|表示)，")
"""习近平指出，… / 李强在主持开班式时指出，…: a news account's frame (not 苏轼说：“…”, a speech quoting)."""
NEWS_LINE = re.compile(
    r"(?:主持|出席|列席|参加)[^，。]{0,12}(?:会议|开班式|开幕式|座谈会|研讨班|大会|仪式|活动)[。，]|新华社[^，。]{0,8}电|记者\s*\S{2,4}\s*摄"
)


def main_speaker(paragraphs: list[Paragraph]) -> str | None:
    """Whose words a news account reports: the name that opens most paragraphs with
    指出/强调 (习近平指出，…); None in a speech, whose paragraphs are the speaker's own."""
    names = Counter(m.group(1) for p in paragraphs if (m := _SAYS.match(p.text)))
    ranked = names.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None  # nobody's frame opens most paragraphs
    return ranked[0][0]


def someone_else(paragraph: str, speaker: str | None) -> bool:
    """A paragraph that reports another person's words (李强在主持开班式时指出，…)."""
    said = _SAYS.match(paragraph)
    return speaker is not None and said is not None and said.group(1) != speaker


def without_frame(text: str) -> str:
    """``text`` without the frame a news account opens a paragraph on (习近平强调，…)."""
    return _SAYS.sub("", text, count=1)
