"""The command line as a user runs it: exit codes and what it prints."""

import subprocess
import sys

from studytui import __version__
from studytui.cli import main
from studytui.paths import shipped_banks_dir
from helpers import answer_some


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
    bad.write_text(
        "title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    options: [甲, 乙]\n    answer: 丙\n",
        encoding="utf-8",
    )
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


def test_grade_prints_each_reason_once(capsys):
    assert main(["grade", "天网行动", "天网2020行动"]) == 0
    out = capsys.readouterr().out
    assert out.count("多了“2020”（数字不符）") == 1


def test_grade_json_shows_original_characters():
    import json

    result = run("grade", "七个有之", "八个有之", "--json")
    data = json.loads(result.stdout)
    assert data["verdict"] == "wrong"
    assert data["differences"] == [
        {"kind": "replace", "expected": "七", "typed": "八", "start": 0, "end": 1, "reason": "数字不符"}
    ]


def test_stats_reports_each_profile(tmp_path):
    import json

    answer_some(tmp_path)
    result = run("--data-dir", str(tmp_path), "stats")
    assert result.returncode == 0 and "张三：连续学习 1 天，今日作答 3 题" in result.stdout
    assert "各题库得分率" in result.stdout and "正确率" not in result.stdout  # the mean score, not the share right
    data = json.loads(run("stats", "--data-dir", str(tmp_path), "--profile", "张三", "--json").stdout)
    assert data[0]["answers_today"] == 3 and data[0]["weakest"][0]["question_id"] == "ex-choice"
    missing = run("stats", "--data-dir", str(tmp_path), "--profile", "无名")
    assert missing.returncode == 1 and "没有名为“无名”的用户" in missing.stderr


def test_export_csv_opens_in_excel_and_json_has_every_answer(tmp_path):
    import csv
    import json

    answer_some(tmp_path)
    out = tmp_path / "answers.csv"
    assert run("export", "--data-dir", str(tmp_path), "-o", str(out)).returncode == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads it as UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:6] == ["姓名", "题库", "题号", "题目", "作答", "判定"]
    assert [r[4] for r in rows[1:]] == ["两个维户", "2020 / 十三五", "八个有之"]
    data = json.loads(run("export", "--data-dir", str(tmp_path), "--format", "json").stdout)
    assert [d["verdict"] for d in data] == ["close", "correct", "wrong"]


def test_a_broken_database_is_reported_and_set_aside(tmp_path):
    (tmp_path / "studytui.db").write_bytes(b"garbage" * 200)
    result = run("--data-dir", str(tmp_path), "stats")
    assert result.returncode == 0 and "已改名为 studytui.db.broken-" in result.stderr
    assert list(tmp_path.glob("studytui.db.broken-*"))


def _class_quiz_on(data_dir, name, code, right=True):
    from studytui.bankfile import loader
    from studytui.quiz import QuizSession
    from studytui.quiz_code import find_bank, parse_code
    from studytui.store import open_store

    store = open_store(data_dir)
    quiz = parse_code(code)
    chosen = find_bank(quiz, [loader.load(shipped_banks_dir() / "qichu-qifali.yaml")])
    session = QuizSession.start(store, chosen, store.profile(name), quiz.settings(), quiz_code=code)
    while not session.done:
        q = session.current
        given = list(q.answer) if q.type == "cloze" else "、".join(q.answer) if q.type == "list" else q.answer
        session.submit(given if right else None)
    store.close()


def test_answers_from_other_machines_merge_without_duplicates(tmp_path):
    import json

    from studytui.bankfile import loader
    from studytui.quiz_code import class_code

    code = class_code(loader.load(shipped_banks_dir() / "qichu-qifali.yaml"), seed=5, count=6, minutes=10)
    _class_quiz_on(tmp_path / "a", "甲", code, right=True)
    _class_quiz_on(tmp_path / "b", "乙", code, right=False)
    another_code = class_code(loader.load(shipped_banks_dir() / "qichu-qifali.yaml"), seed=6, count=2, minutes=0)
    _class_quiz_on(tmp_path / "b", "乙", another_code)
    for machine in ("a", "b"):
        result = run(
            "export",
            "--data-dir",
            str(tmp_path / machine),
            "--code",
            code.lower(),
            "--format",
            "json",
            "-o",
            str(tmp_path / f"{machine}.json"),
        )
        assert result.returncode == 0
    assert len(json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))) == 6  # only that code's answers
    teacher = tmp_path / "teacher"
    first = run("import", "--data-dir", str(teacher), str(tmp_path / "a.json"), str(tmp_path / "b.json"))
    assert first.returncode == 0 and "新增 6 条" in first.stdout
    again = run("import", "--data-dir", str(teacher), str(tmp_path / "a.json"))
    assert "新增 0 条作答，6 条已有" in again.stdout
    rows = json.loads(run("export", "--data-dir", str(teacher), "--format", "json").stdout)
    assert len(rows) == 12 and {r["profile"] for r in rows} == {"甲", "乙"}
    from studytui.store import open_store

    ranking = open_store(teacher).ranking(quiz_code=code)
    assert [(r.name, r.score) for r in ranking] == [("甲", 6.0), ("乙", 0.0)]
    report = run("report", "--data-dir", str(teacher), "--code", code)
    assert report.returncode == 0 and "| 题号 | 题目 | 作答人次 | 答对 | 答对率 |" in report.stdout
    ranked = run("stats", "--data-dir", str(teacher), "--code", code)
    assert (
        "  1. 甲（导入）　得分 6" in ranked.stdout
        and "  2. 乙（导入）　得分 0" in ranked.stdout
        and "答错最多的题" in ranked.stdout
    )
    per_question = report.stdout.split("## 各题")[1]
    assert per_question.count("| 2 | 1 | 50% |") == 6  # each of the six questions: two answered, one right


def test_import_refuses_what_is_not_an_export(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"not": "a list"}', encoding="utf-8")
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2,\n oops]", encoding="utf-8")
    result = run("import", "--data-dir", str(tmp_path), str(bad), str(broken))
    assert result.returncode == 1
    assert f"{bad}:1: 不是 studytui export" in result.stderr and f"{broken}:2: 不是有效的 JSON" in result.stderr


def test_an_unusable_data_folder_or_output_is_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = run("--data-dir", str(blocker / "data"), "stats")
    assert result.returncode == 1 and str(blocker / "data") in result.stderr and "Traceback" not in result.stderr
    out = run("export", "--data-dir", str(tmp_path / "d"), "-o", str(blocker / "x.csv"))
    assert out.returncode == 1 and "Traceback" not in out.stderr
