"""Grading (README.md, 评分; cases in tests/data/grading_cases.yaml): the shared cases, each rule, several blanks, lists and exact types."""

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from studytui import grading
from studytui.grading import CLOSE, CORRECT, WRONG, grade
from studytui.text import normalize, normalize_with_spans

SHARED_CASES = Path(__file__).parent / "data" / "grading_cases.yaml"


def shared_cases():
    return yaml.safe_load(SHARED_CASES.read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", shared_cases(), ids=lambda c: f"{c['expected']}|{c['answer']}")
def test_shared_grading_case(case):
    assert grade(str(case["expected"]), str(case["answer"])).verdict == case["verdict"]


@pytest.mark.parametrize(
    "text,normal",
    [
        ("“两个维护”", "2个维护"),
        ("二〇二〇年", "2020年"),
        ("五月二十二日", "5月22日"),
        ("一百零五", "105"),
        ("六十个左右", "60个左右"),
        ("十三五", normalize("13五")),
        ("ＡＢＣ　互联网＋监督", "abc互联网监督"),
        ("007号", "007号"),
    ],
)
def test_normalisation(text, normal):
    assert normalize(text) == normal


def test_homophone_slip_is_close_and_shown_on_the_typed_answer():
    result = grade("七个有之", "七个有知")
    assert result.verdict == CLOSE and result.score == 0.5
    (diff,) = result.differences
    assert (diff.kind, diff.expected, diff.typed, diff.reason) == ("replace", "之", "知", "同音字")
    assert "七个有知"[slice(*diff.span)] == "知"


def test_polyphonic_characters_count_every_reading():
    assert grade("常态化", "长态化").verdict == CLOSE  # 长 is chang as well as zhang


def test_number_and_negation_never_slip():
    number = grade("七个有之", "八个有之")
    assert number.verdict == WRONG and number.differences[0].reason == "数字不符"
    negation = grade("不敢腐不能腐不想腐", "敢腐不能腐不想腐")
    assert negation.verdict == WRONG and negation.differences[0].reason == "否定词不符"
    # a homophone of a negation is still a negation change: 不 (bu) and 部 (bu)
    assert grade("不敢腐", "部敢腐").verdict == WRONG


def test_particles_only_one_and_only_particles():
    assert grade("织密日常监督之网", "织密日常监督网").differences[0].reason == "少字"
    assert grade("织密日常监督之网", "织密日常监督网").verdict == CLOSE
    assert grade("精准运用四种形态", "精准运用四种形态的了").verdict == WRONG  # two particles
    assert grade("一把手", "一把手们").verdict == WRONG  # 们 is not a particle


def test_edit_budget_grows_with_length():
    # 8 characters allow 2 slips, 4 characters only 1
    assert grade("推动政治监督具体", "推动政值监毒具体").verdict == CLOSE
    assert grade("两个维护", "两个为户").verdict == WRONG


def test_accept_alternatives():
    assert grade("十三五", "第十三个五年", accept=["第十三个五年"]).verdict == CORRECT
    result = grade("十三五", "第十三个五年规化", accept=["第十三个五年规划"])
    assert result.verdict == CLOSE and result.expected == "第十三个五年规划"


def test_strictness_sets_the_close_score():
    assert grade("两个维护", "两个维户", strictness="strict").score == 0.0
    assert grade("两个维护", "两个维户", strictness="lenient").score == 1.0
    with pytest.raises(ValueError):
        grade("a", "a", strictness="harsh")


def test_several_blanks_score_the_mean():
    result = grading.grade_blanks(["惩前毖后", "治病救人"], ["惩前毖后", "治病就人"])
    assert result.verdict == CLOSE and result.score == 0.75
    assert [p.verdict for p in result.parts] == [CORRECT, CLOSE]
    assert grading.grade_blanks(["甲", "乙"], ["甲"]).score == 0.5  # an unanswered blank is wrong


def test_list_items_in_any_order_with_any_separator():
    expected = ["朋友圈", "社交圈", "生活圈"]
    result = grading.grade_list(expected, "生活圈，朋友圈 社交圈")
    assert result.verdict == CORRECT and result.score == 1.0
    assert not result.missing and not result.extra


def test_list_reports_missing_extra_and_slips():
    expected = ["审批监管", "执法司法", "工程建设", "资源开发"]
    result = grading.grade_list(expected, "工程建设；执法司发\n天网行动")
    assert result.missing == ("审批监管", "资源开发")
    assert result.extra == ("天网行动",)
    # 1 + 0.5 (close) + 0 (extra), over 4 expected items
    assert result.score == pytest.approx(0.375)
    assert result.verdict == CLOSE


def test_list_nothing_right_is_wrong():
    result = grading.grade_list(["朋友圈", "社交圈"], "工作圈、学习圈")
    assert result.verdict == WRONG and result.score == 0.0


def test_exact_types_and_partial_credit():
    assert grading.grade_choice("七个有之", "七个有之").verdict == CORRECT
    assert grading.grade_choice("七个有之", "八个有之").verdict == WRONG
    assert grading.grade_judge(False, False).verdict == CORRECT
    assert grading.grade_judge(True, None).verdict == WRONG
    multi = grading.grade_multi(["甲", "乙", "丙"], ["甲", "乙", "丁"])
    assert multi.verdict == CLOSE and multi.score == pytest.approx(1 / 3)
    assert grading.grade_multi(["甲", "乙"], ["甲", "乙"]).verdict == CORRECT
    assert grading.grade_multi(["甲"], ["乙"]).score == 0.0
    order = grading.grade_order(["不敢腐", "不能腐", "不想腐"], ["不敢腐", "不想腐", "不能腐"])
    assert order.verdict == CLOSE and order.score == pytest.approx(1 / 3)
    assert grading.grade_order(["一", "二"], ["一", "二"]).verdict == CORRECT


@settings(max_examples=400, deadline=None)
@given(st.text(), st.text())
def test_grading_never_raises(expected, answer):
    result = grade(expected, answer)
    assert result.verdict in (CORRECT, CLOSE, WRONG) and 0.0 <= result.score <= 1.0
    for diff in result.differences:
        assert 0 <= diff.span[0] <= diff.span[1] <= len(answer)


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=1).filter(lambda s: normalize(s)))
def test_same_text_is_always_correct(text):
    assert grade(text, text).verdict == CORRECT


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.sampled_from("〇零一二两三四五六七八九十百千万亿0123456789年月个"))))
def test_normalisation_is_idempotent(text):
    assert normalize(normalize(text)) == normalize(text)
    assert normalize_with_spans(text)[0] == normalize(text)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=8), max_size=6), st.text(max_size=40))
def test_list_grading_never_raises(expected, answer):
    result = grading.grade_list(expected or ["甲"], answer)
    assert 0.0 <= result.score <= 1.0
