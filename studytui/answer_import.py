"""Exported answers read back on another machine, and trusted only once checked.

Every row is checked (a known mode and verdict, a finite score in range, a real
profile name, times with their time zone, a class quiz code that passes its check
character…) and re-graded from what was typed by the bank here: the verdict, score,
points and prompt in the file are not believed, a class quiz's questions come from
its code, and a row whose bank is not here cannot be graded, so is refused. A file
with one untrustworthy row is refused whole.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from studytui.bankfile.bank import Bank, Question
from studytui.names import BadName, clean_name
from studytui.quiz import grade_question
from studytui.vocabulary import MODE_NAMES, Verdict
from studytui.quiz_code import CodeError, canonical_code
from studytui.safe_text import escaped
from studytui.store.rows import ExportedAnswer

VERDICTS = tuple(Verdict)
TEXT_FIELDS = ("uid", "session_uid", "profile", "bank", "bank_hash", "question_id", "prompt", "typed")
REQUIRED = (*TEXT_FIELDS, "verdict", "score", "seconds", "answered", "mode", "started")
DISPUTABLE = ("practice", "mistakes", "review")
"""The modes whose feedback comes at once, with 我答对了 beside it."""
SETTING_TYPES: dict[str, Any] = {
    "mode": str,
    "sections": list,
    "count": (int, type(None)),
    "time_limit": (int, type(None)),
    "strictness": str,
    "seed": int,
    "questions": list,
}
MAX_FILE = 200 * 1024 * 1024
MOST_SECONDS = 7 * 24 * 3600


class Refused(Exception):
    """The file is not imported; ``problems`` says why, each to follow ``FILE:``
    (``1: 原因`` for the file, `` 第 N 条: 原因`` for a row)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_export(path: Path) -> list[dict[str, Any]]:
    """The rows of an export file, or Refused with the reason (the first line only)."""
    from studytui.bankfile.loader import decode

    with path.open("rb") as file:
        text, problems = decode(file.read(MAX_FILE + 1)[: MAX_FILE + 1], str(path))
    if text is None:
        raise Refused([f"1: {problems[0].message}"])
    if not text.lstrip().startswith(("[", "{")):
        raise Refused(["1: 这不是 JSON 文件（CSV 只供表格软件查看）；请用 studytui export --format json 导出后再导入"])
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused([f"{exc.lineno}: 不是有效的 JSON：{exc.msg}"]) from exc
    except RecursionError:
        raise Refused(["1: JSON 嵌套过深，不是 studytui 导出的作答"]) from None
    if not isinstance(rows, list):
        raise Refused(["1: 不是 studytui export --format json 导出的作答"])
    return rows


def trusted_rows(
    rows: list[Any],
    find_bank: Callable[[str], Bank | None],
    attempts: Callable[[str, str], set[str]] = lambda name, code: set(),
    banks: Sequence[Bank] = (),
) -> list[ExportedAnswer]:
    """The rows, checked and re-graded; Refused with every problem when any row fails.
    ``banks``: where a class quiz's bank is found by what it asks, whatever its id here.
    ``attempts(name, quiz_code)``: the session ids of that person's attempts already
    here, so that an import never replaces someone's class quiz result."""
    problems: list[str] = []
    trusted: list[ExportedAnswer] = []
    settings: dict[Any, Any] = {}
    asked: set[tuple[str, str]] = set()
    for n, row in enumerate(rows, 1):
        try:
            if not isinstance(row, dict):
                raise ValueError("不是一条作答记录")
            row = dict(row)
            if "settings" in row:
                settings[row.get("session_uid")] = row["settings"]
            row["settings"] = settings.get(row.get("session_uid"), "{}")
            row = _checked(row, find_bank, banks)
            _once(row, asked)
            _not_replacing(row, attempts)
            trusted.append(ExportedAnswer.from_json(row))
        except ValueError as exc:
            problems.append(f" 第 {n} 条: {exc}")
    if problems:
        raise Refused(problems)
    return trusted


def _checked(row: dict[str, Any], find_bank: Callable[[str], Bank | None], banks: Sequence[Bank] = ()) -> dict[str, Any]:
    missing = [field for field in REQUIRED if field not in row]
    if missing:
        raise ValueError(f"缺少字段 {'、'.join(missing)}")
    for field in TEXT_FIELDS:
        if not isinstance(row[field], str):
            raise ValueError(f"{field} 应为文字，却是 {_shown(row[field])}")
        if _has_control(row[field], allowed="\n" if field == "typed" else ""):
            raise ValueError(f"{field} 含有控制字符：{_shown(row[field])}")
    row["profile"] = _name(row["profile"])
    if not row["uid"].strip() or not row["session_uid"].strip():
        raise ValueError("作答或会话的编号为空")
    if row["mode"] not in MODE_NAMES:
        raise ValueError(f"未知的模式 {_shown(row['mode'])}")
    if row["verdict"] not in VERDICTS:
        raise ValueError(f"未知的判定 {_shown(row['verdict'])}")
    _number(row, "score", 0, 1)
    _number(row, "seconds", 0, MOST_SECONDS)
    for field in ("answered", "started"):
        _moment(row, field)
    if row.get("finished") is not None:
        _moment(row, "finished")
    _code(row)
    row["overridden"] = 1 if row.get("overridden") else 0
    if row["overridden"] and row["mode"] not in DISPUTABLE:
        raise ValueError(f"{MODE_NAMES[row['mode']]}中没有“我答对了”，这条作答却标为已申诉")
    row["original_verdict"] = None
    bank = _class_bank(row["quiz_code"], banks) if row["quiz_code"] and banks else find_bank(row["bank"])
    if bank is None:
        raise ValueError(f"本机没有题库“{printable(row['bank'])}”，无法核对这条作答的评分；请先把题库文件放进题库文件夹")
    question = next((q for q in bank.questions if q.id == row["question_id"]), None)
    if question is None:
        raise ValueError(f"题库“{bank.id}”中没有题号“{printable(row['question_id'])}”")
    row["settings"] = _settings(row, bank)
    asked = json.loads(row["settings"]).get("questions")
    if asked is not None and question.id not in asked:
        raise ValueError(f"题号“{question.id}”不在这次测验的题目中")
    row.update(
        prompt=question.prompt,
        points=float(question.points),
        section=question.section,
        kind=question.tags[0] if question.tags else question.type,
    )
    _regrade(row, question)
    return row


def _class_bank(code: str, banks: Sequence[Bank]) -> Bank:
    from studytui.quiz_code import find_bank, parse_code

    try:
        return find_bank(parse_code(code), banks)
    except CodeError as exc:
        raise ValueError(f"测验码 {code}：{exc}") from None


def _name(name: str) -> str:
    try:
        return clean_name(name)
    except BadName as exc:
        raise ValueError(f"姓名无效：{_shown(name)}（{exc}）") from None


def _settings(row: dict[str, Any], bank: Bank) -> str:
    """The session's settings as JSON: a class quiz's rebuilt from its code (what it asks
    is not taken from the file), any other's checked key by key."""
    if row["quiz_code"] is not None:
        from studytui.quiz import pick_questions
        from studytui.quiz_code import _short_hash, parse_code, questions_hash

        quiz = parse_code(row["quiz_code"])
        if _short_hash(questions_hash(bank), 15) != quiz.content:
            raise ValueError(f"本机的题库“{bank.id}”与测验码 {row['quiz_code']} 所用的版本不同，无法核对")
        settings = quiz.settings()
        chosen = pick_questions(bank, settings)
        return json.dumps({**settings.__dict__, "sections": [], "questions": [q.id for q in chosen]}, ensure_ascii=False)
    given = row["settings"]
    try:
        value = json.loads(given) if isinstance(given, str) else given
    except (ValueError, RecursionError):
        value = None
    if not isinstance(value, dict):
        raise ValueError(f"settings 应为一个 JSON 对象，却是 {_shown(given)}")
    for key, item in value.items():
        if key not in SETTING_TYPES:
            raise ValueError(f"settings 中有未知的设置 {_shown(key)}")
        if (
            not isinstance(item, SETTING_TYPES[key])
            or isinstance(item, bool)
            or (isinstance(item, list) and not all(isinstance(i, str) for i in item))
        ):
            raise ValueError(f"settings 中 {key} 的值无效：{_shown(item)}")
    if (
        value.get("strictness", "normal") not in ("strict", "normal", "lenient")
        or value.get("mode", row["mode"]) not in MODE_NAMES
    ):
        raise ValueError(f"settings 的值无效：{_shown(value)}")
    return json.dumps(value, ensure_ascii=False)


def _once(row: dict[str, Any], asked: set[tuple[str, str]]) -> None:
    """One answer per question per attempt (a contest asks by turns, and is not ranked so)."""
    key = (row["session_uid"], row["question_id"])
    if key in asked and row["mode"] != "contest":
        raise ValueError(f"题号“{printable(row['question_id'])}”在同一次作答中出现了两次")
    asked.add(key)


def _not_replacing(row: dict[str, Any], attempts: Callable[[str, str], set[str]]) -> None:
    if row["quiz_code"] is None:
        return
    here = attempts(row["profile"], row["quiz_code"])
    if here and row["session_uid"] not in here:
        raise ValueError(f"{printable(row['profile'])} 在 {row['quiz_code']} 已有成绩，另一个文件的成绩不能取代它")


def _number(row: dict[str, Any], field: str, low: float, high: float) -> None:
    value = row[field]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{field} 应为 {low} 到 {high} 之间的数，却是 {_shown(value)}")
    row[field] = float(value)


def _moment(row: dict[str, Any], field: str) -> None:
    try:
        moment = datetime.fromisoformat(row[field])
    except (TypeError, ValueError):
        raise ValueError(f"{field} 不是有效的时间：{_shown(row[field])}") from None
    if moment.tzinfo is None:
        raise ValueError(f"{field} 的时间没有时区：{_shown(row[field])}")


def _code(row: dict[str, Any]) -> None:
    code = row.get("quiz_code")
    if code is None:
        return
    try:
        row["quiz_code"] = canonical_code(code) if isinstance(code, str) else None
    except CodeError as exc:
        raise ValueError(f"测验码 {_shown(code)} 无效：{exc}") from None
    if row["quiz_code"] is None:
        raise ValueError(f"测验码应为文字，却是 {_shown(code)}")


def _regrade(row: dict[str, Any], question: Question) -> None:
    """The verdict and score, from what was typed, by this machine's grader."""
    strictness = json.loads(row["settings"]).get("strictness", "normal")
    result = grade_question(question, response_from_text(question, row["typed"]), strictness)
    if row["overridden"]:
        row["original_verdict"] = result.verdict
        row["verdict"], row["score"] = Verdict.CORRECT, 1.0
    else:
        row["verdict"], row["score"] = result.verdict, result.score


def response_from_text(question: Question, typed: str) -> Any:
    """What was typed, as recorded (``quiz.response_text``), back to a response."""
    if question.type == "judge":
        return {"对": True, "错": False}.get(typed)
    if question.type == "cloze":
        return typed.split(" / ") if len(question.answer) > 1 else typed
    if question.type == "order":
        return typed.split(" → ") if typed else []
    if question.type == "multi":
        return typed.split("、") if typed else []
    return typed


def _has_control(text: str, allowed: str = "") -> bool:
    return any(unicodedata.category(c) == "Cc" and c not in allowed for c in text)


def printable(text: Any) -> str:
    """Text from a record, safe to print to a terminal: control characters (escape
    sequences among them) are shown as their codes, never sent raw."""
    return escaped(text)


def _shown(value: Any) -> str:
    return printable(json.dumps(value, ensure_ascii=False))[:40]
