"""Grading speed on typical answers, and the cost of the grader's first call.

    python benchmarks/grading.py

Typical answers: 4–20 character spans of the shipped speech, a third of them
typed with a slip (a homophone, or a dropped particle), the rest right or wrong.
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
            answer = expected[:pos] + (rng.choice(mates) if mates else "") + expected[pos + 1:]
        elif i % 3 == 1:  # another formulation
            answer = rng.choice(runs)
        pairs.append((expected, answer))
    return pairs


def main() -> None:
    first_calls = sorted(float(subprocess.run([sys.executable, "-c", FIRST_CALL], capture_output=True, text=True, check=True).stdout) for _ in range(5))

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

    print(f"answers graded:          {len(pairs)} ({verdicts.count('correct')} correct, {verdicts.count('close')} close, {verdicts.count('wrong')} wrong)")
    print(f"grades per second:       {len(pairs) / elapsed:10,.0f}  (target >= 20,000)")
    print(f"vs bare editops:         {elapsed / baseline:10.1f}x the time of rapidfuzz editops alone")
    print(f"first call (import + grade with a slip): {first_calls[2] * 1000:6.1f} ms median of 5 (target < 200 ms)")


if __name__ == "__main__":
    main()
