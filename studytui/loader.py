"""Bank files to banks: a YAML bank is read and validated, a speech ``.txt`` is
generated into a bank. It stands above the bank model, the validator and the
generator, which know nothing of files."""

from __future__ import annotations

import hashlib
from pathlib import Path

from studytui.bank import Bank, BankError, Problem, Validation, dump, with_path
from studytui.generate import GenerationError, generate
from studytui.validation import parse

MAX_BYTES = 5 * 1024 * 1024


def load(path: str | Path) -> Bank:
    """The bank in ``path``; raises BankError listing every problem."""
    result = validate(path)
    if result.bank is None:
        raise BankError(result.errors)
    return result.bank


def validate(path: str | Path) -> Validation:
    """The YAML bank in ``path``, with every problem found."""
    path = Path(path)
    text, problems = read_text(path)
    if text is None:
        return Validation(str(path), None, problems)
    result = parse(text, str(path), default_id=path.stem)
    result.problems[:0] = problems
    if result.bank is not None:
        result.bank = with_path(result.bank, path)
    return result


def open_bank(path: str | Path, cache: Path | None = None) -> Validation:
    """A bank file, or a speech ``.txt`` generated into a bank (cached in ``cache``)."""
    path = Path(path)
    if path.suffix.lower() == ".txt":
        return bank_from_speech(path, cache)
    return validate(path)


def bank_from_speech(path: Path, cache_dir: Path | None, seed: int = 0) -> Validation:
    """A speech ``.txt`` read as a bank: generated once, then cached by content hash."""
    text, problems = read_text(path)
    result = Validation(str(path), None, problems)
    if text is None:
        return result
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    cached = cache_dir / f"{path.stem}-{digest}-{seed}.yaml" if cache_dir else None
    if cached is not None and cached.exists():
        loaded = validate(cached)
        if loaded.bank is not None:
            result.bank = with_path(loaded.bank, path)
            return result
    try:
        generated = generate(text, seed=seed, bank_id=path.stem, source=path.name)
    except GenerationError as exc:
        result.problems.append(Problem(str(path), 1, str(exc)))
        return result
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(dump(generated.bank), encoding="utf-8")
    result.bank = with_path(generated.bank, path)
    return result


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a bank or speech file: UTF-8 (with or without BOM), or GB18030 with a warning."""
    name = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            return None, [Problem(name, 1, "这是一个文件夹，不是文件")]
        if size > MAX_BYTES:
            return None, [Problem(name, 1, f"文件过大（{size / 1024 / 1024:.1f} MB），上限为 5 MB")]
        data = path.read_bytes()
    except FileNotFoundError:
        return None, [Problem(name, 1, "文件不存在")]
    except OSError as exc:
        return None, [Problem(name, 1, f"无法读取文件：{exc.strerror or exc}")]
    return decode(data, name)


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    if not data.strip():
        return None, [Problem(name, 1, "文件为空")]
    if b"\x00" in data:
        return None, [Problem(name, 1, "不是文本文件（含有二进制内容）")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None, [Problem(name, 1, "不是文本文件（既不是 UTF-8 也不是 GB18030 编码）")]
    return text, [Problem(name, 1, "文件不是 UTF-8 编码，已按 GB18030 读取；建议另存为 UTF-8", warning=True)]
