"""The bank commands of the command line: ``validate`` (every problem of every bank, with its
line), ``generate`` (a speech into a bank) and ``grade`` (one answer graded, every difference
told). Each imports what it needs when it runs."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from studytui.vocabulary import VERDICT_NAMES as BASE_VERDICT_NAMES
from studytui.vocabulary import Verdict

if TYPE_CHECKING:
    from studytui.bankfile.bank import Bank


def validate(args: argparse.Namespace) -> int:
    from studytui import paths
    from studytui.library import duplicate_ids
    from studytui.bankfile.loader import open_bank

    data = paths.data_dir(args.data_dir)
    files = [Path(f) for f in args.files] or paths.discover_bank_files(data, args.bank or ())
    results = []
    for file in files:
        result = open_bank(file, paths.cache_dir(data))
        results.append(result)
        for problem in result.problems:
            print(problem, file=sys.stderr if problem.warning else sys.stdout)
        if result.bank is None:
            print(f"{file}: 无效（invalid），共 {len(result.errors)} 个问题")
        else:
            print(f"{file}: 有效（valid）：{_summary(result.bank)}")
        if args.reviewed and (reviewed := _reviewed(file)):
            print(reviewed)
    clashes = duplicate_ids(results)
    for problem in clashes:
        print(problem)
    return 1 if clashes or any(result.bank is None for result in results) else 0


def _reviewed(file: Path) -> str:
    """How many of a bank's questions are reviewed (every question, whatever learners see);
    "" for a file that is no bank."""
    from studytui.bankfile.loader import validate
    from studytui.bankfile.reviewed import reviewed_count

    if file.suffix.lower() == ".txt":
        return f"{file}: 讲话稿不能审题：先生成为 YAML 题库"
    bank = validate(file, learners=False).bank
    if bank is None:
        return ""
    shown = "，学员只看到已审的题（only_reviewed）" if bank.only_reviewed else ""
    return f"{file}: 已审 {reviewed_count(bank)}/{len(bank.questions)}{shown}"


def generate(args: argparse.Namespace) -> int:
    from studytui.bankfile import bank
    from studytui.generator.formulations import KIND_NAMES, KINDS
    from studytui.generator.questions import GenerationError
    from studytui.generator.questions import generate as generate_bank
    from studytui.bankfile.loader import read_speech
    from studytui.bankfile.review import replace_keeping_backup

    speech = Path(args.speech)
    text, problems = read_speech(speech)
    for problem in problems:
        print(problem, file=sys.stderr)
    if text is None:
        return 1
    output = Path(args.output) if args.output else None
    if output is not None and output.resolve() == speech.resolve():
        print(f"{output}:1: 输出文件就是讲话稿本身，不能覆盖；请用 -o 指定另一个文件", file=sys.stderr)
        return 1
    source = os.path.relpath(speech.resolve(), output.resolve().parent) if output else speech.name
    progress = _progress_bar if sys.stderr.isatty() and len(text) > 30_000 else None
    try:
        result = generate_bank(
            text,
            title=args.title,
            seed=args.seed,
            bank_id=output.stem if output else speech.stem,
            source=source,
            progress=progress,
        )
    except GenerationError as exc:
        print(f"{speech}:1: {exc}", file=sys.stderr)
        return 1
    text_out = bank.dump(result.bank)
    if output:
        backup = replace_keeping_backup(output, text_out.encode("utf-8"))
        if backup:
            print(f"{output} 已存在，原来的文件（连同审题记录）备份为 {backup}", file=sys.stderr)
    else:
        sys.stdout.write(text_out)
    kinds = result.formulation_counts()
    found = "，".join(f"{KIND_NAMES[k]} {kinds[k]}" for k in KINDS if kinds[k])
    print(f"找到提法 {sum(kinds.values())} 条（{found}）", file=sys.stderr)
    dropped = f"（另有 {result.dropped} 题未通过校验，已舍弃）" if result.dropped else ""
    print(f"生成题目 {_summary(result.bank)}{dropped}" + (f"，已写入 {output}" if output else ""), file=sys.stderr)
    return 0


def _progress_bar(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    print(
        f"\r分析中 [{'#' * filled}{'.' * (width - filled)}] {100 * done // max(total, 1):3d}%",
        end=end,
        file=sys.stderr,
        flush=True,
    )


def _summary(b: Bank) -> str:
    from studytui.constants import TYPE_NAMES, TYPES

    counts = b.type_counts()
    parts = "，".join(f"{TYPE_NAMES[t]} {counts[t]}" for t in TYPES if counts[t])
    return f"{len(b.questions)} 题（{parts}）"


VERDICT_NAMES = {**BASE_VERDICT_NAMES, Verdict.CLOSE: "接近（输入法笔误）"}


def grade(args: argparse.Namespace) -> int:
    import json

    from studytui.grading import describe
    from studytui.grading import grade as grade_answer

    result = grade_answer(args.expected, args.answer, args.accept, args.strictness)
    differences = [
        {"kind": d.kind, "expected": d.expected, "typed": d.typed, "start": d.span[0], "end": d.span[1], "reason": d.reason}
        for d in result.differences
    ]
    if args.json:
        data = {
            "verdict": result.verdict,
            "score": result.score,
            "expected": result.expected,
            "answer": args.answer,
            "differences": differences,
        }
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    print(f"判定：{VERDICT_NAMES[result.verdict]}（{result.verdict}）  得分：{result.score:g}")
    print(f"标准答案：{result.expected}")
    print(f"作答：    {args.answer}")
    lines = (f"  第 {d.span[0] + 1} 字{'前' if d.kind == 'delete' else ''}：{describe(d)}" for d in result.differences)
    for line in dict.fromkeys(lines):  # one slip can show as several differences at one place: say it once
        print(line)
    return 0
