"""Class quiz codes: a code such as QZ-7F3K-Q2MA-X9T4 carries a bank (by its id and by
what it asks), a seed, a number of questions and a time limit, so that every machine
with the same bank rebuilds the same quiz with no server; a check character catches
a mistyped code."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from studytui.bankfile.bank import Bank, to_data
from studytui.quiz import Settings, hash_data
from studytui.vocabulary import Mode

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32: no I, L, O, U
_FIELDS = (("bank", 15), ("content", 15), ("seed", 12), ("count", 7), ("minutes", 6))

WRONG_CHECK = "测验码校验不通过：可能有字符输错，请核对"


class CodeError(ValueError):
    """A class quiz code that cannot be used here; the message says why, in Chinese."""


@dataclass(frozen=True)
class ClassQuiz:
    """What a class quiz code carries: enough to rebuild the same quiz on any machine
    that has the same bank, with no server."""

    bank: int
    content: int
    seed: int
    count: int
    minutes: int

    def settings(self) -> Settings:
        return Settings(mode=Mode.CLASS, count=self.count, time_limit=self.minutes * 60 or None, seed=self.seed)


def questions_hash(bank: Bank) -> str:
    """A hash of what a bank asks (its sections and questions), whatever its file, id or title."""
    data = to_data(bank)
    return hash_data({"sections": data.get("sections", []), "questions": data["questions"]})


def _short_hash(text: str, bits: int) -> int:
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16) & ((1 << bits) - 1)


def _check_char(symbols: str) -> str:
    total = sum((2 * i + 1) * CODE_ALPHABET.index(c) for i, c in enumerate(symbols))
    return CODE_ALPHABET[total % 32]


def class_code(bank: Bank, seed: int, count: int, minutes: int) -> str:
    """A code such as QZ-7F3K-Q2MA-X9T4 for this bank's content, seed, size and time."""
    values = {
        "bank": _short_hash(bank.id, 15),
        "content": _short_hash(questions_hash(bank), 15),
        "seed": seed,
        "count": count,
        "minutes": minutes,
    }
    number = 0
    for name, bits in _FIELDS:
        if not 0 <= values[name] < (1 << bits) or (name == "count" and values[name] == 0):
            raise ValueError(f"{name} out of range: {values[name]}")
        number = (number << bits) | values[name]
    symbols = "".join(CODE_ALPHABET[(number >> shift) & 31] for shift in range(50, -1, -5))
    return canonical_code(symbols + _check_char(symbols))


def _symbols(code: str) -> str:
    """The code's twelve symbols, however it was typed (lower case, spaces, O for 0)."""
    text = code.upper().replace("-", "").replace(" ", "")
    text = text[2:] if text.startswith("QZ") else text
    return text.translate(str.maketrans("OIL", "011"))


def canonical_code(code: str) -> str:
    """The code as printed: QZ-XXXX-XXXX-XXXX (checked)."""
    parse_code(code)
    text = _symbols(code)
    return "QZ-" + "-".join(text[i : i + 4] for i in range(0, 12, 4))


def parse_code(code: str) -> ClassQuiz:
    text = _symbols(code)
    if len(text) != 12 or any(c not in CODE_ALPHABET for c in text):
        raise CodeError("测验码格式不对：应形如 QZ-XXXX-XXXX-XXXX")
    if _check_char(text[:11]) != text[11]:
        raise CodeError(WRONG_CHECK)
    number = 0
    for c in text[:11]:
        number = (number << 5) | CODE_ALPHABET.index(c)
    values = {}
    for name, bits in reversed(_FIELDS):
        values[name] = number & ((1 << bits) - 1)
        number >>= bits
    if values["count"] == 0:  # no code is made for no questions: a forged or mistyped code
        raise CodeError(WRONG_CHECK)
    return ClassQuiz(**values)


def find_bank(quiz: ClassQuiz, banks: Sequence[Bank]) -> Bank:
    """The bank a class quiz was made from, among the banks on this machine: found by
    what it asks, whatever its file is called."""
    for candidate in banks:
        if _short_hash(questions_hash(candidate), 15) == quiz.content:
            return candidate
    same_id = [b for b in banks if _short_hash(b.id, 15) == quiz.bank]
    if same_id:
        raise CodeError(f"本机的题库“{same_id[0].title}”与出题时的版本不同（题库内容有改动），请向出题老师索取同一份题库文件")
    raise CodeError("本机没有这个测验所用的题库，请向出题老师索取题库文件（放进题库文件夹即可，不必重启）")
