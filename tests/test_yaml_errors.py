"""An instructor's YAML mistakes, told in Chinese on the right line with the likely
cause, whichever YAML parser read the file, and all of them in one run."""

import re
from pathlib import Path

import pytest
import yaml

from studytui.bankfile import syntax
from studytui.cli import main
from studytui.bankfile.validation import parse

SIX = Path(__file__).parent / "data" / "six_mistakes.yaml"
ENGLISH = re.compile(r"\b(found|expected|mapping|scanning|parsing|while|allowed|token)\b")

SYNTAX = [
    ("tab", "title: t\nquestions:\n  - id: a\n\ttype: cloze\n", 4, "制表符（Tab）"),
    (
        "full-width colon",
        "title: t\nquestions:\n  - id: a\n    type: cloze\n    prompt： 践行“____”\n    answer: x\n",
        5,
        "“prompt”后面用了全角冒号“：”",
    ),
    ("full-width colon, first key", "title: t\nquestions:\n  - id： a\n    type: cloze\n", 3, "“id”后面用了全角冒号"),
    ("full-width colon, top level", "title： t\nquestions: []\n", 1, "“title”后面用了全角冒号"),
    ("no space after colon", "title: t\nquestions:\n  - id: a\n    type:cloze\n    prompt: x\n", 4, "“type:”后面少了一个空格"),
    (
        "indented too far",
        "title: t\nquestions:\n  - id: a\n    type: cloze\n      prompt: x\n    answer: y\n",
        5,
        "比上一行多 2 个",
    ),
    (
        "indented too little",
        "title: t\nquestions:\n  - id: a\n    type: cloze\n   prompt: x\n    answer: y\n",
        5,
        "比上一行少 1 个",
    ),
    ("colon and space in a value", "title: t\nquestions:\n  - id: a\n    prompt: 注意: 这里\n", 4, "请给整个值加上引号"),
    ("dash without space", "title: t\nquestions:\n  -id: a\n    answer: y\n", 3, "“-”后面少了一个空格"),
    ("unclosed quote", 'title: t\nquestions:\n  - id: a\n    prompt: "abc\n    answer: y\n', 4, "引号没有配对"),
    ("unclosed bracket", "title: t\nquestions:\n  - id: a\n    options: [a, b\n    answer: y\n", 4, "方括号“[”没有配对"),
    ("two documents", "title: t\n---\nquestions: []\n", 2, "只能有一个 YAML 文档"),
    ("undefined alias", "title: *a\nquestions: []\n", 1, "未定义的锚点"),
]


@pytest.fixture(params=["CSafeLoader", "SafeLoader"])
def parser(request, monkeypatch):
    """Each case is read by libyaml's parser and by PyYAML's own, whose messages differ."""
    if not hasattr(yaml, request.param):
        pytest.skip("PyYAML built without libyaml")
    monkeypatch.setattr(syntax, "_Loader", getattr(yaml, request.param))


@pytest.mark.parametrize("text,line,fragment", [c[1:] for c in SYNTAX], ids=[c[0] for c in SYNTAX])
def test_a_syntax_error_is_told_in_chinese_on_its_line(parser, text, line, fragment):
    problem = parse(text, "b.yaml").errors[0]
    assert problem.line == line and problem.message.startswith("YAML 语法错误：") and fragment in problem.message, str(problem)
    assert not ENGLISH.search(problem.message), problem.message


def test_the_six_classic_mistakes_are_all_reported_in_one_run(capsys):
    assert main(["validate", str(SIX)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [
        f"{SIX}:12: YAML 语法错误：缩进不对：这一行缩进了 6 个空格，比上一行多 2 个（同一层的键要对齐）",
        f"{SIX}:17: YAML 语法错误：用了制表符（Tab）缩进；YAML 只能用空格缩进，请把 Tab 换成空格",
        f"{SIX}:21: YAML 语法错误：“prompt”后面用了全角冒号“：”，请改为半角冒号“:”再加一个空格",
        f"{SIX}:27: 答案“九项规定”不在 options 中",
        f"{SIX}:28: 题目 id“q1”重复（第 5 行已用过）",
        f"{SIX}:34: 未知的键“promt”（是不是“prompt”？可用：id、type、section、prompt、options、answer、accept、explanation、source、tags、points、min_items、reviewed、score）",
        f"{SIX}: 无效（invalid），共 6 个问题",
    ]


def test_after_an_error_in_a_top_level_key_the_questions_are_still_checked():
    text = "title： t\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    options: [甲, 乙]\n    answer: 丙\n"
    (syntax_error, answer) = parse(text).errors
    assert (syntax_error.line, answer.line, answer.message) == (1, 7, "答案“丙”不在 options 中")


def test_a_broken_question_adds_no_problems_of_its_own():
    text = "title: t\nquestions:\n  - id: a\n    type：judge\n    prompt: p\n    answer: true\n"
    assert [p.line for p in parse(text).errors] == [4]


def test_a_misspelt_required_key_is_one_problem():
    text = "title: t\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    anwser: true\n"
    assert [str(p) for p in parse(text, "b.yaml").errors] == [
        "b.yaml:6: 未知的键“anwser”（是不是“answer”？可用：id、type、section、prompt、options、answer、accept、explanation、source、tags、points、min_items、reviewed、score）",
    ]


@pytest.mark.parametrize(("written", "meant"), [("对", True), ("错", False), ("true", True), ("false", False)])
def test_a_judge_answer_may_be_written_in_chinese(written, meant):
    text = f"title: t\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    answer: {written}\n"
    assert parse(text).bank.questions[0].answer is meant
