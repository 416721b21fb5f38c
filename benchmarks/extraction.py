"""Extraction quality and speed over the corpus speeches, and generation on 1 MB inputs.

    python benchmarks/extraction.py [--show NAME]

Per corpus speech (tests/data/corpus/NAME.txt with NAME.gold.yaml):
recall     gold formulations that some question asks for: a question's answer (any blank,
           option answer or item) and the formulation contain one another, the shorter at
           least half the longer; a gold list counts when a question asks two thirds of its items.
found      the same, over every formulation the extractor found, asked or not: what the bank
           could ask if the score let it (recall is what it does ask).
precision  questions whose every answer string is a gold formulation or part of one
           (judge questions, whose answer is true/false, are counted apart).
time       generating the bank in a fresh interpreter (imports and first loads included).
Texts are compared after grading's normalisation (punctuation, quotes, numerals).

The 1 MB inputs (a real speech repeated, one line with no 。, one 50,000-item 、-list)
are each generated and dumped in a fresh interpreter: time, peak memory (max RSS), bank size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import yaml

from studytui.text import normalize

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "corpus"
ONE_MB = 1_000_000

_CHILD = """
import json, resource, sys, time
started = time.perf_counter()
from studytui.bankfile import bank
from studytui.generator.questions import GenerationError, generate
text = sys.stdin.read()
try:
    result = generate(text)
    size, asked = len(bank.dump(result.bank).encode("utf-8")), len(result.bank.questions)
except GenerationError:  # nothing to ask: the command line says so, in Chinese
    size = asked = 0
print(json.dumps({"seconds": time.perf_counter() - started, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "bank_bytes": size, "questions": asked}))
"""


def asked(question) -> list[str]:
    """What a question asks the user to produce or pick."""
    if question.type == "judge":
        return []
    answer = question.answer
    return [answer] if isinstance(answer, str) else list(answer)


def covers(a: str, b: str) -> bool:
    short, long = sorted((normalize(a), normalize(b)), key=len)
    return bool(short) and short in long and len(short) >= 0.5 * len(long)


def missing(gold, asked_texts: list[str]) -> list:
    """The gold formulations none of ``asked_texts`` covers."""
    asked_norm = {normalize(t) for t in asked_texts}
    missed = []
    for g in gold:
        items = g.get("items") or []
        by_items = items and sum(normalize(i) in asked_norm for i in items) >= 2 / 3 * len(items)
        if not by_items and not any(covers(g["text"], t) for t in asked_texts):
            missed.append(g)
    return missed


def score(questions, gold) -> tuple[float, float, list, list]:
    missed = missing(gold, [text for q in questions for text in asked(q)])
    pieces = [normalize(p) for g in gold for p in (g["text"], *(g.get("items") or []))]
    graded = [q for q in questions if q.type != "judge"]
    wrong = [q for q in graded if not all(any(normalize(t) in p for p in pieces) for t in asked(q))]
    return 1 - len(missed) / len(gold), 1 - len(wrong) / max(len(graded), 1), missed, wrong


def in_child(text: str) -> dict:
    """Generate ``text`` in a fresh interpreter and report what it cost."""
    out = subprocess.run([sys.executable, "-c", _CHILD], input=text, capture_output=True, text=True, encoding="utf-8", check=True)
    return json.loads(out.stdout)


def one_mb_inputs(speech: str) -> dict[str, str]:
    repeated = "\n".join([speech] * (ONE_MB // len(speech.encode()) + 1))
    one_line = speech.replace("\n", "").replace("。", "，")
    han = "".join(c for c in speech if "\u4e00" <= c <= "\u9fff")
    items = [han[(i * 5) % (len(han) - 5) :][:5] for i in range(50_000)]
    return {
        "speech repeated": repeated.encode()[:ONE_MB].decode("utf-8", "ignore"),
        "one line, no 。": (one_line * (ONE_MB // len(one_line.encode()) + 1)).encode()[:ONE_MB].decode("utf-8", "ignore"),
        "50,000-item list": "要做好" + "、".join(items) + "等工作。",
    }


def corpus_figures(show: str | None) -> None:
    from studytui.generator.checks import failures
    from studytui.generator.questions import generate

    print(
        f"{'speech':28} {'chars':>6} {'questions':>9} {'recall':>7} {'found':>7} {'precision':>9} {'checks failed':>13} "
        f"{'gate left out':>13} {'time':>7}"
    )
    for path in sorted(CORPUS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        gold = yaml.safe_load(path.with_suffix(".gold.yaml").read_text(encoding="utf-8"))["formulations"]
        result = generate(text)
        questions = result.bank.questions
        recall, precision, missed, wrong = score(questions, gold)
        found = 1 - len(missing(gold, [t for f in result.analysis.formulations for t in (f.text, *f.items)])) / len(gold)
        failed = failures(result.bank, text)
        cost = in_child(text)
        print(
            f"{path.stem:28} {len(text):6d} {len(questions):9d} {recall:7.1%} {found:7.1%} {precision:9.1%} "
            f"{sum(map(len, failed.values())):13d} {result.rejected:13d} {cost['seconds']:6.2f}s"
        )
        for check, failing in failed.items():
            if failing:
                print(f"{'':30}{check}: {', '.join(failing)}")
        if show == path.stem:
            print("\nmissed:")
            for g in missed:
                print(f"  {g['kind']:8} {g['text']}")
            print("\noff the gold list:")
            for q in wrong:
                print(f"  {q.type:6} {q.tags[0]:8} {asked(q)}")
    print("targets (issue 20): recall >= 80% and precision >= 90% on every speech; no check failed; longest speech <= 1.5 s")


def one_mb_figures() -> None:
    speech = (CORPUS / "qichu_qifali.txt").read_text(encoding="utf-8")
    print(f"\n{'1 MB input':20} {'time':>7} {'peak RSS':>9} {'bank':>9} {'bank/input':>10} {'questions':>9}")
    for name, text in one_mb_inputs(speech).items():
        cost = in_child(text)
        size = len(text.encode())
        print(
            f"{name:20} {cost['seconds']:6.2f}s {cost['rss_mb']:7.0f}MB {cost['bank_bytes'] / 1e6:7.2f}MB {cost['bank_bytes'] / size:9.2f}x {cost['questions']:9d}"
        )
    print("targets: each <= 3 s and <= 300 MB, bank <= 10x the input")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="NAME", help="list the missed formulations and off-list questions of one corpus speech")
    args = parser.parse_args()
    corpus_figures(args.show)
    one_mb_figures()


if __name__ == "__main__":
    main()
