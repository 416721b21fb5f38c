"""Chinese text basics: normalisation for grading, Chinese numerals, pinyin readings.

``normalize`` keeps, for every character it outputs, the span of the original
text it came from, so that a difference found between normalised strings can be
shown on what the user actually typed.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

CN_DIGITS = {
    "〇": 0,
    "零": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "贰": 2,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
BIG_UNITS = {"万": 10**4, "亿": 10**8}
NUMERAL_CHARS = frozenset(CN_DIGITS) | frozenset(SMALL_UNITS) | frozenset(BIG_UNITS)
_JOINERS = frozenset("+·・")
_MAX_DIGITS = 15  # longer runs of Arabic digits are kept as text, never converted to int

Span = tuple[int, int]


def _is_dropped(char: str) -> bool:
    """Whitespace, punctuation, quotes, separators, control and format characters
    (zero-width spaces and joiners, byte-order and bidirectional marks), joiners,
    and the invisible marks that are no format characters."""
    return char in _JOINERS or unicodedata.category(char)[0] in "PZC" or _is_invisible_mark(char)


def _is_invisible_mark(char: str) -> bool:
    """Variation selectors (U+FE0F after an emoji-style character) and the combining
    grapheme joiner: combining marks that show nothing."""
    code = ord(char)
    return 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF or 0x180B <= code <= 0x180F or code == 0x034F


@lru_cache(maxsize=None)
def _clean_char(char: str) -> str:
    """What one typed character becomes: NFKC, Latin lower-cased, dropped marks gone."""
    return "".join(c.lower() if c.isascii() else c for c in unicodedata.normalize("NFKC", char) if not _is_dropped(c))


@lru_cache(maxsize=1)
def _to_simplified() -> Any:
    """OpenCC's traditional → simplified converter, loaded on first use (~15 ms), never at start-up."""
    import opencc

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _simplified_char(char: str) -> str:
    converted = _to_simplified().convert(char)
    return converted if len(converted) == 1 else char


def simplified(text: str) -> str:
    """Traditional characters as simplified ones, one for one (兩個維護 → 两个维护).

    The whole text is converted, so that OpenCC's phrases settle ambiguous characters;
    should that ever change the length, each character is converted on its own.
    """
    if text.isascii():
        return text
    converted = _to_simplified().convert(text)
    return converted if len(converted) == len(text) else "".join(map(_simplified_char, text))


def _cleaned(text: str) -> str:
    return simplified("".join(map(_clean_char, text)))


_NUMBER_RUN = re.compile("[0-9" + "".join(sorted(NUMERAL_CHARS)) + "]+")


def normalize_with_spans(text: str) -> tuple[str, list[Span]]:
    """The normalised text and, per output character, the span of ``text`` it came from.

    A Chinese number becomes Arabic digits; each digit maps to the whole number's span.
    """
    spans = [(index, index + 1) for index, char in enumerate(text) for _ in _clean_char(char)]
    cleaned = _cleaned(text)
    out: list[str] = []
    out_spans: list[Span] = []
    last = 0
    for match in _NUMBER_RUN.finditer(cleaned):
        digits = numeral_to_digits(match.group())
        out += [cleaned[last : match.start()], digits]
        out_spans += spans[last : match.start()]
        out_spans += [(spans[match.start()][0], spans[match.end() - 1][1])] * len(digits)
        last = match.end()
    out.append(cleaned[last:])
    out_spans += spans[last:]
    return "".join(out), out_spans


def normalize(text: str) -> str:
    """README.md, 评分 (正确): NFKC, lower-case Latin, no whitespace, punctuation, joiners or
    invisible characters, traditional characters simplified, Chinese numerals as Arabic
    digits. The same text as ``normalize_with_spans``."""
    return _NUMBER_RUN.sub(lambda match: numeral_to_digits(match.group()), _cleaned(text))


def _tokens(run: str) -> list[tuple[str, int, str]]:
    """A numeral run as (kind, value, text) tokens; consecutive Arabic digits form one
    token, whose value is capped (a long run of digits is text, not a number to compute)."""
    tokens: list[tuple[str, int, str]] = []
    for match in re.finditer(r"[0-9]+|.", run):
        piece = match.group()
        if piece[0].isdigit() and piece.isascii():
            tokens.append(("arabic", int(piece) if len(piece) <= _MAX_DIGITS else 10**_MAX_DIGITS, piece))
        elif piece in CN_DIGITS:
            tokens.append(("digit", CN_DIGITS[piece], str(CN_DIGITS[piece])))
        elif piece in SMALL_UNITS:
            tokens.append(("small", SMALL_UNITS[piece], piece))
        else:
            tokens.append(("big", BIG_UNITS[piece], piece))
    return tokens


def numeral_to_digits(run: str) -> str:
    """Arabic digits for a run of numeral characters (Chinese or Arabic).

    Without units the digits are read one by one (二〇二〇 → 2020, 007 stays 007);
    with units as a number (六十 → 60, 一百零五 → 105, 3万 → 30000). A run that is
    several numbers side by side (十三五) becomes their digits in turn (135).
    """
    tokens = _tokens(run)
    if all(kind in ("arabic", "digit") for kind, _, _ in tokens):
        return "".join(text for _, _, text in tokens)
    parts: list[str] = []
    i = 0
    while i < len(tokens):
        value, used = _read_number(tokens, i)
        shown = str(value)
        if tokens[i][0] == "arabic" and len(tokens[i][2]) > _MAX_DIGITS:
            shown, used = tokens[i][2], 1
        parts.append(shown)
        i += used
    return "".join(parts)


def leading_number(run: str) -> tuple[int, int] | None:
    """(value, characters used) of the number a numeral run starts with: 十三五 → (13, 2)."""
    tokens = _tokens(run)
    if not tokens:
        return None
    value, used = _read_number(tokens, 0)
    return value, sum(len(text) if kind == "arabic" else 1 for kind, _, text in tokens[:used])


def _read_number(tokens: list[tuple[str, int, str]], start: int) -> tuple[int, int]:
    """The value of the number that starts at ``start`` and how many tokens it uses."""
    total = section = 0
    digit: int | None = None
    last_small = last_big = 10**13
    used = 0
    for index in range(start, len(tokens)):  # no slice: a run of many numbers stays linear
        kind, value, _ = tokens[index]
        if kind in ("arabic", "digit"):
            if digit is not None and digit != 0:
                break
            digit = value
        elif kind == "small":
            if value >= last_small:
                break
            section += (1 if digit is None else digit) * value
            digit, last_small = None, value
        else:
            if value >= last_big:
                break
            section += digit or 0
            total += (section or 1) * value
            section, digit, last_small, last_big = 0, None, 10**13, value
        used += 1
    return total + section + (digit or 0), used


# -- pinyin ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _pinyin_table() -> dict[int, str]:
    """pypinyin's per-character readings (code point → "zhǎng,cháng").

    Loaded straight from its data module: importing the ``pypinyin`` package also
    loads its phrase dictionary, which costs ~150 ms that single characters don't need.
    """
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("pypinyin")
    data = Path(spec.origin).with_name("pinyin_dict.py") if spec and spec.origin else None
    module_spec = importlib.util.spec_from_file_location("_studytui_pinyin_dict", data) if data and data.exists() else None
    if module_spec is not None and module_spec.loader is not None:
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
        table: dict[int, str] = module.pinyin_dict
        return table
    from pypinyin.pinyin_dict import pinyin_dict

    return pinyin_dict


def _toneless(reading: str) -> str:
    """pypinyin's Style.NORMAL of one reading: tone marks dropped, ü written v."""
    decomposed = unicodedata.normalize("NFD", reading).replace("u\u0308", "v")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=None)
def readings(char: str) -> frozenset[str]:
    """Every toneless pinyin reading of a character (长 → {chang, zhang}); empty if none."""
    raw = _pinyin_table().get(ord(char), "") if len(char) == 1 else ""
    return frozenset(_toneless(r) for r in raw.split(",") if r)


def homophones(a: str, b: str) -> bool:
    return bool(readings(a) & readings(b))


# -- sentences and clauses ----------------------------------------------------------

SENTENCE_ENDS = "。！？!?．"
# a full stop, or a Latin period used as one (before a space, a line end or a Chinese character)
_STOP_AFTER = r"(?=\s|$|[\u4e00-\u9fff“])"
_END = rf"(?:[{SENTENCE_ENDS}]|\.{_STOP_AFTER})"
_SENTENCE_RE = re.compile(rf"(?:[^{SENTENCE_ENDS}.]|\.(?!{_STOP_AFTER}))+(?:{_END}+[”’」』]?|$)")


def sentences(paragraph: str) -> list[tuple[int, str]]:
    """The sentences of a paragraph with their offsets, each with its closing mark
    (and a closing quote right after it)."""
    return [(m.start(), m.group()) for m in _SENTENCE_RE.finditer(paragraph) if m.group().strip()]


_ASCII_PUNCTUATION = re.compile(r"(?<=[\u4e00-\u9fff”」』）)])\s*([,;:?!])|([(])(?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])([)])")
_FULL_WIDTH = dict(zip(",;:?!()", "，；：？！（）"))


def full_width_punctuation(text: str) -> str:
    """ASCII punctuation written in Chinese text (a speech copied from a web page or a
    PDF) in its full-width form, so that it breaks clauses as ，；： do; 1,000 stays."""
    return _ASCII_PUNCTUATION.sub(lambda m: _FULL_WIDTH[next(g for g in m.groups() if g)], text)


_HAN_RUN = re.compile("[\u4e00-\u9fff]+")


def han_count(text: str) -> int:
    return sum(map(len, _HAN_RUN.findall(text)))
