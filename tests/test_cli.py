"""The command line as a user runs it: exit codes and what it prints."""

import subprocess
import sys

from studytui import __version__
from studytui.cli import main
from studytui.paths import shipped_banks_dir


def run(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "studytui", *args], capture_output=True, text=True, **kwargs)


def test_version():
    result = run("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"studytui {__version__}"


def test_help_is_in_chinese_and_english():
    out = run("--help").stdout
    assert "校验题库" in out and "validate" in out


def test_validate_shipped_banks_counts_types(capsys):
    files = [str(p) for p in sorted(shipped_banks_dir().glob("*.yaml"))]
    assert main(["validate", *files]) == 0
    out = capsys.readouterr().out
    assert "example.yaml: 有效" in out and "排序 1" in out


def test_validate_without_files_checks_all_discovered_banks(capsys, tmp_path):
    extra = tmp_path / "mine.yaml"
    extra.write_text("title: x\nquestions: []\n", encoding="utf-8")
    assert main(["--bank", str(tmp_path), "validate"]) == 1
    out = capsys.readouterr().out
    assert f"{extra}:2: questions 为空" in out and "example.yaml: 有效" in out


def test_invalid_bank_exits_1_with_file_line_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    options: [甲, 乙]\n    answer: 丙\n", encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert f"{bad}:7: 答案“丙”不在 options 中" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_gb18030_warning_goes_to_stderr(tmp_path):
    gbk = tmp_path / "gbk.yaml"
    gbk.write_bytes("title: 题库\nquestions:\n  - {id: a, type: judge, prompt: 对吗, answer: true}\n".encode("gb18030"))
    result = run("validate", str(gbk))
    assert result.returncode == 0 and "GB18030" in result.stderr


def test_bad_arguments_exit_2_with_a_message():
    result = run("validate", "--nope")
    assert result.returncode == 2 and "参数错误" in result.stderr


def test_grade_explains_a_slip():
    result = run("grade", "七个有之", "七个有知")
    assert result.returncode == 0
    assert "接近" in result.stdout and "应为“之”，写成“知”（同音字）" in result.stdout


def test_grade_json_shows_original_characters():
    import json

    result = run("grade", "七个有之", "八个有之", "--json")
    data = json.loads(result.stdout)
    assert data["verdict"] == "wrong"
    assert data["differences"] == [{"kind": "replace", "expected": "七", "typed": "八", "start": 0, "end": 1, "reason": "数字不符"}]
