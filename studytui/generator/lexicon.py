"""The lexicon of well-known formulations and common terms shipped with studytui
(lexicon.txt: its header says what it holds and where every entry comes from)."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def lexicon() -> dict[str, tuple[str, ...]]:
    """Well-known formulations ("提法") and common terms ("常用语") of the genre,
    shipped as data (lexicon.txt)."""
    groups: dict[str, list[str]] = {}
    current: list[str] = []
    for line in resources.files("studytui.generator").joinpath("lexicon.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
        elif line and not line.startswith("#"):
            current.append(line)
    return {name: tuple(entries) for name, entries in groups.items()}


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
