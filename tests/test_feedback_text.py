"""Feedback as text: the marks on a multi, list or cloze answer (more than colour, so they show
under NO_COLOR), and scores with at most one decimal."""

from studytui.bankfile import loader
from studytui.grading import grade
from studytui.paths import shipped_banks_dir
from studytui.quiz import expected_text, grade_question, response_text
from studytui.widgets.feedback import Feedback, format_score, marked_answer

EXAMPLE = loader.load(shipped_banks_dir() / "example.yaml")


def feedback(question_id: str, response) -> Feedback:
    question = next(q for q in EXAMPLE.questions if q.id == question_id)
    return Feedback(grade_question(question, response), question, expected_text(question), response_text(question, response))


def styled(text, style_word: str) -> list[str]:
    return [text.plain[s.start : s.end] for s in text.spans if style_word in str(s.style)]


def test_multi_feedback_marks_wrong_and_missing_picks():
    typed = feedback("ex-multi", ["朋友圈", "工作圈"]).marked_typed()
    assert styled(typed, "strike") == ["✘工作圈"]
    assert "漏选：社交圈、生活圈" in typed.plain and "✔朋友圈" in typed.plain


def test_list_feedback_marks_the_wrong_characters_of_an_item():
    typed = feedback("ex-list", "审批监管、执法思法、工程建设").marked_typed()
    assert "思" in "".join(styled(typed, "underline"))
    assert typed.plain.count("、") == 2


def test_a_wrong_character_is_marked_by_more_than_colour():
    for typed in ("两个维户", "八个维护", "两个个维护", "两维护"):
        marked = marked_answer(grade("两个维护", typed))
        marks = list(marked.spans)
        assert marks and all({"underline", "strike"} & set(str(s.style).split()) or "［" in marked.plain for s in marks), typed


def test_scores_print_with_at_most_one_decimal():
    assert [format_score(x) for x in (38.8333, 0.5, 3.0, 2 / 3)] == ["38.8", "0.5", "3", "0.7"]
