"""Bank files to banks: a YAML bank is read and validated, a speech ``.txt`` is
generated into a bank. It stands above the bank model, the validator and the
generator, which know nothing of files."""

from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from pathlib import Path

from studytui import __version__
from studytui.bankfile.bank import Bank, BankError, Problem, Validation, dump, with_path
from studytui.bankfile.reviewed import learners_view
from studytui.constants import MAX_BYTES
from studytui.os_errors import said
from studytui.paths import leaves_its_folder
from studytui.safe_text import stripped
from studytui.bankfile.validation import parse


def load(path: str | Path) -> Bank:
    """The bank in ``path``; raises BankError listing every problem."""
    result = validate(path)
    if result.bank is None:
        raise BankError(result.errors)
    return result.bank


def validate(path: str | Path, *, learners: bool = True) -> Validation:
    """The YAML bank in ``path``, with every problem found; as learners see it (a bank
    set to ``only_reviewed`` without its questions not yet reviewed) unless ``learners`` is False."""
    path = Path(path)
    text, problems = read_text(path)
    if text is None:
        return Validation(str(path), None, problems)
    result = parse(text, str(path), default_id=path.stem)
    result.problems[:0] = problems
    if learners:
        learners_view(result, text)
    if result.bank is not None:
        result.bank = with_path(result.bank, path)
    return result


def open_bank(path: str | Path, cache: Path | None = None) -> Validation:
    """A bank file, or a speech ``.txt`` generated into a bank (cached in ``cache``).

    Whatever the file holds, what goes wrong is a problem of that file, never a crash.
    """
    path = Path(path)
    speech = path.suffix.lower() == ".txt"
    try:
        return bank_from_speech(path, cache) if speech else validate(path)
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the others from loading
        what = "无法从这篇讲话生成题库" if speech else "无法读取这个题库"
        return Validation(str(path), None, [Problem(str(path), 1, f"{what}（{type(exc).__name__}：{exc}）")])


def bank_from_speech(path: Path, cache_dir: Path | None, seed: int = 0) -> Validation:
    """A speech ``.txt`` read as a bank: generated once, then cached by content hash."""
    from studytui.generator.questions import GenerationError, generate  # the extractor loads only for a speech

    text, problems = read_speech(path)
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
    failed = (
        cached.with_name(f"{cached.stem}-{__version__}.failed") if cached is not None else None
    )  # a new generator tries again
    if failed is not None and (why := _read_failure(failed)):
        result.problems.append(Problem(str(path), 1, why))
        return result
    try:
        generated = generate(text, seed=seed, bank_id=path.stem, source=path.name)
    except GenerationError as exc:
        result.problems.append(Problem(str(path), 1, str(exc)))
        if failed is not None:
            write_cache(failed, str(exc))  # a speech that gives no bank is not tried again until it changes
        return result
    if cached is not None:
        write_cache(cached, dump(generated.bank))
    result.bank = with_path(generated.bank, path)
    return result


def _read_failure(path: Path) -> str:
    """Why this speech gave no bank when it was last generated, or "" when it was not."""
    try:
        return path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return ""


def write_cache(path: Path, text: str) -> None:
    """Write a cache file; a data folder that cannot be written only costs the cache."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError:
        pass


def read_speech(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a speech, without the control characters a terminal would obey: they
    never reach a question."""
    text, problems = read_text(path)
    return (None if text is None else stripped(text)), problems


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of a bank or speech file: UTF-8 (with or without BOM), or GB18030 with a warning."""
    name = str(path)
    if leaves_its_folder(path):
        return None, [Problem(name, 1, _link_problem(path))]
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            return None, [Problem(name, 1, "这是一个文件夹，不是文件")]
        if not stat.S_ISREG(info.st_mode):
            return None, [Problem(name, 1, "不是普通文件（设备、管道或套接字），不能读取")]
        with path.open("rb") as file:
            data = file.read(MAX_BYTES + 1)  # whatever stat said: a file may grow, a device never ends
        if max(info.st_size, len(data)) > MAX_BYTES:
            return None, [Problem(name, 1, f"文件过大（{max(info.st_size, len(data)) / 1024 / 1024:.1f} MB 以上），上限为 5 MB")]
    except FileNotFoundError:
        return None, [Problem(name, 1, "文件不存在")]
    except OSError as exc:
        return None, [Problem(name, 1, f"无法读取文件：{said(exc)}")]
    return decode(data, name)


def _link_problem(link: Path) -> str:
    target = _link_target(link)
    if not link.resolve().exists():
        return f"这是一个链接，指向的文件不存在（{target}）"
    return f"这是一个链接，指向所在文件夹以外的文件（{target}），不予读取；请把文件本身放进文件夹"


def _link_target(link: Path) -> str:
    try:
        return os.readlink(link)
    except OSError as exc:
        return said(exc)


_NOT_TEXT = (
    (b"%PDF", "一个 PDF 文件"),
    (b"PK\x03\x04", "一个压缩文件（Word 的 .docx、Excel 的 .xlsx 或 .zip）"),
    (b"\xd0\xcf\x11\xe0", "一个旧版 Word 或 Excel 文档（.doc、.xls）"),
    (b"{\\rtf", "一个 RTF 富文本文档"),
    (b"\x89PNG", "一张 PNG 图片"),
    (b"\xff\xd8\xff", "一张 JPEG 图片"),
    (b"GIF8", "一张 GIF 图片"),
    (b"\x7fELF", "一个程序文件"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)
_SAVE_AS = "另存为 UTF-8 编码的文本"


def decode(data: bytes, name: str) -> tuple[str | None, list[Problem]]:
    """Text in UTF-8 (with or without BOM), UTF-16 with a BOM, or GB18030 (with a
    warning, as it is a guess); anything else is a problem that names what was found."""
    text, problem = _decoded(data)
    if text is None:
        return None, [Problem(name, 1, problem)]
    if not text.strip():
        return None, [Problem(name, 1, "文件为空")]
    return text, [Problem(name, 1, problem, warning=True)] if problem else []


def _decoded(data: bytes) -> tuple[str | None, str]:
    """The text and a warning, or None and why not."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return None, f"文件是 UTF-32 编码，请{_SAVE_AS}"
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                return None, f"文件以 {label} 的 BOM 开头，但第 {exc.start + 1} 个字节起不是有效的 {label}；请{_SAVE_AS}"
            if codec == "utf-16" and not _looks_like_text(text):
                return None, "不是文本文件：以 UTF-16 的 BOM 开头，读出来却不像文字"
            return text, ""
    for signature, what in _NOT_TEXT:
        if data.startswith(signature):
            return None, f"不是文本文件：这是{what}；请把其中的文字复制出来，{_SAVE_AS}"
    if b"\x00" in data:
        return None, _with_nul(data)
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030"), "文件不是 UTF-8 编码，已按 GB18030 读取；建议另存为 UTF-8"
    except UnicodeDecodeError as exc:
        byte = data[exc.start]
        return None, f"无法识别的编码：第 {exc.start + 1} 个字节（0x{byte:02X}）既不是 UTF-8 也不是 GB18030；请{_SAVE_AS}"


def _with_nul(data: bytes) -> str:
    """Why bytes holding NUL are not read: UTF-16 without its BOM, or not text at all."""
    for codec, order in (("utf-16-le", "LE"), ("utf-16-be", "BE")):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _looks_like_text(text):
            return f"文件是不带 BOM 的 UTF-16（{order}）编码；请{_SAVE_AS}，或带 BOM 的 UTF-16"
    offset = data.index(b"\x00")
    return f"不是文本文件：第 {offset + 1} 个字节是 NUL（0x00），文本中不会有这样的字节"


_TEXT_CHAR = re.compile(r"[\t\n\r\x20-\x7e\xa0-\u024f\u2000-\u206f\u3000-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")


def _looks_like_text(text: str) -> bool:
    """Nearly every character is one of ASCII, Latin, CJK or their punctuation."""
    return len(_TEXT_CHAR.findall(text)) >= 0.95 * len(text)
