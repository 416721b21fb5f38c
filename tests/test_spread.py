"""Questions from one sentence stay apart to the end of a session where the bank allows."""

from studytui.bankfile.bank import Question
from studytui.quiz.picking import spread


def _question(n: int, source: str) -> Question:
    return Question(id=f"q{n}", type="cloze", prompt=f"题{n}", answer=("答",), source=source)


def test_a_sentence_with_two_questions_left_near_the_end_is_asked_early_enough():
    questions = [_question(n, f"句{n}") for n in range(10)] + [_question(10, "同一句"), _question(11, "同一句")]
    placed = spread(questions, gap=5)
    positions = [i for i, q in enumerate(placed) if q.source == "同一句"]
    assert positions[1] - positions[0] > 5
