"""A cloze blank that holds an enumeration is graded like a list (issue 11)."""

from studytui.grading import CORRECT, grade_blanks

EXPECTED = ["新问题萌发、老问题复燃、小问题坐大"]


def test_items_typed_in_another_order_are_right():
    result = grade_blanks(EXPECTED, ["老问题复燃、小问题坐大、新问题萌发"])
    assert result.verdict == CORRECT and result.score == 1


def test_each_item_is_graded_on_its_own():
    result = grade_blanks(EXPECTED, ["老问题复燃、新问题萌发"])
    assert 0.5 < result.score < 1


def test_a_pair_is_still_one_string():
    assert grade_blanks(["抓早抓小、防微杜渐"], ["防微杜渐、抓早抓小"]).score < 1
