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
    for line in resources.files("studytui").joinpath("lexicon.txt").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = groups.setdefault(line[1:-1], [])
        elif line and not line.startswith("#"):
            current.append(line)
    return {name: tuple(entries) for name, entries in groups.items()}


def words() -> set[str]:
    """The lexicon's formulations and their 、-separated parts: words for the segmenter."""
    return {part for entry in lexicon()["提法"] for part in entry.replace("，", "、").split("、") if len(part) >= 2}
