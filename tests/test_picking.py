"""A blank asked as a cloze and as a choice: once in a test, recognised before recalled in practice."""

from studytui.bankfile.bank import Question
from studytui.quiz.picking import one_per_blank, one_per_sentence, recognised_first

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


def test_a_test_asks_one_sentence_once_while_the_bank_allows():
    source = "深化标本兼治，一体推进不敢腐不能腐不想腐"
    first = Question(id="a", type="cloze", prompt="深化____，一体推进不敢腐不能腐不想腐", answer=("标本兼治",), source=source)
    second = Question(id="b", type="cloze", prompt="深化标本兼治，一体推进____", answer=("不敢腐不能腐不想腐",), source=source)
    other = Question(id="o", type="cloze", prompt="要坚持“____”。", answer=("两个维护",), source="要坚持“两个维护”。")
    assert one_per_sentence([first, second, other], 2) == [first, other]  # the second shows the first's answer
    assert one_per_sentence([first, second, other], 3) == [first, other, second]  # a small bank: all of it
