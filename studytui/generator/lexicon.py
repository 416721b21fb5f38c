"""The lexicon of well-known formulations and common terms shipped with studytui
(lexicon.txt: its header says what it holds and where every entry comes from)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[str, str, str], ...]:
    """(group, entry, field) for every entry of lexicon.txt, in order."""
    rows = []
    group = ""
    for line in resources.files("studytui.generator").joinpath("lexicon.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
        elif line and not line.startswith("#"):
            entry, _, field = line.partition("\t")
            rows.append((group, entry.strip(), field.strip()))
    return tuple(rows)


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Well-known formulations ("提法") and common terms ("常用语") of the genre,
    shipped as data (lexicon.txt)."""
    groups: dict[str, list[str]] = {}
    for group, entry, _ in _entries():
        groups.setdefault(group, []).append(entry)
    return {name: tuple(entries) for name, entries in groups.items()}


@lru_cache(maxsize=1)
def fields() -> dict[str, str]:
    """Each entry's field (纪检监察, 经济, 外交…), by the entry as written and by its parts."""
    found: dict[str, str] = {}
    for _, entry, field in _entries():
        for form in (entry, entry.replace("、", ""), *entry.split("、")):
            found.setdefault(form, field)
    return found


@lru_cache(maxsize=1)
def points() -> dict[str, str]:
    """The entries of three or more parts whose last alone makes a statement, by that last part
    (党是领导一切的 → 党政军民学，东西南北中，党是领导一切的): asked whole, such an entry leaves
    its sentence no cue; asked by its last part, the parts before it are the cue."""
    found: dict[str, str] = {}
    for _, entry, _ in _entries():
        *before, last = entry.split("，")
        if len(before) >= 2 and "是" in last[1:] and not any("是" in part for part in before):
            found[last] = entry
    return found


def fields_in(text: str) -> Counter[str]:
    """How often ``text`` says an entry of each field, each place once (the longest entry
    that starts there). A scan by two-character keys: a million characters take half a
    second, where one regular expression of all the entries takes ten times as long."""
    by_start = _by_start()
    field_of = fields()
    said: Counter[str] = Counter()
    at, end = 0, len(text)
    while at < end:
        entry = next((e for e in by_start.get(text[at : at + 2], ()) if text.startswith(e, at)), None)
        if entry is None:
            at += 1
        else:
            said[field_of[entry]] += 1
            at += len(entry)
    return said


@lru_cache(maxsize=1)
def _by_start() -> dict[str, tuple[str, ...]]:
    """The entries (and their parts) of two characters or more by their first two, longest first."""
    grouped: dict[str, list[str]] = {}
    for entry in sorted((e for e in fields() if len(e) >= 2), key=len, reverse=True):
        grouped.setdefault(entry[:2], []).append(entry)
    return {start: tuple(entries) for start, entries in grouped.items()}


WORD_MAX = 5


def words() -> set[str]:
    """The lexicon's short formulations and parts (两个维护, 四种形态): words for the
    segmenter. A longer entry is a phrase of several words; as one word it would hide
    the terms inside it (社会主义现代化 in 基本实现社会主义现代化)."""
    found: set[str] = set()
    for entry in lexicon()["提法"]:
        parts = entry.replace("，", "、").split("、")
        if len(parts) > 1 and len(parts[0]) != len(parts[1]):
            parts = parts[1:]  # 搞团团伙伙、结党营私: the first part carries the entry's verb
        found.update(part for part in parts if 2 <= len(part) <= WORD_MAX)
    return found
