"""One question's response of any type: graded, written as text for the record, and the
expected answer as text; and whether a title shown beside a question gives it away."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from studytui import grading
from studytui.bankfile.bank import Question
from studytui.text import normalize
from studytui.vocabulary import QuestionType, Strictness

SEPARATORS: dict[str, str] = {QuestionType.CLOZE: " / ", QuestionType.ORDER: " → "}
"""How the parts of an answer are joined as text (the rest with 、)."""


def grade_question(question: Question, response: Any, strictness: Strictness = Strictness.NORMAL) -> grading.Grade:
    """Grade what the user gave for a question of any type.

    cloze: a string (one blank) or one string per blank; choice: the option;
    multi: the chosen options; judge: True/False; order: the items in order;
    list: the typed text (or the items).
    """
    kind = question.type
    if kind == QuestionType.CLOZE:
        blanks = [response] if isinstance(response, str) else list(response or [])
        if len(question.answer) == 1:
            accept = question.accept[0] if question.accept else ()
            return grading.grade_blank(question.answer[0], blanks[0] if blanks else "", accept, strictness)
        return grading.grade_blanks(question.answer, blanks, question.accept, strictness)
    if kind == QuestionType.CHOICE:
        return grading.grade_choice(question.answer, response)
    if kind == QuestionType.MULTI:
        return grading.grade_multi(question.answer, response or ())
    if kind == QuestionType.JUDGE:
        return grading.grade_judge(question.answer, response)
    if kind == QuestionType.ORDER:
        return grading.grade_order(question.answer, list(response or ()))
    typed = response if isinstance(response, str) else "、".join(response or ())
    return grading.grade_list(question.answer, typed, strictness, question.min_items)


def response_text(question: Question, response: Any) -> str:
    """What the user gave, as text for the record."""
    if response is None:
        return ""
    if question.type == QuestionType.JUDGE:
        return "对" if response else "错"
    if isinstance(response, str):
        return response
    separator = SEPARATORS.get(question.type, "、")
    return separator.join(response)


def expected_text(question: Question) -> str:
    answer = question.answer
    if question.type == QuestionType.JUDGE:
        return "对" if answer else "错"
    if isinstance(answer, str):
        return answer
    return SEPARATORS.get(question.type, "、").join(answer)


PHRASE = 4
"""Characters an answer and a title share before the title counts as showing the answer."""


def gives_away(question: Question, text: str) -> bool:
    """Whether ``text`` shown beside the question (a section or bank title) would show
    its answer: an item of the answer, or four characters running of one (反腐败斗争 of
    党风廉政建设和反腐败斗争 in 清醒认识反腐败斗争的严峻复杂形势), appear in it; for a judge
    statement, four characters running of the statement."""
    shown = normalize(text)
    if not shown:
        return False
    if question.type == QuestionType.JUDGE:
        return _shares_a_phrase(normalize(question.prompt.partition("：")[2] or question.prompt), shown)
    answer = question.answer
    items = [answer] if isinstance(answer, str) else list(answer)
    return any(_shares_a_phrase(normalize(item), shown) for item in items)


def section_title_shown(question: Question, asked: Sequence[Question], title: str) -> str:
    """The section title shown above ``question``, unless it gives away the answer of a question of
    that section the session asks (提高政治站位 above every question of its part, and 提高____ among them)."""
    return "" if any(q.section == question.section and gives_away(q, title) for q in asked) else title


def _shares_a_phrase(item: str, shown: str) -> bool:
    """Whether ``shown`` holds ``item`` or PHRASE characters running of it."""
    length = min(PHRASE, len(item))
    return length > 0 and any(item[i : i + length] in shown for i in range(len(item) - length + 1))
