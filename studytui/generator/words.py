"""Words: where jieba (dictionary only) puts word boundaries, so that no generated span
starts or ends inside a word. jieba is imported on first use: only generating needs words."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=1)
def _segmenter():
    """jieba's tokenizer, imported on first use: only generating needs words. Its dictionary
    is read a slot at a time (prefixes.py). The lexicon's formulations are words too, so that
    no span cuts one (两个维护, 四种形态)."""
    import logging

    import jieba
    import platformdirs

    from studytui.generator import lexicon, prefixes

    jieba.setLogLevel(logging.WARNING)
    dictionary = _dictionary()
    cache = Path(platformdirs.user_cache_dir("studytui", appauthor=False)) / cache_name(dictionary)
    tokenizer = prefixes.SlottedTokenizer(prefixes.load(dictionary, cache))
    for word in sorted(lexicon.words()):
        tokenizer.add_word(word)
    return tokenizer


def cache_name(dictionary: Path) -> str:
    """The prefix file's name for one install's word list: two installs (a venv and pipx)
    keep a file each, instead of building it again whenever the other ran last."""
    return f"jieba-prefixes-{hashlib.sha1(str(dictionary).encode()).hexdigest()[:12]}.bin"


def _dictionary() -> Path:
    """jieba's word list, found without importing jieba."""
    spec = importlib.util.find_spec("jieba")
    assert spec is not None and spec.origin is not None, "jieba is a dependency"
    return Path(spec.origin).with_name("dict.txt")


_SPEECH = threading.RLock()
"""Held while one speech's words are known: the segmenter is one object (a second costs
its dictionary's load again), so two threads generating take turns."""


@contextmanager
def known_words(terms: Iterable[str]) -> Iterator[None]:
    """``terms`` (a speech's own formulations) taken as words while the block runs;
    the segmenter is as it was afterwards, so one speech's words never cut another's,
    and no other thread segments while they are known."""
    with _SPEECH:
        yield from _knowing(terms)


def _knowing(terms: Iterable[str]) -> Iterator[None]:
    tokenizer = _segmenter()
    saved_total, saved = tokenizer.total, {}
    for term in sorted(terms):  # in one order: a word added changes the frequency suggested for the next
        tokenizer.read_slots(term)
        for end in range(1, len(term) + 1):
            saved.setdefault(term[:end], tokenizer.FREQ.get(term[:end]))
        tokenizer.add_word(term)
    word_bounds.cache_clear()
    words.cache_clear()
    try:
        yield
    finally:
        for prefix, freq in saved.items():
            if freq is None:
                del tokenizer.FREQ[prefix]
            else:
                tokenizer.FREQ[prefix] = freq
        tokenizer.total = saved_total
        word_bounds.cache_clear()
        words.cache_clear()


@lru_cache(maxsize=4096)
def word_bounds(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a word starts or ends (jieba, dictionary only)."""
    bounds = {0, len(text)}
    position = 0
    for word in words(text):
        position += len(word)
        bounds.add(position)
    return frozenset(bounds)


@lru_cache(maxsize=4096)
def words(text: str) -> tuple[str, ...]:
    """``text`` cut into words (jieba, dictionary only)."""
    return tuple(_segmenter().cut(text, HMM=False))


def splits_a_word(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` begins or ends inside a word of ``text``."""
    bounds = word_bounds(text)
    return start not in bounds or end not in bounds


def says(text: str, part: str) -> bool:
    """Whether ``text`` says ``part``: a character of one only as a word of its own (严 is no part of 从严治党's)."""
    return part in words(text) if len(part) == 1 else part in text


_WINDOW = 12


def word_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``text[start:end]`` moved onto word boundaries: a start inside a word moves back
    to the word's start (使命 for 命), an end inside a word back to the word's end before
    it (两个基本点 for 两个基本点统), or on to the word's end when that would leave less
    than two characters. Only a window around the span is segmented."""
    low = max(0, start - _WINDOW)
    window = text[low : end + _WINDOW]
    bounds = sorted(word_bounds(window))
    at, to = start - low, end - low
    if at not in bounds:
        at = max(b for b in bounds if b < at)
    if to not in bounds:
        before = max(b for b in bounds if b < to)
        to = before if before - at >= 2 else min(b for b in bounds if b > to)
    return low + at, low + to


FUNCTION_TAGS = ("p", "c", "u", "y", "e")
"""jieba's tags of words that never begin or end a formulation: prepositions (把 对 关于),
conjunctions (和 与 而且), particles (的 了 着 等), modal particles and interjections."""
_TAGGED = re.compile(r"^(\S+) \d+ ((?:p|c|u[a-z]?|y|e|nr[a-z]*|ns|nt|vn?))$", re.M)


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """jieba's part-of-speech tags for the closed classes, names and verbs only: read from its
    dictionary in a tenth of a second, where jieba.posseg's full table takes half a second."""
    dictionary = _dictionary().read_text(encoding="utf-8")
    return dict(_TAGGED.findall(dictionary))


def is_verb(word: str) -> bool:
    return _tags().get(word) == "v"


def tag(word: str) -> str:
    """``word``'s jieba tag when it is a function word (FUNCTION_TAGS), a verb (v, vn) or
    the name of a person (nr, nrfg, nrt), a place (ns) or an organisation (nt), else ''."""
    return _tags().get(word, "")
