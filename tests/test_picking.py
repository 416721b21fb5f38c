"""A blank asked as a cloze and as a choice: once in a test, recognised before recalled in practice."""

from studytui.bankfile.bank import Question
from studytui.quiz.picking import one_per_blank, recognised_first

PROMPT = "要坚持“____”，推动政治监督具体化常态化。"
CLOZE = Question(id="c", type="cloze", prompt=PROMPT, answer=("两个维护",))
CHOICE = Question(
    id="h", type="choice", prompt=PROMPT, answer="两个维护", options=("两个维护", "三个维护", "四个维护", "一个维护")
)
OTHER = Question(id="o", type="cloze", prompt="一体推进____。", answer=("不敢腐、不能腐、不想腐",))


def test_a_test_asks_one_blank_once():
    assert one_per_blank([CLOZE, OTHER, CHOICE]) == [CLOZE, OTHER]
    assert one_per_blank([CHOICE, CLOZE]) == [CHOICE]


def test_practice_asks_the_choice_before_the_cloze():
    assert recognised_first([CLOZE, OTHER, CHOICE]) == [CHOICE, OTHER, CLOZE]
    assert recognised_first([CHOICE, OTHER, CLOZE]) == [CHOICE, OTHER, CLOZE]
