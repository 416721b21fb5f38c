"""Loading and validating a 10,000-question bank, against yaml.load(CSafeLoader) on the same file.

python benchmarks/bank_load.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

import yaml

from studytui.bankfile import bank, loader

QUESTIONS = 10_000


def make_bank(n: int) -> bank.Bank:
    kinds = [
        lambda i: bank.Question(
            f"q{i}",
            "cloze",
            f"第{i}题：践行“____”，推动政治监督具体化常态化",
            ("两个维护",),
            accept=(("两个维护",),),
            section="s1",
            tags=("numbered",),
            source="一要践行“两个维护”，推动政治监督具体化常态化",
        ),
        lambda i: bank.Question(
            f"q{i}",
            "choice",
            f"第{i}题：紧盯“____”",
            "七个有之",
            options=("七个有之", "五个有之", "六个有之", "八个有之"),
            section="s2",
            explanation="出自原文。",
        ),
        lambda i: bank.Question(
            f"q{i}", "multi", f"第{i}题：哪些是三圈？", ("朋友圈", "社交圈"), options=("朋友圈", "社交圈", "工作圈")
        ),
        lambda i: bank.Question(f"q{i}", "judge", f"第{i}题：精准运用“四种形态”。", True),
        lambda i: bank.Question(f"q{i}", "order", f"第{i}题：排序", ("不敢腐", "不能腐", "不想腐"), tags=("slogan",)),
        lambda i: bank.Question(f"q{i}", "list", f"第{i}题：列举", ("审批监管", "执法司法", "工程建设")),
    ]
    questions = tuple(kinds[i % len(kinds)](i) for i in range(n))
    sections = (bank.Section("s1", "第一部分"), bank.Section("s2", "第二部分"))
    return bank.Bank(title="基准题库", id="bench", questions=questions, sections=sections)


def best_of(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.yaml"
        path.write_text(bank.dump(make_bank(QUESTIONS)), encoding="utf-8")
        size = path.stat().st_size

        def baseline():
            return yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def ours():
            result = loader.validate(path)
            assert result.ok and len(result.bank.questions) == QUESTIONS, result.problems[:3]

        baseline(), ours()  # warm up
        base = best_of(5, baseline)
        mine = best_of(5, ours)
    print(f"bank file: {QUESTIONS} questions, {size} bytes")
    print(f"yaml.load(CSafeLoader):     {base * 1000:8.1f} ms (median of 5)")
    print(f"studytui loader.validate:   {mine * 1000:8.1f} ms (median of 5)")
    print(f"ratio validate / yaml.load: {mine / base:8.2f}  (target <= 1.50)")


if __name__ == "__main__":
    main()
