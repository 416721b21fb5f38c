"""Exported answers read back on another machine, and trusted only once checked.

Every row is checked (a known mode and verdict, a finite score in range, a real
profile name, a class quiz code that passes its check character…) and, when its
bank is here, re-graded from what was typed: the verdict and score in the file are
not believed. A file with one untrustworthy row is refused whole.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from studytui.bankfile.bank import Bank, Question
from studytui.quiz import grade_question
from studytui.vocabulary import MODE_NAMES, Verdict
from studytui.quiz_code import CodeError, canonical_code

VERDICTS = tuple(Verdict)
TEXT_FIELDS = ("uid", "session_uid", "profile", "bank", "bank_hash", "question_id", "prompt", "typed")
REQUIRED = (*TEXT_FIELDS, "verdict", "score", "seconds", "answered", "mode", "started")
MOST_POINTS = 1000
MOST_SECONDS = 7 * 24 * 3600
LONGEST_NAME = 60


class Refused(Exception):
    """The file is not imported; ``problems`` says why, each to follow ``FILE:``
    (``1: 原因`` for the file, `` 第 N 条: 原因`` for a row)."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_export(path: Path) -> list[dict[str, Any]]:
    """The rows of an export file, or Refused with the reason (the first line only)."""
    text = path.read_text(encoding="utf-8-sig")
    if not text.lstrip().startswith(("[", "{")):
        raise Refused(["1: 这不是 JSON 文件（CSV 只供表格软件查看）；请用 studytui export --format json 导出后再导入"])
    try:
        rows = json.loads(text)
    except json.JSONDecodeError as exc:
        raise Refused([f"{exc.lineno}: 不是有效的 JSON：{exc.msg}"]) from exc
    if not isinstance(rows, list):
        raise Refused(["1: 不是 studytui export --format json 导出的作答"])
    return rows


def trusted_rows(rows: list[Any], find_bank: Callable[[str], Bank | None]) -> list[dict[str, Any]]:
    """The rows, checked and re-graded; Refused with every problem when any row fails."""
    problems, trusted, settings = [], [], {}
    for n, row in enumerate(rows, 1):
        try:
            if not isinstance(row, dict):
                raise ValueError("不是一条作答记录")
            row = dict(row)
            if "settings" in row:
                settings[row.get("session_uid")] = row["settings"]
            row["settings"] = settings.get(row.get("session_uid"), "{}")
            trusted.append(_checked(row, find_bank))
        except ValueError as exc:
            problems.append(f" 第 {n} 条: {exc}")
    if problems:
        raise Refused(problems)
    return trusted


def _checked(row: dict[str, Any], find_bank: Callable[[str], Bank | None]) -> dict[str, Any]:
    missing = [field for field in REQUIRED if field not in row]
    if missing:
        raise ValueError(f"缺少字段 {'、'.join(missing)}")
    for field in TEXT_FIELDS:
        if not isinstance(row[field], str):
            raise ValueError(f"{field} 应为文字，却是 {_shown(row[field])}")
    row["profile"] = row["profile"].strip()
    if not row["profile"] or len(row["profile"]) > LONGEST_NAME or _has_control(row["profile"]):
        raise ValueError(f"姓名无效：{_shown(row['profile'])}（应为 1 到 {LONGEST_NAME} 个可见字符）")
    if not row["uid"].strip() or not row["session_uid"].strip():
        raise ValueError("作答或会话的编号为空")
    if row["mode"] not in MODE_NAMES:
        raise ValueError(f"未知的模式 {_shown(row['mode'])}")
    if row["verdict"] not in VERDICTS:
        raise ValueError(f"未知的判定 {_shown(row['verdict'])}")
    _number(row, "score", 0, 1)
    _number(row, "seconds", 0, MOST_SECONDS)
    row["points"] = row.get("points", 1)
    _number(row, "points", 0, MOST_POINTS)
    for field in ("answered", "started"):
        _moment(row, field)
    if row.get("finished") is not None:
        _moment(row, "finished")
    _code(row)
    row["overridden"] = 1 if row.get("overridden") else 0
    row.setdefault("original_verdict", None)
    row.setdefault("section", None)
    row.setdefault("kind", None)
    bank = find_bank(row["bank"])
    if bank is not None:
        _regrade(row, bank)
    return row


def _number(row: dict[str, Any], field: str, low: float, high: float) -> None:
    value = row[field]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or not low <= value <= high:
        raise ValueError(f"{field} 应为 {low} 到 {high} 之间的数，却是 {_shown(value)}")
    row[field] = float(value)


def _moment(row: dict[str, Any], field: str) -> None:
    try:
        datetime.fromisoformat(row[field])
    except (TypeError, ValueError):
        raise ValueError(f"{field} 不是有效的时间：{_shown(row[field])}") from None


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


def _regrade(row: dict[str, Any], bank: Bank) -> None:
    """The verdict and score, from what was typed, by this machine's grader."""
    question = next((q for q in bank.questions if q.id == row["question_id"]), None)
    if question is None:
        raise ValueError(f"题库“{bank.id}”中没有题号“{row['question_id']}”")
    try:
        strictness = json.loads(row["settings"]).get("strictness", "normal")
    except (TypeError, ValueError, AttributeError):
        strictness = "normal"
    result = grade_question(question, response_from_text(question, row["typed"]), strictness if strictness in ("strict", "normal", "lenient") else "normal")
    if row["overridden"]:
        row["original_verdict"] = result.verdict
        row["verdict"], row["score"] = Verdict.CORRECT, 1.0
    else:
        row["verdict"], row["score"], row["original_verdict"] = result.verdict, result.score, None


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


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" for c in text)


def printable(text: Any) -> str:
    """Text from a record, safe to print to a terminal: control characters (escape
    sequences among them) are shown as their codes, never sent raw."""
    return "".join(f"\\x{ord(c):02x}" if unicodedata.category(c) == "Cc" else c for c in str(text))


def _shown(value: Any) -> str:
    return printable(json.dumps(value, ensure_ascii=False))[:40]
