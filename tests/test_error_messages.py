"""What goes wrong is said in Chinese: the system's errors, deep nesting and aliases of
any value (issue 23, item 14)."""

import errno

from studytui.cli import main
from studytui.os_errors import said
from studytui.bankfile.validation import parse


def test_a_file_that_cannot_be_read_is_said_in_chinese(tmp_path, monkeypatch, capsys):
    bank = tmp_path / "b.yaml"
    bank.write_text("title: t\n", encoding="utf-8")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(bank))

    monkeypatch.setattr("pathlib.Path.open", denied)
    assert main(["--data-dir", str(tmp_path / "d"), "validate", str(bank)]) == 1
    out = capsys.readouterr().out
    assert f"{bank}:1: 无法读取文件：没有权限" in out and "Permission" not in out


def test_an_untranslated_error_keeps_the_systems_words():
    assert said(OSError(errno.ECONNRESET, "Connection reset by peer")) == "系统错误（Connection reset by peer）"


def test_deep_block_nesting_is_said():
    text = "title: t\nquestions:\n" + "".join("  " * (i + 1) + f"k{i}:\n" for i in range(1200))
    problems = parse(text, "deep.yaml").problems
    assert "嵌套超过 1000 层" in problems[0].message


def test_an_alias_of_a_scalar_is_refused():
    text = "title: &t 标题\nquestions:\n  - {id: q1, type: cloze, prompt: 一要践行“____”, answer: *t}\n"
    result = parse(text, "a.yaml")
    assert result.bank is None and "不支持 YAML 别名" in result.problems[0].message
