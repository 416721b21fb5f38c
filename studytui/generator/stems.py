"""The stem a question shows: the sentence around a formulation, read as an exam-setter
reads one."""

from __future__ import annotations

import re

from studytui.text import sentences

STEM_MAX = 120  # an exam-setter reads a stem up to 120 characters as one sentence
_CLAUSE_END = re.compile(r"[，,：:]")


def stem(sentence: str, part: str) -> str:
    """The sentence that holds ``part`` when it is STEM_MAX characters or fewer, else the
    part between semicolons that holds it when that is; else '' (nothing to ask: a window
    cut out of a long sentence starts or stops mid-clause, and an exam-setter would not
    hand it out). Of a context of several sentences, only the one that holds ``part``: a
    stem of two sentences reads as a paragraph. A text that never ends a sentence (no
    。；！？ for STEM_MAX characters around ``part``) has only clauses to give: the run of
    them around ``part``. Only a window around ``part`` is looked at, so a sentence of
    any length costs the same."""
    if len(sentence) <= 2 * STEM_MAX:
        sentence = next((s for _, s in sentences(sentence) if part in s), sentence)
    if len(sentence) <= STEM_MAX:
        return sentence
    start = max(sentence.find(part), 0)
    end = start + len(part)
    low, high = max(0, start - STEM_MAX), min(len(sentence), end + STEM_MAX)
    window = sentence[low:high]
    if _STRONG_END.search(window):
        return _whole_part(sentence, window, low, high, start, end)
    return _clause_run(sentence, window, low, high, start, end)


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
