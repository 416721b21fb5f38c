"""The record on the command line: stats, export, import and report as a teacher (or a
forger) uses them: trusted scores, safe output, damaged files survived, Chinese for people,
spreadsheets that read well, and a closed pipe."""

import csv
import json
import os
import random
import subprocess
import sys
from datetime import datetime

import pytest

from helpers import answer_some


def run(*args, **env):
    return subprocess.run([sys.executable, "-m", "studytui", *args], capture_output=True, text=True, env={**os.environ, **env})


def exported(data_dir, *extra):
    result = run("export", "--data-dir", str(data_dir), "--format", "json", *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_forged_verdict_is_graded_again_on_import(tmp_path):
    answer_some(tmp_path / "pupil")
    rows = exported(tmp_path / "pupil")
    for row in rows:
        row["verdict"], row["score"] = "correct", 1.0
    forged = tmp_path / "forged.json"
    forged.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = run("import", "--data-dir", str(tmp_path / "teacher"), str(forged))
    assert result.returncode == 0 and "新增 3 条" in result.stdout
    assert [(r["verdict"], r["score"]) for r in exported(tmp_path / "teacher")] == [
        ("close", 0.5),
        ("correct", 1.0),
        ("wrong", 0.0),
    ]


@pytest.mark.parametrize(
    "field, value, reason",
    [
        ("score", float("inf"), "score 应为 0 到 1 之间的数"),
        ("score", float("nan"), "score 应为 0 到 1 之间的数"),
        ("score", 1e308, "score 应为 0 到 1 之间的数"),
        ("score", -1000, "score 应为 0 到 1 之间的数"),
        ("score", 10**30, "score 应为 0 到 1 之间的数"),
        ("score", [1], "score 应为 0 到 1 之间的数"),
        ("profile", "   ", "姓名无效"),
        ("profile", "", "姓名无效"),
        ("verdict", "perfect", "未知的判定"),
        ("mode", "cheat", "未知的模式"),
        ("quiz_code", "QZ-AAAA-AAAA-AAAA", "测验码"),
        ("seconds", "fast", "seconds 应为"),
    ],
)
def test_an_untrustworthy_row_refuses_the_whole_file(tmp_path, field, value, reason):
    answer_some(tmp_path / "pupil")
    rows = exported(tmp_path / "pupil")
    rows[1][field] = value
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    result = run("import", "--data-dir", str(tmp_path / "teacher"), str(bad))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"{bad}: 第 2 条: {reason}" in result.stderr
    assert exported(tmp_path / "teacher") == []  # nothing of a refused file is kept
    assert run("stats", "--data-dir", str(tmp_path / "teacher")).returncode == 0


def test_importing_a_csv_says_to_export_json(tmp_path):
    answer_some(tmp_path)
    out = tmp_path / "answers.csv"
    assert run("export", "--data-dir", str(tmp_path), "-o", str(out)).returncode == 0
    result = run("import", "--data-dir", str(tmp_path / "teacher"), str(out))
    assert result.returncode == 1 and "--format json" in result.stderr


def test_export_refuses_an_empty_code(tmp_path):
    answer_some(tmp_path)
    result = run("export", "--data-dir", str(tmp_path), "--code", "")
    assert result.returncode == 1 and "测验码为空" in result.stderr and result.stdout == ""


def test_json_export_carries_each_sessions_question_list_once(tmp_path):
    answer_some(tmp_path)
    rows = exported(tmp_path)
    assert ["settings" in r for r in rows] == [True, False, False]
    result = run("import", "--data-dir", str(tmp_path / "teacher"), str(_saved(tmp_path, rows)))
    assert result.returncode == 0
    from studytui.store import open_store

    teacher = open_store(tmp_path / "teacher")
    assert json.loads(teacher.session(1).settings) == json.loads(rows[0]["settings"])


def _saved(folder, rows):
    path = folder / "export.json"
    path.write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    return path


def test_csv_cells_never_start_a_formula(tmp_path):
    answer_some(tmp_path, name='=HYPERLINK("x")')
    from studytui.store import Answer, open_store

    store = open_store(tmp_path)
    store.record(Answer(1, "ex-choice", "题目", "+cmd|' /C calc'!A0", "wrong", 0.0, 1.0))
    store.close()
    out = tmp_path / "answers.csv"
    assert run("export", "--data-dir", str(tmp_path), "-o", str(out)).returncode == 0
    rows = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)
    assert "'+cmd|' /C calc'!A0" in cells and '\'=HYPERLINK("x")' in cells


def test_stats_never_prints_a_terminal_escape(tmp_path):
    from studytui.store import Answer, open_store

    store = open_store(tmp_path)
    store.db.execute(
        "INSERT INTO profiles(name, created) VALUES ('甲\x1b]0;pwned\x07', '2024-01-01T00:00:00+00:00')"
    )  # kept before names were checked
    sid = store.start_session(store.profile("甲\x1b]0;pwned\x07"), "b\x1b[2J", "h", "practice", {})
    store.record(Answer(sid, "q\x1b[31m", "题目\x1b[5m", "x", "wrong", 0.0, 1.0, "s\x1b[1m", "k\x1b[1m"))
    store.close()
    result = run("stats", "--data-dir", str(tmp_path))
    assert result.returncode == 0 and "\x1b" not in result.stdout and "\x07" not in result.stdout
    assert "甲\\u001b]0;pwned\\u0007" in result.stdout


def test_stats_and_csv_speak_chinese_json_keeps_english(tmp_path):
    answer_some(tmp_path)
    out = run("stats", "--data-dir", str(tmp_path)).stdout
    assert "  练习  示例题库：题库格式说明  " in out  # the mode and the bank's title, not practice and example
    assert "践行“两个维护”，推动政治监督具体化常态化 25%" in out and "s1" not in out  # the section's title
    assert "数字提法 50%" in out and "numbered" not in out
    csv_out = run("export", "--data-dir", str(tmp_path)).stdout
    rows = list(csv.reader(csv_out.lstrip("\ufeff").splitlines()))
    assert [(r[5], r[9]) for r in rows[1:]] == [("接近", "练习"), ("正确", "练习"), ("错误", "练习")]
    assert [r["verdict"] for r in exported(tmp_path)] == ["close", "correct", "wrong"]


def test_a_store_damaged_in_the_middle_still_gives_stats_and_export(tmp_path):
    answer_some(tmp_path)
    from studytui.store import open_store

    store = open_store(tmp_path)
    with store.transaction() as db:
        db.executemany(
            "INSERT INTO answers(uid, session_id, profile_id, bank_id, question_id, prompt, typed, verdict, score, seconds, answered, day) "
            "VALUES (?, 1, 1, 'example', 'ex-choice', '题目', '作答', 'wrong', 0, 3, '2025-01-01T00:00:00+00:00', '2025-01-01')",
            [(f"u{i}",) for i in range(3000)],
        )
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    path = tmp_path / "studytui.db"
    with path.open("r+b") as f:
        f.seek(path.stat().st_size // 2)
        f.write(random.Random(3).randbytes(2048))
    result = run("stats", "--data-dir", str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "已改名为 studytui.db.broken-" in result.stderr and "救回" in result.stderr
    assert 2500 < len(exported(tmp_path)) <= 3003  # the noise may land on an index, which is rebuilt


def test_reading_commands_work_on_a_read_only_data_folder(read_only_data):
    stats = run("stats", "--data-dir", str(read_only_data))
    assert stats.returncode == 0 and "张三：连续学习 1 天，今日作答 3 题" in stats.stdout, stats.stderr
    export = run("export", "--data-dir", str(read_only_data), "--format", "json")
    assert export.returncode == 0 and len(json.loads(export.stdout)) == 3
    imported = run("import", "--data-dir", str(read_only_data), "/dev/null")
    assert imported.returncode == 1 and "只读" in imported.stderr and "Traceback" not in imported.stderr


def test_csv_export_has_the_bank_title_local_times_rounded_seconds_and_the_right_answer(tmp_path):
    example = answer_some(tmp_path)
    out = tmp_path / "answers.csv"
    assert run("export", "--data-dir", str(tmp_path), "-o", str(out), TZ="CST-8").returncode == 0
    header, *rows = csv.reader(out.read_text(encoding="utf-8-sig").splitlines())
    row = dict(zip(header, rows[0]))
    assert row["题库"] == example.title and row["题库编号"] == example.id
    assert row["正确答案"] == "两个维护"
    assert [r["正确答案"] for r in (dict(zip(header, r)) for r in rows[1:])] == ["2020 / 十三五", "七个有之"]
    assert row["用时（秒）"] == str(round(float(row["用时（秒）"]), 1))
    assert row["作答时间"].endswith("+08:00")  # the machine's own time zone
    assert datetime.fromisoformat(row["作答时间"]).microsecond == 0
    data = json.loads(run("export", "--data-dir", str(tmp_path), "--format", "json").stdout)
    assert data[0]["bank"] == example.id and data[0]["answered"].endswith("+00:00")  # JSON unchanged


def test_stats_into_a_closed_pipe_ends_quietly(tmp_path):
    answer_some(tmp_path)
    child = subprocess.Popen(
        [sys.executable, "-m", "studytui", "--data-dir", str(tmp_path), "stats"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    child.stdout.close()  # the reader is gone before anything is written, as `| head` does
    stderr = child.stderr.read().decode()
    assert child.wait() == 141 and stderr == ""
