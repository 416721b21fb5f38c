"""Reviewing a bank file in place: keep (``reviewed: true``), discard or edit one question at
a time, each change checked by the bank's own validation and written back at once.

The file is edited with a round-trip YAML library (ruamel.yaml), so what the instructor
wrote stays as written: comments, key order, quotes, flow lists, indentation. Only the
lines of the questions changed differ. The file as it was when the review began is kept
beside it (``BANK.yaml.bak``) at the first change; every write goes to a temporary file in
the same folder that then replaces the bank (a crash mid-write leaves the old file whole).
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

from studytui.bankfile.bank import Bank, Question
from studytui.bankfile.loader import read_text
from studytui.bankfile.validation import parse
from studytui.os_errors import said

BACKUP_SUFFIX = ".bak"


class ReviewError(Exception):
    """A file that cannot be reviewed; the message says why, in Chinese."""


@dataclass(frozen=True)
class Change:
    """What an edit sets, in the bank's own shapes: ``answer`` a string, a list of strings
    or a bool; ``accept`` one list of alternatives per blank; ``options`` a list."""

    prompt: str
    answer: Any
    accept: tuple[tuple[str, ...], ...] = ()
    options: tuple[str, ...] = ()


class BankReview:
    """One bank file under review; ``bank`` holds every question (reviewed or not) as the
    file now says."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        if self.path.suffix.lower() == ".txt":
            raise ReviewError("这是一篇讲话稿：先在题库页按 G 把它生成为 YAML 题库，再审那个题库")
        raw = _read_bytes(self.path)
        text, problems = read_text(self.path)
        if text is None:
            raise ReviewError(problems[0].message)
        self._bom = raw.startswith(b"\xef\xbb\xbf")
        self._crlf = "\r\n" in text
        self._original = raw
        self._backed_up = False
        self._before_discard: str | None = None
        """The file's text before the last decision, when that decision was a deletion."""
        self.text = text.replace("\r\n", "\n")
        self.bank = self._validated(self.text)
        _, indent, offset = load_yaml_guess_indent(self.text)
        self._yaml = YAML()
        self._yaml.preserve_quotes = True
        self._yaml.width = 4096  # never fold a long line the instructor wrote on one
        self._yaml.indent(mapping=max(2, indent - offset), sequence=indent, offset=offset)
        self._doc = self._yaml.load(self.text)

    def _validated(self, text: str) -> Bank:
        result = parse(text, str(self.path), default_id=self.path.stem)
        if result.bank is None:
            first = result.errors[0]
            raise ReviewError(f"题库有 {len(result.errors)} 个问题，先修正再审题（第 {first.line} 行：{first.message}）")
        return result.bank

    @property
    def questions(self) -> tuple[Question, ...]:
        return self.bank.questions

    def reviewed_count(self) -> int:
        return sum(q.reviewed for q in self.questions)

    # -- decisions -------------------------------------------------------------------

    def keep(self, question_id: str) -> list[str]:
        """Mark the question reviewed (``reviewed: true`` after its id)."""

        return self._change(question_id, _mark)

    def discard(self, question_id: str) -> list[str]:
        """Remove the question; every comment around it but its own end-of-line ones stays."""
        before = self.text
        problems = self._change(question_id, _remove)
        if not problems:
            self._before_discard = before
        return problems

    def undo_discard(self) -> list[str]:
        """Put the file back as it was before the last decision, when that was a deletion."""
        before = self._before_discard
        if before is None:
            return ["只能撤销刚才的删除"]
        problems = self._write(before)
        if not problems:
            self.text, self.bank, self._doc = before, self._validated(before), self._yaml.load(before)
            self._before_discard = None
        return problems

    def edit(self, question_id: str, change: Change) -> list[str]:
        """Set the prompt, answer, accepted answers and options; an edited question is reviewed."""

        def apply(items: CommentedSeq, index: int) -> None:
            item = items[index]
            _mark(items, index)
            _set(item, "prompt", change.prompt)
            _set(item, "answer", _answer_value(item, change.answer))
            if "accept" in item or any(change.accept):
                _set(item, "accept", _accept_value(item, change.accept))
            if "options" in item or change.options:
                _set(item, "options", _list_value(item.get("options"), change.options))

        return self._change(question_id, apply)

    # -- writing ---------------------------------------------------------------------

    def _change(self, question_id: str, change: Callable[[CommentedSeq, int], None]) -> list[str]:
        """Apply ``change`` to the question, validate the bank it gives and write it; the
        problems (in Chinese) when it does not validate or cannot be written, else []."""
        ids = [q.id for q in self.questions]
        if question_id not in ids:
            return [f"题目“{question_id}”已不在题库中"]
        change(self._doc["questions"], ids.index(question_id))
        text = self._dumped()
        result = parse(text, str(self.path), default_id=self.path.stem)
        problems = [p.message for p in result.errors]
        if not problems:
            problems = self._write(text)
        if problems:
            self._doc = self._yaml.load(self.text)  # the change is undone: the file is what it was
            return problems
        assert result.bank is not None
        self.text, self.bank = text, result.bank
        self._before_discard = None
        return []

    def _dumped(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self._doc, out)
        return str(out.getvalue())

    def _write(self, text: str) -> list[str]:
        data = ("\ufeff" if self._bom else "") + (text.replace("\n", "\r\n") if self._crlf else text)
        try:
            if not self._backed_up:
                self._backup()
            atomic_write(self.path, data.encode("utf-8"))
        except OSError as exc:
            return [f"无法保存 {self.path.name}：{said(exc)}"]
        return []

    def _backup(self) -> None:
        """The file as the review found it, beside it; once per review."""
        backup = backup_path(self.path)
        backup.write_bytes(self._original)
        shutil.copymode(self.path, backup)
        self._backed_up = True


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + BACKUP_SUFFIX)


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    mode = stat.S_IMODE(path.stat().st_mode) if path.exists() else 0o644
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def replace_keeping_backup(path: Path, data: bytes) -> Path | None:
    """Write ``data`` over ``path``, keeping a file already there that says something else beside it
    first (BANK.yaml.bak): a bank generated again over one an instructor reviewed loses no review.
    The backup's path, or None."""
    backup = None
    if path.exists() and path.read_bytes() != data:
        backup = backup_path(path)
        shutil.copy2(path, backup)
    atomic_write(path, data)
    return backup


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReviewError(f"无法读取 {path.name}：{said(exc)}") from exc


# -- values in the file's own style --------------------------------------------------------


def _mark(items: CommentedSeq, index: int) -> None:
    """``reviewed: true``, on the line after the question's id."""
    item = items[index]
    if "reviewed" in item:
        item["reviewed"] = True
    else:
        item.insert(list(item).index("id") + 1 if "id" in item else 0, "reviewed", True)


def _set(item: CommentedMap, key: str, value: Any) -> None:
    """Set a key only when its value changes, so an unchanged field keeps its quotes; a
    new key goes after the answer (``accept``) or before it (``options``)."""
    if key in item and _plain(item[key]) == _plain(value):
        return
    if value in ((), []):
        item.pop(key, None)
    elif key in item or "answer" not in item:
        item[key] = value
    else:
        item.insert(list(item).index("answer") + (key != "options"), key, value)


def _plain(value: Any) -> Any:
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value if isinstance(value, bool) else str(value)


def _list_value(old: Any, items: Sequence[Any]) -> CommentedSeq:
    """A list written as the old one was (flow ``[a, b]`` unless it was a block list)."""
    new = CommentedSeq(items)
    if not isinstance(old, CommentedSeq) or old.fa.flow_style():
        new.fa.set_flow_style()
    return new


def _answer_value(item: CommentedMap, answer: Any) -> Any:
    if isinstance(answer, (list, tuple)):
        if item.get("type") == "cloze" and len(answer) == 1:
            return answer[0]
        return _list_value(item.get("answer"), answer)
    return answer


def _accept_value(item: CommentedMap, accept: tuple[tuple[str, ...], ...]) -> Any:
    if not any(accept):
        return []
    if len(accept) == 1:
        return _list_value(item.get("accept"), accept[0])
    old = item.get("accept")
    outer = CommentedSeq([_list_value(None, alternatives) for alternatives in accept])
    if not isinstance(old, CommentedSeq) or old.fa.flow_style():
        outer.fa.set_flow_style()
    return outer


# -- removing a question without losing the comments around it -----------------------------


def _remove(items: CommentedSeq, index: int) -> None:
    """Delete ``items[index]``. The comment lines ahead of it and after its last line
    (which head the next question) stay where they were: ahead of the next question."""
    ahead = items.ca.items.get(index, [None, None])[1] or []
    kept = "".join(" " * t.column + t.value.lstrip(" ") if t.value.strip() else t.value for t in ahead)
    kept += _following_comment(items[index])
    del items[index]
    if index > 0:
        _append_tail(items[index - 1], kept)
    elif kept and items:
        entry = items.ca.items.setdefault(0, [None, None])
        entry[1] = [*_lines(kept), *(entry[1] or [])]


def _following_comment(node: Any) -> str:
    """The comment text after ``node``'s last line, without that line's own comment."""
    entry, slot = _tail(node)
    token = entry[slot] if entry is not None else None
    if token is None:
        return ""
    _, _, rest = str(token.value).partition("\n")
    return rest


def _append_tail(node: Any, text: str) -> None:
    if not text:
        return
    entry, slot = _tail(node)
    if entry is None:
        return
    token = entry[slot]
    if token is None:
        entry[slot] = CommentToken("\n" + text, CommentMark(0), None)
    else:
        token.value = token.value + text


def _tail(node: Any) -> tuple[list[Any] | None, int]:
    """Where the comment after ``node``'s last line is kept: (a comment entry, its slot)."""
    if not isinstance(node, (CommentedMap, CommentedSeq)) or not node or node.fa.flow_style():
        return None, 0
    if isinstance(node, CommentedMap):
        key = list(node)[-1]
        last, slot = node[key], 2
    else:
        key = len(node) - 1
        last, slot = node[key], 0
    if isinstance(last, (CommentedMap, CommentedSeq)) and last and not last.fa.flow_style():
        return _tail(last)
    entry = node.ca.items.setdefault(key, [None, None, None, None] if slot == 2 else [None, None])
    return entry, slot


def _lines(text: str) -> list[CommentToken]:
    """Comment text as the one-line tokens a list keeps ahead of an item."""
    return [
        CommentToken(line.lstrip(" ") + "\n", CommentMark(len(line) - len(line.lstrip(" "))), None) for line in text.splitlines()
    ]
