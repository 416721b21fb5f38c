"""List questions that ask for "at least N items" (``min_items``): the bank says how
many make a full answer, validate checks it, and the grader scores against it."""

import pytest

from studytui.bankfile import loader, validation
from studytui.bankfile.bank import dump
from studytui.grading import grade_list
from studytui.paths import shipped_banks_dir
from studytui.quiz import grade_question

EX_LIST = next(q for q in loader.load(shipped_banks_dir() / "example.yaml").questions if q.id == "ex-list")


def test_the_example_asks_for_any_three():
    assert EX_LIST.min_items == 3 and len(EX_LIST.answer) == 7


def test_three_right_items_are_a_full_answer():
    result = grade_question(EX_LIST, "审批监管、执法司法、工程建设")
    assert (result.verdict, result.score, result.missing) == ("correct", 1.0, ())


def test_fewer_than_needed_scores_their_share_of_the_needed():
    result = grade_question(EX_LIST, "审批监管、执法司法")
    assert result.verdict == "close" and result.score == pytest.approx(2 / 3)


def test_a_wrong_item_past_a_full_answer_still_costs():
    result = grade_question(EX_LIST, "审批监管、执法司法、工程建设、天网行动")
    assert result.verdict == "close" and result.score == pytest.approx(3 / 4) and result.extra == ("天网行动",)


def test_more_than_needed_is_never_more_than_full():
    assert grade_question(EX_LIST, "、".join(EX_LIST.answer)).score == 1.0


def test_without_min_items_every_item_is_needed():
    result = grade_list(["朋友圈", "社交圈", "工作圈"], "朋友圈、社交圈")
    assert result.verdict == "close" and result.score == pytest.approx(2 / 3) and result.missing == ("工作圈",)


LIST = "title: t\nquestions:\n  - id: a\n    type: list\n    prompt: p\n    answer: [甲, 乙, 丙]\n"


@pytest.mark.parametrize(
    ("extra", "fragment"),
    [
        ("    min_items: 0\n", "min_items 应为正整数"),
        ("    min_items: 两项\n", "min_items 应为正整数"),
        ("    min_items: 4\n", "min_items 为 4，但答案只列了 3 项"),
    ],
)
def test_validate_checks_min_items(extra, fragment):
    (problem,) = validation.parse(LIST + extra, "b.yaml").errors
    assert problem.line == 7 and fragment in problem.message


def test_min_items_belongs_to_list_questions_only():
    text = "title: t\nquestions:\n  - id: a\n    type: order\n    prompt: p\n    answer: [甲, 乙]\n    min_items: 1\n"
    (problem,) = validation.parse(text, "b.yaml").errors
    assert problem.line == 7 and "不使用“min_items”" in problem.message


def test_min_items_is_written_and_read_back():
    bank = validation.parse(LIST + "    min_items: 2\n").bank
    assert bank.questions[0].min_items == 2
    assert validation.parse(dump(bank)).bank == bank


def test_min_items_survives_the_bank_cache(tmp_path):
    from studytui.library import Library

    Library(tmp_path).load()
    cached = Library(tmp_path)
    cached.load()
    again = next(q for q in cached.find("example").questions if q.id == "ex-list")
    assert again == EX_LIST and again.min_items == 3
