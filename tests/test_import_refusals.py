"""Import derives what it can (questions, points, settings of a class quiz) and refuses
what it cannot trust, whole file, as FILE: 第 N 条: 原因."""

import json
import subprocess
import sys

import pytest

from studytui.bankfile import loader
from studytui.paths import shipped_banks_dir
from studytui.quiz import QuizSession
from studytui.quiz_code import class_code, parse_code
from studytui.store import open_store

EXAMPLE = shipped_banks_dir() / "example.yaml"


def run(*args):
    return subprocess.run([sys.executable, "-m", "studytui", *args], capture_output=True, text=True)


def took_class_quiz(data, name="李四", count=5):
    bank = loader.load(EXAMPLE)
    code = class_code(bank, 7, count, 15)
    store = open_store(data)
    session = QuizSession.start(store, bank, store.profile(name), parse_code(code).settings(), quiz_code=code)
    while not session.done:
        session.submit("不知道")
    store.close()
    return code


def exported(data):
    result = run("export", "--data-dir", str(data), "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def imported(tmp_path, rows, data=None, raw=None):
    file = tmp_path / "in.json"
    if raw is not None:
        file.write_bytes(raw)
    else:
        file.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = run("import", "--data-dir", str(data or tmp_path / "teacher"), str(file))
    assert "Traceback" not in result.stderr
    return result


@pytest.fixture
def class_rows(tmp_path):
    code = took_class_quiz(tmp_path / "pupil")
    return code, exported(tmp_path / "pupil")


def refused(result, reason):
    assert result.returncode == 1 and reason in result.stderr, result.stderr


def test_rows_of_an_unknown_bank_are_refused(tmp_path, class_rows):
    _, rows = class_rows
    for row in rows:
        row["bank"], row["quiz_code"], row["mode"] = "forged-bank", None, "practice"
    refused(imported(tmp_path, rows), "第 1 条: 本机没有题库")


def test_an_override_in_a_class_quiz_is_refused(tmp_path, class_rows):
    _, rows = class_rows
    rows[0]["overridden"] = 1
    refused(imported(tmp_path, rows), "第 1 条: ")


def test_copies_of_one_answer_are_refused(tmp_path, class_rows):
    _, rows = class_rows
    copy = dict(rows[0], uid="f" * 32)
    copy.pop("settings", None)
    refused(imported(tmp_path, [*rows, copy]), f"第 {len(rows) + 1} 条: ")


def test_points_come_from_the_bank_not_the_file(tmp_path, class_rows):
    code, rows = class_rows
    for row in rows:
        row["points"] = 1000
    assert imported(tmp_path, rows).returncode == 0
    (result,) = open_store(tmp_path / "teacher").ranking(quiz_code=code)
    assert result.max_score <= 5


def test_a_question_not_in_the_quiz_is_refused(tmp_path, class_rows):
    _, rows = class_rows
    asked = set(json.loads(rows[0]["settings"])["questions"])
    other = next(q.id for q in loader.load(EXAMPLE).questions if q.id not in asked)
    rows[-1]["question_id"] = other
    refused(imported(tmp_path, rows), f"第 {len(rows)} 条: ")


def test_an_import_never_replaces_a_participants_result(tmp_path, class_rows):
    code, rows = class_rows
    teacher = tmp_path / "teacher"
    took_class_quiz(teacher, "李四")
    for row in rows:
        row["started"] = "2000-01-01T00:00:00.000+00:00"
    refused(imported(tmp_path, rows, teacher), "李四")


def test_the_leaderboard_says_which_results_were_imported(tmp_path, class_rows):
    code, rows = class_rows
    assert imported(tmp_path, rows).returncode == 0
    (result,) = open_store(tmp_path / "teacher").ranking(quiz_code=code)
    assert result.imported
    assert "导入" in run("stats", "--data-dir", str(tmp_path / "teacher"), "--code", code).stdout


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("answered", "2024-05-01T10:00:00", "时区"),
        ("started", "2024-05-01T10:00:00", "时区"),
        ("settings", "[1, 2]", "settings"),
        ("settings", '{"cheat": 1}', "cheat"),
    ],
)
def test_fields_that_would_crash_later_are_refused(tmp_path, field, value, reason):
    from helpers import answer_some

    answer_some(tmp_path / "pupil")
    rows = exported(tmp_path / "pupil")
    rows[0][field] = value
    refused(imported(tmp_path, rows), "第 1 条: ")
    assert reason in imported(tmp_path, rows).stderr


def test_settings_given_as_an_object_are_read(tmp_path):
    from helpers import answer_some

    answer_some(tmp_path / "pupil")
    rows = exported(tmp_path / "pupil")
    rows[0]["settings"] = json.loads(rows[0]["settings"])
    assert imported(tmp_path, rows).returncode == 0


def test_a_deeply_nested_file_is_refused_in_chinese(tmp_path):
    refused(imported(tmp_path, None, raw=b"[" * 100_000 + b"]" * 100_000), "嵌套")


@pytest.mark.parametrize("codec", ["gbk", "utf-16"])
def test_an_export_in_another_encoding_is_read_or_refused_in_chinese(tmp_path, codec):
    result = imported(tmp_path, None, raw='[{"profile": "张三"}]'.encode(codec))
    assert result.returncode == 1 and "codec" not in result.stderr and "第 1 条" in result.stderr
