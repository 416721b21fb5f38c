"""Grading typed answers the way a Chinese examiner would (README.md, 评分 / Grading).

A slip of the input method (a homophone, one particle too many or too few) is
``close``; a changed number, a dropped negation or another word is ``wrong``.
Beyond one string: several blanks, ``list`` answers typed in any order, and the
exact answers of choice, multi, judge and order questions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from rapidfuzz.distance import Levenshtein

from studytui.text import Span, homophones, normalize, normalize_with_spans
from studytui.vocabulary import Strictness, Verdict

CORRECT, CLOSE, WRONG = Verdict.CORRECT, Verdict.CLOSE, Verdict.WRONG
NEGATIONS = frozenset("不没无非未勿莫别否")
PARTICLES = frozenset("的之地得和与及并了等着是在")
CONJUNCTIONS = frozenset("和与及同跟")
CLOSE_SCORES = {Strictness.STRICT: 0.0, Strictness.NORMAL: 0.5, Strictness.LENIENT: 1.0}
STRICTNESS = tuple(CLOSE_SCORES)
_RANK = {CORRECT: 0, CLOSE: 1, WRONG: 2}
LIST_SEPARATORS = re.compile(r"[、，,；;\s]+")
ENUMERATION_SEPARATORS = re.compile(r"[、；;]")
ITEM_CONJUNCTIONS = re.compile("以及|和|及|与")
"""和, 及, 与 or 以及 may stand before the last item of a list instead of 、."""
MAX_ANSWER_LENGTH = 1000
"""The longest typed answer graded (characters as typed); a longer one is wrong at once.
An input widget may use it as its ``max_length``."""

# Reasons shown to the user for each difference.
HOMOPHONE, CONJUNCTION, EXTRA, MISSING, NUMBER, NEGATION, OTHER = (
    "同音字",
    "连词替换",
    "多字",
    "少字",
    "数字不符",
    "否定词不符",
    "错字",
)
TOO_LONG = f"作答过长（超过 {MAX_ANSWER_LENGTH} 字）"


@dataclass(frozen=True)
class Difference:
    """One difference between the expected and the typed answer.

    ``kind`` is replace, insert (typed but not expected), delete (expected but not
    typed) or too_long (the part of an answer past ``MAX_ANSWER_LENGTH``); ``span`` is
    where it stands in the typed answer as given (for a delete, the empty span where
    the missing character belongs).
    """

    kind: str
    expected: str
    typed: str
    span: Span
    reason: str


@dataclass(frozen=True)
class Grade:
    verdict: Verdict
    score: float
    differences: tuple[Difference, ...] = ()
    expected: str = ""
    answer: str = ""
    parts: tuple[Grade, ...] = field(default=(), compare=False)
    """For several blanks or a list: the grade of each part."""
    missing: tuple[str, ...] = ()
    """For a list: the expected items not typed."""
    extra: tuple[str, ...] = ()
    """For a list: the typed items that match no expected item."""


def format_score(score: float) -> str:
    """A score as every screen and report prints it: at most one decimal, a half rounded
    up (38.8, 0.5, 3, 1.3 for 1.25), so the result and the leaderboard say the same."""
    rounded = Decimal(repr(float(score))).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{rounded + 0:f}".removesuffix(".0")  # + 0: never "-0"


def close_score(strictness: str) -> float:
    try:
        return CLOSE_SCORES[Strictness(strictness)]
    except ValueError:
        raise ValueError(f"strictness must be one of {', '.join(STRICTNESS)}, not {strictness!r}") from None


def grade(expected: str, answer: str, accept: Iterable[str] = (), strictness: str = "normal") -> Grade:
    """Grade one typed answer against the expected text and its accepted alternatives."""
    on_close = close_score(strictness)
    if len(answer) > MAX_ANSWER_LENGTH:
        return too_long(expected, answer)
    typed = normalize_with_spans(answer)
    best: Grade | None = None
    for candidate in (expected, *accept):
        result = _grade_one(candidate, normalize_with_spans(candidate), answer, typed, on_close)
        if best is None or _better(result, best):
            best = result
        if best.verdict == CORRECT:
            break
    return best  # type: ignore[return-value]


def too_long(expected: str, answer: str) -> Grade:
    """An answer past the cap: wrong, without reading it (grading it costs more than
    linear time in its length)."""
    span = (MAX_ANSWER_LENGTH, len(answer))
    return Grade(WRONG, 0.0, (Difference("too_long", "", answer[slice(*span)], span, TOO_LONG),), expected, answer)


def _better(a: Grade, b: Grade) -> bool:
    return (_RANK[a.verdict], len(a.differences)) < (_RANK[b.verdict], len(b.differences))


Normalized = tuple[str, list[Span]]


def _grade_one(expected: str, want: Normalized, answer: str, got: Normalized, on_close: float) -> Grade:
    if not got[0]:
        return Grade(WRONG, 0.0, (), expected, answer)
    if got[0] == want[0]:
        return Grade(CORRECT, 1.0, (), expected, answer)
    differences = tuple(_differences(expected, want, answer, got))
    if not want[0] or not _slips_only(differences, len(want[0])):
        return Grade(WRONG, 0.0, differences, expected, answer)
    return Grade(CLOSE, on_close, differences, expected, answer)


def _slips_only(differences: Sequence[Difference], expected_length: int) -> bool:
    """README.md, 评分 (接近): homophones, at most one particle slip (a particle in or out,
    or one conjunction for another), few edits."""
    if any(d.reason in (NUMBER, NEGATION, OTHER) for d in differences):
        return False
    particle_slips = [d for d in differences if d.kind != "replace" or d.reason == CONJUNCTION]
    if len(particle_slips) > 1 or any(
        d.reason != CONJUNCTION and (d.expected or d.typed) not in PARTICLES for d in particle_slips
    ):
        return False
    return len(differences) <= max(1, expected_length // 4)


def _differences(expected: str, want: Normalized, answer: str, got: Normalized) -> Iterator[Difference]:
    """The edits between the normalised texts, shown as the original characters."""
    (want_text, want_spans), (got_text, got_spans) = want, got
    for op in Levenshtein.editops(want_text, got_text):
        shown_want = expected[slice(*want_spans[op.src_pos])] if op.tag != "insert" else ""
        if op.tag == "delete":
            at = got_spans[op.dest_pos][0] if op.dest_pos < len(got_spans) else len(answer)
            span = (at, at)
        else:
            span = got_spans[op.dest_pos]
        shown_typed = answer[slice(*span)]
        want_char = want_text[op.src_pos] if op.tag != "insert" else ""
        got_char = got_text[op.dest_pos] if op.tag != "delete" else ""
        reason = _reason(op.tag, want_char, got_char)
        if reason == NUMBER and want_char.isdigit() != got_char.isdigit() and _sounds_alike(shown_want, shown_typed):
            reason = HOMOPHONE  # 量 for 两: no number was typed, the input method offered a homophone
        yield Difference(op.tag, shown_want, shown_typed, span, reason)


def _sounds_alike(want: str, typed: str) -> bool:
    return len(want) == len(typed) == 1 and homophones(want, typed)


def describe(difference: Difference) -> str:
    """The difference in words, for the user: 应为“之”，写成“知”（同音字）."""
    if difference.kind == "too_long":
        return difference.reason
    change = {
        "replace": f"应为“{difference.expected}”，写成“{difference.typed}”",
        "insert": f"多了“{difference.typed}”",
        "delete": f"少了“{difference.expected}”",
    }[difference.kind]
    return f"{change}（{difference.reason}）"


def _reason(kind: str, want: str, got: str) -> str:
    chars = want + got
    if any(c.isdigit() for c in chars):
        return NUMBER
    if any(c in NEGATIONS for c in chars):
        return NEGATION
    if kind == "insert":
        return EXTRA
    if kind == "delete":
        return MISSING
    if homophones(want, got):
        return HOMOPHONE
    return CONJUNCTION if want in CONJUNCTIONS and got in CONJUNCTIONS else OTHER


# -- what a question can hold beyond one string ---------------------------------


def _overall(parts: Sequence[Grade], score: float, complete: bool = True) -> Verdict:
    """Correct when every part is, wrong when nothing scored, close in between."""
    if complete and parts and all(p.verdict == CORRECT for p in parts):
        return CORRECT
    return WRONG if score <= 0 else CLOSE


def _differences_of(parts: Iterable[Grade]) -> tuple[Difference, ...]:
    return tuple(d for p in parts for d in p.differences)


def grade_blanks(
    expected: Sequence[str],
    answers: Sequence[str],
    accept: Sequence[Sequence[str]] = (),
    strictness: str = "normal",
) -> Grade:
    """A cloze with several blanks: each blank on its own (``grade_blank``), the score the mean."""
    parts = [
        grade_blank(want, answers[i] if i < len(answers) else "", accept[i] if i < len(accept) else (), strictness)
        for i, want in enumerate(expected)
    ]
    score = sum(p.score for p in parts) / len(parts) if parts else 0.0
    return Grade(
        _overall(parts, score),
        score,
        _differences_of(parts),
        " / ".join(expected),
        " / ".join(answers),
        tuple(parts),
    )


def grade_blank(want: str, answer: str, accept: Sequence[str] = (), strictness: str = "normal") -> Grade:
    """One blank of a cloze. A blank that holds an enumeration (three or more items
    joined by 、 or ；) is graded like a list as well, and the better grade counts."""
    whole = grade(want, answer, accept, strictness)
    items = [item for item in ENUMERATION_SEPARATORS.split(want) if normalize(item)]
    if len(items) < 3:
        return whole
    as_lists = (grade_list(reading, answer, strictness) for reading in _readings(items))
    return max((whole, *as_lists), key=_merit)


def _merit(result: Grade) -> tuple[float, int]:
    return result.score, -_RANK[result.verdict]


def split_list(text: str) -> list[str]:
    return [item for item in LIST_SEPARATORS.split(text) if normalize(item)]


def _readings(items: list[str]) -> list[list[str]]:
    """The items as split, and, when the last one holds 和/及/与/以及, with the last one
    split there too: 廉洁自律和执行制度 may be one item or two."""
    conjunctions = list(ITEM_CONJUNCTIONS.finditer(items[-1])) if items else []
    if not conjunctions:
        return [items]
    last = conjunctions[-1]
    before, after = items[-1][: last.start()], items[-1][last.end() :]
    if not (normalize(before) and normalize(after)):
        return [items]
    return [items, [*items[:-1], before, after]]


def grade_list(expected: Sequence[str], answer: str, strictness: str = "normal", min_items: int | None = None) -> Grade:
    """Items typed in any order, separated by 、，,；; or white space, or by 和, 及, 与 or
    以及 before the last item (whichever reading of the last piece grades better)."""
    if len(answer) > MAX_ANSWER_LENGTH:
        return too_long("、".join(expected), answer)
    return max(
        (_grade_items(expected, typed, answer, strictness, min_items) for typed in _readings(split_list(answer))),
        key=_merit,
    )


def _grade_items(expected: Sequence[str], typed: list[str], answer: str, strictness: str, min_items: int | None) -> Grade:
    """Each typed item is paired with its most similar expected item (rapidfuzz), one
    to one, and graded on its own; a wrong one stays unpaired. The score is the sum of
    the item scores over the number of items a full answer needs (``min_items``, else
    all), or over the right and wrong items typed when there are more of them, at most
    1. No item scores below 0, so an item with a slip never scores less than one left
    out, and typing more items than asked for cannot gain. Once enough are right, the
    items not typed are not missing. ``parts`` holds the paired items' grades in the
    expected order.
    """
    from rapidfuzz.fuzz import ratio

    wanted = [normalize(item) for item in expected]
    given = [normalize(item) for item in typed]
    candidates = sorted(
        ((ratio(item, want), t, e) for t, item in enumerate(given) for e, want in enumerate(wanted)),
        key=lambda c: (-c[0], c[1], c[2]),
    )
    pairs: dict[int, tuple[int, Grade]] = {}
    used: set[int] = set()
    for _, t, e in candidates:
        if t in pairs or e in used or not _may_be_close(wanted[e], given[t]):
            continue
        result = grade(expected[e], typed[t], strictness=strictness)
        if result.verdict != WRONG:
            pairs[t] = (e, result)
            used.add(e)
    extra = tuple(typed[t] for t in range(len(typed)) if t not in pairs)
    needed = min(min_items or len(expected), len(expected))
    right = sum(result.verdict == CORRECT for _, result in pairs.values())
    enough = bool(expected) and right >= needed
    missing = () if enough else tuple(item for e, item in enumerate(expected) if e not in used)
    earned = sum(result.score for _, result in pairs.values())
    score = min(1.0, earned / max(needed, right + len(extra))) if expected else 0.0
    parts = tuple(result for _, (_, result) in sorted(pairs.items(), key=lambda item: item[1][0]))
    verdict = CORRECT if enough and not extra else WRONG if score <= 0 else CLOSE
    return Grade(verdict, score, _differences_of(parts), "、".join(expected), answer, parts, missing, extra)


def _may_be_close(want: str, typed: str) -> bool:
    """Whether the normalised texts are within rule 6's edits, so that grading them can
    find them correct or close (a cheap test that spares grading most wrong pairs)."""
    limit = max(1, len(want) // 4)
    return Levenshtein.distance(want, typed, score_cutoff=limit) <= limit


def grade_choice(expected: str, chosen: str | None) -> Grade:
    right = chosen == expected
    return Grade(CORRECT if right else WRONG, 1.0 if right else 0.0, (), expected, chosen or "")


def grade_judge(expected: bool, answer: bool | None) -> Grade:
    right = answer is expected
    return Grade(
        CORRECT if right else WRONG,
        1.0 if right else 0.0,
        (),
        "对" if expected else "错",
        "" if answer is None else ("对" if answer else "错"),
    )


def grade_multi(expected: Sequence[str], chosen: Iterable[str]) -> Grade:
    """Partial credit: (right picks − wrong picks) / number of right options, at least 0."""
    picks = set(chosen)
    right = len(picks & set(expected))
    wrong = len(picks - set(expected))
    score = max(0.0, (right - wrong) / len(expected))
    verdict = CORRECT if score == 1.0 and not wrong else (WRONG if score == 0 else CLOSE)
    missing = tuple(option for option in expected if option not in picks)
    return Grade(
        verdict,
        score,
        (),
        "、".join(expected),
        "、".join(sorted(picks)),
        missing=missing,
        extra=tuple(sorted(picks - set(expected))),
    )


def grade_order(expected: Sequence[str], answer: Sequence[str]) -> Grade:
    """Partial credit: the share of items in their right place."""
    placed = sum(1 for want, got in zip(expected, answer) if want == got)
    score = placed / len(expected)
    verdict = CORRECT if score == 1.0 else (WRONG if placed == 0 else CLOSE)
    return Grade(verdict, score, (), " → ".join(expected), " → ".join(answer))
