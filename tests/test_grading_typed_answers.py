"""Grading what a learner types (issue 22): an enumeration in a one-blank cloze, list
separators, partial credit that never punishes trying, traditional and invisible characters,
and a cap on what a typed answer may be."""

import time

import pytest

from studytui import grading
from studytui.bankfile.bank import Question
from studytui.grading import CLOSE, CORRECT, WRONG, grade
from studytui.quiz import grade_question
from studytui.text import normalize

ENUMERATION = "经商办企业、民主作风差、干部群众反映多"
LIST = ["审批监管", "执法司法", "工程建设"]


def cloze(answer: str) -> Question:
    return Question(id="q", type="cloze", prompt="对亲属____的要重点关注。", answer=(answer,))


# -- 1. a list typed into a one-blank cloze ------------------------------------------


def test_a_one_blank_cloze_holding_an_enumeration_is_graded_as_a_list():
    result = grade_question(cloze(ENUMERATION), "民主作风差、经商办企业、干部群众反映多")
    assert result.verdict == CORRECT and result.score == 1


def test_a_one_blank_cloze_list_scores_each_item():
    result = grade_question(cloze(ENUMERATION), ["民主作风差、经商办企业"])
    assert result.verdict == CLOSE and result.score == pytest.approx(2 / 3)
    assert result.missing == ("干部群众反映多",)


def test_an_enumeration_joined_by_semicolons_is_a_list_too():
    result = grade_question(cloze("朋友圈；社交圈；生活圈"), "生活圈、朋友圈、社交圈")
    assert result.verdict == CORRECT


# -- 2. 和、及、与、以及 before the last item ---------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "党的路线方针政策、执行民主集中制、选人用人、廉洁自律和执行制度",
        "党的路线方针政策、执行民主集中制、选人用人、廉洁自律以及执行制度",
        "执行民主集中制、党的路线方针政策、选人用人、执行制度及廉洁自律",
    ],
)
def test_a_conjunction_before_the_last_item_separates_it(typed):
    expected = ["党的路线方针政策", "执行民主集中制", "选人用人", "廉洁自律", "执行制度"]
    assert grading.grade_list(expected, typed).verdict == CORRECT


def test_an_item_that_holds_a_conjunction_stays_whole():
    result = grading.grade_list(["坚持党的领导", "批评和自我批评"], "坚持党的领导、批评和自我批评")
    assert result.verdict == CORRECT


def test_a_cloze_enumeration_whose_last_item_has_a_conjunction():
    answer = "党的路线方针政策、执行民主集中制、选人用人、廉洁自律和执行制度"
    typed = "党的路线方针政策、执行民主集中制、选人用人、廉洁自律、执行制度"
    assert grade_question(cloze(answer), answer).verdict == CORRECT
    assert grade_question(cloze(answer), typed).verdict == CORRECT


# -- 3. trying never scores less than leaving an item out ----------------------------


@pytest.mark.parametrize("strictness", ["strict", "normal", "lenient"])
@pytest.mark.parametrize(
    "expected,slipped",
    [
        (LIST, "工程建舍"),
        (["食品药品", "教育", "医疗"], "一疗"),  # 一 for 医: a homophone, not a number
        (LIST, "工成建舍"),  # two slips in four characters: wrong, yet no worse than nothing
    ],
)
def test_an_item_with_a_slip_never_scores_less_than_leaving_it_out(strictness, expected, slipped):
    tried = grading.grade_list(expected, "、".join([*expected[:2], slipped]), strictness)
    left_out = grading.grade_list(expected, "、".join(expected[:2]), strictness)
    assert tried.score >= left_out.score


def test_a_wrong_attempt_scores_nothing_rather_than_less():
    assert grading.grade_list(LIST, "审批监管、执法司法、天网行动").score == pytest.approx(2 / 3)


def test_more_items_than_asked_for_cannot_gain():
    result = grading.grade_list(LIST, "审批监管、执法司法、工程建设、天网行动")
    assert result.verdict == CLOSE and result.score == pytest.approx(3 / 4)


# -- 11. slips an examiner would forgive ----------------------------------------------


@pytest.mark.parametrize(
    "expected,typed,verdict",
    [
        ("两个维护", "兩個維護", CORRECT),
        ("七个有之", "七個有之", CORRECT),
        ("全面从严治党", "全面從嚴治黨", CORRECT),
        ("全面从严治党", "全面從嚴治檔", CLOSE),
        ("七个有之", "八個有之", WRONG),
        ("两个维护", "两个维护\ufe0f", CORRECT),
        ("两个维护", "\ufeff两\u200d个\u2060维护\u200e", CORRECT),
        ("两个维护", "两\ufe00个维护\U000e0100", CORRECT),
    ],
)
def test_traditional_and_invisible_characters(expected, typed, verdict):
    assert grade(expected, typed).verdict == verdict


def test_a_homophone_of_a_numeral_is_a_homophone_not_a_number():
    result = grade("两个维护", "量个维护")
    assert result.verdict == CLOSE
    assert [d.reason for d in result.differences] == ["同音字"]
    assert grade("两个维护", "三个维护").differences[0].reason == "数字不符"


def test_traditional_text_shows_differences_on_what_was_typed():
    (diff,) = grade("全面从严治党", "全面從嚴治檔").differences
    assert (diff.expected, diff.typed, diff.span) == ("党", "檔", (5, 6))


# -- 12. a cap on a typed answer, and linear grading below it ------------------------


def test_an_answer_over_the_cap_is_wrong_with_a_reason():
    answer = "十" * (grading.MAX_ANSWER_LENGTH + 1)
    for result in (grade("十不准", answer), grading.grade_list(LIST, answer), grading.grade_blanks(["甲", "乙"], [answer, "乙"])):
        assert result.verdict != CORRECT
        reasons = [grading.describe(d) for d in result.differences]
        assert f"作答过长（超过 {grading.MAX_ANSWER_LENGTH} 字）" in reasons


def test_an_answer_at_the_cap_is_graded():
    answer = "两个维护" + " " * (grading.MAX_ANSWER_LENGTH - 4)
    assert grade("两个维护", answer).verdict == CORRECT


def test_reading_numerals_is_linear():
    started = time.perf_counter()
    assert normalize("十" * 50_000) == "10" * 50_000
    assert time.perf_counter() - started < 1.0
