"""``studytui exam BANK --roster FILE``: the instructor creates an organisation-wide exam
once, in the database every ``serve --exam`` host shares: a class quiz code (bank,
questions, time limit) and a roster of names, each with a personal code to hand out."""

from __future__ import annotations

import argparse
import os
import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


def add_exam_command(commands: Any, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """``studytui exam`` among ``commands``; ``common``: the options every command takes."""
    exam = commands.add_parser(
        "exam",
        help="出一场组织考试：题库、题数、限时和名单（每人一个个人码），供多台 serve 主机共用一个数据库",
        description="出一场组织考试（应知应会测试）。名单每行一人：姓名，或 姓名,个人码；没有个人码的自动生成。",
    )
    common(exam)
    exam.add_argument("bank_id", metavar="BANK", help="题库的 id（--bank 可指定题库文件）")
    exam.add_argument("--roster", metavar="FILE", required=True, help="名单文件（UTF-8，每行一人）")
    exam.add_argument("--questions", type=int, default=40, help="题数（默认 40）")
    exam.add_argument("--minutes", type=int, default=30, help="限时分钟（默认 30，0 为不限时）")
    exam.add_argument("-o", "--output", metavar="FILE", help="写出姓名和个人码的 CSV；不写则输出到标准输出")
    exam.set_defaults(handler=create)


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


def serve_problem(exam: str, store: Any) -> str | None:
    """Why ``serve --exam CODE`` cannot serve that exam, or None; when it can, every session
    the server starts signs in to it (``$STUDYTUI_EXAM``)."""
    from studytui.org_exam import EXAM_ENV
    from studytui.quiz_code import CodeError, canonical_code
    from studytui.store.exams import exam_title

    try:
        code = canonical_code(exam)
    except CodeError as exc:
        return f"{exam}: {exc}"
    if exam_title(store, code) is None:
        return f"{code}: 数据库中没有这场考试的名单（先用 studytui exam 出题，各主机用同一个 --db）"
    os.environ[EXAM_ENV] = code
    return None


def before_serving(args: argparse.Namespace) -> int | None:
    """``serve`` on a server or for an exam: the server reachable and migrated, the exam
    found, before anyone signs in; the exit status when not (said on stderr), else None."""
    from studytui.cli_data import open_store
    from studytui.store.backends import database_url

    if database_url() is None and not args.exam:
        return None
    store = open_store(args)
    problem = serve_problem(args.exam, store) if args.exam else None
    store.close()
    if problem is not None:
        print(problem, file=sys.stderr)
        return 1
    return None
