"""Bank and speech files are read at most up to the cap, and only when they are files."""

import os

from studytui.cli import main
from studytui.bankfile.loader import read_text


def test_a_device_is_refused_without_reading_it(capsys):
    assert main(["validate", "/dev/zero"]) == 1
    assert "不是普通文件" in capsys.readouterr().out
    assert main(["generate", "/dev/zero"]) == 1


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "bank.yaml"
    os.mkfifo(fifo)
    text, problems = read_text(fifo)
    assert text is None and "不是普通文件" in problems[0].message


def test_a_file_that_grows_past_the_cap_is_read_no_further(tmp_path, monkeypatch):
    monkeypatch.setattr("studytui.bankfile.loader.MAX_BYTES", 10)
    big = tmp_path / "b.yaml"
    big.write_text("title: x\n" * 10, encoding="utf-8")
    monkeypatch.setattr("pathlib.Path.stat", lambda self, **kw: os.stat_result((0o100644, 0, 0, 1, 0, 0, 5, 0, 0, 0)))
    text, problems = read_text(big)
    assert text is None and "过大" in problems[0].message
