"""The stem a question shows: the sentence around a formulation, read as an exam-setter
reads one."""

from __future__ import annotations

import re

from studytui.constants import ELLIPSIS
from studytui.generator.enumerations import strip_lead_verb
from studytui.text import SENTENCE_ENDS, sentences

STEM_MAX = 120  # an exam-setter reads a stem up to 120 characters as one sentence
ELIDED_MAX = 5 * STEM_MAX  # a sentence up to this long is quoted with an ellipsis rather than left unasked (a
# catalogue of reforms ending 使改革开放成为当代中国最显著的特征、最壮丽的气象 runs to 488 characters)
OPENING_MIN = 8  # the opening words an elided sentence keeps run to the first clause end past this
RUN_MAX = 60  # the clauses an elided sentence shows around its blank
_CLAUSE_END = re.compile(r"[，,：:]")


def stem(sentence: str, part: str) -> str:
    """The sentence that holds ``part`` when it is STEM_MAX characters or fewer, else the
    part between semicolons that holds it when that is; else '' (nothing to ask: a window
    cut out of a long sentence starts or stops mid-clause, and an exam-setter would not
    hand it out). Of a context of several sentences, only the one that holds ``part``: a
    stem of two sentences reads as a paragraph. A sentence of no semicolons up to
    ELIDED_MAX characters is quoted with an ellipsis (_elided). A text that never ends a
    sentence (no 。；！？ for STEM_MAX characters around ``part``) has only clauses to
    give: the run of them around ``part``. Only a window around ``part`` is looked at,
    so a sentence of any length costs the same. A last clause that announces what follows
    is left out when ``part`` is before it (_without_announcement), and so are the words that
    address the room (同志们，…) or recall where the speaker said it before (我在…讲话中强调，…); a
    part between semicolons ends with a full stop, as an exam-setter quotes it."""
    return _full_stop(_without_frame(_without_announcement(_stem(sentence, part), part), part))


_FRAME = re.compile(
    r"^(?:同志们|同学们|朋友们|各位[\u4e00-\u9fff]{1,6}|(?:\d{4}年\d{1,2}月\d{1,2}日，)?我(?:曾|也)?在[^，。；]{2,60}?(?:强调|指出|说))[，,]"
)
"""The words a speaker addresses the room with (同志们，廉洁是从政的底线…) or recalls an earlier speech
with (2016年5月30日，我在…上的讲话中强调，要…): no part of a stem (both raters of rounds 218–219 edited a stem
that kept the date and the meetings)."""


def _without_frame(shown: str, part: str) -> str:
    frame = _FRAME.match(shown) or _POINT.match(shown)
    if frame is None or part in shown[: frame.end()] or _NEXT_POINT.search(shown, frame.end()):
        return shown
    return shown[frame.end() :]


_POINT = re.compile("^[一二三四五六七八九十]是")
_NEXT_POINT = re.compile("[，；：][一二三四五六七八九十]是")
"""三是“四风”问题反弹回潮…: a point of a list, its marker no part of the stem (a stem that kept it was edited as a
heading glued on, rounds 366–397), unless the sentence holds the next point too."""


def _full_stop(shown: str) -> str:
    """A part between semicolons shown ending on its ；reads as a stem stopped short (both raters of rounds
    218–219 edited one)."""
    return shown[:-1] + "。" if shown.endswith(("；", ";")) else shown


def _stem(sentence: str, part: str) -> str:
    if len(sentence) <= ELIDED_MAX:
        sentence = next((s for _, s in sentences(sentence) if part in s), sentence)
    if len(sentence) <= STEM_MAX:
        return sentence
    start = max(sentence.find(part), 0)
    end = start + len(part)
    low, high = max(0, start - STEM_MAX), min(len(sentence), end + STEM_MAX)
    window = sentence[low:high]
    ends = _STRONG_END.search(window)
    if len(sentence) > ELIDED_MAX or not _STRONG_END.search(sentence[-2:]):  # no sentence to quote
        return (
            _whole_part(sentence, window, low, high, start, end) if ends else _clause_run(sentence, window, low, high, start, end)
        )
    if _STRONG_END.search(sentence.rstrip("。！？!?”")):  # parts between semicolons
        return _whole_part(sentence, window, low, high, start, end) if ends else ""
    return _elided(sentence, start, end)


_ANNOUNCEMENT = re.compile(r"[，,；;][^，,；;。！？!?：:]*[：:]\s*$")
"""The last clause of a stem that ends on a colon: …，切实健全“五个体系”："""


def _without_announcement(shown: str, part: str) -> str:
    """A stem that ends on a colon announces what follows it (…继续坚持“以人为本…”，切实
    健全“五个体系”：), which it does not show: asked on an earlier clause, it ends with that
    clause, as an exam-setter would cut it (an ellipsis there reads as a window cut off:
    round 38 edited all three such stems)."""
    announcement = _ANNOUNCEMENT.search(shown)
    at = shown.find(part)
    if announcement is None or at < 0 or at + len(part) > announcement.start():
        return shown
    return shown[: announcement.start()] + "。"


def _elided(sentence: str, start: int, end: int) -> str:
    """A long sentence with no semicolon, as an exam-setter quotes it: its opening words (the
    subject or the frame: 全会强调，进一步全面深化改革，), then …… and the clauses around
    ``start:end``, then …… unless they end the sentence; within STEM_MAX characters, or ''. A sentence
    that opens on a range (_RANGE_OPENING) is quoted by those clauses alone.
    (党中央…，…，以经济体制改革为牵引，…，更加注重系统集成，… in one 400-character sentence
    holds what an examiner asks first.)"""
    cuts = [0, *(m.end() for m in _CLAUSE_END.finditer(sentence) if not _quoting(sentence, m.start())), len(sentence)]
    head_end = next((c for c in cuts[1:] if c > OPENING_MIN), len(sentence))
    first = max(c for c in cuts if c <= start)
    last = min(c for c in cuts if c >= end)
    if first < head_end:
        return ""  # the part is in the opening words: a window from the start is no sentence
    ranged = sentence.startswith(_RANGE_OPENING)
    opening = "" if ranged else sentence[:head_end].rstrip("，,：:")
    budget = min(RUN_MAX, STEM_MAX - len(opening) - 2 * len(ELLIPSIS))
    grew = True
    while grew:  # a clause after, then one before, while they fit
        grew = False
        later = min((c for c in cuts if c > last), default=len(sentence))
        if last < len(sentence) and later - first <= budget:
            last, grew = later, True
        earlier = max((c for c in cuts if c < first), default=0)
        if earlier >= head_end and last - earlier <= budget:
            first, grew = earlier, True
    part_end = min(c for c in cuts if c >= end)
    while last > part_end and _run_goes_on(sentence, cuts, last):
        last = max(c for c in cuts if c < last)  # end before a run the stem would stop inside
    if last - first > budget or _condition_left_open(sentence, last) or _run_goes_on(sentence, cuts, last):
        return ""
    gap = "" if ranged else ELLIPSIS if first > head_end else "，"
    run = sentence[first:last].rstrip("，,：:")
    return f"{opening}{gap}{run}{'' if last == len(sentence) else '。'}"


def _quoting(sentence: str, at: int) -> bool:
    """Whether ``at`` is inside a quote: a stem cut there leaves the quote open (…，强调“我们党是一个战斗的组织，|
    如果没有集中统一的指挥，…”), which the scorer holds against it (a quote cut open)."""
    return sentence.count("“", 0, at) > sentence.count("”", 0, at)


_RANGE_OPENING = "从"
"""从实行家庭联产承包、…到农村承包地“三权”分置、…，从…: a range opening a sentence is no subject and,
quoted alone, hangs (both raters of rounds 218–219 edited such a stem), as does a stem opening on ……
(both of rounds 220–221): the stem is the clauses around the blank, as an exam-setter cuts it."""


def _condition_left_open(sentence: str, end: int) -> bool:
    """Whether a stem ending at ``end`` shows an 只有… whose 才… comes after it (只有牢牢扭住经济
    建设这个中心，…，推动经济社会持续健康发展，| 才能全面增强…): the condition would hang."""
    condition = sentence.rfind("只有", 0, end)
    return condition >= 0 and "才" not in sentence[condition:end] and re.search("[，,]才", sentence[end:]) is not None


def _run_goes_on(sentence: str, cuts: list[int], end: int) -> bool:
    """Whether the clause after ``end`` opens as the one before it does, once their verbs are
    set aside (坚持以科学理论引路指向，| 以正确舆论凝聚人心，以先进文化塑造人…): a stem ending
    there stops inside a run of parallel clauses."""
    if end >= len(sentence):
        return False
    before = sentence[max(c for c in cuts if c < end) : end].strip("，,：:")
    after = sentence[end : min(c for c in cuts if c > end)].strip("，,：:")
    return bool(_openings(before) & _openings(after))


def _openings(clause: str) -> set[str]:
    """How a clause opens, with and without its verb; two words each before a quoted term open
    alike (增强“四个意识”，坚定“四个自信”: 坚定 is no verb to the segmenter)."""
    quoted = "“" if clause[2:3] == "“" else ""
    return {clause[:1], strip_lead_verb(clause)[:1], quoted} - {""}


def _clause_run(sentence: str, window: str, low: int, high: int, start: int, end: int) -> str:
    """The clause that holds ``start:end`` and its neighbours while the run stays within
    STEM_MAX characters (a clause longer than that is cut around it)."""
    cuts = [low + m.end() for m in _CLAUSE_END.finditer(window)]
    cuts = [0] * (low == 0) + cuts + [high] * (high == len(sentence))  # never cut where the window happens to end
    before = [c for c in cuts if c <= start]
    after = [c for c in cuts if c >= end]
    left, right = len(before) - 1, 0
    if not before or not after or after[right] - before[left] > max(STEM_MAX, end - start):
        margin = max(0, (STEM_MAX - (end - start)) // 2)
        return sentence[max(0, start - margin) : end + margin].lstrip("、，,；;：:")
    while True:
        grew = False
        if left > 0 and after[right] - before[left - 1] <= STEM_MAX:
            left, grew = left - 1, True
        if right + 1 < len(after) and after[right + 1] - before[left] <= STEM_MAX:
            right, grew = right + 1, True
        if not grew:
            return sentence[before[left] : after[right]].rstrip("，,；;：:")


_STRONG_END = re.compile(r"[；;。！？!?]")


def _whole_part(sentence: str, window: str, low: int, high: int, start: int, end: int) -> str:
    """The part of ``sentence`` between semicolons (or its ends) around ``start:end``, if
    it lies within the window and within STEM_MAX characters; else ''."""
    cuts = [low + m.end() for m in _STRONG_END.finditer(window)]
    cuts = [0] * (low == 0) + cuts + [high] * (high == len(sentence))
    before = [c for c in cuts if c <= start]
    after = [c for c in cuts if c >= end]
    if before and after and after[0] - before[-1] <= STEM_MAX:
        return sentence[before[-1] : after[0]]
    return ""


def leaves_words_out(source: str, text: str) -> bool:
    """Whether a stem quotes its long sentence with words left out: inside (……), or the range
    it opens on (从…到…，…，各项____举措持续实施，使改革开放成为…: its closing clauses alone)."""
    if ELLIPSIS in source:
        return source not in text
    at = text.find(source)
    return at > 0 and text[at - 1] in "，," and _in_a_long_sentence(text, at)


def _in_a_long_sentence(text: str, at: int) -> bool:
    """Whether the sentence around ``at`` runs past STEM_MAX characters; only STEM_MAX characters
    each side are read, so a text of any length costs the same."""
    low, high = max(0, at - STEM_MAX), min(len(text), at + STEM_MAX)
    ends = [m.start() for m in _SENTENCE_END.finditer(text, low, high)]
    before = [end + 1 for end in ends if end < at] or ([0] if low == 0 else [])
    after = [end for end in ends if end >= at] or ([len(text)] if high == len(text) else [])
    return not (before and after) or after[0] - before[-1] > STEM_MAX


_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}\n]")
