"""The bank format: loading, every validation rule with its exact line, dumping."""

import textwrap
import tracemalloc

import pytest

from studytui import constants
from studytui.bankfile import bank, loader, validation

VALID = textwrap.dedent("""\
    title: 测试题库
    questions:
      - id: q1
        type: cloze
        prompt: 践行“____”
        answer: 两个维护
    """)


def problems_of(tmp_path, text, name="bank.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = loader.validate(path)
    return path, result


def assert_problem(tmp_path, text, line, fragment):
    path, result = problems_of(tmp_path, text)
    assert result.bank is None
    rendered = [str(p) for p in result.errors]
    assert any(r.startswith(f"{path}:{line}: ") and fragment in r for r in rendered), rendered


def test_valid_bank_loads_with_all_fields(tmp_path):
    path, result = problems_of(tmp_path, VALID)
    assert result.problems == []
    assert result.bank.title == "测试题库"
    assert result.bank.id == "bank"  # the file name stem
    (q,) = result.bank.questions
    assert (q.id, q.type, q.answer, q.points) == ("q1", "cloze", ("两个维护",), 1)


def test_shipped_banks_are_valid():
    from studytui.paths import shipped_banks_dir

    files = sorted(shipped_banks_dir().glob("*.yaml"))
    assert files, "no shipped banks found"
    for file in files:
        result = loader.validate(file)
        assert result.errors == [], [str(p) for p in result.errors]


def test_example_bank_shows_every_type():
    from studytui.paths import shipped_banks_dir

    example = loader.load(shipped_banks_dir() / "example.yaml")
    assert set(example.type_counts()) == set(constants.TYPES)


CASES = [
    ("syntax error", "title: x\nquestions:\n  - id: a\n   type: cloze\n", 4, "YAML 语法错误"),
    ("top level list", "- a\n- b\n", 1, "顶层应为映射"),
    ("top level scalar", "just text\n", 1, "应为映射"),
    ("only comments", "# nothing\n", 1, "没有内容"),
    ("missing title", "questions:\n  - {id: a, type: judge, prompt: p, answer: true}\n", 1, "缺少必填的键“title”"),
    ("missing questions", "title: x\n", 1, "缺少必填的键“questions”"),
    ("empty question list", "title: x\nquestions: []\n", 2, "questions 为空"),
    ("questions not a list", "title: x\nquestions: abc\n", 2, "questions应为列表"),
    ("question without id", "title: x\nquestions:\n  - type: judge\n    prompt: p\n    answer: true\n", 3, "缺少必填的键“id”"),
    (
        "question without answer",
        "title: x\nquestions:\n  - id: s1-002\n    type: cloze\n    prompt: p ____\n",
        3,
        "题目 s1-002 缺少必填的键“answer”",
    ),
    (
        "duplicate id points at the second",
        "title: x\nquestions:\n  - {id: a, type: judge, prompt: p, answer: true}\n  - id: b\n    type: judge\n    prompt: p\n    answer: true\n  - id: a\n    type: judge\n    prompt: p\n    answer: false\n",
        8,
        "id“a”重复（第 3 行",
    ),
    (
        "unknown type",
        "title: x\nquestions:\n  - id: a\n    type: clozee\n    prompt: p ____\n    answer: y\n",
        4,
        "是不是“cloze”",
    ),
    (
        "unknown key suggests",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    answer: true\n    anwser: true\n",
        7,
        "未知的键“anwser”（是不是“answer”",
    ),
    (
        "unknown top-level key",
        "title: x\ntitel: y\nquestions:\n  - {id: a, type: judge, prompt: p, answer: true}\n",
        2,
        "是不是“title”",
    ),
    (
        "wrong type for prompt",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: [a, b]\n    answer: true\n",
        5,
        "prompt应为文本，而不是列表",
    ),
    (
        "wrong type for title",
        "title: {a: b}\nquestions:\n  - {id: a, type: judge, prompt: p, answer: true}\n",
        1,
        "title应为文本",
    ),
    (
        "points not positive",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    answer: true\n    points: -1\n",
        7,
        "points 应为正整数",
    ),
    (
        "tags not list",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    answer: true\n    tags: {a: 1}\n",
        7,
        "tags应为列表",
    ),
    (
        "choice answer not in options",
        "title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    options: [甲, 乙, 丙]\n    answer: 丁\n",
        7,
        "答案“丁”不在 options 中",
    ),
    (
        "choice without options",
        "title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    answer: 丁\n",
        4,
        "缺少“options”",
    ),
    (
        "repeated option",
        "title: x\nquestions:\n  - id: a\n    type: choice\n    prompt: p\n    options:\n      - 甲\n      - 乙\n      - 甲\n    answer: 甲\n",
        9,
        "选项“甲”重复",
    ),
    (
        "multi answer not a subset",
        "title: x\nquestions:\n  - id: a\n    type: multi\n    prompt: p\n    options: [甲, 乙, 丙]\n    answer:\n      - 甲\n      - 戊\n",
        9,
        "答案“戊”不在 options 中",
    ),
    (
        "cloze without blanks",
        "title: x\nquestions:\n  - id: a\n    type: cloze\n    prompt: 没有空\n    answer: y\n",
        5,
        "没有空",
    ),
    (
        "cloze blanks and answers differ",
        "title: x\nquestions:\n  - id: a\n    type: cloze\n    prompt: ____和____\n    answer: [甲]\n",
        6,
        "题干有 2 个空，答案却有 1 项",
    ),
    (
        "cloze accept per blank",
        "title: x\nquestions:\n  - id: a\n    type: cloze\n    prompt: ____和____\n    answer: [甲, 乙]\n    accept: [[甲]]\n",
        7,
        "accept 应为 2 个列表",
    ),
    (
        "judge not boolean",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    answer: 也许\n",
        6,
        "true 或 false",
    ),
    (
        "order with one item",
        "title: x\nquestions:\n  - id: a\n    type: order\n    prompt: p\n    answer: [甲]\n",
        6,
        "至少要有两项",
    ),
    (
        "list with one item",
        "title: x\nquestions:\n  - id: a\n    type: list\n    prompt: p\n    answer: [甲]\n",
        6,
        "至少要有两项",
    ),
    (
        "section does not exist",
        "title: x\nsections:\n  - {id: s1, title: 一}\nquestions:\n  - id: a\n    type: judge\n    section: s9\n    prompt: p\n    answer: true\n",
        7,
        "section“s9”不存在（可用：s1）",
    ),
    (
        "options on a judge",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    options: [a, b]\n    answer: true\n",
        6,
        "不使用“options”",
    ),
    ("duplicate key", "title: x\ntitle: y\nquestions:\n  - {id: a, type: judge, prompt: p, answer: true}\n", 2, "键“title”重复"),
    (
        "python tag refused",
        "title: !!python/object/apply:os.system [echo pwned]\nquestions:\n  - {id: a, type: judge, prompt: p, answer: true}\n",
        1,
        "不允许使用 YAML 标签 !!python/object/apply:os.system",
    ),
    (
        "custom tag refused",
        "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: !custom p\n    answer: true\n",
        5,
        "不允许使用 YAML 标签",
    ),
    (
        "alias refused",
        "title: x\ntags: &t [a, b]\nquestions:\n  - id: a\n    type: judge\n    prompt: p\n    answer: true\n    tags: *t\n",
        2,
        "不支持 YAML 别名",
    ),
    ("empty prompt", "title: x\nquestions:\n  - id: a\n    type: judge\n    prompt: ''\n    answer: true\n", 5, "prompt不能为空"),
    (
        "answer key with nothing after it",  # not "应为列表": a plain text answer is as valid
        "title: x\nquestions:\n  - id: a\n    type: cloze\n    prompt: 要做到____。\n    answer:\n",
        6,
        "填空题的答案不能为空",
    ),
    (
        "version other than 1",
        "title: x\nversion: 2\nquestions:\n  - {id: a, type: judge, prompt: p, answer: true}\n",
        2,
        "version 只能是 1",
    ),
]


@pytest.mark.parametrize("text,line,fragment", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_each_rule_reports_its_line(tmp_path, text, line, fragment):
    assert_problem(tmp_path, text, line, fragment)


def test_every_problem_is_reported_at_once(tmp_path):
    text = (
        "title: x\nquestions:\n"
        "  - id: a\n    type: choice\n    prompt: p\n    options: [甲, 甲]\n    answer: 乙\n"
        "  - id: a\n    type: judge\n    prompt: p\n    answer: maybe\n"
    )
    path, result = problems_of(tmp_path, text)
    lines = [p.line for p in result.errors]
    assert lines == [6, 7, 8, 11]


def test_file_level_problems(tmp_path):
    empty = tmp_path / "empty.yaml"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.yaml"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (5 * 1024 * 1024 + 1))
    garbage = tmp_path / "garbage.yaml"
    garbage.write_bytes(bytes([0xFF, 0xFE, 0x80, 0x81]) * 10)
    expected = {
        empty: "文件为空",
        binary: "不是文本文件",
        big: "文件过大",
        garbage: "不是文本文件",
        tmp_path / "missing.yaml": "文件不存在",
    }
    for path, fragment in expected.items():
        (problem,) = loader.validate(path).errors
        assert str(problem).startswith(f"{path}:1: ") and fragment in problem.message


def test_utf8_bom_is_read(tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + VALID.encode("utf-8"))
    result = loader.validate(path)
    assert result.problems == [] and result.bank.title == "测试题库"


def test_gb18030_is_read_with_a_warning_naming_it(tmp_path):
    path = tmp_path / "gbk.yaml"
    path.write_bytes(VALID.encode("gb18030"))
    result = loader.validate(path)
    assert result.bank is not None and result.bank.questions[0].answer == ("两个维护",)
    (warning,) = result.warnings
    assert "GB18030" in warning.message


def test_alias_bomb_is_refused_in_bounded_memory(tmp_path):
    """A billion laughs: refused without being expanded (its expansion would need gigabytes)."""
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    text = "\n".join(lines) + "\ntitle: x\ntags: *a9\nquestions: []\n"
    tracemalloc.start()
    path, result = problems_of(tmp_path, text)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert any("别名" in p.message for p in result.errors)
    assert peak < 20 * 1024 * 1024


def test_deep_nesting_is_refused_not_crashing(tmp_path):
    path, result = problems_of(tmp_path, "title: " + "[" * 200_000 + "]" * 200_000 + "\n")
    assert result.bank is None and "嵌套" in result.errors[0].message


def test_numbers_are_read_as_text_where_text_is_expected(tmp_path):
    text = "title: 2020\nquestions:\n  - id: 1\n    type: cloze\n    prompt: ____年\n    answer: 2020\n"
    path, result = problems_of(tmp_path, text)
    assert result.bank.title == "2020" and result.bank.questions[0].answer == ("2020",)


def test_dump_round_trips_and_keeps_chinese_readable():
    from studytui.paths import shipped_banks_dir

    for file in shipped_banks_dir().glob("*.yaml"):
        original = loader.load(file)
        text = bank.dump(original)
        assert "\\u" not in text
        assert validation.parse(text, default_id=original.id).bank == original


def test_dump_round_trips_every_shape():
    b = bank.Bank(
        title="标题",
        id="t",
        description="说明",
        source="s.txt",
        tags=("甲",),
        sections=(bank.Section("s1", "第一部分"),),
        questions=(
            bank.Question("c1", "cloze", "____和____", ("甲", "乙"), accept=(("甲甲",), ())),
            bank.Question("c2", "cloze", "“____”", ("true",), accept=(("2020",),), section="s1", points=3),
            bank.Question("ch", "choice", "选", "甲", options=("甲", "乙", "丙", "丁")),
            bank.Question("mu", "multi", "选", ("甲", "丙"), options=("甲", "乙", "丙")),
            bank.Question("ju", "judge", "判断", False, explanation="解析", source="原句"),
            bank.Question("or", "order", "排", ("一", "二", "三"), tags=("slogan",)),
            bank.Question("li", "list", "列", ("一", "二")),
        ),
    )
    assert validation.parse(bank.dump(b), default_id="t").bank == b
