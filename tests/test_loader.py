"""Bank files to banks: encodings, speeches that cannot become banks, the cache,
and two banks with one id. Whatever a file holds is a problem line, never a crash."""

import codecs
import os
import shutil
from pathlib import Path

import pytest

from studytui.bankfile import loader
from studytui.cli import main
from studytui.library import Library
from studytui.quiz import QuizSession, Settings
from studytui.paths import shipped_banks_dir
from studytui.store import open_store

DATA = Path(__file__).parent / "data"
BANK = "title: 编码测试\nquestions:\n  - id: q1\n    type: cloze\n    prompt: 践行“____”\n    answer: 两个维护\n"
SPEECH = (DATA / "other_speech.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "encoded",
    [
        BANK.encode("utf-8"),
        codecs.BOM_UTF8 + BANK.encode("utf-8"),
        BANK.encode("utf-16"),  # with its BOM, as Windows Notepad saves "Unicode"
        codecs.BOM_UTF16_BE + BANK.encode("utf-16-be"),
        BANK.encode("gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "gb18030"],
)
def test_banks_in_the_usual_encodings_are_read(tmp_path, encoded):
    path = tmp_path / "bank.yaml"
    path.write_bytes(encoded)
    result = loader.validate(path)
    assert result.errors == [] and result.bank.title == "编码测试"


@pytest.mark.parametrize(
    ("encoded", "named"),
    [
        (BANK.encode("utf-16-le"), "不带 BOM 的 UTF-16（LE）"),
        (BANK.encode("utf-16-be"), "不带 BOM 的 UTF-16（BE）"),
        (BANK.encode("utf-32"), "UTF-32"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF 文件"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", ".docx"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", ".doc"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG 图片"),
        (b"\x00\x01\x02\x03" * 40, "第 1 个字节是 NUL（0x00）"),
        ("title: café\n".encode("cp1252"), "第 11 个字节（0xE9）既不是 UTF-8 也不是 GB18030"),
    ],
    ids=["utf-16-le", "utf-16-be", "utf-32", "pdf", "docx", "doc", "png", "binary", "cp1252"],
)
def test_anything_else_names_what_was_found(tmp_path, encoded, named):
    path = tmp_path / "bank.yaml"
    path.write_bytes(encoded)
    (problem,) = loader.validate(path).errors
    assert problem.line == 1 and named in problem.message and "二进制" not in problem.message


def test_a_bom_alone_is_an_empty_file(tmp_path):
    path = tmp_path / "bank.yaml"
    path.write_bytes(codecs.BOM_UTF8 + b"\n")
    assert [p.message for p in loader.validate(path).errors] == ["文件为空"]


def speech_in_banks(data: Path) -> Path:
    banks = data / "banks"
    banks.mkdir(parents=True, exist_ok=True)
    speech = banks / "speech.txt"
    speech.write_text(SPEECH, encoding="utf-8")
    return speech


def test_a_speech_that_cannot_be_generated_is_a_problem_in_validate(tmp_path, capsys, generate_breaks):
    speech = speech_in_banks(tmp_path)
    assert main(["--data-dir", str(tmp_path), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{speech}:1: 无法从这篇讲话生成题库（IndexError：list index out of range）" in out
    assert "example.yaml: 有效" in out  # the other banks are still checked


def test_a_speech_that_is_not_a_speech_is_a_problem_in_the_library(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    (banks / "english.txt").write_text("only english words here, nothing else at all", encoding="utf-8")
    entries = Library(tmp_path).load()
    (entry,) = [e for e in entries if e.path.endswith("english.txt")]
    assert entry.bank is None and entry.errors[0].line == 1


def test_a_speech_that_cannot_be_generated_is_a_problem_line_in_serve(tmp_path, capsys, monkeypatch, generate_breaks):
    import socket

    import studytui.serve

    served = []

    class RoomServer:
        def __init__(self, command, *args, **kwargs):
            served.append(command)

        def serve(self):
            pass

    monkeypatch.setattr(studytui.serve, "RoomServer", RoomServer)
    speech = speech_in_banks(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert main(["--data-dir", str(tmp_path), "serve", "--port", str(port)]) == 0
    assert served and f"{speech}:1: 无法从这篇讲话生成题库" in capsys.readouterr().err


def test_an_edit_that_keeps_size_and_mtime_is_seen(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    path = banks / "mine.yaml"
    path.write_text(BANK.replace("编码测试", "第一版本"), encoding="utf-8")
    stat = path.stat()
    assert Library(tmp_path).load() and Library(tmp_path).load()  # the second from the cache
    path.write_text(BANK.replace("编码测试", "第二版本"), encoding="utf-8")  # as `cp -p` leaves it
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert path.stat().st_size == stat.st_size
    library = Library(tmp_path)
    library.load()
    assert [b.title for b in library.banks if b.id == "mine"] == ["第二版本"]


def test_a_read_only_cache_only_costs_the_cache(tmp_path):
    (tmp_path / "cache").write_text("not a folder", encoding="utf-8")  # nothing can be cached
    speech_in_banks(tmp_path)
    library = Library(tmp_path)
    library.load()
    assert any(b.id == "speech" for b in library.banks)


def test_two_banks_with_one_id_are_reported_naming_both_files(tmp_path, capsys):
    banks = tmp_path / "banks"
    banks.mkdir()
    copy = banks / "example.yaml"
    shutil.copy(shipped_banks_dir() / "example.yaml", copy)  # as the README once suggested
    library = Library(tmp_path)
    library.load()
    (problem,) = library.problems
    shipped = str((shipped_banks_dir() / "example.yaml").resolve())
    assert problem.path == str(copy.resolve()) and shipped in problem.message and "“example”" in problem.message
    assert main(["--data-dir", str(tmp_path), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{copy.resolve()}:1: 题库 id“example”与 {shipped} 相同" in out


def test_a_start_reads_the_banks_from_the_cache_only_when_every_one_is_there(tmp_path):
    speech_in_banks(tmp_path)
    first = Library(tmp_path)
    assert not first.load_cached() and first.entries == []  # the speech is not generated yet
    first.load()
    again = Library(tmp_path)
    assert again.load_cached()
    assert [(e.path, e.bank) for e in again.entries] == [(e.path, e.bank) for e in first.entries]


def test_two_banks_with_one_id_keep_their_own_mistakes_and_sessions(tmp_path):
    banks = tmp_path / "banks"
    banks.mkdir()
    text = (shipped_banks_dir() / "example.yaml").read_text(encoding="utf-8")
    (banks / "example.yaml").write_text(text.replace("示例题库：题库格式说明", "我的副本"), encoding="utf-8")
    library = Library(tmp_path)
    library.load()
    shipped, copy = (b for b in library.banks if b.title in ("示例题库：题库格式说明", "我的副本"))
    assert shipped.id == "example" and copy.id != "example"
    store = open_store(tmp_path)
    me = store.profile("张三")
    session = QuizSession.start(store, copy, me, Settings(), questions=copy.questions[:2])
    session.submit("不是这个答案")
    assert store.mistakes(me, copy.id) == [copy.questions[0].id]
    assert store.mistakes(me, shipped.id) == [] and store.due(me, shipped.id) == []
    (row,) = store.unfinished_sessions(me)
    again = Library(tmp_path)
    again.load()
    assert again.find(row.bank_id).title == "我的副本"  # resume reopens the copy, on every start
