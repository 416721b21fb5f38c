"""A banks folder is read, and no further: a link out of it is not followed, a dangling
link or a FIFO is said, not skipped in silence (issue 23, item 10)."""

import os

from studytui.cli import main
from studytui.library import Library

BANK = "title: 外面的题库\nquestions:\n  - {id: q1, type: judge, prompt: 秘密第一行, answer: true}\n"


def _banks(tmp_path):
    banks = tmp_path / "d" / "banks"
    banks.mkdir(parents=True)
    (tmp_path / "secret.yaml").write_text(BANK, encoding="utf-8")
    return banks


def test_a_link_out_of_the_banks_folder_is_not_followed(tmp_path, capsys):
    banks = _banks(tmp_path)
    (banks / "passwd.yaml").symlink_to(tmp_path / "secret.yaml")
    assert main(["--data-dir", str(tmp_path / "d"), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{banks / 'passwd.yaml'}:1: 这是一个链接，指向所在文件夹以外的文件" in out
    assert "秘密" not in out and "外面的题库" not in out


def test_a_dangling_link_and_a_fifo_are_said(tmp_path):
    banks = _banks(tmp_path)
    (banks / "gone.yaml").symlink_to(tmp_path / "nothing.yaml")
    os.mkfifo(banks / "pipe.yaml")
    library = Library(tmp_path / "d")
    entries = {os.path.basename(e.path): e for e in library.load()}
    assert "指向的文件不存在" in entries["gone.yaml"].problems[0].message
    assert "不是普通文件" in entries["pipe.yaml"].problems[0].message
    assert library.load_cached() is False  # nothing read from a FIFO to make a cache key


def test_a_link_within_the_banks_folder_is_followed(tmp_path, capsys):
    banks = _banks(tmp_path)
    (banks / "real.yaml").write_text(BANK, encoding="utf-8")
    (banks / "alias.yaml").symlink_to(banks / "real.yaml")
    assert main(["--data-dir", str(tmp_path / "d"), "validate"]) == 0
    assert "有效" in capsys.readouterr().out


def test_a_speech_that_gives_no_bank_is_generated_once(tmp_path, monkeypatch):
    """Its failure is cached by content, like a bank: a served room does not regenerate it
    for every session (issue 23, item 13)."""
    import studytui.generator.questions as questions

    calls = []
    real = questions.generate

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(questions, "generate", counted)
    banks = tmp_path / "d" / "banks"
    banks.mkdir(parents=True)
    speech = banks / "empty.txt"
    speech.write_text("今天天气很好。\n", encoding="utf-8")
    first = [e.problems for e in Library(tmp_path / "d").load() if e.path.endswith("empty.txt")]
    second = [e.problems for e in Library(tmp_path / "d").load() if e.path.endswith("empty.txt")]
    assert len(calls) == 1 and first == second and "没有找到可以出题的提法" in first[0][0].message
    speech.write_text("今天天气很好。\n明天也好。\n", encoding="utf-8")
    Library(tmp_path / "d").load()
    assert len(calls) == 2  # changed: tried again
