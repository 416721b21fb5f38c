"""Extraction quality and speed: questions generated from the seed speech against the
hand-made gold list of its formulations, and generation time.

    python benchmarks/extraction.py [--gold PATH] [--show]

recall     gold formulations that some question asks for: a question's answer (any blank,
           option answer or item) and the formulation contain one another, the shorter at
           least half the longer; a gold list counts when a question asks two thirds of its items.
precision  questions whose every answer string is a gold formulation or part of one
           (judge questions, whose answer is true/false, are counted apart).
Texts are compared after grading's normalisation (punctuation, quotes, numerals).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import yaml

from studytui.generate import generate
from studytui.paths import shipped_banks_dir
from studytui.text import normalize

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = ROOT / "tests" / "data" / "corpus" / "qichu_qifali.gold.yaml"
SPEECH = shipped_banks_dir() / "sources" / "qichu-qifali.txt"


def asked(question) -> list[str]:
    """What a question asks the user to produce or pick."""
    if question.type == "judge":
        return []
    answer = question.answer
    return [answer] if isinstance(answer, str) else list(answer)


def covers(a: str, b: str) -> bool:
    short, long = sorted((normalize(a), normalize(b)), key=len)
    return bool(short) and short in long and len(short) >= 0.5 * len(long)


def score(questions, gold) -> tuple[float, float, list, list]:
    asked_texts = [text for q in questions for text in asked(q)]
    asked_norm = {normalize(t) for t in asked_texts}
    missed = []
    for g in gold:
        items = g.get("items") or []
        by_items = items and sum(normalize(i) in asked_norm for i in items) >= 2 / 3 * len(items)
        if not by_items and not any(covers(g["text"], t) for t in asked_texts):
            missed.append(g)
    pieces = [normalize(p) for g in gold for p in (g["text"], *(g.get("items") or []))]
    graded = [q for q in questions if q.type != "judge"]
    wrong = [q for q in graded if not all(any(normalize(t) in p for p in pieces) for t in asked(q))]
    return 1 - len(missed) / len(gold), 1 - len(wrong) / len(graded), missed, wrong


def timed(text: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        generate(text)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--show", action="store_true", help="list the missed formulations and the questions off the gold list")
    args = parser.parse_args()

    text = SPEECH.read_text(encoding="utf-8")
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))["formulations"]
    result = generate(text)
    questions = result.bank.questions
    recall, precision, missed, wrong = score(questions, gold)
    counts = result.formulation_counts()
    types = result.bank.type_counts()
    print(f"seed speech: {len(text)} characters; {sum(counts.values())} formulations found ({', '.join(f'{k} {v}' for k, v in sorted(counts.items()))})")
    print(f"questions:   {len(questions)} ({', '.join(f'{k} {v}' for k, v in sorted(types.items()))})")
    print(f"recall:      {recall:7.1%}  ({len(gold) - len(missed)} of {len(gold)} gold formulations asked; target >= 90%)")
    print(f"precision:   {precision:7.1%}  ({len(wrong)} of {len(questions) - types['judge']} questions off the gold list; target >= 90%)")

    generate(text)  # imports and caches warmed
    seed_time = timed(text, 7)
    one_mb = "\n".join([text] * (1_000_000 // len(text) + 1))[:1_000_000]
    small = one_mb[:100_000]
    small_time = timed(small, 3)
    big_time = timed(one_mb, 1)
    print(f"seed:        {seed_time * 1000:7.1f} ms  (median of 7, after imports; target < 100 ms)")
    print(f"100 KB:      {small_time:7.2f} s")
    print(f"1 MB:        {big_time:7.2f} s  (target < 3 s); 1 MB / 100 KB = {big_time / small_time:.1f} (10.0 is linear)")
    if args.show:
        print("\nmissed:")
        for g in missed:
            print(f"  {g['kind']:8} {g['text']}")
        print("\noff the gold list:")
        for q in wrong:
            print(f"  {q.type:6} {q.tags[0]:8} {asked(q)}")


if __name__ == "__main__":
    main()
