"""No control character from a bank, a speech, a name or a record reaches a terminal
(issue 23, item 9): banks holding one are refused, speeches lose them, output escapes them."""

import pytest

from studytui.cli import main
from studytui.store import Answer, open_store

TITLE = "\x1b]0;pwned\x07"
BANK = "title: t\nquestions:\n  - id: q1\n    type: cloze\n    prompt: {prompt}\n    answer: 两个维护\n"


@pytest.mark.parametrize(
    "prompt, code",
    [
        ('"\\e]0;pwned\\a一要践行“____”"', "U+001B"),  # written as YAML escapes
        (f'"{TITLE}一要践行“____”"', "U+001B"),  # raw
        ('"\\x9b2J一要践行“____”"', "U+009B"),  # C1
        ("\u202e一要践行“____”", "U+202E"),  # a right-to-left override
    ],
)
def test_validate_refuses_control_characters(tmp_path, capsys, prompt, code):
    bank = tmp_path / "b.yaml"
    bank.write_text(BANK.format(prompt=prompt), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "validate", str(bank)]) == 1
    out = capsys.readouterr().out
    assert f"{bank}:5: 含有控制字符（{code}" in out
    assert "\x1b" not in out and "\x9b" not in out and "\u202e" not in out


def test_tabs_and_line_breaks_are_no_control_characters(tmp_path, capsys):
    bank = tmp_path / "b.yaml"
    bank.write_text(BANK.format(prompt='"一要践行\\t“____”"').replace("\n", "\r\n"), encoding="utf-8")
    assert main(["--data-dir", str(tmp_path / "d"), "validate", str(bank)]) == 0


def test_a_speech_loses_its_control_characters(tmp_path, capsys):
    speech = tmp_path / "s.txt"
    speech.write_text(
        f"一要践行“两个维护”\n各级纪委要坚持“两个维护{TITLE}”，推动政治监督具体化常态化。\n"
        "二要坚持“六稳六保”\n全市要坚持“六稳六保”，保持经济平稳运行。\n",
        encoding="utf-8",
    )
    assert main(["generate", str(speech)]) == 0
    out = capsys.readouterr().out
    assert "两个维护" in out and "pwned" in out and "\x1b" not in out and "\\e" not in out


def _record_with_escapes(data):
    store = open_store(data)
    store.db.execute("INSERT INTO profiles(name, created) VALUES (?, '2024-01-01T00:00:00+00:00')", (f"甲{TITLE}",))
    pid = store.db.execute("SELECT id FROM profiles").fetchone()[0]
    sid = store.start_session(pid, "b\x9b2J", "h", "practice", {})
    store.record(Answer(sid, "q\u202e1", f"题目{TITLE}", f"作答{TITLE}", "wrong", 0.0, 1.0))
    store.close()


@pytest.mark.parametrize(
    "command",
    [
        ["stats"],
        ["report"],
        ["report", "--format", "csv"],
        ["export"],
        ["export", "--format", "json"],
    ],
)
def test_printed_records_carry_no_control_character(tmp_path, capsys, command):
    _record_with_escapes(tmp_path)
    assert main(["--data-dir", str(tmp_path), *command]) == 0
    printed = "".join(capsys.readouterr())
    assert "pwned" in printed
    assert not any(c in printed for c in "\x1b\x07\x9b\u202e")


def test_printed_json_still_reads_back(tmp_path, capsys):
    import json

    _record_with_escapes(tmp_path)
    assert main(["--data-dir", str(tmp_path), "export", "--format", "json"]) == 0
    row = json.loads(capsys.readouterr().out)[0]
    assert row["profile"] == f"甲{TITLE}" and row["bank"] == "b\x9b2J"


def test_error_lines_carry_no_control_character(capsys):
    assert main(["validate", f"/nonexistent/{TITLE}.yaml"]) == 1
    printed = "".join(capsys.readouterr())
    assert "pwned" in printed and "\x1b" not in printed
