"""Grading speed on typical answers, the cost of the grader's first call, and long
answers up to the cap and past it.

    python benchmarks/grading.py

Typical answers: 4–20 character spans of the shipped speech, a third of them
typed with a slip (a homophone, or a dropped particle), the rest right or wrong.
Long answers: the worst cases found (a run of 十, whose numerals are read one
number at a time; a list of many wrong items) at lengths up to MAX_ANSWER_LENGTH,
whose time per character should stay flat, and past it, where they are refused.
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
import time

from studytui.paths import shipped_banks_dir

FIRST_CALL = """
import time
started = time.perf_counter()
from studytui.grading import grade
grade("推动政治监督具体化常态化", "推动政治监督具体化长态化")
print(time.perf_counter() - started)
"""
FIRST_TRADITIONAL = FIRST_CALL.replace("具体化长态化", "具體化長態化")  # loads OpenCC too
LIST = ["审批监管", "执法司法", "工程建设", "资源开发", "金融信贷", "公共资源交易", "公共财政支出"]


def typical_answers(count: int, seed: int = 7) -> list[tuple[str, str]]:
    from studytui.text import readings

    speech = (shipped_banks_dir() / "sources" / "qichu-qifali.txt").read_text(encoding="utf-8")
    runs = [r for r in re.findall(r"[\u4e00-\u9fff]{4,20}", speech)]
    chars = sorted(set("".join(runs)))
    by_reading: dict[str, list[str]] = {}
    for char in chars:
        for reading in readings(char):
            by_reading.setdefault(reading, []).append(char)
    rng = random.Random(seed)
    pairs = []
    for i in range(count):
        expected = rng.choice(runs)
        answer = expected
        if i % 3 == 0:  # a slip
            pos = rng.randrange(len(expected))
            mates = [c for r in readings(expected[pos]) for c in by_reading.get(r, []) if c != expected[pos]]
            answer = expected[:pos] + (rng.choice(mates) if mates else "") + expected[pos + 1 :]
        elif i % 3 == 1:  # another formulation
            answer = rng.choice(runs)
        pairs.append((expected, answer))
    return pairs


def median_first_call(code: str) -> float:
    runs = sorted(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(5)
    )
    return runs[2]


def seconds(action) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def long_answers() -> None:
    from studytui.grading import MAX_ANSWER_LENGTH, grade, grade_blank, grade_list
    from studytui.text import normalize

    enumeration = "党的路线方针政策、执行民主集中制、选人用人、廉洁自律和执行制度"
    print(f"long answers (cap MAX_ANSWER_LENGTH = {MAX_ANSWER_LENGTH}), ms and µs per character:")
    for length in (MAX_ANSWER_LENGTH // 8, MAX_ANSWER_LENGTH // 4, MAX_ANSWER_LENGTH // 2, MAX_ANSWER_LENGTH):
        cases = {
            "十…十 cloze": lambda: grade("十不准", "十" * length),
            "list, wrong items": lambda: grade_list(LIST, ("天网、" * length)[:length]),
            "enumeration blank": lambda: grade_blank(enumeration, ("执行、" * length)[: length - 3] + "甲和乙"),
        }
        times = {name: min(seconds(run) for _ in range(3)) for name, run in cases.items()}
        cells = "  ".join(f"{name} {took * 1000:6.1f} ms ({took / length * 1e6:5.1f} µs)" for name, took in times.items())
        print(f"  {length:6,d} chars: {cells}")
    for length in (10 * MAX_ANSWER_LENGTH, 80_000):
        refused = seconds(lambda: grade("十不准", "十" * length))
        read = seconds(lambda: normalize("十" * length))
        print(
            f"  {length:6,d} chars: refused as too long in {refused * 1000:.2f} ms; its numerals read (normalize) in {read * 1000:.0f} ms"
        )


def main() -> None:
    first_call = median_first_call(FIRST_CALL)
    first_traditional = median_first_call(FIRST_TRADITIONAL)

    from rapidfuzz.distance import Levenshtein

    from studytui.grading import grade

    pairs = typical_answers(30_000)
    for expected, answer in pairs[:2000]:  # warm the per-character caches, as a session would
        grade(expected, answer)
    started = time.perf_counter()
    verdicts = [grade(expected, answer).verdict for expected, answer in pairs]
    elapsed = time.perf_counter() - started
    started = time.perf_counter()
    for expected, answer in pairs:
        Levenshtein.editops(expected, answer)
    baseline = time.perf_counter() - started

    print(
        f"answers graded:          {len(pairs)} ({verdicts.count('correct')} correct, {verdicts.count('close')} close, {verdicts.count('wrong')} wrong)"
    )
    print(f"grades per second:       {len(pairs) / elapsed:10,.0f}  (target >= 20,000)")
    print(f"vs bare editops:         {elapsed / baseline:10.1f}x the time of rapidfuzz editops alone")
    print(f"first call (import + grade with a slip): {first_call * 1000:6.1f} ms median of 5 (target < 200 ms)")
    print(f"  the same typed in traditional characters (OpenCC loaded): {first_traditional * 1000:6.1f} ms")
    long_answers()


if __name__ == "__main__":
    main()
