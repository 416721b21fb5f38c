"""``studytui exam BANK --roster FILE``: the instructor creates an organisation-wide exam
once, in the database every ``serve --exam`` host shares: a class quiz code (bank,
questions, time limit) and a roster of names, each with a personal code to hand out."""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path


def create(args: argparse.Namespace) -> int:
    from studytui import org_exam, paths
    from studytui.cli_data import _write, excel_csv, open_store
    from studytui.library import Library
    from studytui.quiz_code import class_code
    from studytui.store.exams import create_exam

    try:
        people = org_exam.read_roster(Path(args.roster))
    except org_exam.RosterError as exc:
        print(exc, file=sys.stderr)
        return 1
    library = Library(paths.data_dir(args.data_dir), args.bank or ())
    library.load()
    bank = library.find(args.bank_id)
    if bank is None:
        print(f"{args.bank_id}:1: 找不到这个题库（请给出已有题库的 id，或用 --bank 指定题库文件）", file=sys.stderr)
        return 1
    if not 1 <= args.questions <= 127 or not 0 <= args.minutes <= 63:
        print("题数应为 1–127，限时应为 0–63 分钟（0 为不限时）", file=sys.stderr)
        return 1
    code = class_code(bank, random.randrange(1 << 12), min(args.questions, len(bank.questions)), args.minutes)
    create_exam(open_store(args), code, bank.title, people)
    print(f"考试码：{code}（{bank.title}，{len(people)} 人）", file=sys.stderr)
    print(f"各考点启动：studytui serve --exam {code} --db …", file=sys.stderr)
    _write(args.output, excel_csv(["姓名", "个人码"], [(p.name, p.code) for p in people]), "已写出个人码")
    return 0
