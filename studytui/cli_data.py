"""The record on the command line: ``stats``, ``export``, ``import`` and ``report``.

People read Chinese (section titles, 正确/接近/错误, 练习/考试…); JSON keeps stable
English keys and values. Text that came from a record is printed through
``printable`` (no raw escape sequences) and written to CSV through ``excel_csv``
(no formulas).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from datetime import datetime
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from studytui.answer_import import printable
from studytui.vocabulary import VERDICT_NAMES

if TYPE_CHECKING:
    from studytui.library import Library
    from studytui.profile_report import ProfileReport
    from studytui.store import Store
    from studytui.store.rows import Accuracy, ExportedAnswer, Ranked

EXPORT_COLUMNS = {
    "profile": "姓名",
    "bank_title": "题库",
    "question_id": "题号",
    "prompt": "题目",
    "typed": "作答",
    "verdict": "判定",
    "score": "得分",
    "seconds": "用时（秒）",
    "answered": "作答时间",
    "mode": "模式",
    "quiz_code": "测验码",
    "overridden": "已申诉",
    "original_verdict": "原判定",
    "right_answer": "正确答案",
    "bank": "题库编号",
}
"""The CSV's columns: the record's fields, read for people (``_for_people``)."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def open_store(args: argparse.Namespace) -> Store:
    """The store, kept on ``args`` so that ``cli.main`` can have it recover when the
    file turns out to be damaged and run the command again on what was salvaged."""
    from studytui import paths
    from studytui.store import open_store as open_data

    def tell(path: Path, moved: Path, kept: int, names_lost: int = 0) -> None:
        print(
            f"{path}: 数据库文件已损坏或不是数据库，已改名为 {moved.name}；从中救回 {kept} 条作答，已存入新的数据库",
            file=sys.stderr,
        )
        if names_lost:
            print(f"{path}: {names_lost} 人的姓名未能救回，其作答暂记在“恢复的用户…”名下", file=sys.stderr)

    if getattr(args, "store", None) is None:
        args.store = open_data(paths.data_dir(args.data_dir), tell)
    store: Store = args.store
    return store


def _library(args: argparse.Namespace) -> Library:
    from studytui import paths
    from studytui.library import Library

    library = Library(paths.data_dir(args.data_dir), args.bank or ())
    library.load()
    return library


def checked_code(code: str) -> str | None:
    from studytui.quiz_code import CodeError, canonical_code

    try:
        return canonical_code(code)
    except CodeError as exc:
        print(f"{code}: {exc}", file=sys.stderr)
        return None


# -- stats ---------------------------------------------------------------------------------


def stats(args: argparse.Namespace) -> int:
    from studytui.profile_report import profile_report

    store = open_store(args)
    if args.code is not None:
        return _group_stats(store, args.code, args.json)
    names = [args.profile] if args.profile else store.profiles()
    if args.profile and args.profile not in store.profiles():
        known = "、".join(printable(n) for n in store.profiles()) or "（无）"
        print(f"没有名为“{printable(args.profile)}”的用户；已有：{known}", file=sys.stderr)
        return 1
    reports = [profile_report(store, name) for name in names]
    if args.json:
        print(json.dumps([r.as_json() for r in reports], ensure_ascii=False, indent=2))
        return 0
    if not reports:
        print("还没有任何作答记录。")
        return 0
    library = _library(args)
    for report in reports:
        _print_profile_report(report, library)
    return 0


def _group_stats(store: Store, code: str, as_json: bool) -> int:
    """A class quiz (QZ-…) or a contest (CT-…): the ranking and the questions most missed."""
    from studytui.contest import EVENT_NAMES
    from studytui.contest import ranking as contest_ranking
    from studytui.grading import format_score

    contest = code.upper().startswith("CT-")
    quiz_code = None if contest else checked_code(code)
    if not contest and quiz_code is None:
        return 1
    group_id = code if contest else None
    rows = store.ranking(quiz_code=quiz_code, group_id=group_id)
    most_missed = store.most_missed(quiz_code=quiz_code, group_id=group_id)
    log = store.contest_events(code) if contest else []
    placed: list[tuple[Ranked, int | None, int]] = [(row, None, index) for index, row in enumerate(rows, 1)]
    if contest:  # a contest is ranked by its score log, as its podium is: equal points share a place
        by_name = {row.name: row for row in rows}
        standings = contest_ranking.ranked(contest_ranking.from_rows(event.as_json() for event in log), by_name)
        placed = [(by_name[s.team], s.points, s.place) for s in standings if s.team in by_name]
    if as_json:
        report: dict[str, Any] = {
            "ranking": [
                {**row.as_json(), **({"points": points, "place": place} if contest else {})} for row, points, place in placed
            ],
            "most_missed": [row.as_json() for row in most_missed],
        }
        if contest:
            report["log"] = [event.as_json() for event in log]
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    if not placed:
        print(f"{printable(code)}：还没有人作答。")
    for row, points, place in placed:
        state = "已交卷" if row.finished else "作答中"
        score = f"{points} 分" if contest else f"得分 {format_score(row.score)}"
        answered = row.answered if contest else f"{row.answered}/{row.total}"
        print(
            f"{place:3d}. {printable(row.name)}{'（导入）' if row.imported else ''}　{score}　已答 {answered}　用时 {int(row.seconds)} 秒　{state}"
        )
    if most_missed:
        print("答错最多的题：")
        for m in most_missed:
            print(f"  {printable(m.question_id)}　{m.missed}/{m.answers} 人次答错　{printable(m.prompt[:40])}")
    if log:
        print("计分记录：")
        for event in log:
            what = " ".join(dict.fromkeys(filter(None, (EVENT_NAMES.get(event.kind, ""), event.note))))
            print(f"  {event.at[11:19]}　{printable(event.team)}　{event.points:+d}　{printable(what)}")
    return 0


def _print_profile_report(report: ProfileReport, library: Library) -> None:
    from studytui.generator.formulations import kind_name
    from studytui.grading import format_score
    from studytui.vocabulary import MODE_NAMES

    def bank_title(bank_id: str | None) -> str:
        bank = library.find(bank_id or "")
        return printable(bank.title if bank else bank_id)

    def section_title(bank_id: str, section: str | None) -> str:
        bank = library.find(bank_id)
        return (bank.section_title(section) if bank else "") or section or "—"

    def percent(rows: list[Accuracy], name: Callable[[str | None], str]) -> str:
        return "，".join(f"{printable(name(r.key))} {r.accuracy:.0%}（{r.answers} 次）" for r in rows) or "—"

    print(f"{printable(report.profile)}：连续学习 {report.streak_days} 天，今日作答 {report.answers_today} 题")
    for s in report.sessions[-10:]:
        share = s.score / s.max_score if s.max_score else 0
        mode = MODE_NAMES.get(s.mode, s.mode)
        started = datetime.fromisoformat(s.started).astimezone().strftime("%Y-%m-%d %H:%M")
        print(
            f"  {started}  {printable(mode)}  {bank_title(s.bank_id)}  {format_score(s.score)}/{format_score(s.max_score)}（{share:.0%}）"
        )
    print(f"  各题库得分率：{percent(report.banks, bank_title)}")
    for bank_id, rows in report.sections.items():
        print(f"  各部分得分率（{bank_title(bank_id)}）：{percent(rows, partial(section_title, bank_id))}")
    print(f"  各类提法得分率：{percent(report.kinds, kind_name)}")
    if report.weakest:
        print("  最薄弱的题：")
        for w in report.weakest:
            print(
                f"    {bank_title(w.bank_id)}/{printable(w.question_id)}  {w.accuracy:.0%}（{w.answers} 次）  {printable(w.prompt[:40])}"
            )


# -- export and import ----------------------------------------------------------------------


def export(args: argparse.Namespace) -> int:
    if args.code is not None and not args.code.strip():
        print("--code: 测验码为空；要导出所有人的作答，请不写 --code", file=sys.stderr)
        return 1
    code = checked_code(args.code) if args.code is not None else None
    if args.code is not None and code is None:
        return 1
    store = open_store(args)
    rows = store.export_rows(code)
    with _output(args.output) as out:
        count = _export_json(rows, out) if args.format == "json" else _export_csv(rows, out, _library(args))
    if args.output:
        print(f"已导出 {count} 条作答记录到 {args.output}", file=sys.stderr)
    return 0


def _export_json(rows: Iterable[ExportedAnswer], out: IO[str]) -> int:
    """A JSON list written one row at a time, so memory stays flat however many there are."""
    count = 0
    out.write("[")
    for count, row in enumerate(rows, 1):  # noqa: B007 (the count of rows written is returned)
        out.write(",\n" if count > 1 else "\n")
        out.write(json.dumps(row.as_json(), ensure_ascii=False))
    out.write("\n]\n")
    return count


def _export_csv(rows: Iterable[ExportedAnswer], out: IO[str], library: Library) -> int:
    count = 0
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS.values())
    for count, row in enumerate(rows, 1):  # noqa: B007 (the count of rows written is returned)
        shown = _for_people(row, library)
        writer.writerow(excel_cells(shown[key] for key in EXPORT_COLUMNS))
    return count


def _for_people(row: ExportedAnswer, library: Library) -> dict[str, Any]:
    """One exported answer as a spreadsheet shows it: names in Chinese, the bank's title
    and the question's right answer (from the installed bank; empty when it is gone), the
    time in the machine's time zone with its offset, seconds to a tenth."""
    from studytui.quiz import expected_text
    from studytui.vocabulary import MODE_NAMES

    bank = library.find(row.bank)
    question = next((q for q in bank.questions if q.id == row.question_id), None) if bank else None
    names: dict[str, dict[Any, str]] = {
        "verdict": VERDICT_NAMES,
        "original_verdict": VERDICT_NAMES,
        "mode": MODE_NAMES,
        "overridden": {0: "", 1: "是"},
    }
    shown = {key: names[key].get(value, value) if key in names else value for key, value in row.as_json().items()}
    shown["bank_title"] = bank.title if bank else row.bank
    shown["right_answer"] = expected_text(question) if question else ""
    shown["answered"] = datetime.fromisoformat(row.answered).astimezone().isoformat(timespec="seconds")
    shown["seconds"] = round(row.seconds, 1)
    return shown


def excel_cells(cells: Iterable[Any]) -> list[Any]:
    """Text that Excel would run as a formula (=, +, -, @ first) starts with ' instead."""
    return [f"'{c}" if isinstance(c, str) and c.startswith(FORMULA_STARTS) else c for c in cells]


def excel_csv(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> str:
    """CSV in UTF-8 with a BOM, which Excel opens as UTF-8; no cell is a formula."""
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header)
    writer.writerows(excel_cells(row) for row in rows)
    return "\ufeff" + buffer.getvalue()


@contextmanager
def _output(output: str | None) -> Iterator[IO[str]]:
    if not output:
        yield sys.stdout
        return
    with Path(output).open("w", encoding="utf-8", newline="") as out:
        yield out


def _write(output: str | None, text: str, done: str) -> None:
    with _output(output) as out:
        out.write(text)
    if output:
        print(f"{done}到 {output}", file=sys.stderr)


def import_(args: argparse.Namespace) -> int:
    from studytui.answer_import import Refused, read_export, trusted_rows
    from studytui.os_errors import said

    store = open_store(args)
    if store.read_only:
        print(f"{store.path}: 数据文件夹只读，无法导入", file=sys.stderr)
        return 1
    library = _library(args)
    failed = False
    for name in args.files:
        try:
            rows = trusted_rows(read_export(Path(name)), library.find, store.class_attempts, library.banks)
        except Refused as exc:
            for problem in exc.problems:
                print(f"{name}:{problem}", file=sys.stderr)
            print(f"{name}: 未导入（有 {len(exc.problems)} 处问题，整个文件都没有导入）", file=sys.stderr)
            failed = True
        except (OSError, UnicodeDecodeError) as exc:
            print(f"{name}:1: {said(exc) if isinstance(exc, OSError) else exc}", file=sys.stderr)
            failed = True
        else:
            added, skipped = store.import_rows(rows)
            print(f"{name}: 新增 {added} 条作答，{skipped} 条已有、跳过")
    return 1 if failed else 0


# -- report ---------------------------------------------------------------------------------


def report(args: argparse.Namespace) -> int:
    from studytui.generator.formulations import kind_name

    code = checked_code(args.code) if args.code is not None else None
    if args.code is not None and code is None:
        return 1
    weak = open_store(args).weak_points(code)
    if args.format == "csv":
        questions = (
            ["题目", q.bank_id, q.question_id, kind_name(q.kind), q.answers, q.right, f"{q.right / q.answers:.0%}", q.prompt]
            for q in weak.questions
        )
        kinds = (
            ["提法类别", "", "", kind_name(k.kind), k.answers, k.right, f"{k.right / k.answers:.0%}", ""] for k in weak.kinds
        )
        text = excel_csv(["类别", "题库", "题号", "提法类别", "作答人次", "答对", "答对率", "题目"], [*questions, *kinds])
    else:
        title = f"# 薄弱环节报告{'（' + code + '）' if code else ''}\n\n"
        kind_rows = "".join(
            f"| {kind_name(k.kind)} | {k.answers} | {k.right} | {k.right / k.answers:.0%} |\n" for k in weak.kinds
        )
        question_rows = "".join(
            f"| {printable(q.bank_id)}/{printable(q.question_id)} | {printable(q.prompt).replace('|', '｜')[:60]} | {q.answers} | {q.right} | {q.right / q.answers:.0%} |\n"
            for q in weak.questions
        )
        text = (
            title
            + "## 各类提法\n\n| 类别 | 作答人次 | 答对 | 答对率 |\n|---|---|---|---|\n"
            + kind_rows
            + "\n## 各题（答对率从低到高）\n\n| 题号 | 题目 | 作答人次 | 答对 | 答对率 |\n|---|---|---|---|---|\n"
            + question_rows
        )
    _write(args.output, text, "已写出报告")
    return 0
